"""What every reader shares: dates, record fields, ids, and how a bad record is reported.

A reader never raises on bad input: it yields ``Reject(origin=<file path>, record=<which>,
reason=<a sentence>)`` and goes on. ``record`` is the 1-based line number for line-oriented
forms (JSONL, CSV: the line the record starts on), the 1-based record number for WARC, and
the file name for one-article-per-file forms (text, Markdown, HTML) and whole-file failures.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterator
from typing import Any

from chronicle.model import Article, Reject

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")

# The optional fields a record may carry besides ``text``; anything else goes to Article.meta.
RECORD_FIELDS = ("id", "date", "title", "source", "url")


class BadRecord(ValueError):
    """A record that cannot become an Article; the message is the Reject's reason."""


def parse_date(value: Any) -> dt.date | None:
    """A publication date from YYYY-MM-DD or an ISO datetime (its date part, as written, no
    time-zone conversion); ``None``/empty means "no date". Impossible dates raise BadRecord."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):  # before date: datetime is a subclass of date
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str):
        raise BadRecord(f"date {value!r} is not a string in YYYY-MM-DD form")
    s = value.strip()
    if not s:
        return None
    if not _ISO_DAY.match(s):
        raise BadRecord(f"date {value!r} is not in YYYY-MM-DD (or ISO datetime) form")
    try:
        day = dt.date.fromisoformat(s[:10])
    except ValueError as e:
        raise BadRecord(f"date {value!r} is impossible ({e})") from None
    if len(s) > 10:
        try:
            dt.datetime.fromisoformat(s.replace(" ", "T", 1))
        except ValueError:
            raise BadRecord(f"date {value!r} is not a valid ISO datetime") from None
    return day


def optional_str(record: dict[str, Any], key: str) -> str | None:
    """A text field that may be absent; numbers are accepted as text (e.g. numeric ids)."""
    value = record.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise BadRecord(f"field {key!r} must be text, not {type(value).__name__}")
    value = str(value).strip()
    check_text(value, key)
    return value or None


def article_from_record(record: Any, *, default_id: str, origin: str,
                        date: dt.date | None) -> Article:
    """One JSONL object or CSV row -> Article; ``text`` is used unchanged.

    Missing ``id`` -> ``default_id``; missing ``date`` -> the ``date`` argument.
    Raises BadRecord with the reason when the record cannot be an article.
    """
    if not isinstance(record, dict):
        raise BadRecord(f"is a JSON {type(record).__name__}, not an object with a \"text\" field")
    text = record.get("text")
    if text is None:
        raise BadRecord('has no "text" field')
    if not isinstance(text, str):
        raise BadRecord(f'"text" must be a string, not {type(text).__name__}')
    if not text.strip():
        raise BadRecord('has an empty "text"')
    check_text(text)
    day = parse_date(record.get("date"))
    meta = {k: v for k, v in record.items() if k not in RECORD_FIELDS and k != "text"}
    return Article(
        id=optional_str(record, "id") or default_id,
        text=text,
        date=day or date,
        title=optional_str(record, "title"),
        source=optional_str(record, "source"),
        url=optional_str(record, "url"),
        origin=origin,
        meta=meta,
    )


def check_text(text: str, field: str = "text") -> None:
    """Raise BadRecord unless the store can keep ``text``: every reader's text and fields pass
    here. JSON can spell characters no text holds ("\\ud800", half of a surrogate pair), which
    UTF-8 cannot encode; and PostgreSQL keeps no NUL character, which a binary file or UTF-16
    text read as UTF-8 is full of."""
    where = "" if field == "text" else f" in field {field!r}"
    nul = text.find("\x00")
    if nul >= 0:
        raise BadRecord(f"holds NUL characters{where} (binary data, or UTF-16 text?), "
                        f"the first at character {nul}")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as e:
        raise BadRecord(f"has text{where} that is not valid Unicode (a lone surrogate, "
                        f"U+{ord(text[e.start]):04X}, at character {e.start})") from None


def doc_id(path: str, base: str | None) -> str:
    """A stable id for a one-article file: its path relative to the folder it was found in,
    without the extension, with "/" separators; a file named on its own gets its stem."""
    rel = os.path.relpath(path, base) if base else os.path.basename(path)
    stem = rel[: -len(full_suffix(rel))] if full_suffix(rel) else rel
    return stem.replace(os.sep, "/")


def full_suffix(name: str) -> str:
    """The reader-relevant extension, lower-case, including compound ones like ``.warc.gz``."""
    lower = name.lower()
    if lower.endswith(".warc.gz"):
        return ".warc.gz"
    return os.path.splitext(lower)[1]


def decode_utf8(data: bytes) -> str:
    """Bytes -> text (a leading BOM is dropped); raises BadRecord naming the bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadRecord(f"is not UTF-8 text (undecodable byte 0x{data[e.start]:02x} "
                        f"at byte {e.start})") from None


def json_problem(e: json.JSONDecodeError) -> str:
    """The json module's message without its own trailing "at" ("Invalid control character at"),
    which a reason's " at column N" would double."""
    return e.msg.removesuffix(" at")


def reject(origin: str, record: str | int, reason: str) -> Reject:
    return Reject(origin=origin, record=str(record), reason=reason)


def at_least_one(records: Iterator, path: str, *, blank: Callable[[], bool]) -> Iterator:
    """A file's records, or one Reject when it yields none at all, so that an empty JSONL, CSV,
    JSON or WARC file is reported as a text file would be, not passed over in silence.
    ``blank()``, asked only then: whether the file holds nothing but whitespace."""
    nothing = True
    for record in records:
        nothing = False
        yield record
    if nothing:
        yield reject(path, os.path.basename(path.rstrip("/")) or path,
                     "is empty" if blank() else "holds no articles")


def is_blank_file(path: str) -> bool:
    """Whether a file holds only whitespace (read in blocks: a large file stops at its first
    non-blank block)."""
    try:
        with open(path, "rb") as f:
            while block := f.read(1 << 16):
                if block.strip():
                    return False
    except OSError:
        return False
    return True


def open_binary(path: str):
    """``(file, None)`` for a readable file, else ``(None, Reject)`` naming why it cannot be read."""
    try:
        return open(path, "rb"), None
    except OSError as e:
        return None, reject(path, os.path.basename(path), f"cannot be read: {e.strerror or e}")


def read_lines_file(path: str, read_lines, date) -> Iterator:
    """A line-oriented file (JSONL, CSV) streamed through ``read_lines``; a Reject if it cannot
    be opened."""
    f, cannot = open_binary(path)
    if cannot:
        yield cannot
        return
    with f:
        yield from read_lines(f, origin=path, stem=os.path.splitext(os.path.basename(path))[0], date=date)


def read_bytes_file(path: str, read_data, date) -> Iterator:
    """A file parsed whole from its bytes (JSON) by ``read_data(data, origin=, date=)``; a
    Reject if it cannot be opened."""
    f, cannot = open_binary(path)
    if cannot:
        yield cannot
        return
    with f:
        data = f.read()
    yield from read_data(data, origin=path, date=date)


def read_whole_file(path: str, base: str | None, parse, date) -> Iterator:
    """A one-article file (text, Markdown): ``parse(text, article_id=, origin=, date=)`` on its
    decoded contents, or a Reject naming the file and the reason."""
    name = os.path.basename(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
        yield parse(decode_utf8(data), article_id=doc_id(path, base), origin=path, date=date)
    except BadRecord as e:
        yield reject(path, name, str(e))
    except OSError as e:
        yield reject(path, name, f"cannot be read: {e.strerror or e}")
