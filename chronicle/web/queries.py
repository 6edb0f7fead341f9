"""The web layer's questions to the record, in SQLAlchemy Core (bound parameters only).

Every list takes ``limit``/``offset`` and fetches one row more than asked, so a page knows
whether another follows without counting the whole match (counts are slow on big corpora).
Near copies have no findings of their own; lists of articles leave them out.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import Engine, and_, false, func, literal, or_, select, text, union_all

from chronicle.store.db import is_sqlite
from chronicle.store.queries import (
    actor_ids_matching, by_day, event_filters, fts_match, pg_about, pg_words, quote_filters, terms_of,
)
from chronicle.store.schema import (
    actor_aliases, actor_roles, actors, articles, events, mentions, quotes, runs, timexes,
)


# "Not a near copy", written so that no index can serve it: every article but a few matches, and
# an index on copy_of made SQLite drive joins from it (all articles) instead of from the
# selective side (an actor's quotes, a full-text match). About 1000x on a 14k-article record.
_ORIGINAL = func.coalesce(articles.c.copy_of, literal("")) == literal("")


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, (dt.date, dt.datetime)) else v


def _rows(result) -> list[dict]:
    """Rows as dicts, dates as ISO strings (a column's type is read off its first non-null value:
    converting per value was most of an article's time)."""
    keys = list(result.keys())
    rows = result.all()
    out = [dict(zip(keys, r)) for r in rows]
    for i, k in enumerate(keys):
        first = next((r[i] for r in rows if r[i] is not None), None)
        if isinstance(first, (dt.date, dt.datetime)):
            for d in out:
                if d[k] is not None:
                    d[k] = d[k].isoformat()
    return out


def _page(conn, q, limit: int, offset: int) -> dict:
    """Run ``q`` for one page: {"items", "limit", "offset", "next_offset"}."""
    rows = _rows(conn.execute(q.limit(limit + 1).offset(offset)))
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset,
            "next_offset": offset + limit if more else None}


_CODE = re.compile(r"[A-Za-z]{2,8}")


def matching_ids(engine: Engine, name: str, limit: int = 500) -> list[str]:
    """Ids of the actors whose id, name or alias contains ``name`` (resolved first, so the
    finding queries can use their actor indexes and walk them in date order)."""
    with engine.connect() as conn:
        exact = conn.execute(select(actors.c.id).where(actors.c.id == name)).scalar()
        if exact:
            return [exact]
        sub = actor_ids_matching(name, engine)
        return list(conn.execute(select(sub.c.id).order_by(sub.c.id).limit(limit)).scalars())


def _id_filter(col, ids: list[str]):
    return col == ids[0] if len(ids) == 1 else col.in_(ids)


def _quote_hits(engine: Engine, words: str, latest: int | None = None):
    """A (article_key, idx, added) subquery of quotes whose content holds all ``words``.

    ``latest``: only the most recently stored that many matches, newest first by ``added``
    (SQLite: the FTS rowid, walked backwards by the FTS index itself; a common word's tens of
    thousands of matches are never joined and sorted). None: every match.
    """
    terms = terms_of(words)
    if not terms:  # "^": no word to look for, so no quote holds it (not: every quote)
        return (select(quotes.c.article_key, quotes.c.idx, literal(0).label("added"))
                .where(false()).subquery("hits"))
    if is_sqlite(engine):
        match = fts_match(terms)
        sql = "SELECT article_key, idx, rowid AS added FROM quotes_fts WHERE quotes_fts MATCH :m"
        if latest is not None:
            sql += " ORDER BY rowid DESC LIMIT :n"
        return (text(sql).bindparams(m=match, **({"n": latest} if latest is not None else {}))
                .columns(article_key=quotes.c.article_key.type, idx=quotes.c.idx.type,
                         added=quotes.c.idx.type)
                .subquery("hits"))
    return (select(quotes.c.article_key, quotes.c.idx, literal(0).label("added"))
            .where(pg_about("words").bindparams(words=pg_words(words)))
            .subquery("hits"))


# --- articles -----------------------------------------------------------------------------------

def list_articles(engine: Engine, words: str | None = None, since: dt.date | None = None,
                  until: dt.date | None = None, limit: int = 50, offset: int = 0) -> dict:
    """Articles, newest first; ``words`` must all occur in the title (case-insensitive)."""
    n_quotes = (select(func.count()).select_from(quotes)
                .where(quotes.c.article_key == articles.c.key).scalar_subquery())
    n_events = (select(func.count()).select_from(events)
                .where(events.c.article_key == articles.c.key).scalar_subquery())
    q = (select(articles.c.key, articles.c.ext_id.label("id"), articles.c.date, articles.c.title,
                articles.c.source, articles.c.url, articles.c.chars,
                n_quotes.label("quotes"), n_events.label("events"))
         .where(_ORIGINAL))
    terms = terms_of(words)
    if words and not terms:  # "%", "^": no word to look for, so no title holds it
        q = q.where(false())
    for t in terms:
        q = q.where(articles.c.title.icontains(t, autoescape=True))
    if since:
        q = q.where(articles.c.date >= since)
    if until:
        q = q.where(articles.c.date <= until)
    q = q.order_by(by_day(articles.c.date, newest_first=True), articles.c.key)
    with engine.connect() as conn:
        return _page(conn, q, limit, offset)


def get_article(engine: Engine, key: str) -> dict | None:
    """One article with its text and every finding (quotes, timexes, events, actor mentions)."""
    with engine.connect() as conn:
        row = conn.execute(select(
            articles.c.key, articles.c.ext_id.label("id"), articles.c.date, articles.c.title,
            articles.c.source, articles.c.url, articles.c.origin, articles.c.text,
            articles.c.copy_of, articles.c.similarity).where(articles.c.key == key)).first()
        if row is None:
            return None
        art = {k: _iso(v) for k, v in row._mapping.items()}
        src = art["copy_of"] or key  # a near copy shows its original's findings
        speaker_name = func.coalesce(actors.c.name, quotes.c.speaker_name, quotes.c.speaker)
        art["quotes"] = _rows(conn.execute(
            select(quotes.c.idx, quotes.c.kind, quotes.c.content, quotes.c.content_start,
                   quotes.c.content_end, quotes.c.cue, quotes.c.cue_start, quotes.c.speaker,
                   quotes.c.speaker_start, speaker_name.label("speaker_name"), quotes.c.actor_id,
                   quotes.c.role, quotes.c.said_on, quotes.c.day)
            .select_from(quotes.outerjoin(actors, actors.c.id == quotes.c.actor_id))
            .where(quotes.c.article_key == src).order_by(quotes.c.idx)))
        art["timexes"] = _rows(conn.execute(
            select(timexes.c.start, timexes.c.end, timexes.c.text, timexes.c.type,
                   timexes.c.value, timexes.c.mod)
            .where(timexes.c.article_key == src).order_by(timexes.c.start)))
        art["events"] = _rows(conn.execute(
            select(events.c.idx, events.c.type, events.c.mode, events.c.modality,
                   events.c.actor_id, events.c.actor_code, events.c.recipient_id,
                   events.c.recipient_code, events.c.date, events.c.day, events.c.trigger,
                   events.c.evidence, events.c.evidence_start, events.c.quote_idx)
            .where(events.c.article_key == src).order_by(events.c.idx)))
        art["mentions"] = _rows(conn.execute(
            select(mentions.c.start, mentions.c.end, mentions.c.actor_id, mentions.c.text)
            .where(mentions.c.article_key == src).order_by(mentions.c.start)))
        ids = {m["actor_id"] for m in art["mentions"]}
        ids |= {e[k] for e in art["events"] for k in ("actor_id", "recipient_id") if e[k]}
        ids |= {qq["actor_id"] for qq in art["quotes"] if qq["actor_id"]}
        art["actors"] = actor_names(conn, ids)
    if art["copy_of"]:
        # The findings' offsets index the original's text; show that text with them.
        original = get_article(engine, art["copy_of"])
        if original is not None:
            art["text"] = original["text"]
    return art


def names_for(engine: Engine, ids) -> dict[str, dict]:
    """Names (and type, country) of the actors with these ids."""
    with engine.connect() as conn:
        return actor_names(conn, ids)


def actor_names(conn, ids) -> dict[str, dict]:
    ids = sorted(i for i in ids if i)
    if not ids:
        return {}
    rows = conn.execute(select(actors.c.id, actors.c.name, actors.c.type, actors.c.country)
                        .where(actors.c.id.in_(ids)))
    return {r.id: {"id": r.id, "name": r.name, "type": r.type, "country": r.country} for r in rows}


# --- quotes -------------------------------------------------------------------------------------

def list_quotes(engine: Engine, speaker: str | None = None, words: str | None = None,
                since: dt.date | None = None, until: dt.date | None = None,
                kind: str | None = None, actor_id: str | None = None, newest_first: bool = False,
                recently_added: bool = False, limit: int = 50, offset: int = 0) -> dict:
    """Quotes with who said them and where; ``speaker`` matches a name, alias or id."""
    speaker_name = func.coalesce(actors.c.name, quotes.c.speaker_name, quotes.c.speaker)
    q = (select(quotes.c.day.label("date"), speaker_name.label("speaker"), quotes.c.actor_id,
                quotes.c.kind, quotes.c.content, quotes.c.cue, quotes.c.role,
                articles.c.title, articles.c.ext_id.label("article"),
                quotes.c.article_key, quotes.c.idx)
         .select_from(quotes.join(articles, articles.c.key == quotes.c.article_key)
                      .outerjoin(actors, actors.c.id == quotes.c.actor_id))
         .where(_ORIGINAL))
    if actor_id:
        q = q.where(quotes.c.actor_id == actor_id)
    if speaker:
        q = q.where(_id_filter(quotes.c.actor_id, matching_ids(engine, speaker)))
    recent = recently_added and words and is_sqlite(engine)
    hits = _quote_hits(engine, words, latest=offset + limit + 1 if recent else None) if words else None
    if hits is not None:
        q = q.join(hits, and_(hits.c.article_key == quotes.c.article_key,
                              hits.c.idx == quotes.c.idx))
    q = quote_filters(q, since, until, kind)
    if recent and hits is not None:
        q = q.order_by(hits.c.added.desc())
    elif recently_added and words:
        # PostgreSQL keeps no order of storing: the latest ingest run's quotes first, newest
        # first within a run (it had fallen back to oldest first)
        q = q.order_by(articles.c.run_id.desc().nulls_last(), by_day(quotes.c.day, newest_first=True),
                       quotes.c.article_key, quotes.c.idx)
    elif newest_first:
        q = q.order_by(by_day(quotes.c.day, newest_first=True), quotes.c.article_key, quotes.c.idx)
    else:
        q = q.order_by(by_day(quotes.c.day), quotes.c.article_key, quotes.c.idx)
    with engine.connect() as conn:
        return _page(conn, q, limit, offset)


# --- actors -------------------------------------------------------------------------------------

def _with_aliases_roles(conn, rows: list[dict]) -> None:
    ids = [r["id"] for r in rows]
    aliases: dict[str, list[str]] = {i: [] for i in ids}
    roles: dict[str, list[dict]] = {i: [] for i in ids}
    if ids:
        for aid, alias in conn.execute(
                select(actor_aliases.c.actor_id, actor_aliases.c.alias)
                .where(actor_aliases.c.actor_id.in_(ids))
                .order_by(actor_aliases.c.articles.desc(), actor_aliases.c.alias)):
            aliases[aid].append(alias)
        for r in conn.execute(
                select(actor_roles.c.actor_id, actor_roles.c.role, actor_roles.c.first_seen,
                       actor_roles.c.last_seen, actor_roles.c.articles)
                .where(actor_roles.c.actor_id.in_(ids))
                .order_by(by_day(actor_roles.c.last_seen, newest_first=True), actor_roles.c.role)):
            roles[r.actor_id].append({"role": r.role, "first_seen": _iso(r.first_seen),
                                      "last_seen": _iso(r.last_seen), "articles": r.articles})
    for r in rows:
        r["aliases"] = aliases[r["id"]]
        r["roles"] = roles[r["id"]]


_ACTOR_COLS = (actors.c.id, actors.c.name, actors.c.type, actors.c.country, actors.c.sector,
               actors.c.code, actors.c.articles, actors.c.mentions, actors.c.quotes,
               actors.c.events, actors.c.first_seen, actors.c.last_seen)


def list_actors(engine: Engine, name: str | None = None, type: str | None = None,
                limit: int = 50, offset: int = 0, identified: bool = False) -> dict:
    """Actors, most quoted then most mentioned first, with aliases and roles; ``identified``:
    not the UNKNOWN ones (a transcript's "Q", an unresolved "I")."""
    q = select(*_ACTOR_COLS)
    if identified:
        q = q.where(actors.c.type != "UNKNOWN")
    if name:
        q = q.where(actors.c.id.in_(select(actor_ids_matching(name, engine).c.id)))
    if type:
        q = q.where(actors.c.type == type.upper())
    q = q.order_by(actors.c.quotes.desc(), actors.c.mentions.desc(), actors.c.id)
    with engine.connect() as conn:
        page = _page(conn, q, limit, offset)
        _with_aliases_roles(conn, page["items"])
    return page


def get_actor(engine: Engine, actor_id: str) -> dict | None:
    with engine.connect() as conn:
        row = conn.execute(select(*_ACTOR_COLS).where(actors.c.id == actor_id)).first()
        if row is None:
            return None
        out = [{k: _iso(v) for k, v in row._mapping.items()}]
        _with_aliases_roles(conn, out)
    return out[0]


def week_of(day: str) -> str:
    """The Monday (ISO date) of the week holding ``day`` (an ISO date)."""
    d = dt.date.fromisoformat(day[:10])
    return (d - dt.timedelta(days=d.weekday())).isoformat()


def actor_activity(engine: Engine, actor_id: str) -> dict:
    """Statements (by kind) and events (by PLOVER type, as actor or recipient) per week."""
    # Near copies have no findings (ingest never analyzes them), so counting needs no join.
    said = (select(quotes.c.day.label("day"), quotes.c.kind.label("type"),
                   literal("said").label("what"), func.count().label("n"))
            .where(quotes.c.actor_id == actor_id, quotes.c.day.is_not(None))
            .group_by(quotes.c.day, quotes.c.kind))
    did = (select(events.c.day.label("day"), events.c.type.label("type"),
                  literal("did").label("what"), func.count().label("n"))
           .where(or_(events.c.actor_id == actor_id, events.c.recipient_id == actor_id),
                  events.c.day.is_not(None))
           .group_by(events.c.day, events.c.type))
    weeks: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    with engine.connect() as conn:
        for day, typ, what, n in conn.execute(union_all(said, did)):
            key = ("said:" if what == "said" else "event:") + typ
            weeks[week_of(_iso(day))][key] += n
            totals[key] += n
    return {"weeks": weeks_between(weeks), "totals": dict(totals)}


def activity_between(activity: dict, since: dt.date | None, until: dt.date | None) -> dict:
    """``actor_activity``'s weeks that overlap [since, until], and their totals."""
    lo = week_of(since.isoformat()) if since else None
    hi = until.isoformat() if until else None
    weeks = [w for w in activity["weeks"] if (lo is None or w["week"] >= lo) and (hi is None or w["week"] <= hi)]
    totals: Counter = Counter()
    for w in weeks:
        totals.update(w["counts"])
    return {"weeks": weeks, "totals": dict(totals)}


def weeks_between(weeks: dict[str, Counter]) -> list[dict]:
    """Every week from the first to the last with activity, empty weeks included."""
    if not weeks:
        return []
    first, last = dt.date.fromisoformat(min(weeks)), dt.date.fromisoformat(max(weeks))
    out, d = [], first
    while d <= last:
        key = d.isoformat()
        out.append({"week": key, "counts": dict(weeks.get(key, {}))})
        d += dt.timedelta(days=7)
    return out


def actor_timeline(engine: Engine, actor_id: str, since: dt.date | None = None,
                   until: dt.date | None = None, limit: int = 50, offset: int = 0,
                   statements: bool = True) -> dict:
    """What the actor said and did, or had done to it, newest first (one page); without
    ``statements``, only what it did and had done to it."""
    said = (select(quotes.c.day.label("date"), literal("said").label("what"),
                   quotes.c.kind.label("type"), literal(None).label("other"),
                   quotes.c.content.label("text"), articles.c.ext_id.label("article"),
                   quotes.c.article_key, quotes.c.idx)
            .select_from(quotes.join(articles, articles.c.key == quotes.c.article_key))
            .where(quotes.c.actor_id == actor_id, _ORIGINAL))
    did = (select(events.c.day.label("date"), literal("did").label("what"), events.c.type,
                  events.c.recipient_id.label("other"), events.c.evidence.label("text"),
                  articles.c.ext_id.label("article"), events.c.article_key, events.c.idx)
           .select_from(events.join(articles, articles.c.key == events.c.article_key))
           .where(events.c.actor_id == actor_id, _ORIGINAL))
    got = (select(events.c.day.label("date"), literal("target of").label("what"), events.c.type,
                  events.c.actor_id.label("other"), events.c.evidence.label("text"),
                  articles.c.ext_id.label("article"), events.c.article_key, events.c.idx)
           .select_from(events.join(articles, articles.c.key == events.c.article_key))
           .where(events.c.recipient_id == actor_id, _ORIGINAL))
    parts = []
    chosen = ((said, quotes.c.day, quotes),) if statements else ()
    for part, day, t in chosen + ((did, events.c.day, events), (got, events.c.day, events)):
        if since:
            part = part.where(day >= since)
        if until:
            part = part.where(day <= until)
        # Each part brings only its newest offset+limit+1 rows (its index gives them in date
        # order), so a prolific actor's page does not sort everything they ever said.
        part = part.order_by(by_day(day, newest_first=True), t.c.article_key, t.c.idx).limit(offset + limit + 1)
        parts.append(select(part.subquery()))
    u = union_all(*parts).subquery("t")
    q = select(u).order_by(by_day(u.c.date, newest_first=True), u.c.article_key, u.c.what, u.c.idx)
    with engine.connect() as conn:
        return _page(conn, q, limit, offset)


def interactions(engine: Engine, actor_id: str, limit: int = 20) -> list[dict]:
    """The actors this one acts on or is acted on by: events each way, most first."""
    out_q = (select(events.c.recipient_id.label("other"), func.count().label("n"))
             .where(events.c.actor_id == actor_id, events.c.recipient_id.is_not(None))
             .group_by(events.c.recipient_id))
    in_q = (select(events.c.actor_id.label("other"), func.count().label("n"))
            .where(events.c.recipient_id == actor_id, events.c.actor_id.is_not(None))
            .group_by(events.c.actor_id))
    to: Counter = Counter()
    frm: Counter = Counter()
    with engine.connect() as conn:
        for other, n in conn.execute(out_q):
            to[other] += n
        for other, n in conn.execute(in_q):
            frm[other] += n
        others = sorted(set(to) | set(frm), key=lambda o: (-(to[o] + frm[o]), o))[:limit]
        names = actor_names(conn, others)
    return [{"id": o, "name": names.get(o, {}).get("name", o), "known": o in names,
             "to": to[o], "from": frm[o]}
            for o in others if o != actor_id]


# --- events -------------------------------------------------------------------------------------

def _event_select():
    return (select(events.c.day.label("date"), events.c.actor_id.label("actor"),
                   events.c.actor_code, events.c.type, events.c.mode, events.c.modality,
                   events.c.recipient_id.label("recipient"), events.c.recipient_code,
                   events.c.trigger, events.c.evidence, articles.c.ext_id.label("article"),
                   articles.c.title, events.c.article_key, events.c.idx)
            .select_from(events.join(articles, articles.c.key == events.c.article_key))
            .where(_ORIGINAL))


def list_events(engine: Engine, actor: str | None = None, recipient: str | None = None,
                type: str | None = None, since: dt.date | None = None,
                until: dt.date | None = None, newest_first: bool = False,
                limit: int = 50, offset: int = 0) -> dict:
    """PLOVER events; ``actor``/``recipient`` match a name, alias, id or a code (RUS, NATO)."""
    q = _event_select()
    for who, id_col, code_col in ((actor, events.c.actor_id, events.c.actor_code),
                                  (recipient, events.c.recipient_id, events.c.recipient_code)):
        if not who:
            continue
        cond = _id_filter(id_col, matching_ids(engine, who))
        if _CODE.fullmatch(who):  # may be a code (RUS, NATO): unresolved actors have only that
            cond = or_(cond, code_col == who.upper())
        q = q.where(cond)
    q = event_filters(q, type, since, until)
    if newest_first:
        q = q.order_by(by_day(events.c.day, newest_first=True), events.c.article_key, events.c.idx)
    else:
        q = q.order_by(by_day(events.c.day), events.c.article_key, events.c.idx)
    with engine.connect() as conn:
        return _page(conn, q, limit, offset)


def dyad(engine: Engine, a: str, b: str, limit: int = 100, offset: int = 0,
         summary: dict | None = None) -> dict:
    """Events from actor ``a`` to actor ``b`` (exact ids): a page of them, newest first, with
    ``dyad_summary`` (pass it in when cached)."""
    cond = and_(events.c.actor_id == a, events.c.recipient_id == b)
    q = _event_select().where(cond).order_by(by_day(events.c.day, newest_first=True), events.c.article_key,
                                             events.c.idx)
    with engine.connect() as conn:
        page = _page(conn, q, limit, offset)
    page.update(summary if summary is not None else dyad_summary(engine, a, b))
    return page


def dyad_summary(engine: Engine, a: str, b: str) -> dict:
    """Counts of events from ``a`` to ``b`` per week and type, and how many go from b to a."""
    cond = and_(events.c.actor_id == a, events.c.recipient_id == b)
    weekly = (select(events.c.day, events.c.type, func.count())
              .where(cond, events.c.day.is_not(None))
              .group_by(events.c.day, events.c.type))
    weeks: dict[str, Counter] = defaultdict(Counter)
    totals: Counter = Counter()
    with engine.connect() as conn:
        for day, typ, n in conn.execute(weekly):
            weeks[week_of(_iso(day))]["event:" + typ] += n
            totals["event:" + typ] += n
        back = conn.execute(select(func.count()).select_from(events).where(
            events.c.actor_id == b, events.c.recipient_id == a)).scalar() or 0
    return {"weeks": weeks_between(weeks), "totals": dict(totals), "reverse_events": back}


# --- search -------------------------------------------------------------------------------------

def search(engine: Engine, words: str, limit: int = 20, offset: int = 0) -> dict:
    """Quotes (full text), articles (title) and actors (name, alias, id) matching ``words``."""
    return {
        "query": words,
        "actors": list_actors(engine, name=words.strip(), limit=limit, offset=offset) if words.strip() else
        {"items": [], "limit": limit, "offset": offset, "next_offset": None},
        # Most recently stored first: instant however common the word (see _quote_hits);
        # /api/quotes?q=... gives every match in date order.
        "quotes": list_quotes(engine, words=words, newest_first=True, recently_added=True,
                              limit=limit, offset=offset)
        if terms_of(words) else {"items": [], "limit": limit, "offset": offset, "next_offset": None},
        "articles": list_articles(engine, words=words, limit=limit, offset=offset)
        if terms_of(words) else {"items": [], "limit": limit, "offset": offset, "next_offset": None},
    }


def overview(engine: Engine) -> dict:
    """A few numbers for the front page."""
    with engine.connect() as conn:
        n_articles = conn.execute(select(func.count()).select_from(articles)
                                  .where(_ORIGINAL)).scalar() or 0
        n_quotes = conn.execute(select(func.count()).select_from(quotes)).scalar() or 0
        n_events = conn.execute(select(func.count()).select_from(events)).scalar() or 0
        n_actors = conn.execute(select(func.count()).select_from(actors)).scalar() or 0
        lo, hi = conn.execute(select(func.min(articles.c.date), func.max(articles.c.date))).one()
    return {"articles": n_articles, "quotes": n_quotes, "events": n_events, "actors": n_actors,
            "first_date": _iso(lo), "last_date": _iso(hi)}


def record_version(engine: Engine) -> tuple:
    """Changes whenever an ingest run starts, stores more articles or finishes (a cache key)."""
    with engine.connect() as conn:
        return tuple(conn.execute(select(func.max(runs.c.id), func.max(runs.c.finished),
                                         func.sum(runs.c.stored), func.count())).one())
