"""In a real headless Chromium (Debian's, driven by Playwright): search, open an actor, see the
chart drawn, follow a quote to its sentence in the article; article text never runs as script.

Skips, saying why, without /usr/bin/chromium or the playwright package (CI has both:
scripts/install_browser.sh and the test extras). Playwright never downloads a browser here.
"""
from __future__ import annotations

import re
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]

if not CHROMIUM.exists():
    pytest.skip("no /usr/bin/chromium: run scripts/install_browser.sh (Debian's chromium)",
                allow_module_level=True)
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="the playwright package is not installed (pip install playwright==1.65.2)")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def base_url(web_app):
    """The app served by uvicorn on a loopback port for the module's tests."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(web_app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            pytest.fail("the web server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, base_url):
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900})
    # Nothing may be fetched from anywhere but our own server.
    outside: list[str] = []
    context.route(re.compile(r"^(?!" + re.escape(base_url) + ").*"),
                  lambda route: (outside.append(route.request.url), route.abort()))
    p = context.new_page()
    p.dialogs = []
    p.errors = []
    p.on("dialog", lambda d: (p.dialogs.append(d.message), d.dismiss()))
    p.on("pageerror", lambda e: p.errors.append(str(e)))
    yield p
    context.close()
    assert not outside, f"fetched from elsewhere: {outside}"
    assert not p.errors, f"script errors: {p.errors}"


def test_search_open_actor_see_chart_follow_quote_to_article(page):
    page.goto("/")
    page.fill("#search-box", "Lavrov")
    page.press("#search-box", "Enter")
    page.wait_for_url(re.compile(r"/\?q=Lavrov"))
    assert page.locator("h1").inner_text().startswith("Search")

    page.locator(".results-actors a.actor-link", has_text="Sergey Lavrov").first.click()
    page.wait_for_url(re.compile(r"/actors/person:sergey-lavrov$"))
    assert page.locator("h1").inner_text() == "Sergey Lavrov"

    bars = page.locator("#actor-chart svg.chart rect.bar")
    assert bars.count() >= 2
    box = bars.first.bounding_box()
    assert box and box["width"] > 0 and box["height"] > 0  # drawn, not just present
    bars.first.hover()
    tip = page.locator("#actor-chart .tip")
    tip.wait_for(state="visible")
    assert "week of" in tip.inner_text()

    link = page.locator("ol.quotes a.quote-link").first
    quote_text = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(r"/articles/[0-9a-f]{32}#q\d+$"))
    idx = page.url.rsplit("#q", 1)[1]
    lit = page.locator(f'#article-text [data-quote="{idx}"].current')
    assert lit.count() >= 1
    lit.first.wait_for(state="visible")
    assert lit.first.is_visible()
    shown = "".join(lit.all_inner_texts())
    assert quote_text.strip()[:30] in " ".join(shown.split()) or shown.strip()[:30] in quote_text


def test_script_in_article_text_shows_as_text(page, keys):
    page.goto(f"/articles/{keys['xss-test']}")
    body = page.locator("#article-text")
    assert "<script>alert(1)</script>" in body.inner_text()
    assert page.locator("#article-text script").count() == 0
    page.wait_for_timeout(200)
    assert page.dialogs == []


def test_dyad_page_draws_events_over_time(page, client):
    events = client.get("/api/events", params={"limit": 200}).json()["items"]
    e = next(e for e in events if e["actor"] and e["recipient"])
    page.goto(f"/dyad?a={e['actor']}&b={e['recipient']}")
    assert page.locator("#dyad-chart svg.chart rect.bar").count() >= 1
    assert page.locator("table.events tr.event").count() >= 1
