"""The learned layer over content boundaries: where a reported content starts and ends.

The parse gives a reported clause's subtree; annotators draw the line elsewhere often enough
(PolNeAR train: a third of the indirect contents Chronicle matches at 0.3 overlap differ from
gold at one end or the other) and for reasons the rules cannot list one by one: a trailing
participle clause, the object a verb phrase cue keeps ("paid [particular attention to] X"), a
subject taken in with a secondary predicate. So each indirect or mixed content gets a few
alternative starts and ends near the parsed ones, on token boundaries inside its sentence; a
logistic regression over features of the words at each boundary (their part of speech, lemma,
relation, the constituent that begins or ends there, the distance from the parsed boundary)
scores them, and the best start and the best end win. The parsed boundary is one of the
alternatives and the distance to it a feature, so the layer moves a boundary only where the
words around it say so; and a choice that would leave out more than ``1 - SHRINK`` of the parsed
content is not taken (cutting that much loses the attribution more often than it fixes it).

Trained by ``scripts/train_boundaries.py`` on PolNeAR's train split (``make model``); the
weights ship as ``chronicle/data/boundary_model.json.gz`` (feature names and numbers only). No
file, no change: the parsed boundaries stand.
"""
from __future__ import annotations

from functools import lru_cache

from chronicle.analyze.cue_model import load_weights
from chronicle.analyze.doctext import cached, sentence_bounds, text_of


# How far (tokens) from the parsed boundary the alternatives reach.
BEFORE, AFTER = 8, 15
# The share of the parsed content a chosen one must keep.
SHRINK = 0.7
# Parts of speech whose words are features themselves; other words stand as their POS.
_FUNCTION = {"DET", "ADP", "SCONJ", "PRON", "CCONJ", "PART", "AUX", "ADV"}
_SKIP = {"PUNCT", "SPACE"}


def _bucket(d: int) -> str:
    if d == 0:
        return "0"
    a = abs(d)
    b = str(a) if a <= 3 else "4-6" if a <= 6 else "7-12" if a <= 12 else "13+"
    return ("-" if d < 0 else "+") + b


class _Table:
    """Per-token facts the features read, as plain lists built once per Doc: spaCy makes a new
    Token object (and walks the sentence for ``Token.sent``) on every access, and the layer
    reads the same tokens for every alternative of every content."""

    __slots__ = ("head", "left", "right", "dep", "pos", "word", "idx", "sent_start", "sent_end", "lemma")

    def __init__(self, doc):
        n = len(doc)
        self.head, self.left, self.right = [0] * n, [0] * n, [0] * n
        self.dep, self.pos, self.word = [""] * n, [""] * n, [""] * n
        self.idx = [0] * n
        self.lemma = [""] * n
        for t in doc:
            i = t.i
            self.head[i], self.left[i], self.right[i] = t.head.i, t.left_edge.i, t.right_edge.i
            self.dep[i], self.pos[i], self.idx[i] = t.dep_, t.pos_, t.idx
            self.word[i] = t.text if t.is_punct else t.lower_ if t.pos_ in _FUNCTION else t.pos_
            self.lemma[i] = t.lemma_.lower()
        self.sent_start, self.sent_end = sentence_bounds(doc)


def _table(doc) -> _Table:
    return cached(doc, "boundary_table", _Table)


def _opening(t: _Table, i: int, lo: int) -> int:
    """The largest constituent that starts at token ``i`` (without leaving the sentence)."""
    a = i
    while t.head[a] != a and t.left[t.head[a]] == i and t.head[a] >= lo:
        a = t.head[a]
    return a


def _closing(t: _Table, i: int, hi: int) -> int:
    """The largest constituent that ends at token ``i``."""
    a = i
    while t.head[a] != a and t.right[t.head[a]] == i and t.head[a] < hi:
        a = t.head[a]
    return a


def start_features(doc, p: int, s0: int, e0: int, kind: str, cue_i: int = -1) -> list[str]:
    t = _table(doc)
    top = _opening(t, p, t.sent_start[p])
    d = _bucket(p - s0)
    sign = d[0] if d != "0" else "0"
    w = t.word[p]
    pw = t.word[p - 1] if p > 0 else "^"
    cover = "1" if t.right[top] >= e0 else "0"
    att = _attachment(t, top, cue_i)
    return [
        "S:bias", "S:d=" + d, "S:k=" + kind,
        "S:w=" + w, "S:dep=" + t.dep[p], "S:pw=" + pw, "S:pdep=" + (t.dep[p - 1] if p > 0 else "^"),
        "S:top=" + t.dep[top], "S:toppos=" + t.pos[top], "S:cover=" + cover,
        "S:s|w=" + sign + "|" + w, "S:s|top=" + sign + "|" + t.dep[top], "S:s|pw=" + sign + "|" + pw,
        "S:pw|w=" + pw + "|" + w, "S:top|cover=" + t.dep[top] + "|" + cover,
        "S:att=" + att, "S:s|att=" + sign + "|" + att,
        "S:patt=" + (_attachment(t, _closing(t, p - 1, t.sent_end[p]), cue_i) if p > t.sent_start[p] else "^"),
        "S:plem=" + (t.lemma[p - 1] if p > 0 else "^"), "S:lem=" + t.lemma[p],
    ]


def end_features(doc, q: int, s0: int, e0: int, kind: str, cue_i: int = -1) -> list[str]:
    t = _table(doc)
    sent_end = t.sent_end[q]
    n = q + 1
    while n < sent_end and t.pos[n] == "SPACE":
        n += 1
    after = n
    while after < sent_end and t.pos[after] in _SKIP:
        after += 1
    if after < sent_end:
        opener = _opening(t, after, t.sent_start[q])
        opening, natt = t.dep[opener], _attachment(t, opener, cue_i)
    else:
        opening = natt = "$"
    closing = _closing(t, q, sent_end)
    d = _bucket(q - e0)
    sign = d[0] if d != "0" else "0"
    w = t.word[q]
    nw = t.word[n] if n < sent_end else "$"
    return [
        "E:bias", "E:d=" + d, "E:k=" + kind,
        "E:w=" + w, "E:dep=" + t.dep[q], "E:nw=" + nw, "E:ndep=" + (t.dep[n] if n < sent_end else "$"),
        "E:next=" + opening, "E:close=" + t.dep[closing], "E:cover=" + ("1" if t.left[closing] <= s0 else "0"),
        "E:s|nw=" + sign + "|" + nw, "E:s|next=" + sign + "|" + opening, "E:nw|next=" + nw + "|" + opening,
        "E:s|close=" + sign + "|" + t.dep[closing], "E:w|nw=" + w + "|" + nw,
        "E:natt=" + natt, "E:s|natt=" + sign + "|" + natt, "E:catt=" + _attachment(t, closing, cue_i),
        "E:lem=" + t.lemma[q], "E:nlem=" + (t.lemma[n] if n < sent_end else "$"),
    ]


def _attachment(t: _Table, i: int, cue_i: int) -> str:
    """How a constituent hangs on the cue: its own dependent ("cue:dobj"), the cue itself, or not."""
    if i == cue_i:
        return "is_cue"
    if t.head[i] == cue_i:
        return "cue:" + t.dep[i]
    return "no"


def cue_token(doc, cue: tuple[int, int]) -> int:
    span = doc.char_span(cue[0], cue[1], alignment_mode="expand")
    return span.root.i if span is not None and len(span) else -1


def start_candidates(doc, s0: int, e0: int, cue: tuple[int, int]) -> list[int]:
    """Token indices where the content may start: near the parsed start, inside its sentence,
    never on the cue or punctuation."""
    t = _table(doc)
    lo, hi = max(t.sent_start[s0], s0 - BEFORE), max(s0, min(e0, s0 + AFTER))
    return [p for p in range(lo, hi + 1) if p == s0 or t.pos[p] not in _SKIP and not cue[0] <= t.idx[p] < cue[1]
            and (t.idx[p] >= cue[1] or cue[0] >= t.idx[e0])]


def end_candidates(doc, s: int, e0: int, cue: tuple[int, int]) -> list[int]:
    t = _table(doc)
    lo, hi = min(e0, max(s, e0 - AFTER)), max(e0, min(t.sent_end[e0] - 1, e0 + BEFORE))
    return [q for q in range(lo, hi + 1) if q == e0 or t.pos[q] not in _SKIP and not cue[0] <= t.idx[q] < cue[1]
            and (t.idx[q] < cue[0] or cue[1] <= t.idx[s])]


def refine(doc, start: int, end: int, cue: tuple[int, int], kind: str,
           w: dict[str, float], cue_i: int | None = None) -> tuple[int, int]:
    """The best-scoring (start, end) characters for a content parsed as ``start:end``;
    ``cue_i``, the cue's head token, when the caller has it (else found from ``cue``)."""
    start0, end0 = start, end
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return start, end
    s0, e0 = span.start, span.end - 1
    if cue_i is None:
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
    if min(end, end0) - max(start, start0) < SHRINK * (end0 - start0):
        start, end = start0, end0  # most of what the parse says is left out: keep the parse
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
    get = w.get
    return sum([get(f, 0.0) for f in feats])


@lru_cache(maxsize=1)
def weights() -> dict[str, float] | None:
    return load_weights("boundary_model.json.gz")
