"""Questions to the record. Each returns plain dicts (JSON-ready), the same on SQLite and PostgreSQL.

Near copies have no findings of their own (see ingest.py), so counting quotes or events never
counts a republished story twice, without a guard on ``articles.copy_of`` (such a guard would
lead SQLite's planner to drive from `articles` instead of the quotes' indexes).
"""
from __future__ import annotations

import datetime as dt
import re
import string
from collections import Counter
from typing import Any

from sqlalchemy import Engine, and_, false, func, literal, or_, select, text, union

from chronicle.store.db import is_sqlite
from chronicle.store.schema import (
    TABLES, VOLATILE, actor_aliases, actor_roles, actors, articles, copies, events, quotes, rejects,
    runs,
)

_TERM = re.compile(r"\w+", re.UNICODE)


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def _rows(result) -> list[dict]:
    return [{k: _iso(v) for k, v in row._mapping.items()} for row in result]


def by_day(col, newest_first: bool = False):
    """Date order with undated rows (an article that gave no date) last, oldest or newest first,
    on both engines: SQLite sorts NULL before every date and PostgreSQL after, so without this
    the same query gave the undated rows first on one and last on the other (and a --limit
    page different rows)."""
    return (col.desc() if newest_first else col.asc()).nulls_last()


def terms_of(words: str | None) -> list[str]:
    """The words of a user's search text (no query syntax of any database gets through)."""
    return _TERM.findall(words or "")


_PUNCTUATION = str.maketrans(string.punctuation, " " * len(string.punctuation))


def pg_words(words: str) -> str:
    """The user's words as PostgreSQL's search sees them: ASCII punctuation turned into spaces,
    as the indexed content is (migration 0004), so that the default parser finds plain words
    and numbers, as SQLite's FTS5 does, and no tags, entities, file paths, URLs or addresses."""
    return words.translate(_PUNCTUATION)


def pg_about(param: str = "about"):
    """PostgreSQL's condition that a quote's content holds the user's words: plainto_tsquery on
    the words with their punctuation made spaces (bind ``pg_words(text)``), parsed as the content
    was (migration 0004): "U.S." is u and s, "COVID-19" covid and 19, on both sides, and
    "<script>" the word script (the parser had dropped tags from the content). It takes no
    query syntax."""
    return text(f"quotes.content_tsv @@ plainto_tsquery('english', :{param})")


def fts_match(terms: list[str], prefix: bool = False) -> str:
    """An FTS5 MATCH expression: every term, each a quoted phrase (a prefix when asked)."""
    star = "*" if prefix else ""
    return " ".join(f'"{t}"{star}' for t in terms)


def actor_ids_matching(name: str, engine: Engine | None = None):
    """A subquery of the ids of the actors one of whose names, aliases or id has words starting
    with each word of ``name`` (case- and accent-insensitive): "Psaki", "jen psa", "Lavrov".

    SQLite answers from the full-text index of names (migration 0003); PostgreSQL with anchored
    regular expressions (``\\m``: start of a word). Without an engine: substring match on
    names, aliases and ids. A name without words ("%", "^") matches no actor: it names none.
    """
    terms = terms_of(name)
    if not terms:
        return select(actors.c.id).where(false()).subquery()
    if engine is not None and terms and is_sqlite(engine):
        return (text("SELECT DISTINCT actor_id AS id FROM actor_names_fts "
                     "WHERE actor_names_fts MATCH :m").bindparams(m=fts_match(terms, prefix=True))
                .columns(id=actors.c.id.type).subquery())
    if engine is not None and terms:
        def words(col):
            return and_(*[col.regexp_match(r"\m" + re.escape(t), flags="i") for t in terms])
        return union(
            select(actors.c.id).where(or_(words(actors.c.name), words(actors.c.id))),
            select(actor_aliases.c.actor_id).where(words(actor_aliases.c.alias)),
        ).subquery()
    def has(col):
        return col.icontains(name, autoescape=True)  # "%" and "_" are the user's characters
    return union(
        select(actors.c.id).where(or_(has(actors.c.name), has(actors.c.id))),
        select(actor_aliases.c.actor_id).where(has(actor_aliases.c.alias)),
    ).subquery()


def search_quotes(engine: Engine, speaker: str | None = None, about: str | None = None,
                  since: dt.date | None = None, until: dt.date | None = None,
                  kind: str | None = None, limit: int | None = 50) -> list[dict]:
    """Quotes, oldest first, with who said them and where."""
    speaker_name = func.coalesce(actors.c.name, quotes.c.speaker_name, quotes.c.speaker)
    q = (select(quotes.c.day.label("date"), speaker_name.label("speaker"),
                quotes.c.actor_id, quotes.c.kind, quotes.c.content, quotes.c.cue,
                quotes.c.role, articles.c.title, articles.c.ext_id.label("article"),
                articles.c.url, quotes.c.article_key, quotes.c.idx)
         .select_from(quotes.join(articles, articles.c.key == quotes.c.article_key)
                      .outerjoin(actors, actors.c.id == quotes.c.actor_id))
         )
    if speaker:
        # Resolve the few actor ids first: one id lets the (actor_id, day, ...) index give the
        # rows already in order, so LIMIT stops early.
        with engine.connect() as conn:
            ids = sorted(conn.execute(select(actor_ids_matching(speaker, engine).c.id)).scalars())
        if not ids:
            return []
        q = q.where(quotes.c.actor_id == ids[0] if len(ids) == 1 else quotes.c.actor_id.in_(ids))
    if about:
        terms = terms_of(about)
        if not terms:  # "^": no word to look for, so no quote is about it
            return []
        if is_sqlite(engine):
            hits = (text("SELECT article_key, idx FROM quotes_fts WHERE quotes_fts MATCH :m")
                    .bindparams(m=fts_match(terms))
                    .columns(article_key=quotes.c.article_key.type, idx=quotes.c.idx.type)
                    .subquery("hits"))
            q = q.join(hits, and_(hits.c.article_key == quotes.c.article_key,
                                  hits.c.idx == quotes.c.idx))
        else:
            q = q.where(pg_about().bindparams(about=pg_words(about)))
    q = quote_filters(q, since, until, kind)
    q = q.order_by(by_day(quotes.c.day), quotes.c.article_key, quotes.c.idx)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        return _rows(conn.execute(q))


def quote_filters(q, since=None, until=None, kind: str | None = None):
    """The date range and kind filters every quote query shares (store and web)."""
    if since:
        q = q.where(quotes.c.day >= since)
    if until:
        q = q.where(quotes.c.day <= until)
    if kind:
        q = q.where(quotes.c.kind == kind)
    return q


def list_actors(engine: Engine, name: str | None = None, type: str | None = None,
                limit: int | None = 50) -> list[dict]:
    """Actors by quotes then mentions, with their aliases and roles."""
    q = select(actors.c.id, actors.c.name, actors.c.type, actors.c.country, actors.c.code,
               actors.c.articles, actors.c.mentions, actors.c.quotes, actors.c.events,
               actors.c.first_seen, actors.c.last_seen)
    if name:
        q = q.where(actors.c.id.in_(select(actor_ids_matching(name, engine).c.id)))
    if type:
        q = q.where(actors.c.type == type.upper())
    else:
        # unnamed speakers ("Q" in a transcript) are article-local, not identities to list;
        # `--type UNKNOWN` shows them
        q = q.where(actors.c.type != "UNKNOWN")
    q = q.order_by(actors.c.quotes.desc(), actors.c.mentions.desc(), actors.c.id)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        rows = _rows(conn.execute(q))
        ids = [r["id"] for r in rows]
        aliases: dict[str, list[str]] = {i: [] for i in ids}
        roles: dict[str, list[str]] = {i: [] for i in ids}
        if ids:
            for aid, alias in conn.execute(select(actor_aliases.c.actor_id, actor_aliases.c.alias)
                                           .where(actor_aliases.c.actor_id.in_(ids))
                                           .order_by(actor_aliases.c.articles.desc(), actor_aliases.c.alias)):
                aliases[aid].append(alias)
            for aid, role in conn.execute(select(actor_roles.c.actor_id, actor_roles.c.role)
                                          .where(actor_roles.c.actor_id.in_(ids))
                                          .order_by(by_day(actor_roles.c.last_seen, newest_first=True), actor_roles.c.role)):
                roles[aid].append(role)
    for r in rows:
        r["aliases"] = aliases[r["id"]]
        r["roles"] = roles[r["id"]]
    return rows


def resolve_actor(engine: Engine, name: str) -> list[dict]:
    """Actors meant by ``name``: the exact id, else those whose name or alias contains it."""
    with engine.connect() as conn:
        exact = conn.execute(select(actors.c.id, actors.c.name).where(actors.c.id == name)).first()
    if exact:
        return [{"id": exact.id, "name": exact.name}]
    return [{"id": r["id"], "name": r["name"]} for r in list_actors(engine, name=name, limit=20)]


def timeline(engine: Engine, actor_id: str, since: dt.date | None = None,
             until: dt.date | None = None) -> list[dict]:
    """What ``actor_id`` said and did, or had done to it, by date."""
    said = (select(quotes.c.day.label("date"), literal("said").label("what"),
                   quotes.c.kind.label("type"), literal(None).label("other"),
                   quotes.c.content.label("text"), articles.c.ext_id.label("article"),
                   quotes.c.article_key, quotes.c.idx)
            .select_from(quotes.join(articles, articles.c.key == quotes.c.article_key))
            .where(quotes.c.actor_id == actor_id))
    did = (select(events.c.day.label("date"), literal("did").label("what"), events.c.type,
                  events.c.recipient_id.label("other"), events.c.evidence.label("text"),
                  articles.c.ext_id.label("article"), events.c.article_key, events.c.idx)
           .select_from(events.join(articles, articles.c.key == events.c.article_key))
           .where(events.c.actor_id == actor_id))
    got = (select(events.c.day.label("date"), literal("target of").label("what"), events.c.type,
                  events.c.actor_id.label("other"), events.c.evidence.label("text"),
                  articles.c.ext_id.label("article"), events.c.article_key, events.c.idx)
           .select_from(events.join(articles, articles.c.key == events.c.article_key))
           .where(events.c.recipient_id == actor_id))
    rows: list[dict] = []
    with engine.connect() as conn:
        for q in (said, did, got):
            if since:
                q = q.where(q.selected_columns.date >= since)
            if until:
                q = q.where(q.selected_columns.date <= until)
            rows += _rows(conn.execute(q))
    rows.sort(key=lambda r: (r["date"] is None, r["date"] or "", r["article_key"], r["what"], r["idx"]))
    return rows


def monthly_counts(rows: list[dict]) -> list[tuple[str, int, int]]:
    """(YYYY-MM, statements, events) for every month from the first to the last dated row."""
    said, did = Counter(), Counter()
    for r in rows:
        if r["date"]:
            (said if r["what"] == "said" else did)[r["date"][:7]] += 1
    months = sorted(set(said) | set(did))
    if not months:
        return []
    out, (y, m) = [], map(int, months[0].split("-"))
    while f"{y:04d}-{m:02d}" <= months[-1]:
        key = f"{y:04d}-{m:02d}"
        out.append((key, said[key], did[key]))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _event_filters(q, engine: Engine, actor: str | None, recipient: str | None,
                   type: str | None, since: dt.date | None, until: dt.date | None):
    if actor:
        q = q.where(or_(events.c.actor_id.in_(select(actor_ids_matching(actor, engine).c.id)),
                        events.c.actor_code == actor.upper()))
    if recipient:
        q = q.where(or_(events.c.recipient_id.in_(select(actor_ids_matching(recipient, engine).c.id)),
                        events.c.recipient_code == recipient.upper()))
    return event_filters(q, type, since, until)


def event_filters(q, type: str | None = None, since=None, until=None):
    """The type and date filters every event query shares (store and web)."""
    if type:
        q = q.where(events.c.type == type.upper())
    if since:
        q = q.where(events.c.day >= since)
    if until:
        q = q.where(events.c.day <= until)
    return q


def search_events(engine: Engine, actor: str | None = None, recipient: str | None = None,
                  type: str | None = None, since: dt.date | None = None,
                  until: dt.date | None = None, limit: int | None = 50) -> list[dict]:
    q = (select(events.c.day.label("date"), events.c.actor_id.label("actor"), events.c.actor_code,
                events.c.type, events.c.mode, events.c.modality,
                events.c.recipient_id.label("recipient"), events.c.recipient_code,
                events.c.evidence, articles.c.ext_id.label("article"), events.c.article_key,
                events.c.idx)
         .select_from(events.join(articles, articles.c.key == events.c.article_key)))
    q = _event_filters(q, engine, actor, recipient, type, since, until)
    q = q.order_by(by_day(events.c.day), events.c.article_key, events.c.idx)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        return _rows(conn.execute(q))


def dyads(engine: Engine, actor: str | None = None, recipient: str | None = None,
          type: str | None = None, since: dt.date | None = None,
          until: dt.date | None = None) -> list[dict]:
    """A -> B event counts by type and month (actor codes stand in for unresolved actors)."""
    a = func.coalesce(events.c.actor_id, events.c.actor_code, literal("?")).label("actor")
    b = func.coalesce(events.c.recipient_id, events.c.recipient_code, literal("?")).label("recipient")
    n = func.count().label("events")
    q = (select(a, b, events.c.type, events.c.month, n)
         .select_from(events.join(articles, articles.c.key == events.c.article_key)))
    q = _event_filters(q, engine, actor, recipient, type, since, until)
    q = q.group_by(a, b, events.c.type, events.c.month).order_by(
        by_day(events.c.month), n.desc(), a, b, events.c.type)
    with engine.connect() as conn:
        return _rows(conn.execute(q))


def list_rejects(engine: Engine, limit: int | None = None) -> list[dict]:
    q = select(rejects.c.origin, rejects.c.record, rejects.c.reason, rejects.c.run_id).order_by(
        rejects.c.origin, rejects.c.record)
    if limit:
        q = q.limit(limit)
    with engine.connect() as conn:
        return _rows(conn.execute(q))


def stats(engine: Engine) -> dict:
    """Sizes of the record: articles, copies, findings, actors, rejects, runs, date span."""
    from chronicle.store.db import database_size

    def count(conn, q) -> int:
        return conn.execute(q).scalar() or 0

    with engine.connect() as conn:
        out = {
            "articles": count(conn, select(func.count()).select_from(articles).where(articles.c.copy_of.is_(None))),
            "near_copies": count(conn, select(func.count()).select_from(articles).where(articles.c.copy_of.is_not(None))),
            "exact_copies": count(conn, select(func.count()).select_from(copies)),
            "quotes": count(conn, select(func.count()).select_from(quotes)),
            "actors": count(conn, select(func.count()).select_from(actors)),
            "events": count(conn, select(func.count()).select_from(events)),
            "rejects": count(conn, select(func.count()).select_from(rejects)),
            "runs": count(conn, select(func.count()).select_from(runs)),
        }
        lo, hi = conn.execute(select(func.min(articles.c.date), func.max(articles.c.date))).one()
        out["first_date"], out["last_date"] = _iso(lo), _iso(hi)
        out["quotes_by_kind"] = dict(conn.execute(select(quotes.c.kind, func.count()).group_by(quotes.c.kind).order_by(quotes.c.kind)).all())
        out["events_by_type"] = dict(conn.execute(select(events.c.type, func.count()).group_by(events.c.type).order_by(func.count().desc(), events.c.type)).all())
    out["bytes"] = database_size(engine)
    return out


def canonical_dump(engine: Engine) -> dict[str, list[tuple]]:
    """Every table's content, sorted, without run bookkeeping: equal for equal records."""
    out: dict[str, list[tuple]] = {}
    with engine.connect() as conn:
        for table in TABLES:
            if table is runs:
                continue
            cols = [c for c in table.columns if c.name not in VOLATILE]
            rows = [tuple(_iso(v) for v in r) for r in conn.execute(select(*cols))]
            out[table.name] = sorted(rows, key=repr)
        if is_sqlite(engine):
            out["quotes_fts"] = sorted(conn.execute(text(
                "SELECT article_key, idx, content FROM quotes_fts")).all(), key=repr)
    return out
