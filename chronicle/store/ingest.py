"""`chronicle ingest`: read, recognize copies, analyze what is new, store each article atomically.

Flow (one process writes; ``--workers`` processes analyze)::

    read_paths --> decide (main side, cheap) --> Pipeline.stream --> write, one transaction each
                   | key already stored / seen     -> duplicate (a `copies` link, no analysis)
                   | MinHash near an original      -> near copy (article row with copy_of)
                   | Reject from a reader, empty   -> rejects table
                   | otherwise                     -> analyzed, stored with all its findings

Decisions are queued in input order; the writer drains the queue as analyses come back (the
pipeline keeps input order), so an article is always written before any copy that links to it.
A SIGKILL at any point loses at most uncommitted work: the rerun decides the same way (keys and
signatures of committed articles are read back at start) and writes the same rows.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Iterable, Iterator
from itertools import chain
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Connection, Engine, and_, case, delete, func, insert, or_, select, text, update
from sqlalchemy.exc import DataError, IntegrityError

from chronicle.model import Analysis, Article, Reject
from chronicle.read.dispatch import STDIN_ORIGIN
from chronicle.store import dedup
from chronicle.store.db import begin_write, connect, index_actor_names, is_sqlite
from chronicle.store.schema import (
    actor_aliases, actor_roles, actors, articles, copies, events, mentions, quotes, rejects, runs,
    timexes,
)

MULTI_RECORD_SUFFIXES = {".jsonl", ".ndjson", ".csv", ".tsv", ".warc", ".gz", ".arc"}


@dataclass
class Summary:
    run_id: int = 0
    read: int = 0
    stored: int = 0
    copies: int = 0  # near copies stored and linked to their first article
    duplicates: int = 0  # exact duplicates: already in the record or same text as another record
    already_stored: int = 0
    rejected: int = 0
    reasons: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {"run_id": self.run_id, "read": self.read, "stored": self.stored,
                "copies": self.copies, "duplicates": self.duplicates,
                "already_stored": self.already_stored, "rejected": self.rejected,
                "reasons": dict(self.reasons), "seconds": round(self.seconds, 3)}


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _day(value: str | None, fallback: dt.date | None) -> dt.date | None:
    if value and len(value) == 10:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return fallback


def reject_reason_kind(reason: str) -> str:
    """The reason without the record-specific details (for counting reasons)."""
    return reason.split(":", 1)[0].strip()


# --- writing one decision -----------------------------------------------------------------------

def _article_row(a: Article, key: str, run_id: int, **extra) -> dict:
    return {"key": key, "ext_id": a.id or "", "date": a.date, "title": a.title, "source": a.source,
            "url": a.url, "origin": a.origin, "text": a.text, "chars": len(a.text),
            "meta": json.dumps(a.meta, ensure_ascii=False, default=str) if a.meta else None,
            "run_id": run_id, "copy_of": None, "similarity": None, "minhash": None, **extra}


def write_analysis(conn: Connection, analysis: Analysis, key: str, minhash: bytes | None,
                   run_id: int) -> bool:
    """All rows of one analyzed article (call inside one transaction); False, writing nothing,
    when another run (an ingest at the same time) has stored this key since this run began."""
    a = analysis.article
    if not _upsert_ignore(conn, articles, _article_row(a, key, run_id, minhash=minhash), ["key"]):
        return False

    quote_rows = []
    for i, q in enumerate(analysis.quotes):
        sp = q.speaker
        quote_rows.append({
            "article_key": key, "idx": i, "kind": q.kind, "content": q.content.text,
            "content_start": q.content.start, "content_end": q.content.end,
            "cue": q.cue.text if q.cue else None, "cue_start": q.cue.start if q.cue else None,
            "speaker": sp.text if sp else None, "speaker_start": sp.start if sp else None,
            "speaker_name": sp.name if sp else None, "actor_id": sp.actor_id if sp else None,
            "role": sp.role if sp else None, "affiliation": sp.affiliation if sp else None,
            "mention_type": sp.mention_type if sp else None, "said_on": q.said_on,
            "day": _day(q.said_on, a.date), "sentence": q.sentence.text if q.sentence else None,
            "parts": json.dumps([p.to_dict() for p in q.parts]) if len(q.parts) > 1 else None,
        })
    if quote_rows:
        conn.execute(insert(quotes), quote_rows)
        if is_sqlite(conn.engine):
            conn.execute(text("INSERT INTO quotes_fts (content, article_key, idx) VALUES (:c, :k, :i)"),
                         [{"c": r["content"], "k": key, "i": r["idx"]} for r in quote_rows])

    seen_starts: set[int] = set()
    mention_rows = []
    for actor in analysis.actors:
        for m in actor.mentions:
            if m.start not in seen_starts:  # one actor per mention offset
                seen_starts.add(m.start)
                mention_rows.append({"article_key": key, "start": m.start, "end": m.end,
                                     "actor_id": actor.id, "text": m.text})
    if mention_rows:
        conn.execute(insert(mentions), mention_rows)

    timex_rows, seen_starts = [], set()
    for t in analysis.timexes:
        if t.start not in seen_starts:
            seen_starts.add(t.start)
            timex_rows.append({"article_key": key, "start": t.start, "end": t.end, "text": t.text,
                               "type": t.type, "value": t.value, "mod": t.mod})
    if timex_rows:
        conn.execute(insert(timexes), timex_rows)

    event_rows = []
    for i, e in enumerate(analysis.events):
        day = _day(e.date, a.date)
        event_rows.append({
            "article_key": key, "idx": i, "type": e.type, "mode": e.mode, "context": e.context,
            "actor_id": e.actor, "actor_code": e.actor_code, "recipient_id": e.recipient,
            "recipient_code": e.recipient_code, "date": e.date, "day": day,
            "month": day.isoformat()[:7] if day else None, "modality": e.modality,
            "quote_idx": e.quote, "trigger": e.trigger.text if e.trigger else None,
            "evidence": e.evidence.text, "evidence_start": e.evidence.start,
        })
    if event_rows:
        conn.execute(insert(events), event_rows)

    _update_actors(conn, analysis)
    return True


def _upsert_ignore(conn: Connection, table, row: dict, keys: list[str]) -> int:
    """Insert ``row`` unless its key exists; return how many rows were inserted (0 or 1)."""
    dialect = conn.engine.dialect.name
    if dialect == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    # RETURNING tells: psycopg's rowcount is -1 for an INSERT that SQLAlchemy gave a RETURNING
    return len(conn.execute(dialect_insert(table).values(**row)
                            .on_conflict_do_nothing(index_elements=keys)
                            .returning(table.c[keys[0]])).all())


def _widen(col, day: dt.date | None, earliest: bool):
    if day is None:
        return col
    further = col > day if earliest else col < day
    return case((col.is_(None), day), (further, day), else_=col)


def _update_actors(conn: Connection, analysis: Analysis) -> None:
    """Extend the cross-article identities with this article: counts, aliases, roles, dates."""
    day = analysis.article.date
    quote_counts = Counter(q.speaker.actor_id for q in analysis.quotes if q.speaker and q.speaker.actor_id)
    event_counts = Counter()
    for e in analysis.events:
        for aid in {e.actor, e.recipient} - {None}:
            event_counts[aid] += 1
    known = {a.id: a for a in analysis.actors}
    # A speaker the actors stage did not list still gets an identity (its id and name).
    extra = {q.speaker.actor_id: q.speaker for q in analysis.quotes
             if q.speaker and q.speaker.actor_id and q.speaker.actor_id not in known}
    entries = [(a.id, a.name, a.type, a.country, a.sector, a.code, a.role,
                list(dict.fromkeys([a.name, *a.aliases])), len(a.mentions)) for a in analysis.actors]
    entries += [(aid, sp.name or sp.text, "UNKNOWN", None, None, None, sp.role,
                 [sp.name or sp.text], 0) for aid, sp in sorted(extra.items())]
    names_index = is_sqlite(conn.engine)  # actor_names_fts: SQLite's index of names
    for aid, name, typ, country, sector, code, role, aliases, n_mentions in entries:
        if _upsert_ignore(conn, actors, {"id": aid, "name": name, "type": typ, "articles": 0,
                                         "mentions": 0, "quotes": 0, "events": 0}, ["id"]) \
                and names_index:
            index_actor_names(conn, [(aid, aid), *([(name, aid)] if name else [])])
        c = actors.c
        conn.execute(update(actors).where(c.id == aid).values(
            articles=c.articles + 1, mentions=c.mentions + n_mentions,
            quotes=c.quotes + quote_counts.get(aid, 0), events=c.events + event_counts.get(aid, 0),
            country=func.coalesce(c.country, country), sector=func.coalesce(c.sector, sector),
            code=func.coalesce(c.code, code),
            first_seen=_widen(c.first_seen, day, True), last_seen=_widen(c.last_seen, day, False)))
        for alias in aliases:
            if alias:
                if _upsert_ignore(conn, actor_aliases, {"actor_id": aid, "alias": alias,
                                                        "articles": 0}, ["actor_id", "alias"]) \
                        and names_index:
                    index_actor_names(conn, [(alias, aid)])
                conn.execute(update(actor_aliases).where(and_(
                    actor_aliases.c.actor_id == aid, actor_aliases.c.alias == alias)).values(
                    articles=actor_aliases.c.articles + 1))
        if role:
            r = actor_roles.c
            _upsert_ignore(conn, actor_roles, {"actor_id": aid, "role": role, "articles": 0},
                           ["actor_id", "role"])
            conn.execute(update(actor_roles).where(and_(r.actor_id == aid, r.role == role)).values(
                articles=r.articles + 1, first_seen=_widen(r.first_seen, day, True),
                last_seen=_widen(r.last_seen, day, False)))


def write_copy(conn: Connection, a: Article, key: str, original: str, similarity: float,
               run_id: int) -> bool:
    """The near copy's row; False when another run has stored this key meanwhile."""
    return bool(_upsert_ignore(conn, articles, _article_row(a, key, run_id, copy_of=original,
                                                            similarity=round(similarity, 4)), ["key"]))


def write_duplicate(conn: Connection, a: Article, key: str, run_id: int) -> bool:
    """Link an exact duplicate to the stored article; False when this very record is known."""
    row = conn.execute(select(articles.c.origin, articles.c.ext_id).where(articles.c.key == key)).first()
    if row is None:
        raise RuntimeError(f"duplicate of {key} written before its original")  # never: input order
    if row.ext_id == (a.id or "") and _same_place(row.origin, a.origin):
        return False
    known = conn.execute(select(copies.c.origin).where(and_(
        copies.c.article_key == key, copies.c.ext_id == (a.id or "")))).scalars().all()
    if any(_same_place(o, a.origin) for o in known):
        return False
    # another run may link the same record at the same time: the first link counts
    return bool(_upsert_ignore(conn, copies, {"article_key": key, "origin": a.origin or "",
                                              "ext_id": a.id or "", "url": a.url, "date": a.date,
                                              "run_id": run_id}, ["article_key", "origin", "ext_id"]))


def _same_place(stored: str | None, origin: str | None) -> bool:
    """The same file (and line) named two ways: "good/a.txt" and "/tmp/x/good/a.txt", one path
    the other's tail. (Ids and texts are equal already: this is a re-read, not a copy.)"""
    a = (stored or "").replace("\\", "/").removeprefix("./")
    b = (origin or "").replace("\\", "/").removeprefix("./")
    return a == b or bool(a and b) and (a.endswith("/" + b) or b.endswith("/" + a))


def _db_message(exc: Exception) -> str:
    """The driver's own words, first line: "DataError: PostgreSQL text fields cannot contain NUL"."""
    orig = getattr(exc, "orig", None) or exc
    return f"{orig.__class__.__name__}: {(str(orig).splitlines() or [''])[0]}"


def _printable(value: str) -> str:
    """A NUL shown as \\x00: the reject of a record PostgreSQL refused must itself be storable."""
    return value.replace("\x00", "\\x00")


def write_reject(conn: Connection, r: Reject, run_id: int) -> None:
    """Keep the reject; a record rejected again for another reason says the new one."""
    # the same file named another way ("corpus/x.jsonl", "/tmp/qa1/corpus/x.jsonl") is the same
    # place: a local file's reject is kept under its absolute path, so one reject per record and
    # an indexed look-up (no scan of the table per stored article)
    r = Reject(_printable(place_of(r.origin or "")), _printable(str(r.record)), _printable(r.reason))
    where = and_(rejects.c.origin == r.origin, rejects.c.record == r.record)
    known = conn.execute(select(rejects.c.reason).where(where)).scalar()
    if known is None:
        _upsert_ignore(conn, rejects, {"origin": r.origin, "record": str(r.record), "reason": r.reason,
                                       "run_id": run_id}, ["origin", "record"])
    elif known != r.reason:
        conn.execute(update(rejects).where(where).values(reason=r.reason, run_id=run_id))


def place_of(origin: str) -> str:
    """A reject's file as an absolute path (its ":line" kept) when it names a local file;
    standard input, URIs and records of archives as they are."""
    path, line = _file_and_line(origin)
    return path if line is None else f"{path}:{line}"


def _file_and_line(origin: str) -> tuple[str, str | None]:
    """(file, line number or None) of an origin, a local file's path made absolute."""
    m = _LINE.fullmatch(origin)
    path, line = (m.group(1), m.group(2)) if m and not os.path.exists(origin) else (origin, None)
    if path and not path.startswith(STDIN_ORIGIN) and "://" not in path and os.path.exists(path):
        path = os.path.abspath(path)
    return path, line


_LINE = re.compile(r"(.*):(\d+)")


def clear_reject(conn: Connection, a: Article) -> None:
    """A record once rejected and now read (its file fixed): its reject goes. A one-article
    file's reject is named by the file, a line's by the file and the line number; the file may
    be named another way than when it was rejected. Standard input is no file: its line 2 in
    this run is not the line 2 of an earlier run, so its rejects stay."""
    if not a.origin or a.origin.startswith(STDIN_ORIGIN):
        return
    # a one-article file's reject is (file, file name); a line's is (file, line number)
    path, line = _file_and_line(a.origin)
    if line is not None:
        conn.execute(delete(rejects).where(and_(rejects.c.origin == path, rejects.c.record == line)))
    conn.execute(delete(rejects).where(rejects.c.origin == (path if line is None else f"{path}:{line}")))


# --- the run --------------------------------------------------------------------------------------

def count_inputs(paths: Iterable[str]) -> int | None:
    """How many records to expect (for the ETA): one per file, or None when a file may hold many."""
    def count(name: str) -> int:
        if Path(name).suffix.lower() in MULTI_RECORD_SUFFIXES:
            raise LookupError(name)
        return 1

    n = 0
    try:
        for p in paths:
            if p == "-":
                return None
            if os.path.isdir(p):
                for _root, _dirs, files in os.walk(p):
                    n += sum(count(f) for f in files if not f.startswith("."))
            else:
                n += count(p)
    except LookupError:
        return None
    return n


class _Decider:
    """Decides each record's fate in input order, before analysis; yields the articles to analyze."""

    def __init__(self, keys: set[str], index: dedup.NearCopyIndex, window: int | None,
                 on_read=None):
        self.keys = keys
        self.index = index
        self.queue: deque = deque()
        self.slots = threading.Semaphore(window) if window else None
        self.on_read = on_read

    def __call__(self, records: Iterable[Article | Reject]) -> Iterator[Article]:
        for rec in records:
            if self.on_read:
                self.on_read()
            if isinstance(rec, Reject):
                self.queue.append(("reject", rec))
                continue
            if not rec.text or not rec.text.strip():
                self.queue.append(("reject", Reject(rec.origin or rec.id, rec.id, "empty text")))
                continue
            key = dedup.article_key(rec.text)
            if key in self.keys:
                self.queue.append(("duplicate", Article(id=rec.id, text="", date=rec.date,
                                                        url=rec.url, origin=rec.origin), key))
                continue
            self.keys.add(key)
            m = dedup.minhash(rec.text)
            if m is not None:
                hit = self.index.first_copy_of(m, rec.date)
                if hit is not None:
                    self.queue.append(("copy", rec, key, hit))
                    continue
                self.index.add(key, m, rec.date)
            if self.slots:
                self.slots.acquire()  # bounds how far reading runs ahead of the analysis
            self.queue.append(("analyze", rec, key, dedup.to_bytes(m) if m is not None else None))
            yield rec


def load_known(conn: Connection) -> tuple[set[str], dedup.NearCopyIndex]:
    """Keys of every stored article and the LSH index of stored originals."""
    keys = set(conn.execute(select(articles.c.key)).scalars())
    index = dedup.NearCopyIndex()
    rows = conn.execute(select(articles.c.key, articles.c.minhash, articles.c.date).where(
        articles.c.copy_of.is_(None), articles.c.minhash.is_not(None)).order_by(articles.c.key))
    for key, sig, date in rows:
        index.add(key, dedup.from_bytes(sig), date)
    return keys, index


def ingest(paths: list[str] | None = None, db: str | None = None, *, engine: Engine | None = None,
           records: Iterable[Article | Reject] | None = None, date: dt.date | None = None,
           workers: int = 1, batch_size: int = 16, model: str | None = None, pipeline=None,
           progress: bool | None = None, report=None) -> Summary:
    """Store every article under ``paths`` (or the given ``records``) in the record at ``db``.

    ``pipeline`` is anything with ``stream(articles, batch_size, workers)`` yielding, in input
    order, an Analysis per article, or a Reject naming an article whose analysis failed
    (default: chronicle's Pipeline on ``model``). ``report(kind, record)`` is called for each
    reject as it is met.
    """
    from chronicle.api import DEFAULT_MODEL

    model = model or DEFAULT_MODEL
    engine = engine or connect(db)
    t0 = time.perf_counter()
    summary = Summary()
    with begin_write(engine) as conn:
        summary.run_id = conn.execute(insert(runs).values(
            started=_now(), status="running", command=" ".join(sys.argv)[:2000],
            model=model, read=0, stored=0, copies=0, duplicates=0, rejected=0)
        ).inserted_primary_key[0]
        keys, index = load_known(conn)
    try:
        return _ingest(engine, summary, t0, keys, index, paths, records, date, workers, batch_size,
                       model, pipeline, progress, report)
    except KeyboardInterrupt:  # Ctrl-C: say so, with the counts of what was committed
        _save_run(engine, summary, "interrupted")
        raise
    except Exception:
        _save_run(engine, summary, "failed")  # what was stored stays; a re-run goes on from there
        raise


def _ingest(engine, summary, t0, keys, index, paths, records, date, workers, batch_size, model,
            pipeline, progress, report) -> Summary:
    if records is None:
        from chronicle.read import read_paths

        records = read_paths(list(paths or []), date=date)
    run_id = summary.run_id
    total = count_inputs(paths) if paths else None

    with _progress_bar(progress) as bar:
        task = bar.add_task("ingesting", total=total, rate="") if bar else None

        def on_read():
            summary.read += 1

        decider = _Decider(keys, index, window=max(64, batch_size * workers * 4) if workers > 1 else None,
                           on_read=on_read)
        done = 0

        # keys whose analysis failed or whose rows could not be stored this run: nothing may link
        # to them (their copies are rejected, naming why)
        failed: dict[str, str] = {}

        def reject(r: Reject) -> None:
            with begin_write(engine) as conn:
                write_reject(conn, r, run_id)
            summary.rejected += 1
            summary.reasons[reject_reason_kind(r.reason)] += 1
            if report:
                report("reject", r)

        def store(a: Article, key: str, write) -> tuple[bool, object]:
            """``write(conn)`` in the article's own transaction. A write error caused by the
            record's content (PostgreSQL refuses a NUL character in text, say) rolls back this
            article only and rejects it, naming it: the batch goes on. A database that is gone,
            locked or full (OperationalError) still stops the run."""
            try:
                with begin_write(engine) as conn:
                    return True, write(conn)
            except (DataError, IntegrityError) as exc:
                failed[key] = "rows could not be stored"
                reject(Reject(a.origin or a.id, a.id, f"cannot be stored: {_db_message(exc)}"))
                return False, None

        def finish(item) -> None:
            nonlocal done
            kind = item[0]
            if kind == "analyze":
                raise AssertionError("analyze items are written with their analysis")
            lost = failed.get(item[2]) if kind == "duplicate" else \
                failed.get(item[3][0]) if kind == "copy" else None
            if lost:
                a = item[1]
                item = ("reject", Reject(a.origin or a.id, a.id, f"copy of a record whose {lost} "
                                                                 "in this run"))
                kind = "reject"
            if kind == "reject":
                reject(item[1])
            elif kind == "duplicate":
                _, a, key = item

                def link(conn):
                    clear_reject(conn, a)
                    return write_duplicate(conn, a, key, run_id)

                ok, linked = store(a, key, link)
                if ok:
                    summary.duplicates += 1
                    summary.already_stored += not linked
            elif kind == "copy":
                _, a, key, (original, sim) = item

                def copy(conn):
                    clear_reject(conn, a)
                    if write_copy(conn, a, key, original, sim, run_id):
                        return None
                    return write_duplicate(conn, a, key, run_id)  # another run stored it

                ok, linked = store(a, key, copy)
                if ok and linked is None:
                    summary.copies += 1
                elif ok:
                    summary.duplicates += 1
                    summary.already_stored += not linked
            done += 1
            tick()

        def tick() -> None:
            if done % 100 == 0:
                _save_run(engine, summary, "running")
            if bar:
                elapsed = time.perf_counter() - t0
                bar.update(task, completed=done, rate=f"{done / elapsed:.1f} art/s",
                           description=f"stored {summary.stored} · copies {summary.copies} · "
                                       f"dup {summary.duplicates} · rejected {summary.rejected}")

        # The model is loaded (and worker processes started) only once there is something new
        # to analyze: re-ingesting a stored corpus costs hashing, not spaCy.
        to_analyze = decider(records)
        first = next(to_analyze, None)
        if first is None:
            analyses = iter(())
        else:
            if pipeline is None:
                from chronicle.api import load_pipeline

                pipeline = load_pipeline(model)
            analyses = pipeline.stream(chain([first], to_analyze), batch_size=batch_size,
                                       workers=workers)
        for analysis in analyses:
            while True:
                item = decider.queue.popleft()
                if item[0] != "analyze":
                    finish(item)
                    continue
                _, article, key, sig = item
                if isinstance(analysis, Reject):  # the analysis gave up on this article
                    failed[key] = "analysis failed"
                    reject(analysis)
                else:
                    def write(conn, analysis=analysis, article=article, key=key, sig=sig):
                        clear_reject(conn, article)
                        if write_analysis(conn, analysis, key, sig, run_id):
                            return None
                        # another ingest stored this text since this run began: no child rows,
                        # no actor counts; the record is "already in the record" (or a copy link)
                        return write_duplicate(conn, article, key, run_id)

                    ok, linked = store(article, key, write)
                    if ok and linked is None:
                        summary.stored += 1
                    elif ok:
                        summary.duplicates += 1
                        summary.already_stored += not linked
                done += 1
                if decider.slots:
                    decider.slots.release()
                tick()
                break
        while decider.queue:
            finish(decider.queue.popleft())
    refresh_statistics(engine, changed=bool(summary.stored or summary.copies))
    summary.seconds = time.perf_counter() - t0
    _save_run(engine, summary, "done")
    return summary


def _progress_bar(enabled: bool | None):
    """articles/s and ETA on stderr (when it is a terminal, unless told)."""
    from contextlib import nullcontext

    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    err = Console(stderr=True)
    if not (err.is_terminal if enabled is None else enabled):
        return nullcontext()
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("ETA"),
                    TimeRemainingColumn(), console=err)


def refresh_statistics(engine: Engine, changed: bool) -> None:
    """ANALYZE after a run that added rows (or when SQLite has no statistics yet): the query
    planner needs the tables' sizes to pick the actor and date indexes on a large record."""
    with begin_write(engine) as conn:
        if engine.dialect.name == "sqlite":
            known = conn.exec_driver_sql(
                "SELECT count(*) FROM sqlite_master WHERE name = 'sqlite_stat1'").scalar()
            if changed or not known:
                conn.exec_driver_sql("ANALYZE")
        elif changed:
            conn.exec_driver_sql("ANALYZE")


def _save_run(engine: Engine, s: Summary, status: str) -> None:
    with begin_write(engine) as conn:
        conn.execute(update(runs).where(runs.c.id == s.run_id).values(
            status=status, finished=None if status == "running" else _now(), read=s.read,
            stored=s.stored, copies=s.copies, duplicates=s.duplicates, rejected=s.rejected))
