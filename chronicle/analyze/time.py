"""Time expressions: find them, normalize them to TIMEX3 values against the publication date.

STUB — owned by the time work (issue 5). Contract:
  extract_timexes(doc, pub_date) -> list[TimeExpr]   (sorted by start, non-overlapping)
  date_quotes(doc, quotes, timexes, pub_date) -> None (sets each Quote.said_on)
"""
from __future__ import annotations

import datetime as dt

from chronicle.model import Quote, TimeExpr


def extract_timexes(doc, pub_date: dt.date | None) -> list[TimeExpr]:
    return []


def date_quotes(doc, quotes: list[Quote], timexes: list[TimeExpr], pub_date: dt.date | None) -> None:
    for q in quotes:
        q.said_on = pub_date.isoformat() if pub_date else None
