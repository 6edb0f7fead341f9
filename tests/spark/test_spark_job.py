"""`chronicle spark`: the same record as `chronicle ingest`, written as Parquet by a local[2] job."""
from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq
import pytest

from chronicle.store.schema import TABLES, VOLATILE

COMPARED = [t.name for t in TABLES if t.name != "runs"]


def _rows(path: Path, table: str) -> list[tuple]:
    """A table's rows (volatile columns left out), sorted, from a file or a folder of parts."""
    data = pq.read_table(path).to_pylist()
    return sorted((tuple((k, v) for k, v in sorted(r.items()) if k not in VOLATILE) for r in data),
                  key=repr)


def _spark_rows(out: Path, table: str) -> list[tuple]:
    return _rows(out / table, table)


def _ingest_rows(export: Path, table: str) -> list[tuple]:
    return _rows(export / f"{table}.parquet", table)


@pytest.mark.parametrize("table", ["quotes", "actors", "events"])
def test_same_quotes_actors_and_events_as_single_machine_ingest(spark_run, ingest_run, table):
    _summary, out = spark_run
    _engine, export = ingest_run
    theirs = _ingest_rows(export, table)
    assert theirs, f"the corpus should give some {table}"
    assert _spark_rows(out, table) == theirs


@pytest.mark.parametrize("table", [t for t in COMPARED if t not in ("quotes", "actors", "events")])
def test_every_other_table_matches_single_machine_ingest_too(spark_run, ingest_run, table):
    _summary, out = spark_run
    _engine, export = ingest_run
    assert _spark_rows(out, table) == _ingest_rows(export, table)


def test_parquet_columns_and_types_are_those_of_chronicle_export(spark_run, ingest_run):
    _summary, out = spark_run
    _engine, export = ingest_run
    for table in COMPARED:
        spark_schema = pq.read_schema(next((out / table).glob("*.parquet")))
        export_schema = pq.read_schema(export / f"{table}.parquet")
        assert [(f.name, f.type) for f in spark_schema] == [(f.name, f.type) for f in export_schema], table


def test_bad_records_end_in_rejects_with_their_reason_and_the_job_goes_on(spark_run, corpus):
    summary, out = spark_run
    rejects = {(r["origin"], r["record"]): r["reason"] for r in pq.read_table(out / "rejects").to_pylist()}
    jsonl = str(corpus / "wire.jsonl")
    assert "not valid JSON" in rejects[(jsonl, "2")]
    assert "text" in rejects[(jsonl, "3")]
    assert "2022-13-45" in rejects[(jsonl, "6")]
    assert summary.rejected == len(rejects) == 3
    ids = {r["ext_id"] for r in pq.read_table(out / "articles").to_pylist()}
    assert {"wire-1", "wire-2"} <= ids  # the good lines around the bad ones are analyzed


def test_warc_responses_become_articles_with_text_and_date_from_the_html(spark_run):
    _summary, out = spark_run
    arts = {r["url"]: r for r in pq.read_table(out / "articles").to_pylist() if r["url"]}
    iran = arts["https://news.example.org/2022/09/iran-talks"]
    assert "ball is in the American court" in iran["text"]
    assert str(iran["date"]) == "2022-09-01"
    assert "https://news.example.org/missing" not in arts  # a 404 is not an article
    quotes = pq.read_table(out / "quotes").to_pylist()
    assert any(q["article_key"] == iran["key"] for q in quotes)


def test_copies_are_recognized_over_the_whole_corpus(spark_run):
    summary, out = spark_run
    assert summary.duplicates == 1 and summary.copies == 1
    arts = pq.read_table(out / "articles").to_pylist()
    near = [a for a in arts if a["copy_of"]]
    assert len(near) == 1 and near[0]["ext_id"] == "md/wire-summit" and near[0]["similarity"] >= 0.8
    original = next(a for a in arts if a["key"] == near[0]["copy_of"])
    assert original["ext_id"] == "md/2022/summit"
    a_year_later = next(a for a in arts if a["ext_id"] == "md/2023/aid")
    assert a_year_later["copy_of"] is None  # same words, a year apart: its own document
    links = pq.read_table(out / "copies").to_pylist()
    assert [link["ext_id"] for link in links] == ["md/wire-talks"]
    quotes = pq.read_table(out / "quotes").to_pylist()
    assert not any(q["article_key"] == near[0]["key"] for q in quotes)  # never counted twice


def test_load_puts_the_tables_into_a_record_the_query_commands_use(spark_run, ingest_run, tmp_path):
    from sqlalchemy import func, select

    from chronicle.spark.load import load_parquet
    from chronicle.store.db import connect
    from chronicle.store.schema import actors, articles, events, quotes

    _summary, out = spark_run
    reference, _export = ingest_run
    url = f"sqlite:///{tmp_path / 'loaded.db'}"
    first = load_parquet(out, url)
    assert first["quotes"] > 0
    assert load_parquet(out, url)["quotes"] == 0  # loading twice adds nothing
    loaded = connect(url)
    for table in (articles, quotes, actors, events):
        count = select(func.count()).select_from(table)
        with loaded.connect() as a, reference.connect() as b:
            assert a.execute(count).scalar() == b.execute(count).scalar(), table.name
    from chronicle.store.queries import list_actors, search_quotes

    def same(query, **kw):  # the same answers (ties may come in another order)
        mine, theirs = query(loaded, **kw), query(reference, **kw)
        assert sorted(map(repr, mine)) == sorted(map(repr, theirs))
        return mine

    assert same(search_quotes, limit=None)
    assert same(search_quotes, about="diplomacy", limit=None)
    assert same(list_actors, limit=None)


def test_files_read_through_hadoop_give_the_same_tables(spark, corpus, spark_run, tmp_path, monkeypatch):
    """hdfs:// and s3a:// inputs go through binaryFiles; local ones are read by the workers.
    Both ways must give the same record (the driver decides the way, so patching it here
    sends the local corpus through binaryFiles)."""
    from chronicle.spark import job

    monkeypatch.setattr(job, "is_local", lambda uri: False)
    _summary, out = spark_run
    hadoop_out = tmp_path / "tables"
    job.run(spark, [str(corpus)], str(hadoop_out), partitions=3, batch_size=4)
    for table in ("articles", "quotes", "copies", "rejects"):
        assert _spark_rows(hadoop_out, table) == _spark_rows(out, table), table


def test_skipped_files_and_warc_responses_are_said_as_ingest_says_them(spark_run, ingest_run, corpus):
    """`chronicle spark` passed over files of unknown kinds and WARC responses that are no HTML
    page in silence; `ingest` and `analyze` say them."""
    from chronicle.read import Skipped, read_paths

    summary, _out = spark_run
    skipped = Skipped()
    list(read_paths([str(corpus)], skipped=skipped))
    assert summary.skipped == skipped.messages()
    assert any("README.txt.bak" in line for line in summary.skipped)
    assert any("HTTP 404" in line for line in summary.skipped)
    from sqlalchemy import select

    from chronicle.store.schema import runs

    with ingest_run[0].connect() as conn:  # the skipped are no records: as many read as ingest's
        assert summary.read == conn.execute(select(runs.c.read)).scalar()


def test_a_hadoop_listing_counts_files_of_unknown_kinds_too(spark, corpus):
    """hdfs:// and s3a:// folders are listed through Hadoop's FileSystem API (here file://)."""
    from chronicle.read import Skipped
    from chronicle.spark.io import _hadoop_list

    skipped = Skipped()
    root = "file://" + str(corpus)
    found = _hadoop_list(spark, root, skipped)
    assert found and not any(p.endswith(".bak") for p, _base in found)
    assert skipped.messages() == [f"skipped 1 file of unknown kind in {root}: README.txt.bak"]
