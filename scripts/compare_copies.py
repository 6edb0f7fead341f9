"""Copy detection on a whole corpus: Spark's steps against `chronicle ingest`'s sequential index.

    python scripts/compare_copies.py ../shared/corpora/whitehouse [--master 'local[2]']

Reads the corpus twice, once with `chronicle.read.read_paths` through ingest's own `Decider`
(exact keys, then the MinHash LSH index of originals, in input order) and once with the Spark
job's `read_records` + `dedup.decide`, analyzes nothing, and prints how many records each calls
exact duplicates and near copies, and every record on which they disagree (none is the goal:
`tests/spark` checks the same on a small corpus; this checks it at corpus scale).
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))


def sequential(corpus: str) -> dict[str, dict[str, str]]:
    """(origin, id) -> decision, as `chronicle ingest` takes them on an empty record."""
    from chronicle.read import read_paths
    from chronicle.store import dedup
    from chronicle.store.ingest import _Decider as Decider  # ingest's own, so the comparison is with its code

    decider = Decider(set(), dedup.NearCopyIndex(), None)
    out: dict[str, dict[str, str]] = {"duplicate": {}, "copy": {}}
    for _ in decider(read_paths([corpus])):
        pass
    for item in decider.queue:
        if item[0] == "duplicate":
            out["duplicate"][f"{item[1].origin}#{item[1].id}"] = item[2]
        elif item[0] == "copy":
            out["copy"][f"{item[1].origin}#{item[1].id}"] = item[3][0]
    return out


def on_spark(corpus: str, master: str) -> dict[str, dict[str, str]]:
    from chronicle.spark.commands import session
    from chronicle.spark.dedup import decide
    from chronicle.spark.io import list_inputs
    from chronicle.spark.job import article_info, read_records

    spark = session(master, "chronicle-compare-copies", {"spark.ui.showConsoleProgress": "false"})
    try:
        sc = spark.sparkContext
        files, _missing = list_inputs(spark, [corpus])
        records = read_records(sc, files, sc.defaultParallelism * 4, None).cache()
        decisions = decide(spark, article_info(spark, records))
        wanted = decisions.duplicate_ords | set(decisions.near)
        named = dict(records.filter(lambda r: r[1] == "article" and r[0] in wanted)
                     .map(lambda r: (r[0], f"{r[2].origin}#{r[2].id}")).collect())
        return {"duplicate": {named[o]: "" for o in decisions.duplicate_ords},
                "copy": {named[o]: key for o, (key, _sim) in decisions.near.items()}}
    finally:
        spark.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus")
    ap.add_argument("--master", default="local[2]")
    args = ap.parse_args()
    t0 = time.perf_counter()
    seq = sequential(args.corpus)
    t1 = time.perf_counter()
    par = on_spark(args.corpus, args.master)
    t2 = time.perf_counter()
    report = {"ingest": {k: len(v) for k, v in seq.items()}, "spark": {k: len(v) for k, v in par.items()},
              "seconds": {"ingest_decider": round(t1 - t0, 1), "spark": round(t2 - t1, 1)}}
    for kind in ("duplicate", "copy"):
        only_seq = sorted(set(seq[kind]) - set(par[kind]))
        only_par = sorted(set(par[kind]) - set(seq[kind]))
        other = sorted(r for r in set(seq[kind]) & set(par[kind])
                       if kind == "copy" and seq[kind][r] != par[kind][r])
        report[kind] = {"only_ingest": only_seq, "only_spark": only_par, "different_original": other}
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
