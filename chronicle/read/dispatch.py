"""STUB (readers work replaces this): the seed's `date YYYY-MM-DD` form only."""
from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator

from chronicle.model import Article, Reject

_DATED = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})\s")


def read_paths(paths: Iterable[str], date: dt.date | None = None) -> Iterator[Article | Reject]:
    for path in paths:
        raw = open(path, encoding="utf-8").read()
        m = _DATED.match(raw)
        if m:
            yield Article(id=os.path.basename(path).rsplit(".", 1)[0], text=raw[m.end():],
                          date=dt.date.fromisoformat(m.group(1)), origin=path)
        else:
            yield Article(id=os.path.basename(path), text=raw, date=date, origin=path)
