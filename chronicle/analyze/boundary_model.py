"""The learned layer over content boundaries: where a reported content starts and ends.

The parse gives a reported clause's subtree; annotators draw the line elsewhere often enough
(PolNeAR train: a third of the indirect contents Chronicle matches at 0.3 overlap differ from
gold at one end or the other) and for reasons the rules cannot list one by one: a trailing
participle clause, the object a verb phrase cue keeps ("paid [particular attention to] X"), a
subject taken in with a secondary predicate. So each indirect or mixed content gets a few
alternative starts and ends near the parsed ones, on token boundaries inside its sentence; a
logistic regression over features of the words at each boundary (their part of speech, relation,
the constituent that begins or ends there, the distance from the parsed boundary) scores them,
and the best start and the best end win. The parsed boundary is one of the alternatives and the
distance to it a feature, so the layer moves a boundary only where the words around it say so.

Trained by ``scripts/train_boundaries.py`` on PolNeAR's train split (``make model``); the
weights ship as ``chronicle/data/boundary_model.json.gz`` (feature names and numbers only). No
file, no change: the parsed boundaries stand.
"""
from __future__ import annotations

import gzip
import json
from functools import lru_cache
from importlib import resources

from chronicle.analyze.doctext import text_of


# How far (tokens) from the parsed boundary the alternatives reach.
BEFORE, AFTER = 8, 15
# Parts of speech whose words are features themselves; other words stand as their POS.
_FUNCTION = {"DET", "ADP", "SCONJ", "PRON", "CCONJ", "PART", "AUX", "ADV"}
_SKIP = {"PUNCT", "SPACE"}


def _bucket(d: int) -> str:
    if d == 0:
        return "0"
    a = abs(d)
    b = str(a) if a <= 3 else "4-6" if a <= 6 else "7-12" if a <= 12 else "13+"
    return ("-" if d < 0 else "+") + b


def _word(tok) -> str:
    if tok.is_punct:
        return tok.text
    return tok.lower_ if tok.pos_ in _FUNCTION else tok.pos_


def _opening(doc, i: int, lo: int):
    """The largest constituent that starts at token ``i`` (without leaving the sentence)."""
    a = doc[i]
    while a.head.i != a.i and a.head.left_edge.i == i and a.head.i >= lo:
        a = a.head
    return a


def _closing(doc, i: int, hi: int):
    """The largest constituent that ends at token ``i``."""
    a = doc[i]
    while a.head.i != a.i and a.head.right_edge.i == i and a.head.i < hi:
        a = a.head
    return a


def start_features(doc, p: int, s0: int, e0: int, kind: str, cue_i: int = -1) -> list[str]:
    tok = doc[p]
    prev = doc[p - 1] if p > 0 else None
    top = _opening(doc, p, tok.sent.start)
    d = _bucket(p - s0)
    sign = d[0] if d != "0" else "0"
    w = _word(tok)
    pw = _word(prev) if prev is not None else "^"
    return ["S:" + f for f in (
        "bias", "d=" + d, "k=" + kind,
        "w=" + w, "dep=" + tok.dep_, "pw=" + pw, "pdep=" + (prev.dep_ if prev is not None else "^"),
        "top=" + top.dep_, "toppos=" + top.pos_, "cover=" + ("1" if top.right_edge.i >= e0 else "0"),
        "s|w=" + sign + "|" + w, "s|top=" + sign + "|" + top.dep_, "s|pw=" + sign + "|" + pw,
        "pw|w=" + pw + "|" + w, "top|cover=" + top.dep_ + "|" + ("1" if top.right_edge.i >= e0 else "0"),
        "att=" + _attachment(top, cue_i), "s|att=" + sign + "|" + _attachment(top, cue_i),
        "patt=" + (_attachment(_closing(doc, p - 1, tok.sent.end), cue_i) if p > tok.sent.start else "^"),
    )]


def end_features(doc, q: int, s0: int, e0: int, kind: str, cue_i: int = -1) -> list[str]:
    tok = doc[q]
    sent_end = tok.sent.end
    n = q + 1
    while n < sent_end and doc[n].pos_ == "SPACE":
        n += 1
    nxt = doc[n] if n < sent_end else None
    after = n
    while after < sent_end and doc[after].pos_ in _SKIP:
        after += 1
    opener = _opening(doc, after, tok.sent.start) if after < sent_end else None
    opening = opener.dep_ if opener is not None else "$"
    natt = _attachment(opener, cue_i) if opener is not None else "$"
    closing = _closing(doc, q, sent_end)
    d = _bucket(q - e0)
    sign = d[0] if d != "0" else "0"
    w = _word(tok)
    nw = _word(nxt) if nxt is not None else "$"
    return ["E:" + f for f in (
        "bias", "d=" + d, "k=" + kind,
        "w=" + w, "dep=" + tok.dep_, "nw=" + nw, "ndep=" + (nxt.dep_ if nxt is not None else "$"),
        "next=" + opening, "close=" + closing.dep_, "cover=" + ("1" if closing.left_edge.i <= s0 else "0"),
        "s|nw=" + sign + "|" + nw, "s|next=" + sign + "|" + opening, "nw|next=" + nw + "|" + opening,
        "s|close=" + sign + "|" + closing.dep_, "w|nw=" + w + "|" + nw,
        "natt=" + natt, "s|natt=" + sign + "|" + natt, "catt=" + _attachment(closing, cue_i),
    )]


def _attachment(tok, cue_i: int) -> str:
    """How a constituent hangs on the cue: its own dependent ("cue:dobj"), the cue itself, or not."""
    if tok.i == cue_i:
        return "is_cue"
    if tok.head.i == cue_i:
        return "cue:" + tok.dep_
    return "no"


def cue_token(doc, cue: tuple[int, int]) -> int:
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return span.root.i if span is not None and len(span) else -1


def start_candidates(doc, s0: int, e0: int, cue: tuple[int, int]) -> list[int]:
    """Token indices where the content may start: near the parsed start, inside its sentence,
    never on the cue or punctuation."""
    sent = doc[s0].sent
    lo, hi = max(sent.start, s0 - BEFORE), max(s0, min(e0, s0 + AFTER))
    return [p for p in range(lo, hi + 1) if p == s0 or doc[p].pos_ not in _SKIP and not _on_cue(doc[p], cue)
            and (doc[p].idx >= cue[1] or cue[0] >= doc[e0].idx)]


def end_candidates(doc, s: int, e0: int, cue: tuple[int, int]) -> list[int]:
    sent = doc[e0].sent
    lo, hi = min(e0, max(s, e0 - AFTER)), max(e0, min(sent.end - 1, e0 + BEFORE))
    return [q for q in range(lo, hi + 1) if q == e0 or doc[q].pos_ not in _SKIP and not _on_cue(doc[q], cue)
            and (doc[q].idx < cue[0] or cue[1] <= doc[s].idx)]


def _on_cue(tok, cue: tuple[int, int]) -> bool:
    return cue[0] <= tok.idx < cue[1]


def refine(doc, start: int, end: int, cue: tuple[int, int], kind: str,
           w: dict[str, float]) -> tuple[int, int]:
    """The best-scoring (start, end) characters for a content parsed as ``start:end``."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return start, end
    s0, e0 = span.start, span.end - 1
    cue_i = cue_token(doc, cue)
    starts = start_candidates(doc, s0, e0, cue)
    if starts:
        best = max(starts, key=lambda p: (_score(start_features(doc, p, s0, e0, kind, cue_i), w), p == s0))
        if best != s0:
            start = doc[best].idx
            s0 = best
    ends = end_candidates(doc, s0, e0, cue)
    if ends:
        best = max(ends, key=lambda q: (_score(end_features(doc, q, s0, e0, kind, cue_i), w), q == e0))
        if best != e0:
            end = doc[best].idx + len(doc[best])
    # a boundary next to a quotation mark keeps the mark: 'a “pause”', not 'a “pause'
    text = text_of(doc)
    while start > 0 and text[start - 1] in _OPENERS:
        start -= 1
    while end < len(text) and text[end] in _CLOSERS:
        end += 1
    return start, max(start, end)


_OPENERS = "\"“‘'«"
_CLOSERS = "\"”’'»"


def _score(feats: list[str], w: dict[str, float]) -> float:
    return sum(w.get(f, 0.0) for f in feats)


@lru_cache(maxsize=1)
def weights() -> dict[str, float] | None:
    try:
        raw = resources.files("chronicle.data").joinpath("boundary_model.json.gz").read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return json.loads(gzip.decompress(raw))
