"""Time and memory of one very long article: a text repeated into one line of N characters.

usage: python scripts/bench_long_article.py TEXT_FILE --chars 2600000

Prints the spaCy pass (Chronicle parses a long article in 100,000-character pieces, one spaCy
batch each) and Chronicle's stages on the joined Doc, with the process's peak memory. The
figures in docs/benchmarks.md come from the seed article (../shared/seeds/...).
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import resource
import sys
import time

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from chronicle.analyze.pipeline import Pipeline  # noqa: E402
from chronicle.model import Article  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("text_file")
    ap.add_argument("--chars", type=int, default=2_600_000)
    args = ap.parse_args()
    raw = open(args.text_file, encoding="utf-8").read()
    body = re.sub(r"\s+", " ", re.sub(r"^\s*date \d{4}-\d\d-\d\d ", "", raw)).strip() + " "
    text = (body * (args.chars // len(body) + 1))[:args.chars]
    pipeline = Pipeline()
    article = Article(id="long", text=text, date=dt.date(2022, 1, 27))
    t0 = time.perf_counter()
    doc = next(pipeline._docs([article]))[1]
    t1 = time.perf_counter()
    analysis = pipeline.analyze_doc(article, doc)
    t2 = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e6
    print(f"{len(text):,} characters, {len(doc):,} tokens: spaCy {t1 - t0:.1f} s, Chronicle's stages "
          f"{t2 - t1:.1f} s ({len(analysis.quotes):,} quotes), peak memory {peak:.2f} GB")


if __name__ == "__main__":
    main()
