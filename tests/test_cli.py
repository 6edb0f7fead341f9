"""The `chronicle` command: help that teaches, stdin and files in, JSON lines out, bad records named."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

STORY = '"We will act now," the minister said on Monday.\n'


def chronicle(*args, input=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "chronicle.cli", *args], input=input,
                          capture_output=True, text=True, timeout=timeout)


def test_help_says_where_to_start():
    proc = chronicle("--help", timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "chronicle analyze" in proc.stdout
    for command in ("analyze", "eval"):
        assert command in proc.stdout


def test_analyze_help_teaches_with_examples():
    proc = chronicle("analyze", "--help", timeout=60)
    assert proc.returncode == 0, proc.stderr
    out = " ".join(proc.stdout.split())
    assert "Examples" in out
    assert "chronicle analyze" in out and "--date" in out and "--out" in out and "--with-text" in out


def test_every_command_has_examples_in_its_help():
    """Every command and subcommand's --help shows how to call it (demo's had none)."""
    from typer.main import get_command
    from typer.testing import CliRunner

    from chronicle.cli import app

    runner = CliRunner()
    root = get_command(app)
    paths = [[name] for name in root.commands]
    paths += [["eval", sub] for sub in root.commands["eval"].commands]
    for path in paths:
        result = runner.invoke(app, [*path, "--help"])
        assert result.exit_code == 0, (path, result.output)
        assert "Example" in result.output and f"chronicle {' '.join(path)}" in result.output, path


def test_a_bad_date_names_the_option():
    proc = chronicle("analyze", "-", "--date", "2022-02-30", input=STORY, timeout=60)
    assert proc.returncode == 2
    assert "--date" in proc.stderr and "'2022-02-30' is not a date" in proc.stderr


@pytest.fixture(scope="module")
def from_stdin(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli") / "found.jsonl"
    proc = chronicle("analyze", "-", "--date", "2022-01-27", "--with-text", "--out", str(out), input=STORY)
    return proc, out


def test_analyze_reads_stdin_with_the_date_given(from_stdin):
    proc, out = from_stdin
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    assert records[0]["date"] == "2022-01-27"
    quote = records[0]["quotes"][0]
    assert quote["kind"] == "direct" and quote["cue"]["text"] == "said"
    assert quote["said_on"] == "2022-01-24"  # "on Monday" before a Thursday publication


def test_out_writes_the_file_and_leaves_stdout_empty(from_stdin):
    proc, out = from_stdin
    assert out.exists() and proc.stdout.strip() == ""


def test_with_text_adds_the_text(from_stdin):
    _, out = from_stdin
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert record["text"] == STORY
    q = record["quotes"][0]["content"]
    assert record["text"][q["start"]:q["end"]] == q["text"]


def test_bad_record_is_named_and_the_good_ones_still_come_out(tmp_path):
    batch = tmp_path / "batch.jsonl"
    batch.write_text(
        json.dumps({"id": "good-1", "date": "2022-01-27", "text": STORY}) + "\n"
        + '{"id": "broken", "text": \n'
        + json.dumps({"id": "good-2", "date": "2022-01-28", "text": "Nothing was said."}) + "\n",
        encoding="utf-8")
    proc = chronicle("analyze", str(batch))
    assert proc.returncode == 3, (proc.returncode, proc.stderr)
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["good-1", "good-2"]
    assert "text" not in json.loads(proc.stdout.splitlines()[0])  # only with --with-text
    message = " ".join(proc.stderr.split())
    assert "batch.jsonl" in message and "record 2" in message


def assert_clean_error(proc, *words):
    """A user's mistake is one `error:` message and exit status 2, not a traceback."""
    assert proc.returncode == 2, (proc.returncode, proc.stderr)
    assert proc.stderr.startswith("error: ") and "Traceback" not in proc.stderr, proc.stderr
    for word in words:
        assert word in proc.stderr, proc.stderr


def test_an_out_file_in_a_missing_folder_is_a_clean_error(tmp_path):
    story = tmp_path / "a.txt"
    story.write_text(STORY, encoding="utf-8")
    out = tmp_path / "no" / "such" / "x.jsonl"
    assert_clean_error(chronicle("analyze", str(story), "--out", str(out)), str(out), "No such file")


@pytest.mark.parametrize("content, words", [
    (None, ["no such file"]),
    ("foo: [bar\n", ["not valid YAML", "line 1"]),
])
def test_a_missing_or_broken_actors_file_is_a_clean_error(tmp_path, content, words):
    story, actors = tmp_path / "a.txt", tmp_path / "actors.yaml"
    story.write_text(STORY, encoding="utf-8")
    if content is not None:
        actors.write_text(content, encoding="utf-8")
    proc = chronicle("analyze", str(story), "--actors", str(actors))
    assert_clean_error(proc, "actors.yaml", *words)


def test_export_into_a_path_that_cannot_be_a_folder_is_a_clean_error(tmp_path):
    from chronicle.store.db import connect

    db = f"sqlite:///{tmp_path / 'record.db'}"
    connect(db).dispose()  # an empty record
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    proc = chronicle("export", str(blocker / "out"), "--db", db)
    assert_clean_error(proc, str(blocker / "out"))


def test_loading_a_file_that_is_not_parquet_is_a_clean_error(tmp_path):
    (tmp_path / "g").mkdir()
    (tmp_path / "g" / "articles.parquet").write_text("x\n", encoding="utf-8")
    proc = chronicle("load", str(tmp_path / "g"), "--db", f"sqlite:///{tmp_path / 'record.db'}")
    assert_clean_error(proc, "Parquet")


def test_a_postgresql_search_path_naming_no_schema_is_a_clean_error():
    from sqlalchemy import create_engine, text

    url = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
    try:
        with create_engine(url, connect_args={"connect_timeout": 3}).connect() as conn:
            conn.execute(text("SELECT 1"))
    except Exception as exc:
        pytest.skip(f"PostgreSQL at 127.0.0.1:5432 (database test) does not answer: {type(exc).__name__}")
    proc = chronicle("stats", "--db", url + "?options=-csearch_path%3Dchronicle_no_such_schema")
    assert_clean_error(proc, "search_path", "no schema")


def test_ingest_takes_an_actors_file_as_analyze_does(tmp_path):
    story, actors = tmp_path / "lavrov.txt", tmp_path / "my-actors.yaml"
    story.write_text("date 2022-01-27 " + '"We will not accept this," Russian Foreign Minister '
                     "Sergey Lavrov said on Monday.\n", encoding="utf-8")
    actors.write_text("actors:\n  - id: person:sergey-lavrov\n    roles:\n"
                      "      - {role: Chief Lighthouse Keeper, code: RUSGOV, start: 2004-03-09}\n",
                      encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'record.db'}"
    proc = chronicle("ingest", str(story), "--actors", str(actors), "--db", db, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["stored"] == 1
    proc = chronicle("actors", "lavrov", "--db", db, "--json")
    [lavrov] = json.loads(proc.stdout)
    assert lavrov["roles"] == ["Chief Lighthouse Keeper"]


def test_analyze_and_ingest_say_which_files_of_a_folder_they_skipped(tmp_path):
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "feed.jsonl.gz").write_bytes(b"\x1f\x8b")
    (folder / "logo.png").write_bytes(b"\x89PNG")
    (folder / "story.txt").write_text(STORY, encoding="utf-8")
    proc = chronicle("analyze", str(folder))
    assert proc.returncode == 0, proc.stderr
    assert [json.loads(line)["id"] for line in proc.stdout.splitlines()] == ["story"]
    line = f"skipped 2 files of unknown kinds in {folder} (first: feed.jsonl.gz)"
    assert line in " ".join(proc.stderr.split())
    (folder / "story.txt").unlink()  # nothing to analyze: ingest need not load the model
    proc = chronicle("ingest", str(folder), "--db", f"sqlite:///{tmp_path / 'record.db'}")
    assert proc.returncode == 0, proc.stderr
    assert line in " ".join(proc.stderr.split())
