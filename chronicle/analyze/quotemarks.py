"""Direct quotations found by pairing quotation marks at character level.

spaCy's sentences split long quotes, so marks are paired over the raw text, paragraph by
paragraph: a paragraph that opens a quote without closing it continues into the next one when
that paragraph opens with a quotation mark (the newspaper convention); otherwise the quote is
closed at its paragraph's end. Unbalanced marks are recovered locally, never by giving up.
"""
from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

_PARA_BREAK_BLANK = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_PARA_BREAK_LINE = re.compile(r"\n\s*")
# Double quotation marks, including the typewriter pairs ``...'' and ''...''.
_DOUBLE = re.compile(r"``|''|[\"“”„«»]")
# (and a colon: 'said:"Look' opens; after a comma the mark may as well close: 'audiences,"Katie')
_OPEN_BEFORE = set(" \t\n\r\u00a0([{—–-/:") | {"\u2014", "\u2013"}


@dataclass(slots=True)
class QuoteRegion:
    start: int  # index of the opening mark (or the paragraph start when recovered)
    end: int  # index after the closing mark (or the recovered end)
    balanced: bool = True


@lru_cache(maxsize=2)  # quotes, turns and headline rules all ask for the same article's paragraphs
def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """(start, end) of each paragraph: blank-line separated when the text has blank lines
    (hard-wrapped prose), else one paragraph per line."""
    breaker = _PARA_BREAK_BLANK if _PARA_BREAK_BLANK.search(text) else _PARA_BREAK_LINE
    spans, start = [], 0
    for m in breaker.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return tuple((s, e) for s, e in spans if text[s:e].strip())


def _is_opening(text: str, pos: int, width: int = 1) -> bool:
    ch = text[pos]
    if ch in "“„«" or text.startswith("``", pos):
        return True
    if ch in "”»":
        # a closing mark typed at a paragraph's start is an opening one
        return (pos == 0 or text[pos - 1] == "\n") and pos + 1 < len(text) and not text[pos + 1].isspace()
    # a straight mark opens after whitespace/bracket/start and before a non-space
    before = text[pos - 1] if pos > 0 else " "
    after = text[pos + width] if pos + width < len(text) else " "
    if before in _OPEN_BEFORE or before == "\u2018":
        return not after.isspace()
    return False


def find_quote_regions(text: str) -> list[QuoteRegion]:
    """All direct-quote regions of ``text``, in order, never overlapping."""
    regions: list[QuoteRegion] = []
    paras = paragraphs(text)
    open_at: int | None = None  # position of the unmatched opening mark
    for i, (ps, pe) in enumerate(paras):
        marks = [(m.start(), m.end() - m.start()) for m in _DOUBLE.finditer(text, ps, pe)]
        continuing = open_at is not None
        nested_closes = 0  # closing marks that end a quote nested in the open one
        for j, (pos, width) in enumerate(marks):
            opening = _is_opening(text, pos, width)
            if nested_closes and not opening:
                nested_closes -= 1
                continue
            if continuing and j == 0 and opening:
                # the continuation mark of a multi-paragraph quote
                continuing = False
                continue
            continuing = False
            if open_at is None:
                if opening:
                    open_at = pos
                # a stray closing mark with nothing open: ignore it
            elif not opening or text[pos] == '"' and not text[pos - 1].isspace():
                regions.append(QuoteRegion(open_at, pos + width))
                open_at = None
            elif _nested(text, marks, j):
                nested_closes = 1  # '“... what he calls “hell” than ...”': one quote inside another
            else:
                # a second opening while one is open: the first was never closed. Close it at
                # the last sentence end before this mark (or just before it) and start anew.
                regions.append(_recover(text, open_at, pos))
                open_at = pos
        if open_at is not None:
            nxt = paras[i + 1][0] if i + 1 < len(paras) else None
            if nxt is not None and (text[nxt] in "\"“„«" or text.startswith(("``", "''"), nxt)):
                continue  # the quote runs on into the next paragraph
            regions.append(_recover(text, open_at, pe))
            open_at = None
    regions = [r for r in regions if r.end - r.start > 2]
    return _merge(regions, _single_quoted(text, paras, regions))


def _nested(text: str, marks: list[tuple[int, int]], j: int) -> bool:
    """True when the curly opening mark ``marks[j]``, met while a quote is open, opens a quote
    nested in it: the next two marks of the paragraph are both curly closing marks (straight
    marks cannot tell an opening from a closing one, so they never nest)."""
    if text[marks[j][0]] != "“" or j + 2 >= len(marks):
        return False
    return all(text[marks[k][0]] == "”" for k in (j + 1, j + 2))


# Single quotation marks as the main marks (headlines, British style): an opening mark after a
# space, colon or line start; a closing one before a space, punctuation or line end, so that
# apostrophes ("it’s", "voters’") are not taken for marks.
_SINGLE = re.compile(r"(?:(?<=^)|(?<=[\s:(—–-]))[‘'](?=[A-Z0-9])(?P<body>[^‘’'\n\"“”]{2,300}?[^\s‘’'])[’'](?=[\s.,;:!?)—–-]|$)",
                     re.MULTILINE)


def _single_quoted(text: str, paras: list[tuple[int, int]], doubles: list[QuoteRegion]) -> list[QuoteRegion]:
    out = []
    for ps, pe in paras:
        if any(ps <= r.start < pe for r in doubles):
            continue  # single marks inside a paragraph with double marks are nested quotes
        for m in _SINGLE.finditer(text, ps, pe):
            if len(m.group("body").split()) >= 2:
                out.append(QuoteRegion(m.start(), m.end()))
    return out


def _merge(a: list[QuoteRegion], b: list[QuoteRegion]) -> list[QuoteRegion]:
    if not b:
        return a
    return sorted(a + b, key=lambda r: r.start)


def _recover(text: str, start: int, limit: int) -> QuoteRegion:
    """An unclosed quote: end it at the paragraph/limit, trimmed of trailing space."""
    end = limit
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return QuoteRegion(start, end, balanced=False)
