"""Train the learned boundary layer (chronicle/analyze/boundary_model.py) on PolNeAR's train split.

Chronicle analyzes each article with the boundary layer switched off; every indirect or mixed
quote it finds that matches a gold attribution (0.3 overlap, the shared scorer's matching) gives
two groups of examples: its alternative starts and its alternative ends, each labelled by
whether it is gold's boundary (compared after trimming spaces, quotation marks and punctuation,
as the scorer does). Groups without gold's boundary among the alternatives teach nothing and are
left out. The same logistic regression as the cue layer's (scripts/train_cues.py) is fitted on
every alternative alone (a conditional logit over each group, tried too, moved boundaries more
and lost on held-out articles); only feature names and weights are written.

usage: python scripts/train_boundaries.py SPLIT_DIR [--docbin CACHE.spacy] [--out PATH]
       python scripts/train_boundaries.py SPLIT_DIR --docbin CACHE.spacy --heldout

``--heldout`` writes no model: for each half of the split's articles (sorted by id) it fits the
cue layer and the boundary layer on that half and scores the real analysis on the other half,
without and with the boundary layer.
"""
from __future__ import annotations

import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))
from chronicle.analyze import boundary_model as bm  # noqa: E402
from chronicle.analyze import cue_model  # noqa: E402
from chronicle.evaluate import quotes as ev  # noqa: E402
from chronicle.evaluate.brat import load_gold, parsed_split  # noqa: E402
from train_cues import arguments, end_to_end, predictions, train, write_weights  # noqa: E402
from train_cues import examples as cue_examples  # noqa: E402


def examples(doc, text: str, golds: list[dict], preds: list[dict]):
    """Groups of (features, label): the alternative starts, then ends, of each matched indirect
    or mixed quote; one alternative in each group is gold's."""
    for i, j in ev.match(text, golds, preds, 0.3):
        q = preds[j]
        if q["kind"] not in ("indirect", "mixed") or not q.get("cue"):
            continue
        g0, g1 = ev.trim(text, golds[i]["content"])
        start, end = q["content"]["start"], q["content"]["end"]
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        s0, e0 = span.start, span.end - 1
        cue = (q["cue"]["start"], q["cue"]["end"])
        cue_i = bm.cue_token(doc, cue)
        starts = bm.start_candidates(doc, s0, e0, cue)
        labels = [ev.trim(text, (doc[p].idx, end))[0] == g0 for p in starts]
        if any(labels):
            yield [(bm.start_features(doc, p, s0, e0, q["kind"], cue_i), int(y)) for p, y in zip(starts, labels)]
        ends = bm.end_candidates(doc, s0, e0, cue)
        labels = [ev.trim(text, (start, doc[k].idx + len(doc[k])))[1] == g1 for k in ends]
        if any(labels):
            yield [(bm.end_features(doc, k, s0, e0, q["kind"], cue_i), int(y)) for k, y in zip(ends, labels)]


def boundary_data(gold, docs, ids, rng):
    """Examples from Chronicle's own quotes, the boundary layer switched off."""
    shipped = bm.weights
    bm.weights = lambda: None
    try:
        preds = predictions(docs, ids, rng)
    finally:
        bm.weights = shipped
    return [e for k in range(*rng) for e in examples(docs[k], *gold[ids[k]], preds[ids[k]])]


def heldout(gold, ids, docs, epochs: int) -> None:
    half = len(ids) // 2
    parts = {"A": (0, half), "B": (half, len(ids))}
    shipped_cues, shipped_bounds = cue_model.weights, bm.weights
    try:
        for fit, held in (("A", "B"), ("B", "A")):
            cw = train([e for k in range(*parts[fit]) for e in cue_examples(docs[k], gold[ids[k]][1])], epochs)
            cue_model.weights = lambda cw=cw: cw
            data = boundary_data(gold, docs, ids, parts[fit])
            bw = train([e for g in data for e in g], epochs)
            bm.weights = lambda: None
            print(f"fit {fit} -> score {held}, parsed boundaries:  {end_to_end(gold, ids, docs, parts[held])}")
            bm.weights = lambda bw=bw: bw
            print(f"fit {fit} -> score {held}, learned boundaries: {end_to_end(gold, ids, docs, parts[held])}"
                  f" ({len(data)} groups)")
    finally:
        cue_model.weights, bm.weights = shipped_cues, shipped_bounds


def main() -> None:
    ap = arguments(__doc__, "boundary_model.json.gz")
    args = ap.parse_args()
    gold = load_gold(args.split_dir)
    ids, docs = parsed_split(gold, args.model, args.docbin)
    if args.heldout:
        heldout(gold, ids, docs, args.epochs)
        return
    data = boundary_data(gold, docs, ids, (0, len(ids)))
    print(f"{len(data)} groups of boundary alternatives ({sum(len(g) for g in data)} alternatives)")
    w = train([e for g in data for e in g], args.epochs)
    print(f"wrote {args.out}: {write_weights(args.out, w)} weights")


if __name__ == "__main__":
    main()
