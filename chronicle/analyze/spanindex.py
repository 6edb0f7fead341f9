"""Spans by position, for "which of them could touch here" asked once per quote or mention.

The analysis stages ask such questions for every quotation, cue or speaker of an article; a
pass over all spans each time is quadratic in a long article (docs/benchmarks-speed.md, "One
very long article"). Sorted starts and the longest span's length bound the few that can answer.
"""
from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")


class SpanIndex(Generic[T]):
    """``items`` by the start of ``span(item)``; answers keep the items' own order."""

    def __init__(self, items: Sequence[T], span: Callable[[T], tuple[int, int]]) -> None:
        self.items = list(items)
        self.order = sorted(range(len(self.items)), key=lambda i: span(self.items[i])[0])
        self.starts = [span(self.items[i])[0] for i in self.order]
        self.longest = max((span(x)[1] - span(x)[0] for x in self.items), default=0)

    def starting_in(self, lo: int, hi: int) -> list[T]:
        """The items whose span starts in [lo, hi]."""
        return [self.items[i] for i in sorted(self.order[bisect.bisect_left(self.starts, lo):
                                                         bisect.bisect_right(self.starts, hi)])]

    def reaching(self, lo: int, hi: int) -> list[T]:
        """The items whose span may end at or after ``lo`` and starts by ``hi``: a superset of
        those overlapping [lo, hi), for the caller's own test."""
        return self.starting_in(lo - self.longest, hi)
