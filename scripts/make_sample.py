"""Choose and copy the bundled demo sample: White House documents on the seed's subject.

The seed article (``../shared/seeds``) is about Russia, Ukraine and NATO in late January 2022.
This script scores every White House document dated 2022-01-01..2022-02-28 in the CC0 corpus
(``../shared/corpora/whitehouse``) by how often it names the subject's actors — Russia,
Ukraine, NATO, Lavrov, Putin, Zelenskyy, Stoltenberg, Blinken — counting title hits ten times,
favouring press briefings, statements, readouts and remarks, and copies the best ``--limit``
(at most 50, as the corpus terms allow) unchanged under ``chronicle/data/sample/whitehouse/``,
keeping each file's path relative to the corpus folder. Deterministic: ties break by path.

    .venv/bin/python scripts/make_sample.py            # writes the sample
    .venv/bin/python scripts/make_sample.py --dry-run  # lists what it would pick
"""
from __future__ import annotations

import argparse
import datetime as dt
import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from chronicle.model import Article  # noqa: E402
from chronicle.read import read_paths  # noqa: E402

CORPUS = ROOT.parent / "shared" / "corpora" / "whitehouse"
OUT = ROOT / "chronicle" / "data" / "sample" / "whitehouse"
MAX_DOCS = 50  # the corpus terms allow shipping up to 50 documents
FIRST, LAST = dt.date(2022, 1, 1), dt.date(2022, 2, 28)
KEYWORDS = re.compile(
    r"\b(Russia\w*|Ukrain\w*|NATO|Lavrov|Putin|Zelensk\w*|Stoltenberg|Blinken|Kremlin|Moscow|Kyiv)\b")
# Kinds of document rich in who-said-what; others (proclamations, bills, disclosures) weigh less.
PREFERRED_TITLES = re.compile(r"\b(Readout|Statement|Remarks|Briefing|Press Call|Gaggle)\b", re.I)
# Transcripts are long (10-20k words): cap them so the demo stays quick and readouts and
# statements — short, quote-rich — get their share.
FOLDER_CAPS = {"press-briefings": 12, "speeches-remarks": 12}


def score(article: Article) -> float:
    title_hits = len(KEYWORDS.findall(article.title or ""))
    body_hits = len(KEYWORDS.findall(article.text))
    if body_hits < 3:
        return 0.0
    # Cap the raw count so long transcripts do not crowd out readouts and statements,
    # and add density (hits per 1,000 words) so short on-topic documents rank well.
    words = max(len(article.text.split()), 1)
    value = 10 * title_hits + min(body_hits, 60) + 10 * min(body_hits * 1000 / words, 10)
    if PREFERRED_TITLES.search(article.title or ""):
        value *= 2
    return value


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--limit", type=int, default=MAX_DOCS)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()
    if not 0 < args.limit <= MAX_DOCS:
        parser.error(f"--limit must be 1..{MAX_DOCS} (the corpus terms allow {MAX_DOCS})")
    # Only the month folders of the period are read (the corpus is organised <kind>/<YYYY-MM>/).
    months = sorted(p for p in args.corpus.glob("*/2022-0[12]") if p.is_dir())
    scored: list[tuple[float, str]] = []
    for month in months:
        for rec in read_paths([str(month)]):
            if not isinstance(rec, Article) or rec.date is None or not FIRST <= rec.date <= LAST:
                continue
            rel = str(Path(rec.origin).relative_to(args.corpus))
            s = score(rec)
            if s > 0:
                scored.append((s, rel))
    scored.sort(key=lambda t: (-t[0], t[1]))
    picked: list[tuple[float, str]] = []
    per_folder: dict[str, int] = {}
    for s, rel in scored:
        folder = rel.split("/", 1)[0]
        if per_folder.get(folder, 0) >= FOLDER_CAPS.get(folder, args.limit):
            continue
        per_folder[folder] = per_folder.get(folder, 0) + 1
        picked.append((s, rel))
        if len(picked) == args.limit:
            break
    chosen = sorted(rel for _, rel in picked)
    for s, rel in picked:
        print(f"{s:7.1f}  {rel}")
    if args.dry_run:
        return 0
    if args.out.exists():
        shutil.rmtree(args.out)
    for rel in chosen:
        target = args.out / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.corpus / rel, target)
    print(f"copied {len(chosen)} of {len(scored)} candidate documents to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
