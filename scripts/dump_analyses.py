"""Dump the analyses of a spread of White House documents, to compare two versions of the code.

    python scripts/dump_analyses.py 300 /tmp/after.jsonl          # every 47th document
    git stash; python scripts/dump_analyses.py 300 /tmp/before.jsonl; git stash pop
    python scripts/dump_analyses.py --speakers /tmp/before.jsonl /tmp/after.jsonl
    python scripts/dump_analyses.py 300 --time --code /tmp/old    # stages' CPU time, old code

The parsed documents are cached in /tmp/chronicle-wh-N.spacy (the first run parses them, about
a minute per hundred documents; later runs only run Chronicle's stages). ``--speakers`` lists the
quotes whose speaker mention or identity differs between two dumps. ``--time`` writes nothing
and prints the CPU time of Chronicle's stages alone over the cached documents (after 20 warm-up
documents); with ``--code DIR`` the code is a checkout's (``git worktree add DIR REV``), so two
versions can be timed alternately on the same machine.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))


def parsed(n: int, shared: str):
    """(pipeline, articles, their parsed Docs) for every k-th of the corpus's documents, parsing
    them once into the cache."""
    from spacy.tokens import DocBin

    from chronicle import bench
    from chronicle.analyze.pipeline import Pipeline

    pipeline = Pipeline()
    articles = list(bench.read_articles(bench.spread(bench.corpus_paths(shared), n)))
    cache = f"/tmp/chronicle-wh-{n}.spacy"
    if os.path.exists(cache):
        docs = list(DocBin().from_disk(cache).get_docs(pipeline.nlp.vocab))
    else:
        docs = [doc for _article, doc in pipeline._docs(articles)]
        bin_ = DocBin(store_user_data=True)
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(cache)
    return pipeline, articles, docs


def dump(n: int, out: str, shared: str) -> None:
    pipeline, articles, docs = parsed(n, shared)
    with open(out, "w", encoding="utf-8") as f:
        for article, doc in zip(articles, docs):
            f.write(json.dumps(pipeline.analyze_doc(article, doc).to_dict(), sort_keys=True) + "\n")


def stage_time(n: int, shared: str) -> None:
    import time

    import chronicle

    pipeline, articles, docs = parsed(n, shared)
    for article, doc in zip(articles[:20], docs[:20]):  # warm-up: tables, caches
        pipeline.analyze_doc(article, doc)
    start = time.process_time()
    for article, doc in zip(articles, docs):
        pipeline.analyze_doc(article, doc)
    print(f"{os.path.dirname(os.path.dirname(chronicle.__file__))}: {time.process_time() - start:.2f} s CPU")


def speakers(before: str, after: str) -> None:
    def load(path):
        with open(path, encoding="utf-8") as f:
            return {d["id"]: d for d in map(json.loads, f)}

    a, b = load(before), load(after)
    changed = 0
    for key, old in a.items():
        new = b.get(key)
        if new is None or len(old["quotes"]) != len(new["quotes"]):
            print(f"{key}: quotes differ in number")
            continue
        for x, y in zip(old["quotes"], new["quotes"]):
            sx, sy = x.get("speaker") or {}, y.get("speaker") or {}
            if (sx.get("text"), sx.get("actor_id")) != (sy.get("text"), sy.get("actor_id")):
                changed += 1
                text = " ".join(str(sx.get("text")).split())
                print(f"{key[:60]} | {text!r}: {sx.get('actor_id')} -> {sy.get('actor_id')}")
    print(f"{changed} speakers changed")


if __name__ == "__main__":
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("args", nargs="+", help="N OUT, or with --time: N, or with --speakers: BEFORE AFTER")
    ap.add_argument("--speakers", action="store_true")
    ap.add_argument("--time", action="store_true")
    ap.add_argument("--code", help="a checkout whose chronicle package to run (with --time or a dump)")
    ap.add_argument("--shared", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared"))
    ns = ap.parse_args()
    if ns.code:
        sys.path.insert(0, os.path.abspath(ns.code))
    if ns.speakers:
        speakers(*ns.args)
    elif ns.time:
        stage_time(int(ns.args[0]), ns.shared)
    else:
        dump(int(ns.args[0]), ns.args[1], ns.shared)
