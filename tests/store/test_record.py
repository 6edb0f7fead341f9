"""The record: schema and migrations, idempotent ingest, copies, actors, rejects, queries —
on SQLite and on PostgreSQL, with the same answers from both."""
from __future__ import annotations

import datetime as dt
import json
import sqlite3

import pytest
from sqlalchemy import func, select, text

from chronicle.model import Reject
from chronicle.store import queries
from chronicle.store.db import HEAD, connect, current_revision
from chronicle.store.export import export, load
from chronicle.store.ingest import ingest
from chronicle.store.schema import actors, articles, copies, quotes

from .conftest import corpus


def _ingest(url, analyzer, records=None):
    engine = connect(url)
    s = ingest(records=records if records is not None else corpus(), engine=engine,
               pipeline=analyzer, progress=False)
    return engine, s


def test_connect_migrates_to_head_and_sqlite_uses_wal(sqlite_url, tmp_path):
    engine = connect(sqlite_url)
    assert current_revision(engine) == HEAD
    with engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("SELECT count(*) FROM quotes_fts")).scalar() == 0
    connect(sqlite_url)  # again: nothing to do
    assert current_revision(engine) == HEAD


def test_ingest_stores_articles_and_recognizes_copies(db_url, analyzer):
    engine, s = _ingest(db_url, analyzer)
    assert (s.read, s.stored, s.duplicates, s.copies, s.rejected) == (6, 4, 1, 1, 0)
    with engine.connect() as conn:
        wire = conn.execute(select(copies)).one()
        assert (wire.origin, wire.ext_id) == ("wire/a1.txt", "a1-wire")
        edit = conn.execute(select(articles).where(articles.c.ext_id == "a4-edit")).one()
        original = conn.execute(select(articles.c.key).where(articles.c.ext_id == "a4")).scalar()
        assert edit.copy_of == original and edit.similarity >= 0.85
        # the copy's quotes are not stored again: Biden is quoted once
        assert conn.execute(select(func.count()).select_from(quotes).where(
            quotes.c.actor_id == "person:biden")).scalar() == 1


def test_ingesting_again_adds_nothing(db_url, analyzer):
    engine, _ = _ingest(db_url, analyzer)
    before = queries.canonical_dump(engine)
    _, again = _ingest(db_url, analyzer)
    assert (again.stored, again.copies, again.duplicates) == (0, 0, 6)
    assert queries.canonical_dump(engine) == before


def test_near_copies_found_across_runs(db_url, analyzer):
    arts = corpus()
    engine, _ = _ingest(db_url, analyzer, records=arts[:4])
    _, later = _ingest(db_url, analyzer, records=[arts[5]])  # the LSH index is rebuilt from the DB
    assert later.copies == 1 and later.stored == 0


def test_rejects_are_kept_with_reasons(db_url, analyzer):
    recs = corpus()[:1] + [Reject("in/bad.jsonl", "7", "invalid JSON: Expecting value"),
                           corpus()[1].__class__("empty", "  \n", dt.date(2022, 1, 1), origin="in/e.txt")]
    engine, s = _ingest(db_url, analyzer, records=recs)
    assert s.rejected == 2 and s.reasons == {"invalid JSON": 1, "empty text": 1}
    rows = queries.list_rejects(engine)
    assert [(r["origin"], r["record"], r["reason"]) for r in rows] == [
        ("in/bad.jsonl", "7", "invalid JSON: Expecting value"), ("in/e.txt", "empty", "empty text")]
    _ingest(db_url, analyzer, records=recs)
    assert len(queries.list_rejects(engine)) == 2


def test_actors_are_extended_as_articles_arrive(db_url, analyzer):
    arts = corpus()
    engine, _ = _ingest(db_url, analyzer, records=arts[:1])
    [psaki] = queries.list_actors(engine, name="psaki")
    assert (psaki["articles"], psaki["quotes"]) == (1, 1)
    _ingest(db_url, analyzer, records=arts[:4])
    [psaki] = queries.list_actors(engine, name="psaki")
    assert psaki["id"] == "person:psaki"
    assert (psaki["articles"], psaki["quotes"], psaki["mentions"]) == (2, 2, 2)
    assert set(psaki["aliases"]) == {"Psaki", "Jen Psaki"}
    assert psaki["roles"] == ["Press Secretary"]
    assert (psaki["first_seen"], psaki["last_seen"]) == ("2022-01-24", "2022-02-03")


def test_quotes_by_speaker_topic_date_and_kind(db_url, analyzer):
    engine, _ = _ingest(db_url, analyzer)
    got = queries.search_quotes(engine, speaker="Psaki", about="Russia")
    assert [q["content"] for q in got] == ["Russia must pull back its forces now.",
                                           "We are ready for diplomacy with Russia."]
    assert queries.search_quotes(engine, speaker="psaki", about="diplomacy")[0]["date"] == "2022-02-03"
    assert [q["speaker"] for q in queries.search_quotes(engine, about="russia")] == [
        "Jen Psaki", "Jen Psaki", "Joe Biden"]
    assert [q["article"] for q in queries.search_quotes(engine, since=dt.date(2022, 1, 25),
                                                        until=dt.date(2022, 2, 10))] == ["a3", "a2"]
    # said_on ("yesterday") dates the quote, not the publication
    assert queries.search_quotes(engine, speaker="Lavrov")[0]["date"] == "2022-01-26"
    assert queries.search_quotes(engine, kind="indirect") == []
    assert queries.search_quotes(engine, speaker="nobody") == []


def test_speaker_names_match_by_word_beginnings(db_url, analyzer):
    """A name matches the actors one of whose names, aliases or id has words starting with each
    of its words, the same on both databases (SQLite from its index of names)."""
    engine, _ = _ingest(db_url, analyzer)
    for name in ("Psaki", "psak", "Jen Psaki", "JEN", "person:psaki"):
        assert {q["speaker"] for q in queries.search_quotes(engine, speaker=name)} == {"Jen Psaki"}, name
    assert queries.search_quotes(engine, speaker="saki") == []  # not the middle of a word
    assert queries.search_quotes(engine, speaker="Jen Lavrov") == []  # every word must match
    assert [a["id"] for a in queries.list_actors(engine, name="psaki")] == ["person:psaki"]


def test_events_dyads_and_timeline(db_url, analyzer):
    engine, _ = _ingest(db_url, analyzer)
    got = queries.search_events(engine, actor="AME")
    assert [e["type"] for e in got] == ["ACCUSE", "CONSULT", "SANCTION"]
    assert [e["type"] for e in queries.search_events(engine, recipient="RUS", type="sanction")] == ["SANCTION"]
    d = queries.dyads(engine)
    assert {(r["actor"], r["recipient"], r["type"], r["month"], r["events"]) for r in d} == {
        ("country:AME", "country:RUS", "ACCUSE", "2022-01", 1),
        ("country:RUS", "country:AME", "ACCUSE", "2022-01", 1),
        ("country:AME", "country:UKR", "CONSULT", "2022-02", 1),
        ("country:AME", "country:RUS", "SANCTION", "2022-02", 1)}
    rows = queries.timeline(engine, "person:psaki")
    assert [(r["date"], r["what"]) for r in rows] == [("2022-01-24", "said"), ("2022-02-03", "said")]
    assert queries.monthly_counts(rows) == [("2022-01", 1, 0), ("2022-02", 1, 0)]


def test_stats(db_url, analyzer):
    engine, _ = _ingest(db_url, analyzer)
    s = queries.stats(engine)
    assert {k: s[k] for k in ("articles", "near_copies", "exact_copies", "quotes", "events", "rejects")} == {
        "articles": 4, "near_copies": 1, "exact_copies": 1, "quotes": 4, "events": 4, "rejects": 0}
    assert (s["first_date"], s["last_date"]) == ("2022-01-24", "2022-02-25")
    assert s["bytes"] > 0


def test_stats_bytes_is_a_number_on_both_engines(db_url, analyzer):
    """`stats --json` says "bytes": 999424, never "999424" (PostgreSQL's sum() is a Decimal)."""
    engine, _ = _ingest(db_url, analyzer)
    size = queries.stats(engine)["bytes"]
    assert type(size) is int and json.loads(json.dumps(size)) == size


def test_sqlite_and_postgresql_give_the_same_answers(sqlite_url, pg_url, analyzer):
    lite, _ = _ingest(sqlite_url, analyzer)
    pg, _ = _ingest(pg_url, analyzer)

    def answers(e):
        return [queries.search_quotes(e, speaker="Psaki", about="Russia"), queries.search_quotes(e),
                queries.list_actors(e), queries.dyads(e), queries.search_events(e),
                queries.timeline(e, "person:psaki"),
                {k: v for k, v in queries.stats(e).items() if k != "bytes"}]

    assert answers(lite) == answers(pg)
    dl, dp = queries.canonical_dump(lite), queries.canonical_dump(pg)
    dl.pop("quotes_fts")
    assert dl == dp


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_formats(sqlite_url, analyzer, tmp_path, fmt):
    engine, _ = _ingest(sqlite_url, analyzer)
    counts = export(engine, tmp_path / "out", fmt)
    assert counts["articles"] == 5 and counts["quotes"] == 4
    path = tmp_path / "out" / f"quotes.{fmt}"
    if fmt == "jsonl":
        first = json.loads(path.read_text().splitlines()[0])
        assert {"article_key", "content", "actor_id", "day"} <= set(first)
    elif fmt == "csv":
        assert path.read_text().splitlines()[0].startswith("article_key,idx,kind,content")
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        t = pq.read_table(path)
        assert t.num_rows == 4 and str(t.schema.field("day").type) == "date32[day]"
        runs = pq.read_table(tmp_path / "out" / "runs.parquet")
        started = runs.schema.field("started").type  # a timestamp, not the text it is stored as
        assert pa.types.is_timestamp(started) and started.tz == "UTC"
        assert runs.column("finished")[0].as_py().tzinfo is not None


def test_parquet_export_loads_into_another_record(sqlite_url, pg_url, analyzer, tmp_path):
    lite, _ = _ingest(sqlite_url, analyzer)
    export(lite, tmp_path / "dump", "parquet")
    pg = connect(pg_url)
    load(pg, tmp_path / "dump")
    load(pg, tmp_path / "dump")  # twice: nothing more
    dl, dp = queries.canonical_dump(lite), queries.canonical_dump(pg)
    dl.pop("quotes_fts")
    assert dl == dp
    assert queries.search_quotes(pg, speaker="Psaki", about="Russia") == \
        queries.search_quotes(lite, speaker="Psaki", about="Russia")


def test_readers_are_not_blocked_by_a_writer(sqlite_url, analyzer):
    engine, _ = _ingest(sqlite_url, analyzer)
    path = engine.url.database
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN EXCLUSIVE")  # in rollback-journal mode this would lock readers out
    writer.execute("UPDATE runs SET status = 'busy'")
    try:
        reader = sqlite3.connect(path, timeout=0.2)  # would raise "database is locked" without WAL
        assert reader.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        reader.close()
    finally:
        writer.execute("ROLLBACK")
        writer.close()


def test_an_article_the_analysis_gives_up_on_is_rejected_with_its_copies(sqlite_url, analyzer):
    class Failing:
        def stream(self, articles, batch_size=16, workers=1):
            for a in articles:
                yield Reject(a.origin, a.id, "analysis failed: boom") if a.id == "a1" else analyzer.analyze(a)

    engine = connect(sqlite_url)
    s = ingest(records=corpus(), engine=engine, pipeline=Failing(), progress=False)
    assert (s.stored, s.rejected) == (3, 2)  # a1 and its wire copy
    assert {r["reason"] for r in queries.list_rejects(engine)} == {
        "analysis failed: boom", "copy of a record whose analysis failed in this run"}


def test_ingest_leaves_planner_statistics(sqlite_url, analyzer):
    """After a run that stored rows, SQLite has ANALYZE statistics for its indexes."""
    engine, s = _ingest(sqlite_url, analyzer)
    assert s.stored
    with engine.connect() as conn:
        stats = {r[0] for r in conn.execute(text("SELECT tbl FROM sqlite_stat1"))}
    assert {"articles", "quotes"} <= stats


def test_a_record_fixed_and_read_again_leaves_the_rejects(db_url, analyzer):
    good = corpus()[0]
    bad_line = Reject("in/l.jsonl", "2", "date '2023-13-01' is impossible")
    _ingest(db_url, analyzer, records=[good, bad_line])
    engine, s = _ingest(db_url, analyzer, records=[good, Reject("in/l.jsonl", "2", "has no \"text\" field")])
    [row] = queries.list_rejects(engine)
    assert row["reason"] == 'has no "text" field'  # rejected again: the new reason
    fixed = good.__class__("l:2", "The mayor said on Monday that the bridge would open in May.",
                           dt.date(2023, 1, 2), origin="in/l.jsonl:2")
    _ingest(db_url, analyzer, records=[good, fixed])
    assert queries.list_rejects(engine) == []


def test_the_same_files_named_by_another_path_are_already_stored(sqlite_url, analyzer):
    a = corpus()[0]
    _ingest(sqlite_url, analyzer, records=[a])
    again = a.__class__(a.id, a.text, a.date, title=a.title, origin="/home/someone/" + a.origin)
    engine, s = _ingest(sqlite_url, analyzer, records=[again])
    assert (s.duplicates, s.already_stored) == (1, 1)
    with engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(copies)).scalar() == 0


def test_loading_another_record_adds_up_the_actors_it_shares(sqlite_url, analyzer, tmp_path):
    from chronicle.store.schema import actor_aliases, actor_roles

    def totals(engine):
        with engine.connect() as conn:
            return (sorted(tuple(r) for r in conn.execute(select(
                        actors.c.id, actors.c.articles, actors.c.mentions, actors.c.quotes,
                        actors.c.events, actors.c.first_seen, actors.c.last_seen))),
                    sorted(tuple(r) for r in conn.execute(select(actor_aliases))),
                    sorted(tuple(r) for r in conn.execute(select(
                        actor_roles.c.actor_id, actor_roles.c.role, actor_roles.c.articles,
                        actor_roles.c.first_seen, actor_roles.c.last_seen))))

    a1, a2, a3, a4 = corpus()[:4]
    # Jen Psaki speaks in both records
    a5 = a1.__class__("a5", 'Jen Psaki said "The talks in Geneva went on for hours." Russia met America.',
                      dt.date(2022, 3, 9), origin="wh/a5.md")
    recs = [a1, a2, a3, a4, a5]
    whole, _ = _ingest(f"sqlite:///{tmp_path / 'whole.db'}", analyzer, records=recs)
    first, _ = _ingest(sqlite_url, analyzer, records=recs[:2])
    second, _ = _ingest(f"sqlite:///{tmp_path / 'second.db'}", analyzer, records=recs[2:])
    export(second, tmp_path / "dump", "parquet")
    load(first, tmp_path / "dump")
    assert totals(first) == totals(whole)
    load(first, tmp_path / "dump")  # again: nothing new, nothing counted twice
    assert totals(first) == totals(whole)


def test_a_run_stopped_by_ctrl_c_is_marked_interrupted_with_its_counts(db_url, analyzer, tmp_path):
    """Ctrl-C (KeyboardInterrupt) leaves `interrupted` and what was committed in `runs`; the
    same command again finishes the record as one uninterrupted run would."""
    from chronicle.store.schema import runs

    class CtrlC:
        def stream(self, articles, batch_size=16, workers=1):
            for n, a in enumerate(articles):
                if n == 2:
                    raise KeyboardInterrupt
                yield analyzer.analyze(a)

    engine = connect(db_url)
    with pytest.raises(KeyboardInterrupt):
        ingest(records=corpus(), engine=engine, pipeline=CtrlC(), progress=False)
    with engine.connect() as conn:
        run = conn.execute(select(runs)).one()
        assert (run.status, run.stored) == ("interrupted", 2) and run.finished
        assert conn.execute(select(func.count()).select_from(articles)).scalar() == 2
    _ingest(db_url, analyzer)
    whole, _ = _ingest(f"sqlite:///{tmp_path / 'whole.db'}", analyzer)
    assert {k: v for k, v in queries.canonical_dump(engine).items() if k != "quotes_fts"} == \
        {k: v for k, v in queries.canonical_dump(whole).items() if k != "quotes_fts"}


def test_an_article_the_database_refuses_is_rejected_and_the_batch_goes_on(db_url, analyzer):
    """A write error caused by one record (here a quote row without its kind, a NOT NULL column)
    rolls back that article alone: it becomes a reject naming it, its copies too, and the rest of
    the batch is stored; the run is done, and a re-run does not stop there either."""
    class Refused:
        def stream(self, articles, batch_size=16, workers=1):
            for a in articles:
                an = analyzer.analyze(a)
                if a.id == "a2":
                    an.quotes[0].kind = None
                yield an

    arts = corpus()
    arts.append(arts[1].__class__("a2-wire", arts[1].text, arts[1].date, origin="wire/a2.txt"))
    for stored in (3, 0):  # the re-run stores nothing new and meets the same refusal
        engine = connect(db_url)
        s = ingest(records=arts, engine=engine, pipeline=Refused(), progress=False)
        assert (s.stored, s.rejected) == (stored, 2)
        assert s.reasons == {"cannot be stored": 1, "copy of a record whose rows could not be stored in this run": 1}
        rows = {(r["origin"], r["record"]): r["reason"] for r in queries.list_rejects(engine)}
        assert "kind" in rows[("wh/a2.md", "a2")] and rows[("wh/a2.md", "a2")].startswith("cannot be stored: ")
        assert rows[("wire/a2.txt", "a2-wire")] == "copy of a record whose rows could not be stored in this run"
        with engine.connect() as conn:
            assert conn.execute(select(func.count()).select_from(quotes).where(
                quotes.c.article_key.in_(select(articles.c.key).where(articles.c.ext_id == "a2")))).scalar() == 0
            assert conn.execute(text("SELECT status FROM runs ORDER BY id DESC")).scalar() == "done"
    assert [a["articles"] for a in queries.list_actors(engine, name="psaki")] == [1]  # a2's update rolled back


def test_a_nul_character_postgresql_refuses_is_a_reject_naming_the_record(pg_url, analyzer):
    bad = corpus()[1]
    bad.text = bad.text.replace("diplomacy", "diplo\x00macy")
    engine = connect(pg_url)
    s = ingest(records=[corpus()[0], bad, corpus()[2]], engine=engine, pipeline=analyzer, progress=False)
    assert (s.stored, s.rejected) == (2, 1)
    [row] = queries.list_rejects(engine)
    assert (row["origin"], row["record"]) == ("wh/a2.md", "a2")
    assert row["reason"] == "cannot be stored: DataError: PostgreSQL text fields cannot contain NUL (0x00) bytes"


def test_two_ingests_at_once_into_one_record(db_url, analyzer, tmp_path):
    """A second ingest stores the same corpus while the first is between reading the stored keys
    and writing: the first finds every text already stored by the other and counts it as
    "already in the record" — no crash, no rows or actor counts twice."""
    class Meanwhile:
        def stream(self, articles, batch_size=16, workers=1):
            for n, a in enumerate(articles):
                if n == 0:  # the other run starts after this one read the keys, and finishes
                    ingest(records=corpus(), engine=connect(db_url), pipeline=analyzer, progress=False)
                yield analyzer.analyze(a)

    engine = connect(db_url)
    s = ingest(records=corpus(), engine=engine, pipeline=Meanwhile(), progress=False)
    assert (s.read, s.stored, s.copies, s.duplicates, s.already_stored, s.rejected) == (6, 0, 0, 6, 6, 0), (s, queries.list_rejects(engine))
    once, _ = _ingest(f"sqlite:///{tmp_path / 'once.db'}", analyzer)
    assert {k: v for k, v in queries.canonical_dump(engine).items() if k != "quotes_fts"} == \
        {k: v for k, v in queries.canonical_dump(once).items() if k != "quotes_fts"}
    with engine.connect() as conn:
        assert conn.execute(text("SELECT status FROM runs ORDER BY id")).scalars().all() == ["done", "done"]


def test_two_processes_open_a_new_record_and_ingest_at_once(db_url, analyzer):
    """Both create the schema at the same moment (one migrates, the other waits and finds it
    done) and write interleaved, each article in its own turn."""
    import threading
    import time

    class Slow:
        def stream(self, articles, batch_size=16, workers=1):
            for a in articles:
                time.sleep(0.02)
                yield analyzer.analyze(a)

    start, errors, summaries = threading.Barrier(2), [], []

    def run():
        try:
            start.wait()
            summaries.append(ingest(records=corpus(), engine=connect(db_url), pipeline=Slow(),
                                    progress=False))
        except Exception as exc:  # reported below, with the other thread's outcome
            errors.append(exc)

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sum(s.stored for s in summaries) == 4 and sum(s.copies for s in summaries) == 1
    engine = connect(db_url)
    s = queries.stats(engine)
    assert (s["articles"], s["near_copies"], s["exact_copies"], s["quotes"]) == (4, 1, 1, 4)
    [psaki] = queries.list_actors(engine, name="psaki")
    assert (psaki["articles"], psaki["quotes"]) == (2, 2)


def test_about_keeps_the_users_words_the_same_on_both_engines(sqlite_url, pg_url, analyzer):
    """"U.S." and "COVID-19" are searched as written: PostgreSQL had split them into "U S" and
    "COVID 19" and missed nearly every quote SQLite found."""
    extra = [corpus()[0].__class__("u1", 'Joe Biden said "The U.S. will send vaccines against '
                                         'COVID-19 to Kenya."', dt.date(2022, 3, 1), origin="wh/u1.md"),
             corpus()[0].__class__("u2", 'Jen Psaki said "Us and them, again and again."',
                                   dt.date(2022, 3, 2), origin="wh/u2.md")]
    lite, _ = _ingest(sqlite_url, analyzer, records=corpus() + extra)
    pg, _ = _ingest(pg_url, analyzer, records=corpus() + extra)
    for words in ("U.S.", "u.s.", "COVID-19", "vaccines against COVID-19"):
        found = [[q["article"] for q in queries.search_quotes(e, about=words)] for e in (lite, pg)]
        assert found == [["u1"], ["u1"]], words


def test_a_search_without_words_finds_nothing(db_url, analyzer):
    """`--about "^"` or `--speaker "%"` name nothing, so they match nothing (they had matched
    every quote); the CLI says so as a usage error."""
    from typer.testing import CliRunner

    from chronicle.cli import app
    from chronicle.web import queries as web

    engine, _ = _ingest(db_url, analyzer)
    for words in ("^", "%", "  ", "*"):
        assert queries.search_quotes(engine, about=words) == [], words
        assert queries.search_quotes(engine, speaker=words) == [], words
        assert queries.list_actors(engine, name=words) == [], words
        assert queries.search_events(engine, actor=words) == [], words
        assert web.list_quotes(engine, words=words)["items"] == [], words
        assert web.list_quotes(engine, speaker=words)["items"] == [], words
    assert len(queries.search_quotes(engine, speaker="psaki")) == 2  # words still match
    if db_url.startswith("sqlite"):
        for option, value in (("--about", "^"), ("--speaker", "%")):
            result = CliRunner().invoke(app, ["quotes", option, value, "--db", db_url])
            assert result.exit_code == 2 and "has no words to look for" in result.output


def test_a_reject_is_kept_once_whatever_path_named_its_file(db_url, analyzer, tmp_path, monkeypatch):
    """`corpus`, `./corpus`, `../qa1/corpus` and the absolute path are one folder: its bad record
    is one reject, kept under the file's absolute path, and the record fixed and read under yet
    another name clears it."""
    folder = tmp_path / "qa1" / "corpus"
    folder.mkdir(parents=True)
    f = folder / "l.jsonl"
    f.write_text("{}\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "qa1")
    for origin in ("corpus/l.jsonl", "./corpus/l.jsonl", "../qa1/corpus/l.jsonl", str(f)):
        engine, _ = _ingest(db_url, analyzer, records=[Reject(origin, "2", "invalid JSON")])
    assert [(r["origin"], r["record"]) for r in queries.list_rejects(engine)] == [(str(f), "2")]
    other = corpus()[0].__class__("x:3", "The mayor said the bridge would open.", dt.date(2023, 1, 2),
                                  origin=f"{f}:3")
    _ingest(db_url, analyzer, records=[other])  # another line of the file: not this record
    assert len(queries.list_rejects(engine)) == 1
    fixed = other.__class__("x:2", "The mayor said the tunnel would open.", dt.date(2023, 1, 2),
                            origin="corpus/l.jsonl:2")
    _ingest(db_url, analyzer, records=[fixed])
    assert queries.list_rejects(engine) == []


def test_standard_input_rejects_stay_until_that_record_is_fixed(db_url, analyzer):
    """Line 2 of today's standard input is not line 2 of yesterday's: storing it does not clear
    yesterday's reject."""
    from chronicle.read.dispatch import STDIN_ORIGIN

    Article = corpus()[0].__class__
    _ingest(db_url, analyzer, records=[Article("a", "Alpha said yes.", dt.date(2022, 1, 1), origin=f"{STDIN_ORIGIN}:1"),
                                       Reject(STDIN_ORIGIN, "2", "is not valid JSON")])
    engine, _ = _ingest(db_url, analyzer, records=[
        Article("b", "B said no.", dt.date(2022, 1, 1), origin=f"{STDIN_ORIGIN}:1"),
        Article("c", "G said so.", dt.date(2022, 1, 1), origin=f"{STDIN_ORIGIN}:2")])
    assert [(r["origin"], r["record"]) for r in queries.list_rejects(engine)] == [(STDIN_ORIGIN, "2")]


def test_jsonl_export_nests_json_columns(sqlite_url, analyzer, tmp_path):
    a = corpus()[0]
    a.meta = {"form": "markdown", "tags": ["briefing"]}
    engine, _ = _ingest(sqlite_url, analyzer, records=[a])
    export(engine, tmp_path / "out", "jsonl", tables=["articles"])
    row = json.loads((tmp_path / "out" / "articles.jsonl").read_text().splitlines()[0])
    assert row["meta"] == {"form": "markdown", "tags": ["briefing"]}


def test_undated_rows_come_last_in_either_order_on_both_engines(db_url, analyzer):
    """SQLite sorts NULL first and PostgreSQL last: an article without a date put its quotes at
    the top of `chronicle quotes` (oldest first) on SQLite and at the top of the web's article
    list (newest first) on PostgreSQL. Undated rows are last, in both orders, on both."""
    from chronicle.model import Article
    from chronicle.web import queries as web

    undated = Article("nodate", 'Joe Biden said "Undated words about Russia." America accused Russia.',
                      None, origin="news/nodate.txt")
    engine, _ = _ingest(db_url, analyzer, records=corpus() + [undated])
    oldest = queries.search_quotes(engine)
    assert oldest[-1]["article"] == "nodate" and all(q["date"] for q in oldest[:-1])
    assert queries.search_events(engine)[-1]["article"] == "nodate"
    assert queries.timeline(engine, "person:biden")[-1]["date"] is None
    for newest_first in (False, True):
        page = web.list_quotes(engine, newest_first=newest_first)["items"]
        assert page[-1]["article"] == "nodate", newest_first
        page = web.list_events(engine, newest_first=newest_first)["items"]
        assert page[-1]["article"] == "nodate", newest_first
    assert web.list_articles(engine)["items"][-1]["id"] == "nodate"
    assert web.actor_timeline(engine, "person:biden")["items"][-1]["date"] is None


def test_quotes_by_words_most_recently_stored_first_on_both_engines(db_url, analyzer):
    """/api/quotes?q=...&order=added is "most recently stored first": on PostgreSQL it gave the
    oldest quote first. A later run's quotes come before an earlier run's on both engines."""
    from chronicle.model import Article
    from chronicle.web import queries as web

    engine, _ = _ingest(db_url, analyzer)  # on Russia: 2022-01-24, 2022-02-03, 2022-02-24
    # stored last, dated between them: neither the oldest nor the newest
    later = Article("later", 'Joe Biden said "Russia was warned long ago."', dt.date(2022, 1, 30),
                    origin="late/later.txt")
    _ingest(db_url, analyzer, records=[later])
    got = web.list_quotes(engine, words="Russia", recently_added=True)["items"]
    assert got[0]["article"] == "later" and len(got) == 4


_MARKUP = ('Jen Psaki said "Posting <script>alert(\'x\')</script> sanctions/tariffs &amp; on '
           'example.com/path to jen@wh.gov is not policy."')
_MARKUP_WORDS = ("x", "alert", "script", "<script>", "amp", "sanctions/tariffs", "tariffs",
                 "example", "path", "wh", "jen@wh.gov", "alert('x')")


def test_words_inside_tags_urls_and_addresses_are_found_on_both_engines(sqlite_url, pg_url, analyzer):
    """PostgreSQL's default parser drops `<script>` tags and entities and reads file paths, URLs
    and e-mail addresses as single tokens: q=x found the quote on SQLite, not on PostgreSQL."""
    extra = [corpus()[0].__class__("m1", _MARKUP, dt.date(2022, 3, 3), origin="wh/m1.md")]
    lite, _ = _ingest(sqlite_url, analyzer, records=corpus() + extra)
    pg, _ = _ingest(pg_url, analyzer, records=corpus() + extra)
    from chronicle.web import queries as web

    for words in _MARKUP_WORDS:
        found = [[q["article"] for q in queries.search_quotes(e, about=words)] for e in (lite, pg)]
        assert found == [["m1"], ["m1"]], words
        found = [[q["article"] for q in web.list_quotes(e, words=words)["items"]] for e in (lite, pg)]
        assert found == [["m1"], ["m1"]], words


def test_a_postgresql_record_at_0003_upgrades_its_search_index(pg_url, analyzer):
    """A record made before migration 0004 is reindexed by the next connect: its existing
    quotes are then found by the words inside their tags."""
    from chronicle.store.db import make_engine, upgrade

    engine = make_engine(pg_url)
    upgrade(engine, "0003")
    extra = [corpus()[0].__class__("m1", _MARKUP, dt.date(2022, 3, 3), origin="wh/m1.md")]
    ingest(records=corpus() + extra, engine=engine, pipeline=analyzer, progress=False)
    assert current_revision(engine) == "0003"
    with engine.connect() as conn:  # the old index: the parser dropped the tag and what it held
        assert conn.execute(text("SELECT count(*) FROM quotes WHERE content_tsv @@ "
                                 "plainto_tsquery('english', 'x')")).scalar() == 0
    engine.dispose()
    engine = connect(pg_url)
    assert current_revision(engine) == HEAD == "0004"
    assert [q["article"] for q in queries.search_quotes(engine, about="x")] == ["m1"]
    assert len(queries.search_quotes(engine, about="Russia")) == 3


def test_the_web_server_upgrades_an_older_postgresql_record_before_reading_it(pg_url, analyzer):
    """`chronicle serve` opens read-only; a record at 0003 used to need a store command first.
    Its pending migrations are applied on a writable connection, then it is served read-only."""
    from fastapi.testclient import TestClient

    from chronicle.store.db import make_engine, upgrade
    from chronicle.web.app import create_app

    engine = make_engine(pg_url)
    upgrade(engine, "0003")
    extra = [corpus()[0].__class__("m1", _MARKUP, dt.date(2022, 3, 3), origin="wh/m1.md")]
    ingest(records=corpus() + extra, engine=engine, pipeline=analyzer, progress=False)
    engine.dispose()
    client = TestClient(create_app(pg_url))
    assert current_revision(engine) == HEAD
    r = client.get("/api/quotes", params={"q": "x"})
    assert r.status_code == 200, r.text
    assert [q["article"]["id"] if isinstance(q["article"], dict) else q["article"]
            for q in r.json()["items"]] == ["m1"]


def test_the_web_server_names_the_command_when_it_may_not_upgrade(pg_url, analyzer):
    """A role that may only read cannot migrate: a clear error naming the store command."""
    import uuid

    from chronicle.store.db import StoreError, make_engine, upgrade
    from chronicle.web.app import open_engine

    engine = make_engine(pg_url)
    upgrade(engine, "0003")
    ingest(records=corpus(), engine=engine, pipeline=analyzer, progress=False)
    schema = pg_url.rsplit("%3D", 1)[1]
    role = f"chronicle_reader_{uuid.uuid4().hex[:8]}"
    with engine.begin() as conn:
        conn.execute(text(f'CREATE ROLE "{role}" LOGIN'))
        conn.execute(text(f'GRANT USAGE ON SCHEMA "{schema}" TO "{role}"'))
        conn.execute(text(f'GRANT SELECT ON ALL TABLES IN SCHEMA "{schema}" TO "{role}"'))
    try:
        with pytest.raises(StoreError, match=r"revision 0003, not 0004.*chronicle stats --db"):
            open_engine(pg_url.replace("postgres@", f"{role}@"))
        assert current_revision(engine) == "0003"
    finally:
        with engine.begin() as conn:
            conn.execute(text(f'DROP OWNED BY "{role}"'))
            conn.execute(text(f'DROP ROLE "{role}"'))
        engine.dispose()
