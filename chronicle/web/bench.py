"""Latency of the web pages and the API, measured over loopback against a real server.

    python -m chronicle.web.bench --db sqlite:///chronicle.db --rounds 50

Starts uvicorn on 127.0.0.1 (a free port) in this process, warms each URL once, then requests
each URL ``rounds`` times in turn (a bounded loop, one request at a time) with httpx and prints
p50 / p95 / max per URL and over all of them, in milliseconds, wall clock and CPU (this
process's CPU time for the request, server and client together: on a shared, loaded machine the
wall clock mostly measures waiting for a core). The URLs are picked from the
record itself: its most quoted actor, that actor's newest quote's article, a word from a quote.
"""
from __future__ import annotations

import argparse
import json
import socket
import statistics
import threading
import time
from urllib.parse import quote, urlencode


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def pick_urls(client, actor: str | None = None) -> list[str]:
    top = client.get("/api/actors", params={"limit": 1, **({"name": actor} if actor else {})}).json()["items"]
    if not top:
        raise SystemExit("the record has no actors: ingest something first")
    aid = top[0]["id"]
    q = client.get("/api/quotes", params={"speaker": aid, "order": "newest", "limit": 1}).json()["items"]
    art = q[0]["article_key"] if q else client.get("/api/articles", params={"limit": 1}).json()["items"][0]["key"]
    ev = client.get("/api/events", params={"actor": aid, "limit": 50}).json()["items"]
    other = next((e["recipient"] for e in ev if e["recipient"]), None)
    word = "Russia"
    a = quote(aid, safe=":")
    urls = [
        "/", "/?" + urlencode({"q": word}), f"/actors/{a}", f"/articles/{art}", "/articles", "/actors",
        "/api/articles", f"/api/articles/{art}", "/api/quotes?" + urlencode({"speaker": aid}),
        "/api/quotes?" + urlencode({"q": word, "order": "added"}),
        "/api/quotes?" + urlencode({"q": word, "order": "newest"}), "/api/actors",
        f"/api/actors/{a}", f"/api/actors/{a}/timeline", "/api/events?" + urlencode({"actor": aid}),
        "/api/search?" + urlencode({"q": word}),
    ]
    if other:
        urls += ["/dyad?" + urlencode({"a": aid, "b": other}),
                 "/api/dyad?" + urlencode({"a": aid, "b": other})]
    return urls


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = max(0, min(len(values) - 1, round(p / 100 * len(values) + 0.5) - 1))
    return values[k]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="sqlite:///chronicle.db")
    ap.add_argument("--rounds", type=int, default=50, help="requests per URL")
    ap.add_argument("--actor", help="the actor whose pages to time (default: the most quoted)")
    ap.add_argument("--json", action="store_true", help="JSON instead of a table")
    args = ap.parse_args(argv)

    import httpx
    import uvicorn

    from chronicle.web.app import create_app

    app = create_app(args.db)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    timings: dict[str, list[float]] = {}
    cpu: dict[str, list[float]] = {}  # CPU of this process (server + client): what load cannot inflate
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=30) as client:
            urls = pick_urls(client, args.actor)
            for url in urls:  # warm: first query plans, template compilation
                r = client.get(url)
                if r.status_code != 200:
                    raise SystemExit(f"{url}: HTTP {r.status_code}: {r.text[:200]}")
            for _ in range(args.rounds):
                for url in urls:
                    c0, t0 = time.process_time(), time.perf_counter()
                    client.get(url).raise_for_status()
                    timings.setdefault(url, []).append((time.perf_counter() - t0) * 1000)
                    cpu.setdefault(url, []).append((time.process_time() - c0) * 1000)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    def row(url, ts, cs):
        return {"url": url, "p50_ms": round(statistics.median(ts), 1), "p95_ms": round(pct(ts, 95), 1),
                "max_ms": round(max(ts), 1), "cpu_p50_ms": round(statistics.median(cs), 1),
                "cpu_p95_ms": round(pct(cs, 95), 1)}

    rows = [row(u, ts, cpu[u]) for u, ts in timings.items()]
    rows.append(row("ALL", [t for ts in timings.values() for t in ts],
                    [c for cs in cpu.values() for c in cs]))
    if args.json:
        print(json.dumps(rows, indent=1))
        return
    width = max(len(r["url"]) for r in rows)
    import os

    print(f"{'url':<{width}}  {'p50 ms':>7} {'p95 ms':>7} {'max ms':>7}  {'cpu p50':>7} {'cpu p95':>7}"
          f"   ({args.rounds} requests each; load average {os.getloadavg()[0]:.1f})")
    for r in rows:
        print(f"{r['url']:<{width}}  {r['p50_ms']:>7} {r['p95_ms']:>7} {r['max_ms']:>7}  "
              f"{r['cpu_p50_ms']:>7} {r['cpu_p95_ms']:>7}")


if __name__ == "__main__":
    main()
