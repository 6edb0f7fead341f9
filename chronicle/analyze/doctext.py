"""Facts about a parsed Doc, computed once per Doc and shared by the stages.

spaCy's ``Doc.text`` joins every token's text each time it is read, and ``Token.children``
scans the token's whole subtree and makes new Token objects each time; stages that ask for
them per cue or per quote turn linear work quadratic on long documents. They call
``text_of(doc)`` and ``children(tok)`` instead. The cache holds the Doc being analyzed (one at a
time per process), so nothing is added to the Doc itself (but the article's own text where the
tokenizer read it otherwise, ``use_text``).
"""
from __future__ import annotations

_current: dict = {"doc": None}


def _cache(doc) -> dict:
    if _current["doc"] is not doc:
        _current.clear()
        _current["doc"] = doc
    return _current


# The article's own text, kept on the Doc where it differs from the tokens' (``use_text``).
_TEXT_KEY = "chronicle.text"


def use_text(doc, text: str) -> None:
    """Read ``text`` as the Doc's text: the article's own, which the pipeline's tokenizer read
    with its no-break spaces as spaces (one character for one, so every offset holds), so that
    every span the stages cut is the article's words as written."""
    if len(doc) and len(text) == doc[-1].idx + len(doc[-1].text_with_ws):
        if any(ch in text for ch in "\u00a0\u202f"):
            doc.user_data[_TEXT_KEY] = text
        _cache(doc)["text"] = text


def given_text(doc) -> str | None:
    """The text ``use_text`` gave the Doc, or None (without joining the tokens)."""
    cached = _current.get("text") if _current["doc"] is doc else None
    return cached if cached is not None else doc.user_data.get(_TEXT_KEY)


def text_of(doc) -> str:
    cache = _cache(doc)
    text = cache.get("text")
    if text is None:
        text = cache["text"] = doc.user_data.get(_TEXT_KEY) or doc.text
    return text


def children_of(doc) -> list[list[int]]:
    """Each token's children (indices, in order), built once per Doc from the head array."""
    cache = _cache(doc)
    kids = cache.get("children")
    if kids is None:
        from spacy.attrs import HEAD

        heads = doc.to_array([HEAD]).reshape(-1).astype("int64")  # offsets relative to each token
        kids = [[] for _ in range(len(doc))]
        for i, off in enumerate(heads.tolist()):
            if off:
                kids[i + off].append(i)
        cache["children"] = kids
    return kids


def children(tok) -> list:
    """``tok.children`` as a list, materialized once per token."""
    doc = tok.doc
    cache = _cache(doc)
    made = cache.setdefault("child_tokens", {})
    out = made.get(tok.i)
    if out is None:
        out = made[tok.i] = [doc[j] for j in children_of(doc)[tok.i]]
    return out


def child_deps(tok) -> frozenset[str]:
    """The dependency labels of ``tok``'s children, once per token."""
    cache = _cache(tok.doc)
    made = cache.setdefault("child_deps", {})
    out = made.get(tok.i)
    if out is None:
        out = made[tok.i] = frozenset(c.dep_ for c in children(tok))
    return out


def cached(doc, key: str, build):
    """A per-Doc value computed once by ``build(doc)`` (shared the same way as the above)."""
    cache = _cache(doc)
    out = cache.get(key)
    if out is None:
        out = cache[key] = build(doc)
    return out


def sentence_bounds(doc) -> tuple[list[int], list[int]]:
    """Each token's sentence start and end (token indices), from the Doc's SENT_START array once
    per Doc: ``Token.sent`` walks the sentence and ``Doc.sents`` makes a Token object for every
    word, on every call. A Doc without sentence boundaries is one sentence."""
    cache = _cache(doc)
    bounds = cache.get("sentence_bounds")
    if bounds is None:
        from spacy.attrs import SENT_START

        n = len(doc)
        starts, start = [0] * n, 0
        for i, flag in enumerate(doc.to_array(SENT_START).tolist() if n else []):
            if flag == 1:
                start = i
            starts[i] = start
        ends, end = [n] * n, n
        for i in range(n - 1, -1, -1):
            ends[i] = end
            if starts[i] == i:
                end = i
        bounds = cache["sentence_bounds"] = (starts, ends)
    return bounds


def sentence_of(tok):
    """``tok.sent`` from the per-Doc sentence table (``Token.sent`` walks the sentence each time)."""
    starts, ends = sentence_bounds(tok.doc)
    return tok.doc[starts[tok.i]:ends[tok.i]]
