"""Read events on real text: analyze N random documents of a corpus and print events per document
and a random sample of events with their evidence, to judge precision by eye.

    .venv/bin/python scripts/sample_events.py ../shared/corpora/whitehouse --docs 12 --seed 11
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--docs", type=int, default=12)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--show", type=int, default=30)
    args = ap.parse_args()

    from chronicle.analyze.pipeline import Pipeline
    from chronicle.read import read_paths

    files = sorted(str(p) for p in Path(args.corpus).rglob("*.md"))
    random.seed(args.seed)
    arts = [a for a in read_paths(random.sample(files, min(args.docs, len(files))))
            if hasattr(a, "text")]
    found = [(an.article.id, e) for an in Pipeline().stream(arts) for e in an.events]
    print(f"documents {len(arts)}, events {len(found)}, per document {len(found) / max(1, len(arts)):.1f}")
    random.seed(3)
    for _, e in random.sample(found, min(args.show, len(found))):
        print(e.type, e.actor_code, "->", e.recipient_code, e.modality, "|", e.trigger.text, "|",
              e.evidence.text[:160].replace("\n", " "))


if __name__ == "__main__":
    main()
