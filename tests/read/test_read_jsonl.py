"""JSON Lines: one object a line, streamed; a bad line is rejected by its line number."""
from __future__ import annotations

import datetime as dt
import inspect
import io
import json

import pytest

from chronicle.model import Article, Reject
from chronicle.read import read_paths
from chronicle.read import common, jsonl
from chronicle.read.jsonl import read_jsonl_lines
from tests.read.helpers import FIXTURES, articles, rejects


def test_jsonl_fields_become_article_fields_and_text_is_unchanged():
    first, second = read_paths([str(FIXTURES / "articles.jsonl")])
    assert (first.id, first.date, first.title, first.source, first.url) == (
        "a1", dt.date(2022, 1, 27), "Talks", "Wire", "https://example.org/a1")
    assert first.text == "The minister said talks would go on."
    assert first.meta == {"lang": "en"}  # unknown fields are kept, not lost
    assert second.text == "  Leading spaces are kept.  "


def test_a_missing_id_becomes_file_stem_and_line_number():
    _, second = read_paths([str(FIXTURES / "articles.jsonl")])
    assert second.id == "articles:3"  # line 2 is blank and skipped, numbering is by line
    assert second.origin == f"{FIXTURES / 'articles.jsonl'}:3"


def test_an_iso_datetime_gives_its_date_part_as_written():
    _, second = read_paths([str(FIXTURES / "articles.jsonl")])
    assert second.date == dt.date(2022, 1, 28)


def test_a_record_without_date_takes_the_date_argument(tmp_path):
    path = tmp_path / "x.ndjson"
    path.write_text('{"text": "No date here."}\n', encoding="utf-8")
    [article] = read_paths([str(path)], date=dt.date(2022, 1, 5))
    assert article.date == dt.date(2022, 1, 5)


BAD_LINES = [
    ('{"text": "unterminated', "is not valid JSON"),
    ('{"text": "a raw\tcontrol"}', "is not valid JSON (Invalid control character at column 16)"),
    ('["a", "list"]', 'is a JSON list, not an object with a "text" field'),
    ('{"title": "no text"}', 'has no "text" field'),
    ('{"text": "   "}', 'has an empty "text"'),
    ('{"text": 42}', '"text" must be a string, not int'),
    ('{"text": "x", "date": "2022-02-30"}', "date '2022-02-30' is impossible"),
    ('{"text": "x", "date": "27/01/2022"}', "date '27/01/2022' is not in YYYY-MM-DD"),
    ('{"text": "x", "date": "2022-01-27Tnoon"}', "is not a valid ISO datetime"),
    ('{"text": "x", "title": ["a"]}', "field 'title' must be text, not list"),
]


@pytest.mark.parametrize("line, reason", BAD_LINES, ids=[r for _, r in BAD_LINES])
def test_each_bad_line_is_rejected_with_its_line_number_and_reason(tmp_path, line, reason):
    path = tmp_path / "mixed.jsonl"
    path.write_text('{"text": "good one"}\n' + line + '\n{"text": "good two"}\n', encoding="utf-8")
    records = list(read_paths([str(path)]))
    assert [type(r) for r in records] == [Article, Reject, Article]  # the stream goes on
    reject = records[1]
    assert (reject.origin, reject.record) == (str(path), "2")
    assert reason in reject.reason
    assert str(reject).startswith(f"{path}:2: ")


def test_undecodable_bytes_on_a_line_reject_only_that_line(tmp_path):
    path = tmp_path / "bytes.jsonl"
    path.write_bytes(b'{"text": "ok"}\n{"text": "caf\xe9"}\n{"text": "ok too"}\n')
    records = list(read_paths([str(path)]))
    assert len(articles(records)) == 2
    [reject] = rejects(records)
    assert reject.record == "2" and reject.reason.startswith("is not UTF-8 text (undecodable byte 0xe9")


def test_read_paths_returns_a_lazy_generator(tmp_path):
    stream = read_paths([str(tmp_path / "not-opened-yet.jsonl")])
    assert inspect.isgenerator(stream)  # nothing is read until asked


def test_jsonl_is_read_line_by_line_not_whole():
    pulled = []

    def lines():
        for n in range(1, 1_000_000):
            pulled.append(n)
            yield json.dumps({"text": f"article {n}"}).encode() + b"\n"

    stream = read_jsonl_lines(lines(), origin="big.jsonl", stem="big")
    first, second = next(stream), next(stream)
    assert (first.id, second.id) == ("big:1", "big:2")
    assert len(pulled) == 2


def test_a_jsonl_file_is_consumed_as_the_stream_is(tmp_path, monkeypatch):
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for n in range(20_000):
            f.write(json.dumps({"text": f"article {n} " + "x" * 100}) + "\n")
    consumed = []

    class CountingFile(io.FileIO):
        def readinto(self, buffer):
            n = super().readinto(buffer)
            consumed.append(n or 0)
            return n

    monkeypatch.setattr(common, "open", lambda p, mode: io.BufferedReader(CountingFile(p, "r")),
                        raising=False)
    stream = read_paths([str(path)])
    assert next(stream).id == "big:1"
    assert 0 < sum(consumed) < path.stat().st_size // 100  # a buffer's worth, not the file
