"""Markdown (.md, .markdown) with YAML front matter, as in the White House corpus.

The front matter is the block between a first line ``---`` and the next line ``---``, parsed
with PyYAML (safe loader). ``date`` (else ``published_time``) gives the date, ``title`` the title,
``source_url`` (else ``url``) the url, ``source`` the source; the other keys go to
``Article.meta`` (as text). ``Article.text`` is the body after the closing ``---`` line as plain
text: markup goes (``**bold**``, ``[link text](url)`` -> ``link text``, ``# heading``, escapes
and entities), the words and their line and paragraph breaks stay. The corpus writes speakers as
``[**Speaker Mike Johnson**](https://x.com/...)**:** "..."``; read raw, the URL became a speaker
and the asterisks part of names. Raw HTML blocks keep only their words (a caption, not an
``<img srcset=...>``'s addresses); a bullet list's items are blocks without their bullets, an
ordered list's keep their numbers. A file without front matter is read whole the same way (date
from the ``date`` argument). The id is the file's path relative to the folder given, without ``.md``
(e.g. ``press-briefings/2022-01/2022-01-27-press-briefing-by-...``), so it is stable.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import yaml
from markdown_it import MarkdownIt

from chronicle.model import Article, Reject
from chronicle.read.common import BadRecord, check_text, optional_str, parse_date, read_whole_file

_FRONT = re.compile(r"\A---[ \t]*\r?\n(.*?\r?\n)?---[ \t]*(?:\r?\n|\Z)", re.S)


def article_from_markdown(text: str, *, article_id: str, origin: str,
                          date: dt.date | None) -> Article:
    check_text(text)  # before markdown-it, which would turn NULs into U+FFFD and hide them
    m = _FRONT.match(text)
    if not m:
        if not text.strip():
            raise BadRecord("has no text")
        return Article(id=article_id, text=plain_text(text), date=date, origin=origin, meta={"form": "markdown"})
    try:
        front = yaml.safe_load(m.group(1) or "") or {}
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" at line {mark.line + 2}" if mark else ""
        raise BadRecord(f"has front matter that is not valid YAML{where}") from None
    except ValueError as e:  # YAML's own dates and times: "date: 2023-02-31"
        raise BadRecord(f"has front matter with an impossible value ({e})") from None
    if not isinstance(front, dict):
        raise BadRecord("has front matter that is not a mapping of keys to values")
    body = text[m.end():]
    if not body.strip():
        raise BadRecord("has no text after its front matter")
    day = parse_date(front.get("date")) or parse_date(front.get("published_time"))
    url = optional_str(front, "source_url") or optional_str(front, "url")
    meta: dict[str, Any] = {"form": "markdown"}
    for k, v in front.items():
        if k not in ("date", "title", "source_url", "url", "source"):
            meta[str(k)] = v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v
    return Article(id=article_id, text=plain_text(body), date=day or date, title=optional_str(front, "title"),
                   source=optional_str(front, "source"), url=url, origin=origin, meta=meta)


# CommonMark with tables (the corpus has a few); no HTML rendering is asked of it, only tokens.
_MARKDOWN = MarkdownIt("commonmark").enable("table")


def plain_text(markdown: str) -> str:
    """The text a reader sees in ``markdown``: blocks (paragraphs, headings, list items, table
    rows, code) separated by a blank line, each block's own line breaks kept."""
    blocks: list[str] = []
    prefix = ""
    row: list[str] | None = None
    for tok in _MARKDOWN.parse(markdown):
        kind = tok.type
        if kind == "inline":
            words = _inline_text(tok.children or [])
            if row is not None:
                row.append(words)
            else:
                blocks.append(prefix + words)
                prefix = ""
        elif kind == "list_item_open":
            # an ordered item keeps its number; a bullet is layout, and read as text its "- "
            # became part of names ("- President Trump")
            prefix = f"{tok.info}{tok.markup} " if tok.info else ""
        elif kind in ("code_block", "fence"):
            blocks.append(tok.content.rstrip("\n"))
        elif kind == "html_block":
            blocks.append(_html_text(tok.content))
        elif kind == "tr_open":
            row = []
        elif kind == "tr_close" and row is not None:
            blocks.append(" | ".join(row))
            row = None
    return "\n\n".join(b for b in blocks if b.strip()) + "\n"


def _html_text(html: str) -> str:
    """The words of raw HTML in a Markdown body (a caption's, a table's), without its tags and
    attributes: a `<figure><img srcset=...>` holds none, and its addresses are no one's words."""
    from lxml import etree, html as lxml_html

    try:
        fragments = lxml_html.fragments_fromstring(html)
    except (etree.ParserError, ValueError):
        return ""
    words = []
    for frag in fragments:
        if isinstance(frag, str):
            words.append(frag)
        elif isinstance(frag.tag, str) and frag.tag.lower() not in ("script", "style"):
            words.append(frag.text_content())
    return "\n".join(w.strip() for w in words if w.strip())


# Emphasis marks CommonMark could not pair, left as text: web pages converted to Markdown put
# the space inside the marks ("**Kush Desai:\u00a0\u00a0**“Michael", "the\u00a0*Federal\u00a0
# Register\u00a0*and"), which CommonMark then reads as literal asterisks (7% of the White House
# corpus). A run of two or three is never prose; a single one is a stray mark when it touches a
# word on one side only ("5 * 3" and a footnote's “*” stay).
_STRAY_EMPHASIS = re.compile(r"\*{2,3}|(?<!\S)\*(?=\S)|(?<=\S)\*(?!\S)")


def _inline_text(children) -> str:
    out = []
    for child in children:
        if child.type == "text":
            out.append(_STRAY_EMPHASIS.sub("", child.content) if "*" in child.content else child.content)
        elif child.type == "code_inline":
            out.append(child.content)
        elif child.type in ("softbreak", "hardbreak"):
            out.append("\n")
        elif child.type == "image":
            out.append(child.content)  # its alt text
        elif child.type == "html_inline" and child.content.lower().startswith("<br"):
            out.append("\n")
    return "".join(out)


def read_markdown_file(path: str, date: dt.date | None = None,
                       base: str | None = None) -> Iterator[Article | Reject]:
    yield from read_whole_file(path, base, article_from_markdown, date)
