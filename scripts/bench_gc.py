"""What the garbage collector costs the analysis stages: the stages over the same parsed White
House documents, run five times, with the heap as it is after loading or frozen the way
``Pipeline.stream`` freezes it (``pipeline.frozen_heap``). Run each mode in its own process.
The figures in docs/benchmarks-speed.md ("The garbage collector") come from this.

usage: python scripts/bench_gc.py {plain,frozen} [--docs N]
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from contextlib import nullcontext

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from chronicle import bench  # noqa: E402
from chronicle.analyze.pipeline import Pipeline, analyze_parsed, frozen_heap  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=("plain", "frozen"))
    ap.add_argument("--docs", type=int, default=60)
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    args = ap.parse_args()
    pipeline = Pipeline()
    articles = list(bench.read_articles(bench.spread(bench.corpus_paths(args.shared), args.docs)))
    parsed = [(a, d) for a, d in pipeline._docs(articles)]
    times = []
    for _ in range(5):
        t0 = time.perf_counter()
        with frozen_heap() if args.mode == "frozen" else nullcontext():
            for article, doc in parsed:
                analyze_parsed(article, doc, pipeline.knowledge)
        times.append(time.perf_counter() - t0)
    print(f"{args.mode}: stages over {len(parsed)} parsed documents, 5 runs (s):",
          " ".join(f"{t:.2f}" for t in times))


if __name__ == "__main__":
    main()
