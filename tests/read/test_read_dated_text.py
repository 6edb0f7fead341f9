"""Text files: the seed's `date YYYY-MM-DD` form and plain text."""
from __future__ import annotations

import datetime as dt

from chronicle.model import Article, Reject
from chronicle.read import read_paths
from tests.read.helpers import FIXTURES, articles, rejects


def test_the_seed_is_read_with_its_date_and_the_text_after_the_header(shared_seed):
    raw = shared_seed.read_text(encoding="utf-8")
    [article] = list(read_paths([str(shared_seed)]))
    assert isinstance(article, Article)
    assert article.id == "000_dfc7f4e74b275605"
    assert article.date == dt.date(2022, 1, 27)
    assert article.text.startswith("On Thursday, Russian Foreign Minister Sergey Lavrov")
    assert raw.endswith(article.text)  # the rest of the file, unchanged
    assert article.origin == str(shared_seed)


def test_seed_form_strips_leading_whitespace_header_and_exactly_one_separator(tmp_path):
    (tmp_path / "a.txt").write_text("\n  date 2022-01-27\n\nFirst paragraph.\n", encoding="utf-8")
    [article] = read_paths([str(tmp_path / "a.txt")])
    assert article.date == dt.date(2022, 1, 27)
    assert article.text == "\nFirst paragraph.\n"


def test_seed_form_treats_a_crlf_after_the_date_as_one_separator(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"date 2022-01-27\r\nText.\r\n")
    [article] = read_paths([str(tmp_path / "a.txt")])
    assert article.text == "Text.\r\n"


def test_seed_form_fixture_keeps_the_text_as_written():
    [article] = read_paths([str(FIXTURES / "dated.txt")])
    assert article.id == "dated"
    assert article.date == dt.date(2022, 1, 27)
    assert article.text == 'On Thursday, the minister said talks would go on.\n\n"We are ready," he said.\n'


def test_plain_text_takes_the_date_argument_or_none():
    path = str(FIXTURES / "plain.txt")
    [undated] = read_paths([path])
    [dated] = read_paths([path], date=dt.date(2022, 2, 1))
    assert undated.date is None
    assert dated.date == dt.date(2022, 2, 1)
    assert undated.text == "A plain article with no date header.\nIt has two lines.\n"


def test_the_header_date_wins_over_the_date_argument():
    [article] = read_paths([str(FIXTURES / "dated.txt")], date=dt.date(2000, 1, 1))
    assert article.date == dt.date(2022, 1, 27)


def test_an_impossible_header_date_is_rejected_with_the_file_named(tmp_path):
    path = tmp_path / "bad.txt"
    path.write_text("date 2022-02-30 Text.", encoding="utf-8")
    [reject] = read_paths([str(path)])
    assert isinstance(reject, Reject)
    assert (reject.origin, reject.record) == (str(path), "bad.txt")
    assert "2022-02-30" in reject.reason and "impossible" in reject.reason


def test_a_header_without_text_is_rejected(tmp_path):
    (tmp_path / "empty.txt").write_text("date 2022-01-27\n\n", encoding="utf-8")
    [reject] = read_paths([str(tmp_path / "empty.txt")])
    assert reject.reason == "has no text after its date header"


def test_an_empty_file_is_rejected(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n", encoding="utf-8")
    [reject] = read_paths([str(tmp_path / "empty.txt")])
    assert reject.reason == "has no text"


def test_undecodable_bytes_are_rejected_naming_the_byte(tmp_path):
    (tmp_path / "latin1.txt").write_bytes("date 2022-01-27 Café".encode("latin-1"))
    [reject] = read_paths([str(tmp_path / "latin1.txt")])
    assert reject.record == "latin1.txt"
    assert reject.reason.startswith("is not UTF-8 text (undecodable byte 0xe9")


def test_a_utf8_byte_order_mark_is_dropped(tmp_path):
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfdate 2022-01-27 Text.")
    [article] = read_paths([str(tmp_path / "bom.txt")])
    assert (article.date, article.text) == (dt.date(2022, 1, 27), "Text.")


def test_after_a_rejected_file_the_stream_goes_on(tmp_path):
    (tmp_path / "bad.txt").write_text("date 2022-13-01 x", encoding="utf-8")
    records = list(read_paths([str(tmp_path / "bad.txt"), str(FIXTURES / "plain.txt")]))
    assert len(rejects(records)) == 1 and len(articles(records)) == 1
