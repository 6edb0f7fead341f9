"""Connecting to the record: engine, SQLite pragmas (WAL), migrations to the newest schema.

``connect(url)`` is the one way in: it creates the SQLite file or checks the PostgreSQL server,
turns WAL on (readers are never blocked by an ingest), and runs Alembic ``upgrade head`` when the
database is behind (a cheap version check first, so queries stay fast).
"""
from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.exc import ArgumentError

DEFAULT_URL = "sqlite:///chronicle.db"
HEAD = "0004"  # the newest revision in migrations/versions
MIGRATIONS = Path(__file__).with_name("migrations")


class StoreError(RuntimeError):
    """The database cannot be used (unreachable server, unknown URL, newer schema)."""


def default_url() -> str:
    return os.environ.get("CHRONICLE_DB", DEFAULT_URL)


def normalize_url(url: str) -> str:
    """Accept a bare path for SQLite and plain ``postgresql://`` (psycopg 3 is the driver)."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")
    for attempt in range(200):  # readers never wait for the writer
        try:
            cur.execute("PRAGMA journal_mode=WAL")
            break
        except sqlite3.OperationalError as exc:
            # a new file another process is creating: switching to WAL does not wait (no busy
            # handler there), so wait here
            if "locked" not in str(exc) or attempt == 199:
                raise
            time.sleep(0.05)
    cur.execute("PRAGMA synchronous=NORMAL")  # durable at checkpoints; WAL keeps it consistent
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def make_engine(url: str | None = None) -> Engine:
    url = normalize_url(url or default_url())
    if url.startswith("sqlite"):
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    return engine


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Alembic ``upgrade`` on this engine, programmatically."""
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    # Two processes may open a new record at once (two ingests): one migrates, the other waits
    # for it and then finds the schema at head (Alembic reads the version inside the lock).
    with begin_write(engine) as conn:
        if not is_sqlite(engine):
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK})
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)


SCHEMA_LOCK = 0x6368726F6E  # "chron": the PostgreSQL advisory lock that serializes migrations


@contextmanager
def begin_write(engine: Engine) -> Iterator[Connection]:
    """A transaction that will write. SQLite takes the write lock at its start (BEGIN
    IMMEDIATE): a transaction that reads and then writes would otherwise fail at once with
    "database is locked" when another process wrote in between (busy_timeout cannot renew a
    stale snapshot); so two ingests into one file take turns. PostgreSQL: a plain transaction."""
    with engine.begin() as conn:
        if is_sqlite(engine):
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        yield conn


def require_existing(url: str | None = None) -> None:
    """StoreError when ``url`` is a SQLite file that is not there: what only reads a record must
    not leave an empty one behind a mistyped name (ingest and load create it)."""
    from sqlalchemy.engine import make_url

    url = normalize_url(url or default_url())
    parsed = make_url(url)
    path = parsed.database if parsed.get_backend_name() == "sqlite" else None
    if path and path != ":memory:" and not Path(path).exists():
        raise StoreError(f"no database at {path}: build one first with `chronicle ingest FOLDER --db {url}`")


def connect(url: str | None = None, migrate: bool = True) -> Engine:
    """An engine on an up-to-date record; a clear StoreError when the database does not answer."""
    try:
        engine = make_engine(url)
    except (ImportError, ArgumentError) as exc:  # "mysql://...": no driver here, or no URL at all
        raise StoreError(f"cannot use the database {url!r}: {exc.__class__.__name__}: {str(exc).splitlines()[0]} "
                         "(Chronicle stores in SQLite, sqlite:///FILE, or PostgreSQL, "
                         "postgresql://USER@HOST/DB)") from exc
    try:
        rev = current_revision(engine)
    except Exception as exc:  # driver-specific errors: say what and where
        raise StoreError(f"cannot open the database {engine.url.render_as_string(hide_password=True)}: "
                         f"{exc.__class__.__name__}: {str(exc).splitlines()[0]}") from exc
    if rev != HEAD and migrate:
        upgrade(engine)
    return engine


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"


def index_actor_names(conn, pairs: list[tuple[str, str]]) -> None:
    """Add (name, actor id) pairs to SQLite's full-text index of actor names (migration 0003)."""
    conn.execute(text("INSERT INTO actor_names_fts (name, actor_id) VALUES (:n, :a)"),
                 [{"n": n, "a": a} for n, a in pairs])


def database_size(engine: Engine) -> int | None:
    """Bytes on disk (SQLite: the file plus its WAL; PostgreSQL: the current schema's relations)."""
    if is_sqlite(engine):
        path = engine.url.database
        if not path or path == ":memory:":
            return None
        return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))
    with engine.connect() as conn:
        total = conn.execute(text(
            "SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'm')")).scalar()
    return int(total)  # sum() of bigints is a numeric: a Decimal, printed as a string in JSON
