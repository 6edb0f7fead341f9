"""CSV (.csv), and tab-separated values (.tsv), with a header row naming the columns: ``text`` (required), ``id``, ``date``,
``title``, ``source``, ``url`` (optional; other columns go to ``Article.meta``).

Read row by row with the standard ``csv`` module (quoted fields may span lines; the field
size limit is raised process-wide so long articles fit). Empty cells count as absent. A missing
id becomes ``<file stem>:<line number>``. A bad row (wrong number of fields, no text, bad date,
not UTF-8, malformed quoting) is one Reject whose record is the line the row starts on; a file
whose header has no ``text`` column is one Reject for the whole file (record ``header``).
"""
from __future__ import annotations

import csv
import datetime as dt
import sys
from collections.abc import Iterable, Iterator
from functools import partial

from chronicle.model import Article, Reject
from chronicle.read.common import BadRecord, article_from_record, reject, read_lines_file


def _raise_field_limit() -> None:
    limit = sys.maxsize
    while True:
        try:
            csv.field_size_limit(limit)
            return
        except OverflowError:
            limit //= 2


_raise_field_limit()


class _Lines:
    """Decodes byte lines for csv.reader, remembering which physical lines were not UTF-8."""

    def __init__(self, lines: Iterable[bytes]):
        self._lines = iter(lines)
        self.number = 0
        self.bad: dict[int, str] = {}

    def __iter__(self) -> "_Lines":
        return self

    def __next__(self) -> str:
        raw = next(self._lines)
        self.number += 1
        if self.number == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError as e:
            self.bad[self.number] = (f"is not UTF-8 text (undecodable byte 0x{raw[e.start]:02x} "
                                     f"on line {self.number})")
            return raw.decode("utf-8", errors="replace")


def read_csv_lines(lines: Iterable[bytes], *, origin: str, stem: str,
                   date: dt.date | None = None, delimiter: str = ",") -> Iterator[Article | Reject]:
    source = _Lines(lines)
    reader = csv.reader(source, strict=True, delimiter=delimiter)
    try:
        header = next(reader)
        while not header:  # blank lines before the header
            header = next(reader)
    except StopIteration:
        return  # no records: the caller reports the file (read.common.at_least_one)
    except csv.Error as e:
        yield reject(origin, "header", f"has an unreadable header row ({e})")
        return
    header = [h.strip() for h in header]
    if "text" not in header:
        yield reject(origin, "header", f'has no "text" column (columns: {", ".join(header)})')
        return
    while True:
        start = source.number + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield reject(origin, start, f"is not well-formed CSV ({e})")
            continue
        if not row:
            continue  # blank line
        try:
            bad = [source.bad[n] for n in range(start, source.number + 1) if n in source.bad]
            if bad:
                raise BadRecord(bad[0])
            if len(row) != len(header):
                raise BadRecord(f"has {len(row)} fields but the header names {len(header)}")
            record = {k: v for k, v in zip(header, row) if v != "" or k == "text"}
            yield article_from_record(record, default_id=f"{stem}:{start}",
                                      origin=f"{origin}:{start}", date=date)
        except BadRecord as e:
            yield reject(origin, start, str(e))


def read_csv_file(path: str, date: dt.date | None = None,
                  base: str | None = None) -> Iterator[Article | Reject]:
    yield from read_lines_file(path, read_csv_lines, date)


def read_tsv_file(path: str, date: dt.date | None = None,
                  base: str | None = None) -> Iterator[Article | Reject]:
    """Tab-separated values (.tsv): as CSV, with tabs between the fields."""
    yield from read_lines_file(path, partial(read_csv_lines, delimiter="\t"), date)
