"""CSV with a header row: read row by row with the csv module; a bad row is rejected by line."""
from __future__ import annotations

import csv
import datetime as dt

from chronicle.model import Article, Reject
from chronicle.read import read_paths
from tests.read.helpers import FIXTURES, articles


def test_csv_columns_become_article_fields_and_quoted_newlines_stay_in_the_text():
    first, second = read_paths([str(FIXTURES / "articles.csv")])
    assert (first.id, first.date, first.title, first.source, first.url) == (
        "c1", dt.date(2022, 1, 27), "Talks", "Wire", "https://example.org/c1")
    assert first.text == 'The minister said "no".\nA second line of the same article.'
    assert second.id == "articles:4"  # no id: file stem and the line the row starts on
    assert second.title is None  # empty cells count as absent


def _write(tmp_path, rows, name="t.csv"):
    path = tmp_path / name
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return path


def test_csv_accepts_fields_longer_than_the_csv_module_default(tmp_path):
    long_text = "word " * 100_000  # 500k characters, above csv's 131,072 default limit
    path = _write(tmp_path, [["id", "text"], ["long", long_text]])
    [article] = read_paths([str(path)])
    assert article.text == long_text


def test_csv_rows_without_date_take_the_date_argument(tmp_path):
    path = _write(tmp_path, [["text"], ["Undated."]])
    [article] = read_paths([str(path)], date=dt.date(2022, 1, 3))
    assert article.date == dt.date(2022, 1, 3)


def test_a_csv_without_a_text_column_is_rejected_once_at_its_header(tmp_path):
    path = _write(tmp_path, [["id", "body"], ["1", "x"], ["2", "y"]])
    [reject] = read_paths([str(path)])
    assert (reject.origin, reject.record) == (str(path), "header")
    assert reject.reason == 'has no "text" column (columns: id, body)'


def test_bad_csv_rows_are_rejected_by_line_and_the_rest_is_read(tmp_path):
    path = _write(tmp_path, [
        ["id", "date", "text"],
        ["ok1", "2022-01-27", "Fine."],
        ["short", "2022-01-27"],
        ["empty", "2022-01-27", "  "],
        ["baddate", "2022-02-30", "Text."],
        ["ok2", "", "Fine too."],
    ])
    records = list(read_paths([str(path)]))
    assert [type(r) for r in records] == [Article, Reject, Reject, Reject, Article]
    assert [(r.record, r.reason) for r in records if isinstance(r, Reject)] == [
        ("3", "has 2 fields but the header names 3"),
        ("4", 'has an empty "text"'),
        ("5", "date '2022-02-30' is impossible (day is out of range for month)"),
    ]


def test_undecodable_bytes_reject_the_csv_row_they_are_in(tmp_path):
    path = tmp_path / "bytes.csv"
    path.write_bytes(b'id,text\nr1,"caf\xe9\nsecond line"\nr2,fine\n')
    records = list(read_paths([str(path)]))
    assert [type(r) for r in records] == [Reject, Article]
    assert records[0].record == "2"
    assert records[0].reason == "is not UTF-8 text (undecodable byte 0xe9 on line 2)"
    assert articles(records)[0].id == "r2"


def test_malformed_csv_quoting_is_rejected(tmp_path):
    path = tmp_path / "quotes.csv"
    path.write_text('id,text\nr1,"unclosed quote\n', encoding="utf-8")
    [reject] = read_paths([str(path)])
    assert reject.record == "2" and reject.reason.startswith("is not well-formed CSV")
