"""HTML pages (trafilatura + htmldate, offline) and WARC archives (warcio), built by the tests."""
from __future__ import annotations

import datetime as dt
import gzip
import io
import socket

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from chronicle.model import Article, Reject
from chronicle.read import read_paths

PARAGRAPHS = [
    "Foreign Minister Sergey Lavrov said on Thursday that the written response did not "
    "answer Moscow's main question about the eastward expansion of the alliance.",
    "Officials in Washington said they were ready to continue talks with their partners and "
    "that the door to diplomacy remained open for the coming weeks.",
    "Analysts said the exchange showed how far apart the two sides remained on the core "
    "questions of European security after several rounds of meetings.",
]


def page(title="Lavrov responds", published="2022-01-27", body=PARAGRAPHS) -> bytes:
    paras = "".join(f"<p>{p}</p>" for p in body)
    return (
        "<!DOCTYPE html><html><head><meta charset='utf-8'>"
        f"<title>{title} | Example News</title>"
        f'<meta property="og:title" content="{title}">'
        f'<meta property="article:published_time" content="{published}T10:00:00+00:00">'
        '<link rel="canonical" href="https://news.example.org/lavrov">'
        "</head><body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        f"<article><h1>{title}</h1>{paras}</article>"
        "<footer>Copyright Example News</footer></body></html>"
    ).encode("utf-8")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("a reader tried to use the network")
    monkeypatch.setattr(socket.socket, "connect", refuse)


def test_html_page_gives_extracted_text_date_title_and_canonical_url(tmp_path):
    (tmp_path / "lavrov.html").write_bytes(page())
    [article] = read_paths([str(tmp_path / "lavrov.html")])
    assert isinstance(article, Article)
    assert article.id == "lavrov"
    assert article.date == dt.date(2022, 1, 27)
    assert article.title == "Lavrov responds"
    assert article.url == "https://news.example.org/lavrov"
    assert PARAGRAPHS[0] in article.text
    assert "Copyright" not in article.text and "Home" not in article.text  # boilerplate gone


def test_html_without_a_findable_date_takes_the_date_argument(tmp_path):
    html = page().replace(b'<meta property="article:published_time" content="2022-01-27T10:00:00+00:00">', b"")
    (tmp_path / "nodate.htm").write_bytes(html)
    [article] = read_paths([str(tmp_path / "nodate.htm")], date=dt.date(2022, 1, 2))
    assert article.date == dt.date(2022, 1, 2)


def test_html_without_article_text_is_rejected(tmp_path):
    (tmp_path / "empty.html").write_bytes(b"<html><head><title>x</title></head><body></body></html>")
    [reject] = read_paths([str(tmp_path / "empty.html")])
    assert isinstance(reject, Reject) and reject.record == "empty.html"
    assert reject.reason == "has no article text that could be extracted from the HTML"


def write_warc(path, gz: bool) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gz)

        def response(uri, status, ctype, payload):
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(
                uri, "response", payload=io.BytesIO(payload), http_headers=headers))

        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "tests"}))
        response("https://news.example.org/lavrov", "200 OK", "text/html; charset=utf-8", page())
        response("https://news.example.org/logo.png", "200 OK", "image/png", b"\x89PNG....")
        response("https://news.example.org/gone", "404 Not Found", "text/html", page("Gone"))
        writer.write_record(writer.create_warc_record(
            "https://news.example.org/lavrov", "request", payload=io.BytesIO(b"GET /lavrov HTTP/1.1\r\n\r\n")))
        response("https://news.example.org/second", "200 OK", "text/html",
                 page("Second story", "2022-01-28", PARAGRAPHS[::-1]))


@pytest.mark.parametrize("name, gz", [("crawl.warc", False), ("crawl.warc.gz", True)])
def test_each_html_200_response_in_a_warc_is_one_article(tmp_path, name, gz):
    write_warc(tmp_path / name, gz)
    records = list(read_paths([str(tmp_path / name)]))
    assert all(isinstance(r, Article) for r in records)  # image, 404, request, warcinfo skipped
    assert [(a.url, a.date) for a in records] == [
        ("https://news.example.org/lavrov", dt.date(2022, 1, 27)),
        ("https://news.example.org/second", dt.date(2022, 1, 28)),
    ]
    assert records[0].id.startswith("urn:uuid:")
    assert records[0].title == "Lavrov responds" and PARAGRAPHS[1] in records[0].text


def test_a_broken_warc_record_is_rejected_and_the_next_path_is_still_read(tmp_path):
    good = tmp_path / "good.warc"
    write_warc(good, gz=False)
    broken = tmp_path / "broken.warc"
    broken.write_bytes(good.read_bytes()[:300] + b"\r\n\r\nWARC/1.0\r\nnot a header line at all\r\n\r\n")
    (tmp_path / "after.txt").write_text("date 2022-01-27 Still read.", encoding="utf-8")
    records = list(read_paths([str(broken), str(tmp_path / "after.txt")]))
    reject = next(r for r in records if isinstance(r, Reject))
    assert reject.origin == str(broken) and reject.record.isdigit()
    assert "broken WARC record" in reject.reason
    assert records[-1].text == "Still read."


def test_garbage_in_a_compressed_warc_is_rejected_not_skipped(tmp_path):
    path = tmp_path / "bad.warc.gz"
    path.write_bytes(gzip.compress(b"this is not a warc record\r\n\r\n"))
    [reject] = read_paths([str(path)])
    assert reject.record == "1"
    assert reject.reason == "is not a WARC record (its first line is not a WARC/1.x header)"


@pytest.mark.parametrize("gz", [False, True])
def test_a_truncated_warc_rejects_the_cut_record_instead_of_dropping_it(tmp_path, gz):
    whole = tmp_path / ("whole.warc.gz" if gz else "whole.warc")
    write_warc(whole, gz)
    data = whole.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: len(data) // 2])
    records = list(read_paths([str(cut)]))
    assert isinstance(records[0], Article)
    [reject] = [r for r in records if isinstance(r, Reject)]
    assert reject.origin == str(cut) and reject.reason.startswith("is truncated")


def test_html_bytes_holding_nuls_give_text_without_them(tmp_path):
    # HTML declares or sniffs its encoding (UTF-16 pages are legitimate): the parser decodes it,
    # and the text the store receives holds no NUL (PostgreSQL could not keep one)
    page = ("<html><head><title>Roads</title></head><body><article><p>The minister said\x00 the "
            "roads were safe and that the bridge would open next week, officials confirmed.</p>"
            "<p>Traffic resumed on Tuesday after three days of repairs on the main road.</p>"
            "</article></body></html>")
    path = tmp_path / "page.html"
    path.write_bytes(page.encode("utf-16"))
    [article] = read_paths([str(path)])
    assert isinstance(article, Article) and "The minister said the roads" in article.text
    assert "\x00" not in article.text


def test_the_responses_a_warc_skips_are_counted_for_the_command_to_say(tmp_path):
    """A crawl's 404 and its image are not articles, but they are not passed over in silence:
    read_paths counts them (requests and warcinfo, never articles, are not counted)."""
    from chronicle.read import Skipped

    write_warc(tmp_path / "crawl.warc.gz", True)
    skipped = Skipped()
    records = list(read_paths([str(tmp_path)], skipped=skipped))
    assert len(records) == 2
    assert skipped.messages() == [
        f"skipped 2 responses in {tmp_path / 'crawl.warc.gz'} that are no HTML page "
        "(1 × image/png, 1 × HTTP 404)"]
