"""HTML pages (.html, .htm): trafilatura extracts the article text, htmldate finds the date.

Nothing touches the network: the page is parsed once with trafilatura's ``load_html`` (which
also detects the encoding) and the parsed tree, never a URL, is handed to htmldate
(``extensive_search=False``, ``original_date=True``, ``outputformat="%Y-%m-%d"``) and trafilatura.
The title is ``og:title`` else ``<title>``; the url is the page's canonical link (or, for WARC
records, the target URI). No date found -> the ``date`` argument. A page with no extractable
text is rejected.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator

from chronicle.model import Article, Reject
from chronicle.read.common import BadRecord, check_text, doc_id, parse_date, reject


def article_from_html(data: bytes | str, *, article_id: str, origin: str,
                      date: dt.date | None, url: str | None = None) -> Article:
    """One HTML document -> Article; raises BadRecord with the reason."""
    import htmldate  # imported here: trafilatura/htmldate are only loaded when HTML is read
    from trafilatura import extract, load_html

    tree = load_html(data)
    if tree is None:
        raise BadRecord("is not an HTML document that can be parsed")
    title = _first(tree, '//meta[@property="og:title"]/@content', "//title/text()")
    url = url or _first(tree, '//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content')
    found = htmldate.find_date(tree, extensive_search=False, original_date=True,
                               outputformat="%Y-%m-%d", url=url)
    text = extract(tree, url=url, include_comments=False, include_tables=True,
                   output_format="txt", with_metadata=False)
    if not text or not text.strip():
        raise BadRecord("has no article text that could be extracted from the HTML")
    check_text(text)  # the parser drops NULs today; the store must never see one
    return Article(id=article_id, text=text, date=parse_date(found) or date, title=title,
                   url=url, origin=origin, meta={"form": "html"})


def _first(tree, *xpaths: str) -> str | None:
    for xp in xpaths:
        for value in tree.xpath(xp):
            value = str(value).strip()
            if value:
                return value
    return None


def read_html_file(path: str, date: dt.date | None = None,
                   base: str | None = None) -> Iterator[Article | Reject]:
    name = os.path.basename(path)
    try:
        with open(path, "rb") as f:
            data = f.read()
        yield article_from_html(data, article_id=doc_id(path, base), origin=path, date=date)
    except BadRecord as e:
        yield reject(path, name, str(e))
    except OSError as e:
        yield reject(path, name, f"cannot be read: {e.strerror or e}")
