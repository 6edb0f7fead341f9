"""JSON Lines (.jsonl, .ndjson): one object a line, read line by line (never the whole file).

Fields: ``text`` (required, used unchanged), ``id``, ``date``, ``title``, ``source``, ``url``
(optional); any other field is kept in ``Article.meta``. A missing id becomes
``<file stem>:<line number>``; a missing date becomes the ``date`` argument. Blank lines are
skipped. A bad line (invalid JSON, not an object, no or empty text, bad date, not UTF-8) is
one Reject whose record is the 1-based line number.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

from chronicle.model import Article, Reject
from chronicle.read.common import (BadRecord, article_from_record, decode_utf8, json_problem, reject,
                                   read_lines_file)


def read_jsonl_lines(lines: Iterable[bytes], *, origin: str, stem: str,
                     date: dt.date | None = None, first_line: int = 1) -> Iterator[Article | Reject]:
    """Raw byte lines -> Articles/Rejects, pulling one line at a time."""
    for number, raw in enumerate(lines, start=first_line):
        if not raw.strip():
            continue
        try:
            line = decode_utf8(raw) if number == 1 else _decode(raw)
            try:
                record = json.loads(line)
            except json.JSONDecodeError as e:
                raise BadRecord(f"is not valid JSON ({json_problem(e)} at column {e.colno})") from None
            yield article_from_record(record, default_id=f"{stem}:{number}",
                                      origin=f"{origin}:{number}", date=date)
        except BadRecord as e:
            yield reject(origin, number, str(e))


def _decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return decode_utf8(raw)  # raises BadRecord naming the byte


def read_jsonl_file(path: str, date: dt.date | None = None,
                    base: str | None = None) -> Iterator[Article | Reject]:
    yield from read_lines_file(path, read_jsonl_lines, date)
