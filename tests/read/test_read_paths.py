"""read_paths: folders, explicit files, standard input, missing paths, and the bundled sample."""
from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest

from chronicle.model import Article, Reject
from chronicle.read import read_paths, sample_paths
from tests.read.helpers import FIXTURES, articles, rejects


def test_a_folder_is_read_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "z.txt").write_text("date 2022-01-03 Z.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("date 2022-01-01 A.", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text('{"id": "c", "text": "C."}\n', encoding="utf-8")
    (tmp_path / "b" / "a.md").write_text("---\ntitle: M\n---\nM.\n", encoding="utf-8")
    ids = [a.id for a in read_paths([str(tmp_path)])]
    assert ids == ["a", "b/a", "b/z", "c"]


def test_files_of_unknown_kind_and_hidden_files_in_folders_are_skipped(tmp_path):
    (tmp_path / "article.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "logo.png").write_bytes(b"\x89PNG")
    (tmp_path / "notes.docx").write_bytes(b"PK")
    (tmp_path / ".hidden.txt").write_text("Hidden.", encoding="utf-8")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "HEAD.txt").write_text("ref", encoding="utf-8")
    assert [r.id for r in read_paths([str(tmp_path)])] == ["article"]


def test_a_file_of_unknown_kind_named_explicitly_is_read_as_text(tmp_path):
    path = tmp_path / "story.body"
    path.write_text("date 2022-01-27 Named on purpose.", encoding="utf-8")
    [article] = read_paths([str(path)])
    assert (article.date, article.text) == (dt.date(2022, 1, 27), "Named on purpose.")


def test_a_missing_path_is_rejected_and_the_rest_is_read(tmp_path):
    missing = tmp_path / "missing.jsonl"
    records = list(read_paths([str(missing), str(FIXTURES / "plain.txt")]))
    assert isinstance(records[0], Reject)
    assert (records[0].origin, records[0].record) == (str(missing), "missing.jsonl")
    assert records[0].reason == "does not exist (no such file or folder)"
    assert isinstance(records[1], Article)


def test_an_unreadable_file_is_rejected(tmp_path):
    path = tmp_path / "locked.txt"
    path.write_text("x", encoding="utf-8")
    path.chmod(0)
    try:
        records = list(read_paths([str(path)]))
    finally:
        path.chmod(0o644)
    if isinstance(records[0], Article):
        pytest.skip("running as root: file permissions do not stop reading")
    assert records[0].reason.startswith("cannot be read: Permission denied")


def test_paths_may_be_path_objects_or_a_single_path():
    path = FIXTURES / "plain.txt"
    assert [a.id for a in read_paths([path])] == ["plain"]
    assert [a.id for a in read_paths(str(path))] == ["plain"]


def test_every_form_mixes_in_one_stream():
    records = list(read_paths([str(FIXTURES)]))
    assert not rejects(records)
    assert [a.id for a in records] == ["c1", "articles:4", "a1", "articles:3",
                                      "corpus/press/2022-01/briefing", "dated", "plain"]


def _stdin(monkeypatch, data: bytes):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_jsonl_is_sniffed_by_its_first_brace(monkeypatch):
    _stdin(monkeypatch, b'\n  {"text": "one"}\n{"text": "two", "date": "2022-01-27"}\nnot json\n')
    records = list(read_paths(["-"]))
    assert [a.id for a in articles(records)] == ["stdin:2", "stdin:3"]
    [reject] = rejects(records)
    assert (reject.origin, reject.record) == ("<stdin>", "4")


def test_stdin_in_the_seed_form_is_one_dated_article(monkeypatch):
    _stdin(monkeypatch, b"date 2022-01-27 The minister spoke.\n")
    [article] = read_paths(["-"])
    assert (article.id, article.date, article.text) == ("stdin", dt.date(2022, 1, 27), "The minister spoke.\n")


def test_stdin_plain_text_takes_the_date_argument(monkeypatch):
    _stdin(monkeypatch, b"Just text.\n")
    [article] = read_paths(["-"], date=dt.date(2022, 2, 2))
    assert (article.date, article.text) == (dt.date(2022, 2, 2), "Just text.\n")


def test_empty_stdin_is_rejected(monkeypatch):
    _stdin(monkeypatch, b"")
    [reject] = read_paths(["-"])
    assert (reject.origin, reject.record, reject.reason) == ("<stdin>", "stdin", "is empty")


def test_stdin_jsonl_is_streamed_not_read_whole(monkeypatch):
    pulled = []

    class Endless:
        def __iter__(self):
            for n in range(1, 10_000_000):
                pulled.append(n)
                yield json.dumps({"text": f"t{n}"}).encode() + b"\n"

    class FakeStdin:
        buffer = Endless()

    monkeypatch.setattr(sys, "stdin", FakeStdin())
    stream = read_paths(["-"])
    assert next(stream).text == "t1" and next(stream).text == "t2"
    assert len(pulled) == 2


def test_the_bundled_sample_is_at_most_50_whitehouse_documents_from_january_february_2022():
    [folder] = sample_paths()
    assert Path(folder).is_dir() and Path(folder).name == "whitehouse"
    assert (Path(folder).parent / "README.md").is_file()
    records = list(read_paths(sample_paths()))
    assert not rejects(records)
    assert 0 < len(records) <= 50
    assert all(dt.date(2022, 1, 1) <= a.date <= dt.date(2022, 2, 28) for a in records)
    assert all(a.url.startswith("https://") and a.title for a in records)
    assert sum("Russia" in a.text or "Ukraine" in a.text for a in records) == len(records)
    assert len({a.id for a in records}) == len(records)


def test_records_no_reader_foresaw_are_set_aside_and_the_batch_goes_on(tmp_path):
    (tmp_path / "a.md").write_text("---\ntitle: ok\ndate: 2023-02-31\n---\nChief Bo Kell said it.\n",
                                   encoding="utf-8")
    (tmp_path / "b.jsonl").write_text(
        '{"text": "Minister Ed Ray said \\ud800 the roads were safe."}\n'
        '{"text": "Minister Ed Ray said the roads were safe.", "date": "2023-01-02"}\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text("date 2023-01-03 The mayor said the bridge would open.\n",
                                    encoding="utf-8")
    out = list(read_paths([str(tmp_path)]))
    reasons = [r.reason for r in out if isinstance(r, Reject)]
    assert reasons == ["has front matter with an impossible value (day is out of range for month)",
                       "has text that is not valid Unicode (a lone surrogate, U+D800, at character 21)"]
    assert [a.date.isoformat() for a in out if not isinstance(a, Reject)] == ["2023-01-02", "2023-01-03"]


def test_a_reader_s_unforeseen_failure_names_the_file(tmp_path, monkeypatch):
    from chronicle.read import dispatch

    def broken(path, date, base):
        yield from ()
        raise RuntimeError("disk on fire")

    monkeypatch.setitem(dispatch.READERS, ".md", broken)
    (tmp_path / "a.md").write_text("Body.\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("date 2023-01-03 The mayor said so.\n", encoding="utf-8")
    out = list(read_paths([str(tmp_path)]))
    assert isinstance(out[0], Reject) and out[0].reason == "could not be read: RuntimeError: disk on fire"
    assert out[0].record == "a.md" and not isinstance(out[1], Reject)


@pytest.mark.parametrize("name, content, reason", [
    ("empty.jsonl", b"", "is empty"),
    ("blank.jsonl", b"\n  \n", "is empty"),
    ("empty.csv", b"", "is empty"),
    ("blank.csv", b"\n\n", "is empty"),
    ("header-only.csv", b"id,text\n", "holds no articles"),
    ("empty.tsv", b"", "is empty"),
    ("empty.json", b"[]", "holds no articles"),
    ("empty.warc", b"", "is empty"),
])
def test_a_file_with_no_records_is_rejected_not_passed_over(tmp_path, name, content, reason):
    reject = _the_reject_beside_a_good_file(tmp_path, name, content)
    assert (reject.origin, reject.record, reject.reason) == (str(tmp_path / name), name, reason)


def _the_reject_beside_a_good_file(tmp_path, name: str, content: bytes) -> Reject:
    """Read a folder holding ``name`` and a good text file: the one reject, the text read."""
    (tmp_path / name).write_bytes(content)
    (tmp_path / "after.txt").write_text("Text.", encoding="utf-8")
    out = list(read_paths([str(tmp_path)]))
    [reject] = rejects(out)
    assert [a.id for a in articles(out)] == ["after"]
    return reject


def test_a_warc_of_no_html_pages_holds_no_articles(tmp_path):
    from warcio.warcwriter import WARCWriter

    path = tmp_path / "info.warc"
    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=False)
        writer.write_record(writer.create_warcinfo_record("info.warc", {"software": "test"}))
    [reject] = list(read_paths([str(path)]))
    assert isinstance(reject, Reject) and reject.reason == "holds no articles"


NUL_REASON = "holds NUL characters (binary data, or UTF-16 text?)"


@pytest.mark.parametrize("name, content, record", [
    ("utf16.txt", "date 2022-01-27 The minister said so.\n".encode("utf-16-le"), "utf16.txt"),
    ("nul.md", b"---\ntitle: T\n---\nThe minister\x00 said so.\n", "nul.md"),
    ("nul.jsonl", b'{"text": "The minister\\u0000 said so."}\n', "1"),
    ("nul.json", b'[{"text": "The minister\\u0000 said so."}]', "1"),
    ("nul.csv", b'text\n"The minister\x00 said so."\n', "2"),
    ("nul.tsv", b"text\nThe minister\x00 said so.\n", "2"),
])
def test_text_holding_nul_characters_is_rejected_in_every_form(tmp_path, name, content, record):
    # PostgreSQL cannot store a NUL; a UTF-16 file of ASCII decodes as UTF-8 full of them
    reject = _the_reject_beside_a_good_file(tmp_path, name, content)
    assert reject.record == record and reject.reason.startswith(NUL_REASON)


def test_a_field_holding_a_nul_character_is_rejected_naming_the_field(tmp_path):
    (tmp_path / "a.jsonl").write_text('{"text": "Fine.", "title": "Bad\\u0000title"}\n', encoding="utf-8")
    [reject] = read_paths([str(tmp_path / "a.jsonl")])
    assert reject.reason == ("holds NUL characters in field 'title' (binary data, or UTF-16 text?), "
                             "the first at character 3")


def test_stdin_holding_nul_characters_is_rejected(monkeypatch):
    _stdin(monkeypatch, "Some text.".encode("utf-16-le"))
    [reject] = read_paths(["-"])
    assert isinstance(reject, Reject) and reject.reason.startswith(NUL_REASON)


def test_files_of_unknown_kinds_in_a_folder_are_counted_for_the_command_to_say(tmp_path):
    from chronicle.read import Skipped

    (tmp_path / "sub").mkdir()
    (tmp_path / "article.txt").write_text("Text.", encoding="utf-8")
    (tmp_path / "sub" / "archive.jsonl.gz").write_bytes(b"\x1f\x8b")
    (tmp_path / "sub" / "story.txt.gz").write_bytes(b"\x1f\x8b")
    (tmp_path / "zz.xyz").write_bytes(b"?")
    (tmp_path / ".DS_Store").write_bytes(b"")  # hidden: passed over, not counted
    skipped = Skipped()
    assert [a.id for a in read_paths([str(tmp_path)], skipped=skipped)] == ["article"]
    assert skipped.messages() == [f"skipped 3 files of unknown kinds in {tmp_path} (first: sub/archive.jsonl.gz)"]


def test_a_folder_of_known_kinds_only_skips_nothing(tmp_path):
    from chronicle.read import Skipped

    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    skipped = Skipped()
    list(read_paths([str(tmp_path)], skipped=skipped))
    assert skipped.messages() == []
