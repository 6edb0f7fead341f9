"""The JSON API (/api/...): thin handlers over chronicle.web.queries.

Parameters are typed (FastAPI validates them and the OpenAPI schema documents them); a bad one
gets a 400 with a JSON message naming it. Every list is one page: ``limit`` (1-200) and
``offset``; the answer carries ``next_offset`` (null on the last page).
"""
from __future__ import annotations

import datetime as dt
import enum
from typing import Annotated, Any, Optional

from fastapi import APIRouter, Body, Path, Query, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from chronicle.model import PLOVER_TYPES, QUOTE_KINDS
from chronicle.web import queries
from chronicle.web.app import WebError

router = APIRouter(prefix="/api")

QuoteKind = enum.Enum("QuoteKind", {k: k for k in QUOTE_KINDS}, type=str)
PloverType = enum.Enum("PloverType", {k: k for k in PLOVER_TYPES}, type=str)
ActorType = enum.Enum("ActorType", {k: k for k in ("PERSON", "ORG", "COUNTRY", "IGO", "GROUP", "UNKNOWN")}, type=str)

Limit = Annotated[int, Query(ge=1, le=200, description="Items per page (1-200).")]
Offset = Annotated[int, Query(ge=0, le=1_000_000, description="Items to skip.")]
Since = Annotated[Optional[dt.date], Query(description="From this date on (YYYY-MM-DD).")]
Until = Annotated[Optional[dt.date], Query(description="Up to and including this date (YYYY-MM-DD).")]
Text = Annotated[Optional[str], Query(max_length=200)]


def _json(data: Any) -> JSONResponse:
    """Plain dicts straight to JSON: FastAPI's generic encoder was most of a big article's time."""
    return JSONResponse(data)


def engine(request: Request):
    return request.app.state.engine


def _value(e):
    return e.value if isinstance(e, enum.Enum) else e


def _check_range(since, until) -> None:
    if since and until and since > until:
        raise WebError(400, f"since ({since}) is after until ({until})")


@router.get("", include_in_schema=False)
def api_index(request: Request):
    """Every endpoint, from the OpenAPI schema (the schema itself is /openapi.json)."""
    schema = request.app.openapi()
    return {"openapi": "/openapi.json",
            "endpoints": [{"method": m.upper(), "path": p, "summary": op.get("summary")}
                          for p, ops in schema["paths"].items() for m, op in ops.items()]}


@router.get("/stats", summary="Sizes of the record")
def stats(request: Request) -> dict:
    return _json(queries.overview(engine(request)))


@router.get("/articles", summary="Articles, newest first")
def articles(request: Request, q: Annotated[Text, Query(description="Words that must all be in the title.")] = None,
             since: Since = None, until: Until = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    _check_range(since, until)
    return _json(queries.list_articles(engine(request), words=q, since=since, until=until,
                                 limit=limit, offset=offset))


@router.get("/articles/{key}", summary="One article: text, quotes, time expressions, events, mentions")
def article(request: Request, key: Annotated[str, Path(pattern="^[0-9a-f]{32}$", description="The article's key (32 hex digits, from /api/articles).")]) -> dict:
    art = queries.get_article(engine(request), key)
    if art is None:
        raise WebError(404, f"no article with key {key}")
    return _json(art)


@router.get("/quotes", summary="Quotes by speaker, words, dates and kind")
def quotes(request: Request,
           speaker: Annotated[Text, Query(description="Words of a name, alias or actor id, each matched from its start.")] = None,
           q: Annotated[Text, Query(description="Words the quote contains (full text, all words).")] = None,
           since: Since = None, until: Until = None,
           kind: Annotated[Optional[QuoteKind], Query(description="direct | indirect | mixed")] = None,
           order: Annotated[str, Query(pattern="^(oldest|newest|added)$", description=(
               "oldest | newest first (by the day said), or added: most recently stored first, "
               "with q only, instant however common the words (date order sorts every match)"))] = "oldest",
           limit: Limit = 50, offset: Offset = 0) -> dict:
    _check_range(since, until)
    if order == "added" and not q:
        raise WebError(400, "order=added needs q (it orders full-text matches)")
    return _json(queries.list_quotes(engine(request), speaker=speaker, words=q, since=since, until=until,
                               kind=_value(kind), newest_first=order == "newest", recently_added=order == "added",
                               limit=limit, offset=offset))


@router.get("/actors", summary="Actors, most quoted first")
def actors(request: Request,
           name: Annotated[Text, Query(description="Words of a name, alias or id, each matched from its start.")] = None,
           type: Annotated[Optional[ActorType], Query(description="PERSON | ORG | COUNTRY | IGO | GROUP | UNKNOWN")] = None,
           limit: Limit = 50, offset: Offset = 0) -> dict:
    return _json(queries.list_actors(engine(request), name=name, type=_value(type), limit=limit, offset=offset))


ActorId = Annotated[str, Path(max_length=200, description="An actor id, e.g. person:sergey-lavrov")]


def _actor_or_404(request: Request, actor_id: str) -> dict:
    actor = queries.get_actor(engine(request), actor_id)
    if actor is None:
        raise WebError(404, f"no actor with id {actor_id!r} (list them at /api/actors?name=...)")
    return actor


@router.get("/actors/{actor_id:path}/timeline", summary="What an actor said and did, newest first, with weekly counts")
def actor_timeline(request: Request, actor_id: ActorId, since: Since = None, until: Until = None,
                   limit: Limit = 50, offset: Offset = 0) -> dict:
    _check_range(since, until)
    actor = _actor_or_404(request, actor_id)
    page = queries.actor_timeline(engine(request), actor_id, since=since, until=until,
                                  limit=limit, offset=offset)
    page["actor"] = {"id": actor["id"], "name": actor["name"]}
    activity = request.app.state.aggregates.get(
        ("activity", actor_id), lambda: queries.actor_activity(engine(request), actor_id))
    page.update(queries.activity_between(activity, since, until) if since or until else activity)
    return _json(page)


@router.get("/actors/{actor_id:path}", summary="One actor: identity, roles, aliases, counts, who they interact with")
def actor(request: Request, actor_id: ActorId) -> dict:
    a = _actor_or_404(request, actor_id)
    a["interactions"] = request.app.state.aggregates.get(
        ("interactions", actor_id), lambda: queries.interactions(engine(request), actor_id))
    return _json(a)


@router.get("/events", summary="PLOVER events by actor, recipient, type and dates")
def events(request: Request,
           actor: Annotated[Text, Query(description="Who acted: name, alias, id or code (RUS, NATO).")] = None,
           recipient: Annotated[Text, Query(description="Who it was done to: name, alias, id or code.")] = None,
           type: Annotated[Optional[PloverType], Query(description="A PLOVER event type.")] = None,
           since: Since = None, until: Until = None,
           order: Annotated[str, Query(pattern="^(oldest|newest)$", description="oldest | newest first")] = "oldest",
           limit: Limit = 50, offset: Offset = 0) -> dict:
    _check_range(since, until)
    return _json(queries.list_events(engine(request), actor=actor, recipient=recipient, type=_value(type),
                               since=since, until=until, newest_first=order == "newest",
                               limit=limit, offset=offset))


@router.get("/dyad", summary="Events from actor a to actor b: a page of them and weekly counts")
def dyad(request: Request,
         a: Annotated[str, Query(max_length=200, description="The acting actor's id.")],
         b: Annotated[str, Query(max_length=200, description="The recipient actor's id.")],
         limit: Limit = 50, offset: Offset = 0) -> dict:
    _actor_or_404(request, a)
    _actor_or_404(request, b)
    summary = request.app.state.aggregates.get(
        ("dyad", a, b), lambda: queries.dyad_summary(engine(request), a, b))
    page = queries.dyad(engine(request), a, b, limit=limit, offset=offset, summary=summary)
    names = {x["id"]: x for x in (queries.get_actor(engine(request), a), queries.get_actor(engine(request), b)) if x}
    page["a"] = {"id": a, "name": names.get(a, {}).get("name")}
    page["b"] = {"id": b, "name": names.get(b, {}).get("name")}
    return _json(page)


@router.get("/search", summary="Quotes (full text), articles (title) and actors (name) matching words")
def search(request: Request,
           q: Annotated[str, Query(min_length=1, max_length=200, description="Words to look for.")],
           limit: Annotated[int, Query(ge=1, le=100)] = 20, offset: Offset = 0) -> dict:
    return _json(queries.search(engine(request), q, limit=limit, offset=offset))


class AnalyzeRequest(BaseModel):
    text: str = Field(description="The article's text.", min_length=1)
    date: Optional[dt.date] = Field(None, description="Publication date (YYYY-MM-DD): time expressions are normalized against it.")
    title: Optional[str] = Field(None, max_length=1000)


@router.post("/analyze", summary="Analyze a text (not stored); off unless the server runs with --allow-analyze",
             responses={403: {"description": "analysis is off"}, 413: {"description": "text too long"}})
def analyze(request: Request, body: Annotated[AnalyzeRequest, Body()]) -> dict[str, Any]:
    st = request.app.state
    if not st.allow_analyze:
        raise WebError(403, "analysis is off on this server: start it with `chronicle serve --allow-analyze`")
    if len(body.text) > st.analyze_max_chars:
        raise WebError(413, f"text too long: {len(body.text)} characters, at most {st.analyze_max_chars}")
    from chronicle.api import DEFAULT_MODEL, analyze as run_analyze

    result = run_analyze(body.text, body.date, title=body.title, model=st.model or DEFAULT_MODEL,
                         actors_file=st.actors_file)
    return _json(result.to_dict(with_text=False))
