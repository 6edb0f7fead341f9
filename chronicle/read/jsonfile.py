"""JSON (.json): a file holding an array of article objects, or one object.

Each object has the fields of a JSON Lines record (``text`` required; ``id``, ``date``, ``title``,
``source``, ``url``; others kept in ``Article.meta``). A missing id becomes ``<file stem>:<n>``
(1-based position in the array). The file is parsed whole: for a corpus too large to hold in
memory, write JSON Lines, which are streamed. A file that is not valid JSON, or holds neither an
array nor an object, is one Reject naming the file; a bad element is a Reject naming its
position, and the others go on.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from collections.abc import Iterator

from chronicle.model import Article, Reject
from chronicle.read.common import (BadRecord, article_from_record, decode_utf8, json_problem,
                                   read_bytes_file, reject)


def read_json_file(path: str, date: dt.date | None = None,
                   base: str | None = None) -> Iterator[Article | Reject]:
    yield from read_bytes_file(path, read_json_data, date)


def read_json_data(data: bytes, *, origin: str, date: dt.date | None = None) -> Iterator[Article | Reject]:
    """The records of a .json file's bytes (``origin``: its path)."""
    name = os.path.basename(origin)
    try:
        value = json.loads(decode_utf8(data))
    except BadRecord as e:
        yield reject(origin, name, str(e))
        return
    except json.JSONDecodeError as e:
        yield reject(origin, name, f"is not valid JSON ({json_problem(e)} at line {e.lineno}, column {e.colno})")
        return
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        yield reject(origin, name, f"holds a JSON {type(value).__name__}, not an array of articles or one article")
        return
    stem = os.path.splitext(name)[0]
    for n, record in enumerate(value, start=1):
        try:
            yield article_from_record(record, default_id=f"{stem}:{n}", origin=f"{origin}:{n}", date=date)
        except BadRecord as e:
            yield reject(origin, n, str(e))
