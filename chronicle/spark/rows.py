"""Analysis -> table rows, made by the store's own writer so the columns cannot drift.

Each executor process keeps one private in-memory SQLite record (the store's schema, via
chronicle.store.db.connect). For every analysis it runs chronicle.store.ingest.write_analysis
inside a transaction, reads the rows back and rolls back: the rows are exactly what
``chronicle ingest`` stores for that article. The actor tables so read are the article's own
contribution (articles = 1, its mentions, quotes and events, its date as first and last seen);
the Spark job adds contributions up over the whole corpus (chronicle.spark.job).
"""
from __future__ import annotations

from sqlalchemy import select

from chronicle.model import Analysis, Article
from chronicle.store.schema import (
    TABLES, actor_aliases, actor_roles, actors, articles, events, mentions, quotes, timexes,
)

# Tables the Spark job writes (runs is the single-machine run log; the job has no run row).
OUTPUT_TABLES = tuple(t for t in TABLES if t.name != "runs")
BY_NAME = {str(t.name): t for t in OUTPUT_TABLES}
ANALYSIS_TABLES = (articles, quotes, mentions, timexes, events, actors, actor_aliases, actor_roles)
# Rows of these tables are per-article contributions, summed over the corpus by the job.
CONTRIBUTION_TABLES = {str(actors.name), str(actor_aliases.name), str(actor_roles.name)}


def columns(table_name: str) -> list[str]:
    return [c.name for c in BY_NAME[table_name].columns]


def spark_schema(table_name: str, with_ord: bool = False):
    """The table's columns as a Spark schema, with the Arrow types `chronicle export` writes."""
    import pyarrow as pa
    from pyspark.sql import types as T

    from chronicle.store.export import _arrow_type

    spark_of = {pa.int64(): T.LongType(), pa.float64(): T.DoubleType(), pa.date32(): T.DateType(),
                pa.binary(): T.BinaryType(), pa.string(): T.StringType()}
    fields = [T.StructField(c.name, spark_of[_arrow_type(c)], True) for c in BY_NAME[table_name].columns]
    if with_ord:
        fields.append(T.StructField("ord", T.LongType(), False))
    return T.StructType(fields)


class RowMaker:
    """The store's rows for one article at a time, through a private in-memory record."""

    def __init__(self) -> None:
        from chronicle.store.db import connect

        self.engine = connect("sqlite://")  # one connection per thread: the schema stays put
        self.conn = self.engine.connect()

    def analysis_rows(self, analysis: Analysis, key: str, minhash: bytes | None) -> dict[str, list[tuple]]:
        from chronicle.store.ingest import write_analysis

        trans = self.conn.begin()
        try:
            write_analysis(self.conn, analysis, key, minhash, None)
            return {str(t.name): [tuple(r) for r in self.conn.execute(select(t))] for t in ANALYSIS_TABLES}
        finally:
            trans.rollback()


def copy_row(article: Article, key: str, original: str, similarity: float) -> tuple:
    """The articles row of a near copy, as chronicle.store.ingest.write_copy writes it."""
    from chronicle.store.ingest import _article_row

    row = _article_row(article, key, None, copy_of=original, similarity=round(similarity, 4))
    return tuple(row[c] for c in columns("articles"))


def reject_row(r) -> tuple:
    """A rejects row (run_id is left empty: the job is not a run of a record)."""
    return (r.origin, str(r.record), r.reason, None)


_maker: RowMaker | None = None


def maker() -> RowMaker:
    """One RowMaker per (Python worker) process."""
    global _maker
    if _maker is None:
        _maker = RowMaker()
    return _maker
