"""The learned layer over the cue lexicon: is this (word, relation, content) a quotation?

A logistic regression over a few dozen sparse features of the parse around a candidate — the
cue's lemma and relation, its subject, the shape of the content clause. Trained by
``scripts/train_cues.py`` on PolNeAR's train split (``make model``); the weights ship as
``chronicle/data/cue_model.json.gz`` (feature names and numbers only, no corpus text). Without
the file, the lexicon's confidences decide alone.
"""
from __future__ import annotations

from chronicle.analyze.doctext import child_deps, children, sentence_bounds

import gzip
import json
import math
from functools import lru_cache
from importlib import resources

THRESHOLD = 0.4  # best end-to-end F1 and who-said-what on held-out PolNeAR train articles (a model fit
# on the first half of train, scored on the second; see docs/quotes.md)


def features(tok, rel: str, ctok) -> list[str]:
    """Sparse features of a cue candidate: token ``tok`` taking ``ctok``'s subtree as content."""
    lemma = tok.lemma_.lower()
    subj = next((c for c in children(tok) if c.dep_ in ("nsubj", "nsubjpass")), None) if (
        child_deps(tok) & {"nsubj", "nsubjpass"}) else None
    if subj is None:
        stype = "none"
    elif subj.pos_ == "PRON":
        stype = "pron:" + subj.lower_
    elif subj.ent_type_:
        stype = "ent:" + subj.ent_type_
    else:
        stype = "pos:" + subj.pos_
    clen = ctok.right_edge.i - ctok.left_edge.i + 1
    lb = "1" if clen <= 1 else "2-3" if clen <= 3 else "4-8" if clen <= 8 else "9-20" if clen <= 20 else "21+"
    cdeps = child_deps(ctok)
    neg = "neg" in child_deps(tok)
    side = "R" if ctok.i > tok.i else "L"
    cls = _classes().get(lemma, "other")
    extra = []
    if rel == "prep" or rel == "agent":
        # which preposition: "call for", "speak about" cue; "attack in", "mention since" do not
        extra = ["prep=" + ctok.lower_, "l_prep=" + lemma + "|" + ctok.lower_,
                 "prep_gap=" + str(min(3, ctok.i - tok.i))]
    pos_in_sent = tok.i - sentence_bounds(tok.doc)[0][tok.i]
    pb = "0" if pos_in_sent == 0 else "1-3" if pos_in_sent <= 3 else "4-10" if pos_in_sent <= 10 else "11+"
    extra += [
        "spos=" + pb,
        "ctense=" + (ctok.morph.get("Tense") or ["-"])[0] + "|" + rel,
        "cverbform=" + (ctok.morph.get("VerbForm") or ["-"])[0] + "|" + rel,
        "subjhead=" + (subj.lemma_.lower() if subj is not None and subj.pos_ == "NOUN" else "-"),
    ]
    # Lemma-specific conjunctions beyond lemma|relation (lemma with subject type, side, position,
    # the cue's own dependency, the content's POS) were dropped: they fit train articles and cost
    # end-to-end F1 on held-out ones (docs/quotes.md).
    return extra + [
        "cls=" + cls + "|" + rel, "cls_subj=" + cls + "|" + stype.split(":")[0],
        "bias",
        "l=" + lemma, "r=" + rel, "lr=" + lemma + "|" + rel,
        "tag=" + tok.tag_, "dep=" + tok.dep_,
        "subj=" + stype, "r_subj=" + rel + "|" + stype.split(":")[0],
        "ctag=" + ctok.tag_, "r_ctag=" + rel + "|" + ctok.tag_,
        "clen=" + lb, "r_clen=" + rel + "|" + lb,
        "cmark=" + ("1" if "mark" in cdeps else "0"), "csubj=" + ("1" if cdeps & {"nsubj", "nsubjpass"} else "0"),
        "r_csubj=" + rel + "|" + ("1" if cdeps & {"nsubj", "nsubjpass"} else "0"),
        "neg=" + str(neg), "side=" + rel + "|" + side,
        "cent=" + (ctok.ent_type_ or "-"), "hpos=" + tok.head.pos_ + "|" + tok.dep_,
    ]


@lru_cache(maxsize=1)
def _classes() -> dict[str, str]:
    """The hand-written verb classes, so that rare verbs inherit what their class teaches."""
    from chronicle.analyze import cues

    out = {l: "intention" for l in cues.INTENTION}
    out.update({l: "cognition" for l in cues.COGNITION})
    out.update({l: "speech" for l in cues.SPEECH})
    return out


def load_weights(name: str) -> dict[str, float] | None:
    """Shipped weights, ``chronicle/data/<name>`` (gzipped JSON), or None without the file."""
    try:
        raw = resources.files("chronicle.data").joinpath(name).read_bytes()
    except (FileNotFoundError, ModuleNotFoundError):
        return None
    return json.loads(gzip.decompress(raw))


@lru_cache(maxsize=1)
def weights() -> dict[str, float] | None:
    return load_weights("cue_model.json.gz")


def probability(feats: list[str], w: dict[str, float]) -> float:
    z = sum(w.get(f, 0.0) for f in feats)
    return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
