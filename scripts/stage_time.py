"""CPU time of Chronicle's stages alone (no parse) over 300 White House documents, for the code
of a given checkout, to compare two versions on the same machine in the same minutes:

    git worktree add /tmp/old <rev>
    python scripts/dump_analyses.py 300 /tmp/x.jsonl        # parses once into /tmp/chronicle-wh-300.spacy
    for i in 1 2; do python scripts/stage_time.py /tmp/old; python scripts/stage_time.py .; done
"""
from __future__ import annotations

import os
import sys
import time


def main() -> None:
    checkout = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else ".")
    sys.path.insert(0, checkout)
    from spacy.tokens import DocBin

    from chronicle import bench
    from chronicle.analyze.pipeline import Pipeline

    pipeline = Pipeline()
    articles = list(bench.read_articles(bench.spread(bench.corpus_paths("../shared"), 300)))
    docs = list(DocBin().from_disk("/tmp/chronicle-wh-300.spacy").get_docs(pipeline.nlp.vocab))
    for article, doc in zip(articles[:20], docs[:20]):  # warm-up: tables, caches
        pipeline.analyze_doc(article, doc)
    start = time.process_time()
    for article, doc in zip(articles, docs):
        pipeline.analyze_doc(article, doc)
    print(f"{checkout}: {time.process_time() - start:.2f} s CPU")


if __name__ == "__main__":
    main()
