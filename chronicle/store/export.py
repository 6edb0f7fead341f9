"""`chronicle export`: the record's tables as JSONL, CSV or Parquet files (streamed, batch by batch).

One file per table in the output folder (``quotes.parquet``, ``articles.parquet``, ...). The
columns are the tables' columns (chronicle/store/schema.py); ``load`` reads a Parquet folder back.
"""
from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from sqlalchemy import Date, Engine, Float, Integer, LargeBinary, insert, select

from chronicle.store.schema import TABLES

FORMATS = ("jsonl", "csv", "parquet")
BATCH = 2000
TABLE_NAMES = tuple(t.name for t in TABLES)
# Text columns holding JSON: nested objects in JSONL; CSV and Parquet keep the JSON text
JSON_COLUMNS = {"articles": ("meta",), "quotes": ("parts",)}
# Text columns holding ISO timestamps (UTC): Parquet gets them as timestamps, not strings
TIMESTAMP_COLUMNS = {"runs": ("started", "finished")}


def _arrow_type(col):
    import pyarrow as pa

    if col.name in TIMESTAMP_COLUMNS.get(col.table.name, ()):
        return pa.timestamp("s", tz="UTC")
    t = col.type
    if isinstance(t, Integer):
        return pa.int64()
    if isinstance(t, Float):
        return pa.float64()
    if isinstance(t, Date):
        return pa.date32()
    if isinstance(t, LargeBinary):
        return pa.binary()
    return pa.string()


def _plain(v):
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, bytes):
        return v.hex()
    return v


def _timestamps(values) -> list[dt.datetime | None]:
    """ISO timestamps as stored (``2026-12-01T05:25:45+00:00``) as datetimes for Parquet."""
    return [dt.datetime.fromisoformat(v) if isinstance(v, str) else v for v in values]


def export(engine: Engine, out: Path, fmt: str = "parquet", tables: list[str] | None = None,
           with_text: bool = True) -> dict[str, int]:
    """Write each table to ``out/<table>.<fmt>``; return rows written per table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    chosen = [t for t in TABLES if not tables or t.name in tables]
    unknown = set(tables or ()) - set(TABLE_NAMES)
    if unknown:
        raise ValueError(f"unknown table(s) {', '.join(sorted(unknown))}: use {', '.join(TABLE_NAMES)}")
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    with engine.connect() as conn:
        for table in chosen:
            cols = [c for c in table.columns if with_text or not (table.name == "articles" and c.name == "text")]
            names = [c.name for c in cols]
            order = list(table.primary_key.columns) or cols
            result = conn.execution_options(yield_per=BATCH).execute(select(*cols).order_by(*order))
            path = out / f"{table.name}.{fmt}"
            n = 0
            if fmt == "parquet":
                import pyarrow as pa
                import pyarrow.parquet as pq

                schema = pa.schema([(c.name, _arrow_type(c)) for c in cols])
                with pq.ParquetWriter(path, schema, compression="zstd") as writer:
                    for part in result.partitions():
                        columns = list(zip(*part)) if part else [[] for _ in names]
                        writer.write_table(pa.Table.from_arrays(
                            [pa.array(_timestamps(v) if pa.types.is_timestamp(f.type) else list(v),
                                      type=f.type) for v, f in zip(columns, schema)],
                            schema=schema))
                        n += len(part)
            elif fmt == "csv":
                with open(path, "w", newline="", encoding="utf-8") as f:
                    w = csv.writer(f)
                    w.writerow(names)
                    for part in result.partitions():
                        w.writerows([[_plain(v) for v in row] for row in part])
                        n += len(part)
            else:
                nested = JSON_COLUMNS.get(table.name, ())
                with open(path, "w", encoding="utf-8") as f:
                    for part in result.partitions():
                        for row in part:
                            obj = {k: _plain(v) for k, v in zip(names, row)}
                            for k in nested:  # JSON in JSON Lines is nested, not a string
                                if obj.get(k) is not None:
                                    obj[k] = json.loads(obj[k])
                            f.write(json.dumps(obj, ensure_ascii=False))
                            f.write("\n")
                        n += len(part)
            counts[table.name] = n
    return counts


def load(engine: Engine, folder: Path) -> dict[str, int]:
    """Add the rows of an exported Parquet folder to the record (rows already present are kept).

    Tables are loaded in dependency order (near copies after the articles they point at), a
    batch at a time: the batch's keys already stored are looked up, the others inserted with one
    executemany. Loading twice adds nothing. Quote full-text search follows on SQLite.
    """
    import pyarrow.parquet as pq
    from sqlalchemy import text, tuple_

    from chronicle.store.db import index_actor_names, is_sqlite
    from chronicle.store.schema import copies

    files = {p.stem: p for p in Path(folder).glob("*.parquet")}
    if not files:
        raise FileNotFoundError(f"no .parquet files in {folder} (make them with `chronicle export --format parquet`)")
    counts: dict[str, int] = {}
    articles_known = 0  # exported articles the record already holds
    for table in TABLES:
        if table.name not in files or table.name == "runs":
            continue
        keys = [c.name for c in table.primary_key.columns] or \
            (["article_key", "origin", "ext_id"] if table is copies else [])
        key_cols = tuple_(*[table.c[k] for k in keys])
        pf = pq.ParquetFile(files[table.name])
        if table.name == "articles" and "text" not in pf.schema_arrow.names:
            raise FileNotFoundError(f"{files[table.name]} has no article texts (it was exported with "
                                    "--no-text); a record needs them: export again without --no-text")
        passes = (lambda r: r.get("copy_of") is None, lambda r: r.get("copy_of") is not None) \
            if table.name == "articles" else (lambda r: True,)
        n = 0
        for wanted in passes:
            for batch in pf.iter_batches(batch_size=BATCH):
                rows = [{k: v for k, v in r.items() if k in table.c} for r in batch.to_pylist() if wanted(r)]
                if not rows:
                    continue
                with engine.begin() as conn:
                    have = set()
                    for i in range(0, len(rows), 500):  # bounded IN lists
                        part = [tuple(r[k] for k in keys) for r in rows[i:i + 500]]
                        have |= {tuple(x) for x in conn.execute(select(*[table.c[k] for k in keys])
                                                              .where(key_cols.in_(part)))}
                    new = [r for r in rows if tuple(r[k] for k in keys) not in have]
                    if table.name == "articles":
                        articles_known += len(rows) - len(new)
                    elif table.name in _AGGREGATES and have and not articles_known:
                        # the same actor in both records, each counted over its own articles
                        # (none shared): the totals add up, the dates widen
                        _merge_aggregates(conn, table, [r for r in rows if tuple(r[k] for k in keys) in have])
                    if not new:
                        continue
                    conn.execute(insert(table), new)
                    if table.name in ("actors", "actor_aliases") and is_sqlite(engine):
                        index_actor_names(conn, [(n, r["id"]) for r in new
                                                 for n in (r["id"], r.get("name")) if n]
                                          if table.name == "actors" else
                                          [(r["alias"], r["actor_id"]) for r in new if r["alias"]])
                    if table.name == "quotes" and is_sqlite(engine):
                        conn.execute(text("INSERT INTO quotes_fts (content, article_key, idx) "
                                          "VALUES (:content, :article_key, :idx)"),
                                     [{"content": r["content"], "article_key": r["article_key"],
                                       "idx": r["idx"]} for r in new])
                    n += len(new)
        counts[table.name] = n
    return counts


# Per-actor totals a loaded record brings: columns that add up, and dates that widen.
_AGGREGATES = {
    "actors": (("articles", "mentions", "quotes", "events"), ("first_seen", "last_seen")),
    "actor_aliases": (("articles",), ()),
    "actor_roles": (("articles",), ("first_seen", "last_seen")),
}


def _merge_aggregates(conn, table, rows: list[dict]) -> None:
    """Add loaded totals to the rows the record already has (one UPDATE a row)."""
    from sqlalchemy import and_, case, update

    sums, dates = _AGGREGATES[table.name]
    keys = [c.name for c in table.primary_key.columns]
    for r in rows:
        values = {c: table.c[c] + (r.get(c) or 0) for c in sums}
        for c in dates:
            if r.get(c) is not None:
                widen = table.c[c] > r[c] if c == "first_seen" else table.c[c] < r[c]
                values[c] = case((table.c[c].is_(None), r[c]), (widen, r[c]), else_=table.c[c])
        conn.execute(update(table).where(and_(*[table.c[k] == r[k] for k in keys])).values(**values))
