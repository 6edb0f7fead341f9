"""The HTML pages, through the ASGI app: what each shows, and that article text is escaped."""
from __future__ import annotations

import re

from tests.web.conftest import SCRIPT_TEXT

LAVROV = "person:sergey-lavrov"


def test_front_page_offers_search_and_actors(client):
    r = client.get("/")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert 'name="q"' in r.text and f'href="/actors/{LAVROV}"' in r.text


def test_search_page_shows_quotes_articles_actors(client):
    r = client.get("/", params={"q": "Lavrov"})
    assert r.status_code == 200
    assert "Sergey Lavrov" in r.text and "Lavrov on NATO" in r.text
    assert re.search(r'class="quote-link" href="/articles/[0-9a-f]{32}#q\d+"', client.get("/", params={"q": "NATO"}).text)


def test_article_page_marks_quotes_speakers_cues_and_times(client, keys):
    html = client.get(f"/articles/{keys['lavrov-feb']}").text
    assert re.search(r'<span class="quote quote-\w+[^"]*" id="q0"', html)
    assert 'class="speaker' in html and 'class="cue' in html
    assert re.search(r'class="timex" title="DATE = 2022-02-\d\d"', html)
    assert re.search(r'<sup class="timex-value">2022-02-\d\d</sup>', html)
    assert "<h2>Events</h2>" in html


def test_article_text_is_escaped(client, keys):
    r = client.get(f"/articles/{keys['xss-test']}")
    assert r.status_code == 200
    assert SCRIPT_TEXT not in r.text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in r.text
    assert "<markup>" not in r.text and "&lt;markup&gt;" in r.text  # the title too
    # the only scripts are the app's own, and the policy forbids inline ones
    assert re.findall(r"<script[^>]*>", r.text) == ['<script src="/static/app.js" defer>']
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_escaped_everywhere_the_text_appears(client):
    for url, params in (("/", {"q": "plain text"}), ("/", {"q": "Hostile"}), ("/articles", {}),
                        ("/", {"q": "<script>alert(1)</script>"})):
        html = client.get(url, params=params).text
        assert SCRIPT_TEXT not in html, url


def test_actor_page_identity_chart_quotes_interactions(client):
    r = client.get(f"/actors/{LAVROV}")
    assert r.status_code == 200
    html = r.text
    assert "<h1>Sergey Lavrov</h1>" in html
    assert "Foreign Minister" in html and "RUS" in html and "Lavrov" in html
    assert '<svg class="chart"' in html and html.count('class="bar"') >= 2
    assert 'data-series="said:' in html
    assert "Recent quotes" in html and "Interacts with" in html
    assert re.search(r'href="/articles/[0-9a-f]{32}#q\d+"', html)


def test_dyad_page(client):
    events = client.get("/api/events", params={"limit": 200}).json()["items"]
    e = next(e for e in events if e["actor"] and e["recipient"])
    r = client.get("/dyad", params={"a": e["actor"], "b": e["recipient"]})
    assert r.status_code == 200 and '<svg class="chart"' in r.text and e["type"] in r.text


def test_lists_of_articles_and_actors(client):
    assert "Lavrov on NATO" in client.get("/articles").text
    assert "Sergey Lavrov" in client.get("/actors", params={"name": "lav"}).text


def test_page_errors_are_pages_with_the_reason(client):
    r = client.get("/actors/person:nobody-at-all")
    assert r.status_code == 404 and "no actor with id" in r.text and r.headers["content-type"].startswith("text/html")
    r = client.get("/articles", params={"since": "yesterday"})
    assert r.status_code == 400 and "YYYY-MM-DD" in r.text
    # the browser tab says what happened (the title was empty)
    assert "<title>400 Bad Request — Chronicle</title>" in r.text
    assert "<title>404 Not Found — Chronicle</title>" in client.get("/no/such/page").text


def test_no_asset_comes_from_elsewhere(client):
    for url in ("/", f"/actors/{LAVROV}", "/articles"):
        html = client.get(url).text
        assert not re.search(r'(src|href)="(https?:)?//', html), url
    assert client.get("/static/app.js").status_code == 200
    assert client.get("/static/style.css").status_code == 200


def test_front_page_lists_identified_actors_only(web_app):
    from chronicle.web import queries

    engine = web_app.state.engine
    shown = queries.list_actors(engine, limit=200, identified=True)["items"]
    assert shown and all(a["type"] != "UNKNOWN" for a in shown)
    everyone = queries.list_actors(engine, limit=200)["items"]
    assert len(everyone) - len(shown) == sum(a["type"] == "UNKNOWN" for a in everyone)


def test_actor_page_pages_its_events_apart_from_its_quotes(client):
    from collections import Counter

    events = client.get("/api/events", params={"limit": 200}).json()["items"]
    actor, n = Counter(e["actor"] for e in events if e["actor"]).most_common(1)[0]
    assert n >= 2
    first = client.get(f"/actors/{actor}").text
    second = client.get(f"/actors/{actor}", params={"events_offset": 1}).text
    rows = lambda html: html.split("<h2>Events</h2>", 1)[1].count('<tr class="event">')
    assert rows(second) == rows(first) - 1
    assert re.search(r'rel="prev" href="/actors/[^"]*events_offset=0"', second)
    assert "Recent quotes" in second  # the quotes list keeps its own offset
