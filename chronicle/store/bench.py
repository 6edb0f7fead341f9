"""Store benchmarks, for docs/benchmarks-store.md.

    python -m chronicle.store.bench latency --db sqlite:///chronicle.db
        p50/p95 of `chronicle quotes` questions, in process (50 runs each, after one warm-up)

    python -m chronicle.store.bench store-only --db sqlite:///bench.db PATH...
        the store's own cost: ingest with a regex stand-in for the analysis (transcript speaker
        turns such as "MS. PSAKI: ..." become direct quotes), then ingest again (must add 0 rows)
"""
from __future__ import annotations

import argparse
import json
import re
import time

from chronicle.model import Actor, Analysis, Quote, Span, Speaker

TURN = re.compile(r"^(?:MR\.|MS\.|MRS\.|THE) ?([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+)?):\s*(.+)$", re.M)
QUESTIONS = [{"speaker": "Psaki", "about": "Russia"}, {"speaker": "Psaki"},
             {"about": "Russia sanctions"}, {"speaker": "Psaki", "since": "2022-02-01"}]


class SpeakerTurns:
    """Not the analysis: a cheap stand-in so that the store's own cost can be measured."""

    def stream(self, articles, batch_size=16, workers=1):
        for a in articles:
            an = Analysis(article=a)
            people: dict[str, Actor] = {}
            for m in TURN.finditer(a.text):
                name = m.group(1).title()
                aid = "person:" + re.sub(r"[^a-z0-9]+", "-", name.lower())
                actor = people.setdefault(aid, Actor(aid, name, "PERSON", aliases=[name]))
                actor.mentions.append(Span.of(a.text, m.start(1), m.end(1)))
                end = min(m.end(2), m.start(2) + 400)
                an.quotes.append(Quote("direct", Span.of(a.text, m.start(2), end), None,
                                       Speaker(m.start(1), m.end(1), m.group(1), name=name,
                                               actor_id=aid, mention_type="turn")))
            an.actors = list(people.values())
            yield an


def latency(db: str, runs: int = 50) -> list[dict]:
    import datetime as dt

    from chronicle.store.db import connect
    from chronicle.store.queries import search_quotes

    engine = connect(db)
    out = []
    for q in QUESTIONS:
        kw = {k: dt.date.fromisoformat(v) if k == "since" else v for k, v in q.items()}
        rows = search_quotes(engine, limit=50, **kw)  # warm-up
        times = []
        for _ in range(runs):
            t = time.perf_counter()
            search_quotes(engine, limit=50, **kw)
            times.append((time.perf_counter() - t) * 1000)
        times.sort()
        out.append({"question": q, "rows": len(rows), "p50_ms": round(times[len(times) // 2], 1),
                    "p95_ms": round(times[int(len(times) * 0.95) - 1], 1)})
    return out


def store_only(db: str, paths: list[str]) -> dict:
    from chronicle.store.db import connect, database_size
    from chronicle.store.ingest import ingest

    engine = connect(db)
    first = ingest(paths, engine=engine, pipeline=SpeakerTurns(), progress=False)
    again = ingest(paths, engine=engine, pipeline=SpeakerTurns(), progress=False)
    return {"first": first.to_dict(), "again": again.to_dict(), "bytes": database_size(engine)}


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m chronicle.store.bench")
    sub = ap.add_subparsers(dest="what", required=True)
    lat = sub.add_parser("latency")
    lat.add_argument("--db", required=True)
    so = sub.add_parser("store-only")
    so.add_argument("--db", required=True)
    so.add_argument("paths", nargs="+")
    args = ap.parse_args()
    result = latency(args.db) if args.what == "latency" else store_only(args.db, args.paths)
    print(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
