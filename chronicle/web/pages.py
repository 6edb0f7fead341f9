"""The HTML pages: search, articles, an article, actors, an actor, a dyad. Server-rendered
(Jinja2, autoescaped); the charts are inline SVG made in chronicle.web.render."""
from __future__ import annotations

import datetime as dt
import time
from functools import lru_cache
from typing import Annotated, Optional
from urllib.parse import quote as urlquote, urlencode

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import HTMLResponse

from chronicle.web import queries, render
from chronicle.web.app import WebError, html_response

router = APIRouter(default_response_class=HTMLResponse, include_in_schema=False)

OVERVIEW_TTL = 60.0  # seconds: the front page's counts scan whole tables


@lru_cache(maxsize=4096)
def actor_url(actor_id: str) -> str:
    return "/actors/" + urlquote(actor_id, safe=":")


def article_url(key: str, quote_idx: int | None = None) -> str:
    return f"/articles/{key}" + (f"#q{quote_idx}" if quote_idx is not None else "")


def dyad_url(a: str, b: str) -> str:
    return "/dyad?" + urlencode({"a": a, "b": b})


def page_url(request: Request, offset: int | None, param: str = "offset") -> str | None:
    """This page's address with ``param`` (the offset of one of its lists) set to ``offset``."""
    if offset is None:
        return None
    params = dict(request.query_params)
    params[param] = str(offset)
    return request.url.path + "?" + urlencode(params)


def _ctx(request: Request, **kw) -> dict:
    kw.setdefault("title", "Chronicle")
    kw.update(actor_url=actor_url, article_url=article_url, dyad_url=dyad_url,
              page_url=lambda off, param="offset": page_url(request, off, param), q=kw.get("q", ""))
    return kw


def _overview(request: Request) -> dict:
    cache = request.app.state.cache
    hit = cache.get("overview")
    if hit and time.monotonic() - hit[0] < OVERVIEW_TTL:
        return hit[1]
    value = queries.overview(request.app.state.engine)
    cache["overview"] = (time.monotonic(), value)
    return value


Offset = Annotated[int, Query(ge=0, le=1_000_000)]


@router.get("/")
def index(request: Request, q: Annotated[Optional[str], Query(max_length=200)] = None,
          offset: Offset = 0):
    """The search page: quotes, articles and actors matching words; the record's overview."""
    engine = request.app.state.engine
    q = (q or "").strip()
    if q:
        results = queries.search(engine, q, limit=20, offset=offset)
        return html_response(request, "search.html", _ctx(
            request, title=f"{q} — Chronicle search", q=q, results=results, offset=offset))
    return html_response(request, "index.html", _ctx(
        request, overview=_overview(request),
        actors=queries.list_actors(engine, limit=15, identified=True)["items"],
        articles=queries.list_articles(engine, limit=10)["items"]))


@router.get("/articles")
def articles_page(request: Request, q: Annotated[Optional[str], Query(max_length=200)] = None,
                  since: Optional[dt.date] = None, until: Optional[dt.date] = None,
                  offset: Offset = 0):
    page = queries.list_articles(request.app.state.engine, words=q, since=since, until=until,
                                 limit=50, offset=offset)
    return html_response(request, "articles.html", _ctx(
        request, title="Articles — Chronicle", page=page, q=q or "", since=since, until=until))


@router.get("/articles/{key}")
def article_page(request: Request, key: Annotated[str, Path(pattern="^[0-9a-f]{32}$")]):
    art = queries.get_article(request.app.state.engine, key)
    if art is None:
        raise WebError(404, f"no article with key {key}")
    body = render.annotate(art["text"], art["quotes"], art["timexes"], art["mentions"], actor_url)
    return html_response(request, "article.html", _ctx(
        request, title=f"{art['title'] or art['id']} — Chronicle", art=art, body=body))


@router.get("/actors")
def actors_page(request: Request, name: Annotated[Optional[str], Query(max_length=200)] = None,
                offset: Offset = 0):
    page = queries.list_actors(request.app.state.engine, name=name, limit=50, offset=offset)
    return html_response(request, "actors.html", _ctx(
        request, title="Actors — Chronicle", page=page, name=name or ""))


@router.get("/actors/{actor_id:path}")
def actor_page(request: Request, actor_id: Annotated[str, Path(max_length=200)],
               offset: Offset = 0, events_offset: Offset = 0):
    """An actor: weekly chart, quotes (paged by ``offset``), interactions and events (paged by
    ``events_offset``)."""
    engine = request.app.state.engine
    actor = queries.get_actor(engine, actor_id)
    if actor is None:
        raise WebError(404, f"no actor with id {actor_id!r}")
    agg = request.app.state.aggregates
    activity = agg.get(("activity", actor_id), lambda: queries.actor_activity(engine, actor_id))
    chart = render.week_chart(activity["weeks"], f"{actor['name']}: statements and events per week")
    said = queries.list_quotes(engine, actor_id=actor_id, newest_first=True, limit=20, offset=offset)
    timeline = queries.actor_timeline(engine, actor_id, limit=30, offset=events_offset,
                                      statements=False)
    names = queries.names_for(engine, {r["other"] for r in timeline["items"]} | {actor_id})
    return html_response(request, "actor.html", _ctx(
        request, title=f"{actor['name']} — Chronicle", actor=actor, chart=chart,
        legend=render.legend(activity["totals"]), weeks=len(activity["weeks"]),
        quotes=said, events=timeline, names=names, offset=offset,
        interactions=agg.get(("interactions", actor_id), lambda: queries.interactions(engine, actor_id))))


@router.get("/dyad")
def dyad_page(request: Request, a: Annotated[str, Query(max_length=200)],
              b: Annotated[str, Query(max_length=200)], offset: Offset = 0):
    engine = request.app.state.engine
    actor_a, actor_b = queries.get_actor(engine, a), queries.get_actor(engine, b)
    for wanted, found in ((a, actor_a), (b, actor_b)):
        if found is None:
            raise WebError(404, f"no actor with id {wanted!r}")
    summary = request.app.state.aggregates.get(("dyad", a, b), lambda: queries.dyad_summary(engine, a, b))
    page = queries.dyad(engine, a, b, limit=50, offset=offset, summary=summary)
    name_a = actor_a["name"] if actor_a else a
    name_b = actor_b["name"] if actor_b else b
    chart = render.week_chart(page["weeks"], f"Events from {name_a} to {name_b} per week")
    return html_response(request, "dyad.html", _ctx(
        request, title=f"{name_a} → {name_b} — Chronicle", a=a, b=b, name_a=name_a,
        name_b=name_b, known_a=actor_a is not None, known_b=actor_b is not None, page=page,
        names={x["id"]: x for x in (actor_a, actor_b) if x},
        chart=chart, legend=render.legend(page["totals"]), offset=offset))
