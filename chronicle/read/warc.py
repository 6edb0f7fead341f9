"""WARC archives (.warc, .warc.gz), record by record with warcio.

Each ``response`` record with HTTP status 200 and an HTML content type (``text/html``,
``application/xhtml+xml``) becomes one Article, its text and date found as for HTML files:
id = the WARC-Record-ID (``urn:uuid:...``, else the target URI), url = WARC-Target-URI.
Other records (requests, metadata, warcinfo, redirects, errors, images, PDFs...) are skipped,
not rejected: they are not articles; the responses among them (redirects, errors, images,
PDFs) are counted by reason and said after the run ("skipped 2 responses in crawl.warc.gz
that are no HTML page (1 × image/png, 1 × HTTP 404)"). A response whose HTML yields no text is rejected, so is a
record shorter than its declared Content-Length (a truncated file), and a broken record (bad headers, truncated or corrupt compression) is rejected with its 1-based
record number; since the archive cannot be followed past a broken record, reading that file
stops there and the stream goes on with the next path.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

from chronicle.model import Article, Reject
from chronicle.read.common import BadRecord, reject, open_binary
from chronicle.read.html import article_from_html

HTML_TYPES = ("text/html", "application/xhtml+xml")


def read_warc_file(path: str, date: dt.date | None = None,
                   base: str | None = None, skipped=None) -> Iterator[Article | Reject]:
    """``skipped``, if given (a ``read.Skipped``), counts the responses that are no HTML page
    (an error status, an image, a PDF), for the command to say: a crawl's 404s are not articles
    but should not pass unmentioned. Requests, metadata and warcinfo records are not counted."""
    from warcio.archiveiterator import ArchiveIterator

    f, cannot = open_binary(path)
    if cannot:
        yield cannot
        return
    with f:
        number = 0
        archive = ArchiveIterator(f)
        records = iter(archive)
        while True:
            number += 1
            try:
                record = next(records)
            except StopIteration:
                # warcio ends quietly on a record cut inside its (compressed) header: bytes
                # left after the last whole record mean the file was truncated.
                left = os.fstat(f.fileno()).st_size - (getattr(archive, "offset", None) or 0)
                if getattr(archive, "offset", None) is not None and left > 4:
                    yield reject(path, number, f"is truncated: the file ends with {left} bytes "
                                               "that are not a complete WARC record")
                return
            except Exception as e:  # warcio raises several kinds on corrupt input
                yield reject(path, number, f"is a broken WARC record ({_why(e)}); "
                                           "the rest of the archive cannot be read")
                return
            try:
                article = _article(record, path, number, date, skipped)
                missing = _drain(record)
                if missing:
                    raise BadRecord(f"is truncated: {missing} bytes of the WARC record are missing")
            except BadRecord as e:
                yield reject(path, number, str(e))
                continue
            except Exception as e:
                yield reject(path, number, f"is a broken WARC record ({_why(e)}); "
                                           "the rest of the archive cannot be read")
                return
            if article is not None:
                yield article


def _article(record, path: str, number: int, date: dt.date | None, skipped=None) -> Article | None:
    if record.format not in ("warc", "arc2warc"):
        # warcio falls back to the old ARC format for anything not starting "WARC/": in a
        # .warc file that means the record is garbage, not an article to skip.
        raise BadRecord("is not a WARC record (its first line is not a WARC/1.x header)")
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    ctype = (record.http_headers.get_header("Content-Type") or "").split(";")[0].strip().lower()
    if status != "200" or ctype not in HTML_TYPES:
        if skipped is not None:
            skipped.add_response(path, f"HTTP {status}" if status != "200" else (ctype or "no content type"))
        return None
    uri = record.rec_headers.get_header("WARC-Target-URI")
    rid = (record.rec_headers.get_header("WARC-Record-ID") or "").strip("<>") or uri
    data = record.content_stream().read()
    return article_from_html(data, article_id=rid or f"{os.path.basename(path)}:{number}",
                             origin=f"{path}:{number}", date=date, url=uri)


def _drain(record) -> int:
    """Read the rest of the record's block; return how many declared bytes never came."""
    stream = record.raw_stream
    while stream.read(1 << 16):
        pass
    return max(getattr(stream, "limit", 0) or 0, 0)


def _why(e: Exception) -> str:
    msg = str(e).strip() or type(e).__name__
    return msg if len(msg) < 200 else msg[:200] + "..."
