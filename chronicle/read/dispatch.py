"""Paths -> one stream of Article | Reject: picks the reader for each file, walks folders,
reads standard input.

- A folder is walked recursively in sorted (name) order; inside folders only files with a
  known extension are read (see READERS) and everything else — including hidden files and
  folders (names starting with ".") — is skipped, because folders hold READMEs, images, etc.
  Skipped files of unknown kinds (not hidden ones) are counted in a ``Skipped`` the caller may
  pass, so that a command can say so: bad input is never passed over in silence.
- A file named explicitly is read by its extension; an unknown extension is read as text
  (seed form if it has the ``date YYYY-MM-DD`` header, else plain text).
- ``-`` reads standard input, sniffing the form: JSON Lines if the first non-blank character is
  ``{`` (streamed line by line), the seed form if it starts with ``date ``, else plain text
  (id ``stdin``).
- A path that does not exist or cannot be read is one Reject (record = its name).
"""
from __future__ import annotations

import datetime as dt
import itertools
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from chronicle.model import Article, Reject
from chronicle.read.common import (BadRecord, at_least_one, decode_utf8, full_suffix,
                                   is_blank_file, reject)
from chronicle.read.csvfile import read_csv_file, read_tsv_file
from chronicle.read.jsonfile import read_json_file
from chronicle.read.dated_text import article_from_text, read_text_file
from chronicle.read.html import read_html_file
from chronicle.read.jsonl import read_jsonl_file, read_jsonl_lines
from chronicle.read.markdown import read_markdown_file
from chronicle.read.warc import read_warc_file

Reader = Callable[[str, "dt.date | None", "str | None"], Iterator["Article | Reject"]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".csv": read_csv_file,
    ".tsv": read_tsv_file,
    ".json": read_json_file,
    ".md": read_markdown_file,
    ".markdown": read_markdown_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
}

STDIN = "-"
STDIN_ORIGIN = "<stdin>"


@dataclass
class Skipped:
    """Files of unknown kinds a folder walk passed over, per folder given: how many, and the
    first (relative to its folder); and the responses of WARC archives that were no HTML page,
    by reason. read_paths fills it as it goes; a command reports it."""

    folders: dict[str, tuple[int, str]] = field(default_factory=dict)
    # WARC responses that are no HTML page, per archive: why (HTTP 404, image/png) -> how many
    responses: dict[str, Counter] = field(default_factory=dict)

    def add(self, folder: str, path: str) -> None:
        n, first = self.folders.get(folder, (0, os.path.relpath(path, folder)))
        self.folders[folder] = (n + 1, first)

    def add_response(self, archive: str, why: str) -> None:
        self.responses.setdefault(archive, Counter())[why] += 1

    def messages(self) -> list[str]:
        lines = [f"skipped {n} files of unknown kinds in {folder} (first: {first})" if n > 1
                 else f"skipped 1 file of unknown kind in {folder}: {first}"
                 for folder, (n, first) in self.folders.items()]
        for archive, whys in self.responses.items():
            n = sum(whys.values())
            kinds = ", ".join(f"{k} × {why}" for why, k in whys.most_common())
            lines.append(f"skipped {n} response{'s' if n > 1 else ''} in {archive} that "
                         f"{'are' if n > 1 else 'is'} no HTML page ({kinds})")
        return lines


def read_paths(paths: Iterable[str | os.PathLike[str]], date: dt.date | None = None,
               skipped: Skipped | None = None) -> Iterator[Article | Reject]:
    """Every article under ``paths`` (files, folders, ``-``), streamed, with a Reject for each
    record that cannot be read. ``date`` is the publication date for records that carry none;
    ``skipped``, if given, counts the files of unknown kinds that folders held."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    for path in paths:
        path = os.fspath(path)
        if path == STDIN:
            yield from _guarded(read_stdin(date), "-")
        elif os.path.isdir(path):
            for file in walk(path, skipped):
                yield from _read_file(READERS[full_suffix(file)], file, date, path, skipped)
        elif os.path.exists(path):
            yield from _read_file(READERS.get(full_suffix(path), read_text_file), path, date, None, skipped)
        else:
            yield reject(path, os.path.basename(path) or path, "does not exist (no such file or folder)")


def _read_file(reader: Reader, path: str, date: dt.date | None,
               base: str | None, skipped: Skipped | None = None) -> Iterator[Article | Reject]:
    """One file's records through its reader; a file yielding none is one Reject. A WARC's
    responses that are no HTML page are counted in ``skipped``."""
    if reader is read_warc_file and skipped is not None:
        records = _guarded(read_warc_file(path, date, base, skipped=skipped), path)
    else:
        records = _guarded(reader(path, date, base), path)
    yield from at_least_one(records, path, blank=lambda: is_blank_file(path))


def _guarded(records: Iterator[Article | Reject], path: str) -> Iterator[Article | Reject]:
    """A reader's records; a failure no reader foresaw becomes a Reject naming the file and the
    error, and the batch goes on with the next file."""
    try:
        yield from records
    except Exception as exc:  # the readers raise BadRecord for what they know; this is the rest
        yield reject(path, os.path.basename(path) or path,
                     f"could not be read: {type(exc).__name__}: {exc}")


def walk(folder: str, skipped: Skipped | None = None, top: str | None = None) -> Iterator[str]:
    """Readable files under ``folder``, recursively, in sorted order; unknown kinds skipped
    (and counted in ``skipped`` under ``top``, the folder given), hidden names passed over."""
    top = folder if top is None else top
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        if entry.is_dir():
            yield from walk(entry.path, skipped, top)
        elif full_suffix(entry.name) in READERS:
            yield entry.path
        elif skipped is not None:
            skipped.add(top, entry.path)


def _stdin_lines() -> Iterator[bytes]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is not None:
        yield from stream
    else:  # a text stream without a buffer (e.g. replaced in tests or notebooks)
        for line in sys.stdin:
            yield line.encode("utf-8")


def read_stdin(date: dt.date | None = None) -> Iterator[Article | Reject]:
    lines = _stdin_lines()
    head: list[bytes] = []
    for line in lines:  # look only as far as the first non-blank line
        head.append(line)
        if line.strip():
            break
    first = head[-1].lstrip() if head else b""
    if first.startswith(b"\xef\xbb\xbf"):
        first = first[3:]
    if first.startswith(b"{"):
        yield from read_jsonl_lines(itertools.chain(head, lines), origin=STDIN_ORIGIN,
                                    stem="stdin", date=date)
        return
    data = b"".join(itertools.chain(head, lines))  # one article: it has to be whole
    if not data.strip():
        yield reject(STDIN_ORIGIN, "stdin", "is empty")
        return
    try:
        yield article_from_text(decode_utf8(data), article_id="stdin", origin=STDIN_ORIGIN, date=date)
    except BadRecord as e:
        yield reject(STDIN_ORIGIN, "stdin", str(e))
