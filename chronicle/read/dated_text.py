"""Text files: the seed's dated form and plain text.

Seed form: optional leading whitespace, ``date YYYY-MM-DD``, one whitespace character (a
``\\r\\n`` pair counts as one), then the article. ``Article.text`` is everything after that single
separator, unchanged: only the leading whitespace, the header and the one separator are
stripped. ``date 2022-02-30`` is recognized as the form and rejected as an impossible date.

Plain text (no header): the whole file is the text (a UTF-8 byte-order mark is dropped); the
date is the ``date`` argument, else None.

The id is the file's path relative to the folder it was found in, without the extension.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from chronicle.model import Article, Reject
from chronicle.read.common import BadRecord, check_text, parse_date, read_whole_file

# The header; the date itself is checked by parse_date so impossible dates get a clear reason.
SEED_HEADER = re.compile(r"\A\s*date (\d{4}-\d{2}-\d{2})(?:\r\n|\s|\Z)")


def looks_dated(text: str) -> bool:
    """Whether ``text`` starts with the seed's ``date YYYY-MM-DD`` header."""
    return SEED_HEADER.match(text) is not None


def article_from_text(text: str, *, article_id: str, origin: str,
                      date: dt.date | None) -> Article:
    """Seed-form or plain text -> Article; raises BadRecord with the reason."""
    check_text(text)
    m = SEED_HEADER.match(text)
    if m:
        day = parse_date(m.group(1))
        text = text[m.end():]
        form = "dated-text"
    else:
        day = date
        form = "text"
    if not text.strip():
        raise BadRecord("has no text" + (" after its date header" if m else ""))
    return Article(id=article_id, text=text, date=day, origin=origin, meta={"form": form})


def read_text_file(path: str, date: dt.date | None = None,
                   base: str | None = None) -> Iterator[Article | Reject]:
    """One text file -> one Article (or one Reject naming the file)."""
    yield from read_whole_file(path, base, article_from_text, date)
