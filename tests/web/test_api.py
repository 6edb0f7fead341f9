"""The JSON API: every endpoint answers with pages, filters work, bad parameters get clear JSON
errors, analysis is off unless asked for and size-limited, and the server never writes."""
from __future__ import annotations

import pytest
from sqlalchemy import text

from tests.web.conftest import seed_present

LAVROV = "person:sergey-lavrov"


def test_openapi_schema_lists_every_endpoint(client):
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/articles", "/api/articles/{key}", "/api/quotes", "/api/actors",
              "/api/actors/{actor_id}", "/api/actors/{actor_id}/timeline", "/api/events",
              "/api/search", "/api/analyze", "/api/dyad"):
        assert p in paths, p
    kinds = paths["/api/quotes"]["get"]["parameters"]
    assert any(p["name"] == "kind" for p in kinds)


def test_articles_list_is_paginated(client):
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_offset"] == 1
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert second["items"][0]["key"] != first["items"][0]["key"]
    everything = client.get("/api/articles", params={"limit": 200}).json()
    assert everything["next_offset"] is None
    dates = [a["date"] for a in everything["items"]]
    assert dates == sorted(dates, reverse=True)


def test_articles_filter_by_title_words_and_dates(client):
    got = client.get("/api/articles", params={"q": "lavrov nato"}).json()["items"]
    assert [a["id"] for a in got] == ["lavrov-feb"]
    got = client.get("/api/articles", params={"since": "2022-02-01", "until": "2022-02-05"}).json()["items"]
    assert [a["id"] for a in got] == ["xss-test"]


def test_one_article_has_text_and_findings(client, keys):
    art = client.get(f"/api/articles/{keys['lavrov-feb']}").json()
    assert "NATO must stop" in art["text"]
    assert art["quotes"] and art["timexes"]
    q = art["quotes"][0]
    assert art["text"][q["content_start"]:q["content_end"]] == q["content"]
    assert {t["value"] for t in art["timexes"]} & {"2022-02-09", "2022-02-10"}


def test_unknown_article_is_a_json_404(client):
    r = client.get("/api/articles/" + "0" * 32)
    assert r.status_code == 404
    assert "no article" in r.json()["error"]


def test_quotes_filter_by_speaker_text_dates_kind(client):
    by_lavrov = client.get("/api/quotes", params={"speaker": "Lavrov", "limit": 200}).json()["items"]
    assert by_lavrov and all(q["actor_id"] == LAVROV for q in by_lavrov)
    nato = client.get("/api/quotes", params={"speaker": "Lavrov", "q": "expansion"}).json()["items"]
    assert nato and all("expansion" in q["content"].lower() for q in nato)
    feb = client.get("/api/quotes", params={"since": "2022-02-01", "limit": 200}).json()["items"]
    assert feb and all(q["date"] >= "2022-02-01" for q in feb)
    direct = client.get("/api/quotes", params={"kind": "direct", "limit": 200}).json()["items"]
    assert direct and all(q["kind"] == "direct" for q in direct)
    newest = client.get("/api/quotes", params={"order": "newest", "limit": 200}).json()["items"]
    assert [q["date"] for q in newest] == sorted((q["date"] for q in newest), reverse=True)


def test_actors_list_one_and_timeline(client):
    listed = client.get("/api/actors", params={"name": "lavrov"}).json()["items"]
    assert listed[0]["id"] == LAVROV
    one = client.get(f"/api/actors/{LAVROV}").json()
    assert one["name"] == "Sergey Lavrov" and one["country"] == "RUS"
    assert "Lavrov" in one["aliases"]
    assert any("Foreign Minister" in r["role"] for r in one["roles"])
    assert isinstance(one["interactions"], list)
    tl = client.get(f"/api/actors/{LAVROV}/timeline", params={"limit": 2}).json()
    assert len(tl["items"]) == 2 and tl["next_offset"] == 2
    assert tl["weeks"] and sum(sum(w["counts"].values()) for w in tl["weeks"]) >= one["quotes"]
    weeks = [w["week"] for w in tl["weeks"]]
    assert weeks == sorted(weeks)


def test_unknown_actor_is_a_json_404(client):
    r = client.get("/api/actors/person:nobody-at-all")
    assert r.status_code == 404 and "no actor" in r.json()["error"]


def test_events_filter_by_actor_recipient_type_dates(client):
    russia = client.get("/api/events", params={"actor": "RUS", "limit": 200}).json()["items"]
    assert russia
    threats = client.get("/api/events", params={"type": "THREATEN", "limit": 200}).json()["items"]
    assert all(e["type"] == "THREATEN" for e in threats)
    to_ukraine = client.get("/api/events", params={"recipient": "Ukraine", "limit": 200}).json()["items"]
    assert to_ukraine and all((e["recipient"] or "").endswith("UKR") or e["recipient_code"] == "UKR"
                              for e in to_ukraine)
    feb = client.get("/api/events", params={"since": "2022-02-01", "until": "2022-02-28"}).json()["items"]
    assert all("2022-02-01" <= e["date"] <= "2022-02-28" for e in feb)


def test_search_finds_quotes_articles_and_actors(client):
    got = client.get("/api/search", params={"q": "Lavrov"}).json()
    assert got["actors"]["items"][0]["id"] == LAVROV
    assert any(a["id"] == "lavrov-feb" for a in got["articles"]["items"])
    got = client.get("/api/search", params={"q": "sanctions"}).json()
    assert any("sanctions" in q["content"] for q in got["quotes"]["items"])


def test_full_text_search_takes_user_words_not_fts_syntax(client):
    for q in ['"', "NEAR(", "a OR", "*", "'; DROP TABLE quotes; --"]:
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 200, (q, r.text)
        r = client.get("/api/quotes", params={"q": q})
        assert r.status_code == 200, (q, r.text)
    assert client.get("/api/stats").json()["quotes"] > 0


@pytest.mark.parametrize("url, name, says", [
    ("/api/quotes?since=2022-13-01", "since", "YYYY-MM-DD"),
    ("/api/quotes?kind=shouted", "kind", "direct"),
    ("/api/events?type=HUG", "type", "ACCUSE"),
    ("/api/articles?limit=0", "limit", "greater than or equal to 1"),
    ("/api/articles?limit=5000", "limit", "less than or equal to 200"),
    ("/api/articles?offset=-1", "offset", "greater than or equal to 0"),
    ("/api/search", "q", "required"),
    ("/api/dyad?a=x", "b", "required"),
    ("/api/articles/not-a-key", "key", "pattern"),
])
def test_bad_parameters_get_clear_json_errors(client, url, name, says):
    r = client.get(url)
    assert r.status_code == 400
    body = r.json()
    assert body["status"] == 400
    assert any(p["parameter"] == name for p in body["problems"])
    assert says.lower() in body["error"].lower()


def test_since_after_until_is_an_error(client):
    r = client.get("/api/quotes", params={"since": "2022-03-01", "until": "2022-01-01"})
    assert r.status_code == 400 and "after" in r.json()["error"]


def test_dyad_counts_events_from_a_to_b_per_week(client):
    events = client.get("/api/events", params={"limit": 200}).json()["items"]
    e = next(e for e in events if e["actor"] and e["recipient"])
    d = client.get("/api/dyad", params={"a": e["actor"], "b": e["recipient"]}).json()
    assert d["items"] and all(x["actor"] == e["actor"] and x["recipient"] == e["recipient"] for x in d["items"])
    assert sum(sum(w["counts"].values()) for w in d["weeks"]) == len(d["items"])


def test_analyze_is_size_limited(client):
    r = client.post("/api/analyze", json={"text": "x" * 2001})
    assert r.status_code == 413 and "too long" in r.json()["error"]
    r = client.post("/api/analyze", json={"text": "", "date": "2022-01-01"})
    assert r.status_code == 400


def test_analyze_returns_findings_without_storing(client):
    before = client.get("/api/stats").json()
    r = client.post("/api/analyze", json={
        "text": 'Sergey Lavrov said on Monday, "We will respond."', "date": "2022-01-26"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["quotes"] and "We will respond" in body["quotes"][0]["content"]["text"]
    assert client.get("/api/stats").json() == before


def test_analyze_is_off_by_default(web_db):
    from fastapi.testclient import TestClient

    from chronicle.web.app import create_app

    c = TestClient(create_app(web_db))
    r = c.post("/api/analyze", json={"text": "Lavrov said so."})
    assert r.status_code == 403 and "--allow-analyze" in r.json()["error"]


def test_the_server_cannot_write(web_app):
    import sqlalchemy.exc

    with pytest.raises(sqlalchemy.exc.OperationalError, match="readonly|read-only|query_only"):
        with web_app.state.engine.begin() as conn:
            conn.execute(text("DELETE FROM quotes"))


def test_missing_database_is_a_clear_error(tmp_path):
    from chronicle.store.db import StoreError
    from chronicle.web.app import create_app

    with pytest.raises(StoreError, match="chronicle ingest"):
        create_app(f"sqlite:///{tmp_path / 'none.db'}")


@pytest.mark.skipif(not seed_present(), reason="the seed article is not in ../shared")
def test_seed_quotes_are_lavrovs(client):
    got = client.get("/api/quotes", params={"speaker": LAVROV, "q": "NATO", "until": "2022-01-31"}).json()
    assert got["items"] and all(q["date"] == "2022-01-27" for q in got["items"])


def test_oversized_body_is_refused_before_it_is_read(client):
    r = client.post("/api/analyze", content=b"{" + b" " * 20_000 + b"}",
                    headers={"content-type": "application/json"})
    assert r.status_code == 413 and "too large" in r.json()["error"]


def test_quotes_by_words_most_recently_stored_first(client):
    dated = client.get("/api/quotes", params={"q": "NATO", "limit": 200}).json()["items"]
    added = client.get("/api/quotes", params={"q": "NATO", "order": "added", "limit": 200}).json()["items"]
    assert added and sorted((q["article_key"], q["idx"]) for q in added) == \
        sorted((q["article_key"], q["idx"]) for q in dated)
    r = client.get("/api/quotes", params={"order": "added"})
    assert r.status_code == 400 and "needs q" in r.json()["error"]


def test_aggregates_are_recomputed_when_the_record_changes(web_db):
    from chronicle.web.app import AggregateCache, open_engine

    calls = []
    cache = AggregateCache(open_engine(web_db), ttl=0)
    for _ in range(3):
        assert cache.get(("k",), lambda: calls.append(1) or len(calls)) == 1
    cache.version = ("something else",)  # as if an ingest run had stored more
    assert cache.get(("k",), lambda: calls.append(1) or len(calls)) == 2


def test_a_blank_form_field_is_no_filter(client):
    # a browser sends the date boxes left empty as "since=&until="
    everything = client.get("/api/articles", params={"limit": 200}).json()["items"]
    blank = client.get("/api/articles?q=&since=&until=&limit=200")
    assert blank.status_code == 200 and blank.json()["items"] == everything
    assert client.get("/articles?q=&since=&until=").status_code == 200
    assert client.get("/api/quotes?kind=&since=2022-02-01").status_code == 200


def test_a_dyad_of_unknown_actors_is_a_404(client):
    r = client.get("/api/dyad", params={"a": "nobody", "b": LAVROV})
    assert r.status_code == 404 and "nobody" in r.json()["error"]
    assert client.get("/dyad", params={"a": LAVROV, "b": "nobody2"}).status_code == 404


def test_the_timeline_s_weekly_counts_keep_to_its_dates(client):
    whole = client.get(f"/api/actors/{LAVROV}/timeline").json()
    if not whole["weeks"]:
        pytest.skip("no dated activity for the actor in this record")
    last = whole["weeks"][-1]["week"]
    part = client.get(f"/api/actors/{LAVROV}/timeline", params={"since": last}).json()
    assert [w["week"] for w in part["weeks"]] == [last]
    assert sum(part["totals"].values()) == sum(whole["weeks"][-1]["counts"].values())


def test_search_pages_through_actors_too(client):
    first = client.get("/api/search", params={"q": "russia", "limit": 1}).json()["actors"]
    if first["next_offset"] is None:
        pytest.skip("one matching actor only")
    second = client.get("/api/search", params={"q": "russia", "limit": 1, "offset": 1}).json()["actors"]
    assert second["offset"] == 1 and second["items"] != first["items"]


def test_the_schema_documents_the_errors_the_api_gives(client):
    schema = client.get("/openapi.json").json()
    assert "HTTPValidationError" not in str(schema)
    responses = schema["paths"]["/api/actors/{actor_id}"]["get"]["responses"]
    assert responses["400"]["content"]["application/json"]["schema"]["$ref"] == "#/components/schemas/Error"
    assert "404" in responses and "422" not in responses
    bad = client.get("/api/quotes", params={"since": "nope"})
    assert bad.status_code == 400 and set(schema["components"]["schemas"]["Error"]["required"]) <= set(bad.json())


def test_title_words_with_no_word_in_them_find_no_article(client):
    """`q=%` named no word and listed every article, while quotes and actors found none."""
    assert client.get("/api/articles", params={"q": "%"}).json()["items"] == []
    assert client.get("/api/articles", params={"q": "Lavrov"}).json()["items"]
    assert "No article" in client.get("/articles", params={"q": "^"}).text
