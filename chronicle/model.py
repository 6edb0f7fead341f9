"""Chronicle's data model: plain dataclasses that every stage reads and writes.

Offsets are Python string indices into ``Article.text`` (end exclusive). Every
record has ``to_dict()`` giving the JSON shape documented in docs/output-format.md.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

QUOTE_KINDS = ("direct", "indirect", "mixed")
TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")
PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)
MODALITIES = ("asserted", "negated", "future", "conditional")


def _drop_none(d: dict[str, Any], keep: tuple[str, ...] = ()) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None or k in keep}


@dataclass(slots=True)
class Span:
    """A stretch of an article's text."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, text: str, start: int, end: int) -> "Span":
        return cls(start, end, text[start:end])

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(slots=True)
class Article:
    """One dated article as read from any input form."""

    id: str
    text: str
    date: dt.date | None = None
    title: str | None = None
    source: str | None = None
    url: str | None = None
    origin: str | None = None  # "file:record" the article was read from, for messages
    meta: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Python API users write "2022-01-27" or a datetime; every stage reads a day
        if self.date is not None and type(self.date) is not dt.date:
            self.date = _day(self.date, self.id)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "source": self.source,
            "url": self.url,
        }
        if with_text:
            d["text"] = self.text
        return d


def _day(value: Any, article_id: str) -> dt.date | None:
    """A publication date from a date, a datetime (its date, as written) or an ISO string
    ("2022-01-27", "2022-01-27T10:00:00+02:00"); "" is no date. Anything else: ValueError."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        if not value.strip():
            return None
        try:
            return dt.datetime.fromisoformat(value.strip()).date()
        except ValueError:
            pass
    raise ValueError(f"article {article_id!r}: date {value!r} is not a date, a datetime or an "
                     "ISO date string (YYYY-MM-DD)")


@dataclass(slots=True)
class Reject:
    """An input record that could not be read, with the reason; never silently dropped."""

    origin: str  # file path
    record: str  # record number, line or member name within the file
    reason: str

    def to_dict(self) -> dict[str, Any]:
        return {"origin": self.origin, "record": self.record, "reason": self.reason}

    def __str__(self) -> str:
        return f"{self.origin}:{self.record}: {self.reason}"


@dataclass(slots=True)
class Speaker:
    """The mention that governs a cue, and who it denotes."""

    start: int
    end: int
    text: str
    name: str | None = None  # full name of the person/organisation meant
    actor_id: str | None = None
    role: str | None = None  # e.g. "Foreign Minister"
    affiliation: str | None = None  # e.g. "Russia"
    mention_type: str | None = None  # name | pronoun | description | turn

    def to_dict(self) -> dict[str, Any]:
        return _drop_none(
            {
                "start": self.start, "end": self.end, "text": self.text,
                "name": self.name, "actor_id": self.actor_id, "role": self.role,
                "affiliation": self.affiliation, "mention_type": self.mention_type,
            },
            keep=("name", "actor_id"),
        )


@dataclass(slots=True)
class Quote:
    """A quotation: what was said (content), the word that says so (cue), who said it."""

    kind: str  # direct | indirect | mixed
    content: Span
    cue: Span | None = None
    speaker: Speaker | None = None
    said_on: str | None = None  # YYYY-MM-DD
    parts: list[Span] = field(default_factory=list)  # fragments of a split quote, in order
    sentence: Span | None = None  # the sentence holding the cue (evidence)
    # the year, month or decade ("1862", "2019-03", "199X") the saying is set in when only such a
    # period, not a day, governs its cue and it is not the publication's: internal (not
    # serialized), for dating a bare title's office holder (actors.title_holder)
    period: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind,
            "content": self.content.to_dict(),
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "said_on": self.said_on,
        }
        if len(self.parts) > 1:
            d["parts"] = [p.to_dict() for p in self.parts]
        return d


@dataclass(slots=True)
class TimeExpr:
    """A TimeML TIMEX3: a time expression normalized against the publication date."""

    start: int
    end: int
    text: str
    type: str  # DATE | TIME | DURATION | SET
    value: str  # e.g. 2022-01-27, 2022-W03, P2D, PRESENT_REF, XXXX-01-27
    mod: str | None = None  # TIMEX3 mod: BEFORE, AFTER, APPROX, START, END, ...

    def to_dict(self) -> dict[str, Any]:
        return _drop_none({
            "start": self.start, "end": self.end, "text": self.text,
            "type": self.type, "value": self.value, "mod": self.mod,
        })


@dataclass(slots=True)
class Actor:
    """One identity (person, organisation, country, ...) and its mentions in an article."""

    id: str  # stable across articles, e.g. "person:sergey-lavrov", "country:RUS"
    name: str
    type: str  # PERSON | ORG | COUNTRY | IGO | GROUP | UNKNOWN
    country: str | None = None  # ISO 3166-1 alpha-3
    role: str | None = None  # valid on the article's date
    sector: str | None = None  # government | military | opposition | business | media | ...
    code: str | None = None  # CAMEO/Phoenix-style code, e.g. RUSGOV, NATO, USA
    aliases: list[str] = field(default_factory=list)
    mentions: list[Span] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return _drop_none({
            "id": self.id, "name": self.name, "type": self.type, "country": self.country,
            "role": self.role, "sector": self.sector, "code": self.code,
            "aliases": self.aliases,
            "mentions": [m.to_dict() for m in self.mentions],
        }, keep=("country", "role", "sector", "code"))


@dataclass(slots=True)
class Event:
    """Who did what to whom: one PLOVER-coded event, traceable to its evidence sentence."""

    type: str  # one of PLOVER_TYPES
    evidence: Span
    actor: str | None = None  # actor id
    recipient: str | None = None  # actor id
    actor_code: str | None = None  # country / IGO code, e.g. RUS, NATO
    recipient_code: str | None = None
    mode: str | None = None
    context: str | None = None
    date: str | None = None
    modality: str = "asserted"  # asserted | negated | future | conditional
    quote: int | None = None  # index into Analysis.quotes when it comes from a statement
    trigger: Span | None = None

    def to_dict(self) -> dict[str, Any]:
        return _drop_none({
            "type": self.type, "mode": self.mode, "context": self.context,
            "actor": self.actor, "actor_code": self.actor_code,
            "recipient": self.recipient, "recipient_code": self.recipient_code,
            "date": self.date, "modality": self.modality, "quote": self.quote,
            "trigger": self.trigger.to_dict() if self.trigger else None,
            "evidence": self.evidence.to_dict(),
        }, keep=("actor", "recipient", "date"))


@dataclass(slots=True)
class Analysis:
    """Everything Chronicle found in one article."""

    article: Article
    quotes: list[Quote] = field(default_factory=list)
    timexes: list[TimeExpr] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def to_dict(self, with_text: bool = False) -> dict[str, Any]:
        d = self.article.to_dict(with_text=with_text)
        d["quotes"] = [q.to_dict() for q in self.quotes]
        d["timexes"] = [t.to_dict() for t in self.timexes]
        d["actors"] = [a.to_dict() for a in self.actors]
        d["events"] = [e.to_dict() for e in self.events]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any], text: str | None = None) -> "Analysis":
        """The Analysis whose ``to_dict()`` is ``d`` (the JSON of docs/output-format.md), the
        article's text from ``d["text"]`` or ``text``. What the JSON leaves out (an Article's
        origin and meta, a quote's sentence) stays empty."""
        article = Article(id=d["id"], text=d.get("text", text) or "", date=d.get("date"),
                          title=d.get("title"), source=d.get("source"), url=d.get("url"))
        return cls(
            article=article,
            quotes=[Quote(kind=q["kind"], content=_span(q["content"]), cue=_span(q.get("cue")),
                          speaker=Speaker(**q["speaker"]) if q.get("speaker") else None,
                          said_on=q.get("said_on"), parts=[_span(p) for p in q.get("parts", [])])
                    for q in d.get("quotes", [])],
            timexes=[TimeExpr(**t) for t in d.get("timexes", [])],
            actors=[Actor(**{**a, "aliases": list(a.get("aliases", [])),  # DocBin gives tuples
                             "mentions": [_span(m) for m in a.get("mentions", [])]})
                    for a in d.get("actors", [])],
            events=[Event(**{**e, "evidence": _span(e["evidence"]), "trigger": _span(e.get("trigger"))})
                    for e in d.get("events", [])],
        )


def _span(d: dict[str, Any] | None) -> Span | None:
    return Span(d["start"], d["end"], d["text"]) if d else None
