"""A screenshot of a page of the web UI (for docs/), in Debian's headless Chromium via Playwright.

    python -m chronicle.web.screenshot --db sqlite:///chronicle.db \
        --path /actors/person:sergey-lavrov --out docs/actor-page.png

Serves the record on a free loopback port in this process, opens the page at 1280 px wide and
saves a full-page PNG. Playwright drives /usr/bin/chromium; it never downloads a browser.
"""
from __future__ import annotations

import argparse
import socket
import threading
import time

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--db", default="sqlite:///chronicle.db")
    ap.add_argument("--path", default="/actors/person:sergey-lavrov", help="the page to capture")
    ap.add_argument("--out", default="docs/actor-page.png")
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=900)
    ap.add_argument("--full-page", action="store_true", help="the whole page, not the first screen")
    args = ap.parse_args(argv)

    import uvicorn
    from playwright.sync_api import sync_playwright

    from chronicle.web.app import create_app

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(args.db), host="127.0.0.1", port=port,
                                           log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    try:
        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": args.width, "height": args.height})
            response = page.goto(f"http://127.0.0.1:{port}{args.path}")
            if response is None or response.status != 200:
                raise SystemExit(f"{args.path}: HTTP {response.status if response else '?'}")
            page.screenshot(path=args.out, full_page=args.full_page)
            browser.close()
    finally:
        server.should_exit = True
        thread.join(timeout=10)
    print(args.out)


if __name__ == "__main__":
    main()
