"""Measure `chronicle spark` on local[1] and local[2] against `chronicle ingest --workers 2`.

    python -m chronicle.spark.bench --corpus ../shared/corpora/whitehouse --docs 300

Takes the first DOCS documents of the corpus in reading order (copied into a scratch folder so
every run reads the same files; --docs 0 reads the whole corpus in place), runs each command in
its own process and reports wall-clock seconds (Spark's from session start to the last table
written; JVM start-up shown apart), documents per second and the local[1] -> local[2] speed-up.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def take_slice(corpus: str, docs: int, into: Path) -> str:
    from chronicle.read.dispatch import walk

    if docs <= 0:
        return corpus
    for i, path in enumerate(walk(corpus)):
        if i >= docs:
            break
        target = into / os.path.relpath(path, corpus)
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)
    return str(into)


def _timed(cmd: list[str]) -> tuple[float, str]:
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True)
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-3000:]}")
    return seconds, done.stdout


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="../shared/corpora/whitehouse")
    ap.add_argument("--docs", type=int, default=300)
    ap.add_argument("--masters", default="local[1],local[2]")
    ap.add_argument("--skip-ingest", action="store_true")
    args = ap.parse_args(argv)

    chronicle = str(Path(sys.executable).with_name("chronicle"))
    scratch = Path(tempfile.mkdtemp(prefix="chronicle-spark-bench-"))
    try:
        data = take_slice(args.corpus, args.docs, scratch / "slice")
        results = []
        for master in args.masters.split(","):
            out = scratch / f"out-{master.replace('[', '-').replace(']', '')}"
            seconds, stdout = _timed([chronicle, "spark", data, str(out), "--master", master, "--json"])
            s = json.loads(stdout)
            results.append({"run": f"chronicle spark --master {master}", "docs": s["read"],
                            "seconds": round(seconds, 1), "job_seconds": s["seconds"]["total"],
                            "docs_per_s": round(s["read"] / seconds, 3), "summary": s})
            print(json.dumps(results[-1]), flush=True)
        if not args.skip_ingest:
            db = scratch / "ingest.db"
            seconds, stdout = _timed([chronicle, "ingest", data, "--db", f"sqlite:///{db}",
                                      "--workers", "2", "--json", "--no-progress"])
            s = json.loads(stdout)
            results.append({"run": "chronicle ingest --workers 2", "docs": s["read"],
                            "seconds": round(seconds, 1), "job_seconds": s["seconds"],
                            "docs_per_s": round(s["read"] / seconds, 3), "summary": s})
            print(json.dumps(results[-1]), flush=True)
        by = {r["run"]: r for r in results}
        one, two = (by.get(f"chronicle spark --master {m}") for m in ("local[1]", "local[2]"))
        print("\n| run | documents | wall s | documents/s |\n|---|---:|---:|---:|")
        for r in results:
            print(f"| `{r['run']}` | {r['docs']} | {r['seconds']} | {r['docs_per_s']} |")
        if one and two:
            print(f"\nspeed-up local[1] -> local[2]: {one['seconds'] / two['seconds']:.2f} "
                  f"(job only, without JVM start-up: {one['job_seconds'] / two['job_seconds']:.2f})")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
