"""The record's commands: tables for people, --json for machines, --help that teaches."""
from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from chronicle.cli import app
from chronicle.store.db import connect
from chronicle.store.ingest import ingest

from .conftest import corpus

runner = CliRunner()
COMMANDS = ["ingest", "rejects", "quotes", "actors", "timeline", "events", "stats", "export", "load"]


@pytest.fixture
def record(sqlite_url, analyzer):
    ingest(records=corpus(), engine=connect(sqlite_url), pipeline=analyzer, progress=False)
    return sqlite_url


def run(*args):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", COMMANDS)
def test_help_teaches_with_examples(command):
    out = run(command, "--help")
    assert "Example" in out and f"chronicle {command}" in out


def test_quotes_json_and_table(record):
    rows = json.loads(run("quotes", "--speaker", "Psaki", "--about", "Russia", "--db", record, "--json"))
    assert [r["content"] for r in rows] == ["Russia must pull back its forces now.",
                                            "We are ready for diplomacy with Russia."]
    out = run("quotes", "--speaker", "Psaki", "--db", record)
    assert "Jen Psaki" in out and "2 quotes" in out


def test_actors_timeline_events_stats_rejects(record):
    actors = json.loads(run("actors", "--db", record, "--json"))
    assert actors[0]["id"] in {"person:psaki", "person:lavrov", "person:biden"}
    tl = json.loads(run("timeline", "Psaki", "--db", record, "--json"))
    assert tl["actor"]["id"] == "person:psaki" and len(tl["items"]) == 2
    assert "statements" in run("timeline", "Psaki", "--db", record)
    dy = json.loads(run("events", "--dyads", "--db", record, "--json"))
    assert sum(r["events"] for r in dy) == 4
    assert json.loads(run("events", "--type", "SANCTION", "--db", record, "--json"))[0]["recipient"] == "country:RUS"
    assert json.loads(run("stats", "--db", record, "--json"))["articles"] == 4
    assert json.loads(run("rejects", "--db", record, "--json")) == []


def test_export_and_load_commands(record, tmp_path):
    run("export", str(tmp_path / "dump"), "--format", "parquet", "--db", record)
    other = f"sqlite:///{tmp_path / 'other.db'}"
    run("load", str(tmp_path / "dump"), "--db", other)
    assert json.loads(run("stats", "--db", other, "--json"))["quotes"] == 4


def test_unreachable_database_is_a_clear_error():
    result = runner.invoke(app, ["stats", "--db", "postgresql://nobody@127.0.0.1:1/none"])
    assert result.exit_code == 2 and "cannot open the database" in result.output


def test_bad_option_values_are_named(record):
    result = runner.invoke(app, ["quotes", "--since", "yesterday", "--db", record])
    assert result.exit_code != 0 and "YYYY-MM-DD" in result.output


def test_a_reason_with_brackets_is_printed_as_it_is(sqlite_url, tmp_path):
    # rich reads "[/]" as markup; a record's own words must not be taken for it
    (tmp_path / "m.jsonl").write_text('{"date": "[/]", "text": "Minister Ed Ray said so."}\n', encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "m.jsonl"), "--db", sqlite_url, "--no-progress"])
    assert result.exit_code == 0, result.output
    assert "date '[/]' is not in YYYY-MM-DD" in result.output


def test_what_cannot_be_had_is_said_plainly(record, tmp_path):
    result = runner.invoke(app, ["stats", "--db", "mysql://someone@somewhere/db"])
    assert result.exit_code == 2 and "Chronicle stores in SQLite" in result.output
    (tmp_path / "afile").write_text("x")
    result = runner.invoke(app, ["export", str(tmp_path / "afile"), "--db", record])
    assert result.exit_code == 2 and "is a file; export writes a folder" in result.output
    run("export", str(tmp_path / "bare"), "--format", "parquet", "--no-text", "--db", record)
    result = runner.invoke(app, ["load", str(tmp_path / "bare"), "--db", f"sqlite:///{tmp_path / 'o.db'}"])
    assert result.exit_code == 2 and "exported with --no-text" in result.output


def test_an_unknown_spacy_pipeline_is_named_and_the_run_marked_failed(sqlite_url, tmp_path, monkeypatch, capsys):
    from chronicle import cli
    from chronicle.store.db import connect
    from chronicle.store.schema import runs

    (tmp_path / "a.txt").write_text("date 2023-01-02 The mayor said the bridge would open.\n")
    monkeypatch.setattr("sys.argv", ["chronicle", "ingest", str(tmp_path / "a.txt"), "--db", sqlite_url,
                                     "--model", "no_such_pipeline"])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    assert "no spaCy pipeline 'no_such_pipeline' is installed" in capsys.readouterr().err
    with connect(sqlite_url).connect() as conn:
        assert [r.status for r in conn.execute(runs.select())] == ["failed"]


def test_a_reading_command_leaves_no_empty_database_behind_a_typo(tmp_path):
    result = runner.invoke(app, ["stats", "--db", str(tmp_path / "typo.db")])
    assert result.exit_code == 2 and "no database at" in result.output
    assert not (tmp_path / "typo.db").exists()


@pytest.mark.parametrize("args", [("timeline", ""), ("timeline", "%"), ("actors", "^"),
                                  ("events", "--actor", ""), ("events", "--recipient", "%")])
def test_a_name_with_no_words_is_a_usage_error(record, args):
    """`timeline ""` showed whichever actor came first (every name "contains" nothing), and
    `events --actor %` an empty table: as for `quotes --speaker %`, they name no one."""
    result = runner.invoke(app, [*args, "--db", record])
    assert result.exit_code == 2, result.output
    assert "has no words to look for" in result.output


def test_timeline_limit_applies_to_json_too(record):
    """--limit kept the table to the latest rows but --json printed every one."""
    tl = json.loads(run("timeline", "Psaki", "--db", record, "--json", "--limit", "1"))
    assert [i["date"] for i in tl["items"]] == ["2022-02-03"]  # the latest
    assert sum(m["statements"] for m in tl["months"]) == 2  # the chart still counts both


def test_counts_are_singular_for_one_and_empty_answers_are_a_sentence(record, tmp_path):
    """"1 quotes", "1 rows"; a quotes table with no rows still told to use --limit 0 for all."""
    out = run("quotes", "--speaker", "Lavrov", "--db", record)
    assert "1 quote" in out and "1 quotes" not in out and "--limit 0" not in out  # all there is was shown
    assert "--limit 0 for all" in run("quotes", "--db", record, "--limit", "2")
    out = run("quotes", "--about", "nothingofthesort", "--db", record)
    assert out.strip() == "no quotes match"
    assert run("actors", "nobodyatall", "--db", record).strip() == "no actors match"
    assert run("events", "--type", "ASSAULT", "--db", record).strip() == "no events match"
    assert "1 statement, 0 events" in run("timeline", "Lavrov", "--db", record)
    result = runner.invoke(app, ["export", str(tmp_path / "d"), "--format", "csv", "--table", "rejects",
                                 "--table", "copies", "--db", record])
    assert result.exit_code == 0 and "copies.csv: 1 row\n" in result.output and "0 rows" in result.output


@pytest.mark.parametrize("command", [["quotes"], ["events"], ["events", "--dyads"], ["timeline", "Psaki"]])
def test_since_after_until_is_a_usage_error(record, command):
    """As the API answers 400: an empty table hid the mistake."""
    result = runner.invoke(app, [*command, "--since", "2022-03-01", "--until", "2022-01-01", "--db", record])
    assert result.exit_code == 2
    assert "error: --since 2022-03-01 is after --until 2022-01-01" in result.output


def test_actors_table_fits_80_columns_when_piped(record):
    """Ten folded columns at 80 characters (piped output) cut every id and word into pieces:
    a narrow terminal gets the whole id, the name, the type and the counts, one line each."""
    out = runner.invoke(app, ["actors", "--db", record], env={"COLUMNS": "80"}).output
    lines = out.splitlines()
    assert all(len(line) <= 80 for line in lines), out
    for aid in ("person:psaki", "person:lavrov", "person:biden"):
        assert sum(aid in line for line in lines) == 1, out
    assert "aliases" not in lines[2] and "--json" in out
    wide = runner.invoke(app, ["actors", "--db", record], env={"COLUMNS": "160"}).output
    assert "aliases" in wide and "mentions" in wide


def test_the_ingest_summary_counts_one_as_one(sqlite_url, tmp_path):
    """"1 duplicates", "1 near copies": the summary lines said every count in the plural."""
    line = '{"id": "%s", "date": "2023-01-02", "text": "The mayor said the bridge would open."}\n'
    (tmp_path / "m.jsonl").write_text(line % "a" + line % "b", encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(tmp_path / "m.jsonl"), "--db", sqlite_url, "--no-progress"])
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())  # rich wraps at 80 columns
    assert "2 records in" in out and "0 near copies linked, 1 duplicate (0 already in the record)" in out
