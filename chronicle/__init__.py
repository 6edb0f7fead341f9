"""Chronicle: who said what, who did what to whom, and when — from dated news articles.

    >>> import chronicle
    >>> result = chronicle.analyze('"We will act," the minister said.', date="2022-01-27")
    >>> result.quotes[0].cue.text
    'said'
"""
# The subpackage chronicle.analyze is imported first, so that the function bound below keeps
# the name `chronicle.analyze` (a later first import of the subpackage would rebind it).
import chronicle.analyze as _analyze_package  # noqa: F401
from chronicle.api import analyze, analyze_many, load_pipeline
from chronicle.model import Actor, Analysis, Article, Event, Quote, Reject, Span, Speaker, TimeExpr

__version__ = "0.1.0"
__all__ = [
    "analyze", "analyze_many", "load_pipeline",
    "Actor", "Analysis", "Article", "Event", "Quote", "Reject", "Span", "Speaker", "TimeExpr",
]
