"""The FastAPI application: JSON API under /api (OpenAPI schema at /openapi.json, listed at /api) and HTML pages.

Read-only: the engine refuses writes (SQLite ``PRAGMA query_only``, PostgreSQL read-only
transactions), and no route writes. ``POST /api/analyze`` analyzes a text without storing it and
is off unless asked for. Errors are JSON under /api and pages elsewhere, with the reason.
"""
from __future__ import annotations

import os
import time
from http import HTTPStatus
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from sqlalchemy import Engine, event
from starlette.exceptions import HTTPException as StarletteHTTPException

HERE = Path(__file__).parent
DEFAULT_ANALYZE_MAX_CHARS = 100_000


class WebError(Exception):
    """An error with an HTTP status and a message for people (JSON under /api, else a page)."""

    def __init__(self, status: int, message: str, **extra: Any):
        super().__init__(message)
        self.status, self.message, self.extra = status, message, extra


# The statement that makes a connection refuse writes, per database.
_READ_ONLY = {"sqlite": "PRAGMA query_only=ON",
              "postgresql": "SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"}


def _read_only(engine: Engine) -> None:
    """Make every new connection of ``engine`` refuse writes."""
    statement = _READ_ONLY.get(engine.dialect.name)
    if statement is None:
        return

    @event.listens_for(engine, "connect")
    def _refuse_writes(dbapi_conn, _record):
        cur = dbapi_conn.cursor()
        cur.execute(statement)
        cur.close()
        if engine.dialect.name == "postgresql":
            dbapi_conn.commit()


def open_engine(url: str | None) -> Engine:
    """A read-only engine on an existing, up-to-date record (a clear StoreError otherwise).

    A record at an older schema revision (made by an older Chronicle: PostgreSQL at 0003, say)
    is upgraded first, on a separate writable connection, as any store command would do; only
    when that fails (a read-only file or database role) is it an error naming the command to run
    as someone who may write. A database with no record is not made into one here."""
    from chronicle.store.db import HEAD, StoreError, current_revision, make_engine, normalize_url, require_existing

    url = normalize_url(url) if url else None
    require_existing(url)
    engine = make_engine(url)
    where = engine.url.render_as_string(hide_password=True)
    try:
        rev = current_revision(engine)
    except Exception as exc:
        raise StoreError(f"cannot open the database {where}: "
                         f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}") from exc
    if rev is None:
        raise StoreError(f"no Chronicle record in {where} (schema revision none): build one first "
                         f"with `chronicle ingest FOLDER --db {where}`; the web server only reads")
    if rev != HEAD:
        _upgrade_for_reading(engine, rev, where)
    engine.dispose()
    _read_only(engine)
    return engine


def _upgrade_for_reading(engine: Engine, rev: str, url: str) -> None:
    """Apply the pending migrations of an older record before it is opened read-only."""
    import logging

    from chronicle.store.db import HEAD, MIGRATIONS, StoreError, upgrade

    if not any((MIGRATIONS / "versions").glob(f"{rev}_*.py")):
        raise StoreError(f"the database is at schema revision {rev}, which this Chronicle does not "
                         f"know (newest: {HEAD}): a newer Chronicle made it; upgrade Chronicle")
    try:
        upgrade(engine)
    except Exception as exc:  # no right to write: a read-only file, a read-only role
        raise StoreError(
            f"the database is at schema revision {rev}, not {HEAD}, and could not be upgraded "
            f"here ({exc.__class__.__name__}: {str(exc).splitlines()[0]}): run "
            f"`chronicle stats --db {url}` as a user who may write to it, then serve again") from exc
    logging.getLogger(__name__).warning("upgraded the record from schema revision %s to %s", rev, HEAD)


class _EmptyParamsAreAbsent:
    """An empty query parameter ("since=&until=") is one not given: a form's blank field means
    no filter to the person who left it blank, not a malformed date."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope.get("query_string"):
            pieces = scope["query_string"].split(b"&")
            kept = [p for p in pieces if p and p.partition(b"=")[2]]
            if len(kept) != len(pieces):
                scope = dict(scope, query_string=b"&".join(kept))
        await self.app(scope, receive, send)


def _documented_errors(app: FastAPI) -> dict:
    """The OpenAPI schema with the errors the API really gives: a 400 (and a 404 where the path
    names something) with ``{"error", "status", "problems"}``, not FastAPI's 422."""
    if app.openapi_schema:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(title=app.title, version=app.version, summary=app.summary,
                         description=app.description, routes=app.routes)
    components = schema.setdefault("components", {}).setdefault("schemas", {})
    components.pop("HTTPValidationError", None)
    components.pop("ValidationError", None)
    components["Error"] = {
        "type": "object", "required": ["error", "status"],
        "properties": {"error": {"type": "string"}, "status": {"type": "integer"},
                       "problems": {"type": "array", "items": {"type": "object", "properties": {
                           "parameter": {"type": "string"}, "message": {"type": "string"},
                           "got": {}}}}}}
    error = {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}
    for path, ops in schema.get("paths", {}).items():
        for op in ops.values():
            responses = op.setdefault("responses", {})
            responses.pop("422", None)
            responses["400"] = {"description": "A parameter is not valid: which, and why", **error}
            if "{" in path:
                responses["404"] = {"description": "Nothing has that id or key", **error}
    app.openapi_schema = schema
    return schema


def create_app(db: str | Engine | None = None, *, allow_analyze: bool = False,
               analyze_max_chars: int = DEFAULT_ANALYZE_MAX_CHARS, model: str | None = None,
               actors_file: str | os.PathLike[str] | None = None) -> FastAPI:
    """The web application on the record at ``db`` (a URL, a path or an Engine); ``model`` and
    ``actors_file`` (YAML, docs/actors.md) are what POST /api/analyze analyzes with."""
    from chronicle.web import api, pages

    engine = db if isinstance(db, Engine) else open_engine(db)
    app = FastAPI(
        title="Chronicle",
        summary="Who said what, who did what to whom, and when — from dated news articles.",
        description=(
            "Read-only access to a Chronicle record: articles, quotes, actors and their "
            "timelines, PLOVER events, search. Lists are paginated with `limit` and `offset`; "
            "`next_offset` is null on the last page. Dates are YYYY-MM-DD. Errors are JSON: "
            "`{\"error\": message, \"status\": code, ...}`."
        ),
        version="1",
        # Swagger UI and ReDoc load their scripts from a CDN; nothing here is fetched from the
        # internet, so the schema is served as /openapi.json and described at /api.
        docs_url=None, redoc_url=None,
    )
    app.state.engine = engine
    app.state.allow_analyze = allow_analyze
    app.state.analyze_max_chars = analyze_max_chars
    app.state.model = model
    app.state.actors_file = actors_file
    app.state.cache = {}
    app.state.aggregates = AggregateCache(engine)
    app.state.templates = Jinja2Templates(directory=str(HERE / "templates"))
    app.state.templates.env.globals.update(
        actor_url=pages.actor_url, article_url=pages.article_url, dyad_url=pages.dyad_url)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(HERE / "static")), name="static")

    def wants_json(request: Request) -> bool:
        return request.url.path.startswith("/api") or request.url.path == "/openapi.json"

    def error_response(request: Request, status: int, message: str, **extra: Any):
        if wants_json(request):
            return JSONResponse({"error": message, "status": status, **extra}, status_code=status)
        try:
            heading = f"{status} {HTTPStatus(status).phrase}"
        except ValueError:
            heading = str(status)
        return app.state.templates.TemplateResponse(
            request, "error.html", {"status": status, "message": message, "extra": extra,
                                    "heading": heading, "title": f"{heading} — Chronicle"},
            status_code=status)

    @app.exception_handler(WebError)
    async def _web_error(request: Request, exc: WebError):
        return error_response(request, exc.status, exc.message, **exc.extra)

    @app.exception_handler(RequestValidationError)
    async def _bad_params(request: Request, exc: RequestValidationError):
        problems = []
        for err in exc.errors():
            loc = [str(p) for p in err.get("loc", ()) if p not in ("query", "path", "body")]
            name = ".".join(loc) or "request"
            got = err.get("input")
            msg = err.get("msg", "invalid")
            if err.get("type", "").startswith("date"):
                msg = "not a date in YYYY-MM-DD form"
            problems.append({"parameter": name, "message": msg,
                             **({"got": got} if isinstance(got, (str, int, float)) else {})})
        text = "; ".join(f"{p['parameter']}: {p['message']}"
                         + (f" (got {p['got']!r})" if "got" in p else "") for p in problems)
        return error_response(request, 400, f"bad parameter — {text}", problems=problems)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        message = exc.detail if isinstance(exc.detail, str) else "error"
        if exc.status_code == 404 and message == "Not Found":
            message = f"nothing at {request.url.path}"
        return error_response(request, exc.status_code, message)

    app.add_middleware(_EmptyParamsAreAbsent)
    app.openapi = lambda: _documented_errors(app)

    @app.middleware("http")
    async def _timing(request: Request, call_next):
        t0 = time.perf_counter()
        if request.method == "POST":
            # Refuse an oversized body before reading it (4 bytes a character at most, + JSON).
            limit = 4 * app.state.analyze_max_chars + 4096
            try:
                length = int(request.headers.get("content-length") or 0)
            except ValueError:
                length = 0
            if length > limit:
                return error_response(request, 413, f"request body too large: {length} bytes, "
                                                    f"at most {limit}")
        response = await call_next(request)
        response.headers["Server-Timing"] = f"app;dur={(time.perf_counter() - t0) * 1000:.1f}"
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        # Pages run only our own script; nothing is fetched from elsewhere.
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers.setdefault(
                "Content-Security-Policy",
                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
        return response

    return app


class AggregateCache:
    """Aggregates over a whole actor (weekly chart, interactions) kept until the record changes.

    A prolific speaker's chart counts every one of their quotes and events (~10^5 index entries
    on a big record): computed once, reused while ``record_version`` is unchanged (checked at
    most every ``ttl`` seconds), at most ``size`` entries.
    """

    def __init__(self, engine: Engine, ttl: float = 10.0, size: int = 256):
        import threading
        from collections import OrderedDict

        self.engine, self.ttl, self.size = engine, ttl, size
        self.items: OrderedDict = OrderedDict()
        self.version, self.checked = None, 0.0
        self.lock = threading.Lock()

    def get(self, key: tuple, compute):
        from chronicle.web.queries import record_version

        now = time.monotonic()
        if now - self.checked > self.ttl:
            version = record_version(self.engine)
            with self.lock:
                if version != self.version:
                    self.items.clear()
                    self.version = version
                self.checked = now
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
                return self.items[key]
        value = compute()
        with self.lock:
            self.items[key] = value
            while len(self.items) > self.size:
                self.items.popitem(last=False)
        return value


def html_response(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)
