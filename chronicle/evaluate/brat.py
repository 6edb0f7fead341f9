"""Reading attribution gold in brat standoff (PolNeAR): text/<id>.txt + attributions/<id>_<annotator>.ann.

Follows the definitions of the shared scorer: the first annotator file in name order is used;
a discontinuous span counts from its first fragment's start to its last fragment's end.
"""
from __future__ import annotations

import os
from collections import defaultdict

QUOTE_CHARS = "\"“”„«»‘’'"


def read_ann(path: str) -> list[dict]:
    spans: dict[str, tuple[str, int, int]] = {}
    events: list[dict[str, str]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if not parts[0] or len(parts) < 2:
                continue
            if parts[0].startswith("T"):
                label, _, offs = parts[1].partition(" ")
                frags = [tuple(map(int, fr.split())) for fr in offs.split(";")]
                spans[parts[0]] = (label, min(fr[0] for fr in frags), max(fr[1] for fr in frags))
            elif parts[0].startswith("E"):
                events.append(dict(r.split(":", 1) for r in parts[1].split() if ":" in r))
    gold = []
    for roles in events:
        def span(role):
            t = roles.get(role)
            return spans[t][1:] if t in spans else None
        if span("Content") is None:
            continue
        gold.append({"content": span("Content"), "cue": span("Cue"), "source": span("Source")})
    return gold


def kind_of(text: str) -> str:
    t = text.strip()
    if t and t[0] in QUOTE_CHARS and t.rstrip(".,;:")[-1:] in QUOTE_CHARS:
        return "direct"
    return "mixed" if any(q in t for q in "\"“”") else "indirect"


def load_gold(gold_dir: str) -> dict[str, tuple[str, list[dict]]]:
    """doc id -> (text, attributions with content/cue/source spans and kind)."""
    anns: dict[str, list[str]] = defaultdict(list)
    for name in sorted(os.listdir(os.path.join(gold_dir, "attributions"))):
        if name.endswith(".ann"):
            anns[name.rsplit("_", 1)[0]].append(name)
    docs = {}
    for doc_id, files in sorted(anns.items()):
        path = os.path.join(gold_dir, "text", doc_id + ".txt")
        if not os.path.exists(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        gold = read_ann(os.path.join(gold_dir, "attributions", files[0]))
        for g in gold:
            g["kind"] = kind_of(text[g["content"][0]:g["content"][1]])
        docs[doc_id] = (text, gold)
    return docs


def parsed_split(gold: dict, model: str, cache: str | None = None) -> tuple[list[str], list]:
    """(sorted doc ids, their parsed Docs) with Chronicle's spaCy pipeline; ``cache`` is a DocBin
    file read when present and written when not, so training scripts parse a split once."""
    from spacy.tokens import DocBin

    from chronicle.analyze.pipeline import load_spacy

    from chronicle.analyze import entities
    from chronicle.analyze.actors import load_knowledge
    from chronicle.analyze.doctext import use_text

    ids = sorted(gold)
    nlp = load_spacy(model)
    if cache and os.path.exists(cache):
        docs = list(DocBin().from_disk(cache).get_docs(nlp.vocab))
    else:
        docs = list(nlp.pipe((gold[i][0] for i in ids), batch_size=32))
        if cache:
            bin_ = DocBin()
            for d in docs:
                bin_.add(d)
            bin_.to_disk(cache)
    kb = load_knowledge(None)
    for doc_id, d in zip(ids, docs):
        use_text(d, gold[doc_id][0])  # the text as written, as the pipeline reads it
        entities.repair(d, kb)  # the entities the stages read, as the pipeline repairs them
    return ids, docs
