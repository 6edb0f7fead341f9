"""Copy detection over the whole corpus as Spark steps, with chronicle.store.dedup's answers.

* Exact copies: records grouped by ``article_key`` (the store's hash of the normalized text);
  the first in input order (``ord``) is the article, the others are duplicates (``copies`` rows,
  linked to it; a record that is the very same (origin, id) as its article adds no row, as in
  ``chronicle ingest``).
* Near copies: the store's MinHash signatures (same permutations, shingles, threshold) are cut
  into the LSH bands datasketch's ``MinHashLSH(threshold, num_perm)`` uses; records sharing a band
  are candidate pairs (a self-join), scored with the estimated Jaccard as datasketch does. Only
  pairs at or above the threshold and published at most ``MAX_DAYS`` apart (when both dates are
  known) reach the driver, which settles them in input order exactly as ingest's sequential
  index does: an article is a copy of the most similar *earlier original*
  (ties: the smallest key); a copy is never an original for a later article.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from chronicle.store import dedup as store_dedup


@dataclass
class Decisions:
    duplicate_ords: set[int] = field(default_factory=set)
    near: dict[int, tuple[str, float]] = field(default_factory=dict)  # ord -> (original key, sim)
    copies = None  # DataFrame of `copies` rows
    ranked = None


def lsh_bands(threshold: float = store_dedup.THRESHOLD, num_perm: int = store_dedup.NUM_PERM):
    """(start, end) of each band, as datasketch chooses them for this threshold."""
    from datasketch import MinHashLSH

    return list(MinHashLSH(threshold=threshold, num_perm=num_perm).hashranges)


def jaccard(a: bytes, b: bytes) -> float:
    """datasketch's MinHash.jaccard on two stored (uint32) signatures."""
    x, y = np.frombuffer(a, dtype="<u4"), np.frombuffer(b, dtype="<u4")
    return float(np.float64(np.count_nonzero(x == y)) / np.float64(len(x)))


def settle(pairs, threshold: float = store_dedup.THRESHOLD) -> dict[int, tuple[str, float]]:
    """Near copies from candidate pairs ``(a_ord, a_key, b_ord, sim)`` with a_ord < b_ord."""
    earlier = defaultdict(list)
    for a_ord, a_key, b_ord, sim in pairs:
        if sim >= threshold:
            earlier[b_ord].append((a_ord, a_key, sim))
    near: dict[int, tuple[str, float]] = {}
    for b in sorted(earlier):
        best = None
        for a_ord, a_key, sim in earlier[b]:
            if a_ord in near:  # a copy never joined the index
                continue
            if best is None or sim > best[1] or (sim == best[1] and a_key < best[0]):
                best = (a_key, sim)
        if best is not None:
            near[b] = best
    return near


def decide(spark, info) -> Decisions:
    """``info``: DataFrame (ord, key, sig, origin, ext_id, url, date) of every readable article."""
    from pyspark import StorageLevel
    from pyspark.sql import Window
    from pyspark.sql import functions as F

    w = Window.partitionBy("key").orderBy("ord")
    ranked = (info.withColumn("rank", F.row_number().over(w))
              .withColumn("first_origin", F.first("origin").over(w))
              .withColumn("first_ext", F.first("ext_id").over(w))
              .persist(StorageLevel.MEMORY_AND_DISK))
    out = Decisions()
    dups = ranked.filter(F.col("rank") > 1)
    out.duplicate_ords = {r.ord for r in dups.select("ord").collect()}
    same_record = (F.col("origin").eqNullSafe(F.col("first_origin"))
                   & (F.coalesce("ext_id", F.lit("")) == F.coalesce("first_ext", F.lit(""))))
    links = dups.filter(~same_record).select(
        F.col("key").alias("article_key"), F.coalesce("origin", F.lit("")).alias("origin"),
        F.coalesce("ext_id", F.lit("")).alias("ext_id"), "url", "date",
        F.lit(None).cast("long").alias("run_id"), "ord")
    first_link = Window.partitionBy("article_key", "origin", "ext_id").orderBy("ord")
    out.copies = (links.withColumn("n", F.row_number().over(first_link)).filter("n = 1")
                  .drop("n", "ord"))

    originals = ranked.filter((F.col("rank") == 1) & F.col("sig").isNotNull()).select("ord", "key", "sig", "date")
    bands = originals.select("ord", F.explode(F.array(*[
        F.struct(F.lit(i).alias("band"), F.substring("sig", start * 4 + 1, (end - start) * 4).alias("h"))
        for i, (start, end) in enumerate(lsh_bands())])).alias("b")).select("ord", "b.band", "b.h")
    a, b = bands.alias("a"), bands.alias("b")
    candidates = (a.join(b, (F.col("a.band") == F.col("b.band")) & (F.col("a.h") == F.col("b.h"))
                         & (F.col("a.ord") < F.col("b.ord")))
                  .select(F.col("a.ord").alias("a_ord"), F.col("b.ord").alias("b_ord")).distinct())
    sa = originals.select(F.col("ord").alias("a_ord"), F.col("key").alias("a_key"), F.col("sig").alias("a_sig"),
                          F.col("date").alias("a_date"))
    sb = originals.select(F.col("ord").alias("b_ord"), F.col("sig").alias("b_sig"), F.col("date").alias("b_date"))
    # as the store's index: a template reused across years (yearly notices, visitor logs) is
    # no copy when the two dates are more than MAX_DAYS apart
    close_in_time = (F.col("a_date").isNull() | F.col("b_date").isNull()
                     | (F.abs(F.datediff("b_date", "a_date")) <= store_dedup.MAX_DAYS))
    scored = candidates.join(sa, "a_ord").join(sb, "b_ord").filter(close_in_time)
    threshold = store_dedup.THRESHOLD
    pairs = (scored.rdd.map(lambda r: (r.a_ord, r.a_key, r.b_ord, jaccard(r.a_sig, r.b_sig)))
             .filter(lambda p: p[3] >= threshold).collect())
    out.near = settle(pairs, threshold)
    out.ranked = ranked  # persisted; the job unpersists it when the copies are written
    return out
