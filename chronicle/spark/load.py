"""`chronicle load PARQUET_DIR --db URL`: a Spark job's output (or an export) into SQLite/PostgreSQL.

The Spark job writes one *folder* per table (``articles/part-*.parquet``), `chronicle export`
one *file* per table (``articles.parquet``). Both are loaded by the store's own loader
(chronicle.store.export.load: dependency order, originals before near copies, rows already
stored kept, quote full-text search rebuilt), so loading twice adds nothing. A table folder is
first streamed, batch by batch, into one Parquet file in a temporary folder.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

BATCH = 2000


def table_sources(parquet_dir: Path) -> dict[str, Path]:
    """Table name -> its Parquet file or folder of part files."""
    found: dict[str, Path] = {}
    for p in sorted(Path(parquet_dir).iterdir()):
        if p.name.startswith((".", "_")):
            continue
        name = p.name[: -len(".parquet")] if p.name.endswith(".parquet") else p.name
        if p.is_dir() and any(p.glob("*.parquet")):
            found[name] = p
        elif p.is_file() and p.suffix == ".parquet":
            found[name] = p
    return found


def _merge(folder: Path, out: Path) -> None:
    """Stream a folder of part files into one Parquet file (never the whole table in memory)."""
    import pyarrow.dataset as ds
    import pyarrow.parquet as pq

    dataset = ds.dataset(str(folder), format="parquet")
    with pq.ParquetWriter(out, dataset.schema, compression="zstd") as writer:
        for batch in dataset.to_batches(batch_size=BATCH):
            writer.write_batch(batch)


def load_parquet(parquet_dir: str | Path, db_url: str | None = None) -> dict[str, int]:
    """Add the tables under ``parquet_dir`` to the record at ``db_url``; rows added per table."""
    from chronicle.store.db import connect
    from chronicle.store.export import load

    parquet_dir = Path(parquet_dir)
    if not parquet_dir.is_dir():
        raise FileNotFoundError(f"{parquet_dir} is not a folder")
    sources = table_sources(parquet_dir)
    if not sources:
        raise FileNotFoundError(f"no Parquet tables in {parquet_dir} (make them with "
                                "`chronicle spark` or `chronicle export --format parquet`)")
    engine = connect(db_url)
    if all(p.is_file() for p in sources.values()):
        return load(engine, parquet_dir)
    tmp = Path(tempfile.mkdtemp(prefix="chronicle-load-"))
    try:
        for name, src in sources.items():
            target = tmp / f"{name}.parquet"
            if src.is_dir():
                _merge(src, target)
            else:
                target.symlink_to(src.resolve())
        return load(engine, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
