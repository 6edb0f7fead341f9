"""The record's schema, in SQLAlchemy Core: one definition for SQLite and PostgreSQL.

Every row of a finding is keyed by its article's ``key`` (a hash of the normalized text), not
by a database-generated number: the same corpus gives the same rows on both engines and after a
killed run is resumed (PostgreSQL sequences are not rolled back with a killed transaction).
Full-text search lives outside these tables (FTS5 on SQLite, a tsvector column on PostgreSQL);
the Alembic revisions in ``migrations/`` create both.
"""
from __future__ import annotations

from sqlalchemy import (
    Column, Date, Float, ForeignKey, Index, Integer, LargeBinary, MetaData, String, Table, Text,
    UniqueConstraint,
)

metadata = MetaData()

KEY = String(32)  # hex of a 128-bit BLAKE2b digest of the normalized text


def _article_key(**kw) -> Column:
    return Column("article_key", KEY, ForeignKey("articles.key", ondelete="CASCADE"), **kw)


runs = Table(
    "runs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("started", String(32), nullable=False),  # ISO timestamp, UTC
    Column("finished", String(32)),
    # running | done | failed | interrupted (Ctrl-C); SIGKILLed runs stay "running"
    Column("status", String(16), nullable=False),
    Column("command", Text),
    Column("model", String(200)),
    Column("read", Integer, nullable=False, default=0),
    Column("stored", Integer, nullable=False, default=0),
    Column("copies", Integer, nullable=False, default=0),
    Column("duplicates", Integer, nullable=False, default=0),
    Column("rejected", Integer, nullable=False, default=0),
)

articles = Table(
    "articles", metadata,
    Column("key", KEY, primary_key=True),
    Column("ext_id", Text, nullable=False),  # Article.id as read
    Column("date", Date),
    Column("title", Text),
    Column("source", Text),
    Column("url", Text),
    Column("origin", Text),
    Column("text", Text, nullable=False),
    Column("chars", Integer, nullable=False),
    # A near copy (MinHash LSH) points at the first article of its family; its findings are not
    # computed, so queries never count a republished quote twice.
    Column("copy_of", KEY, ForeignKey("articles.key")),
    Column("similarity", Float),
    Column("minhash", LargeBinary),  # uint32 signature; rebuilds the LSH index in a new run
    Column("meta", Text),  # JSON
    Column("run_id", Integer),
    Index("ix_articles_date", "date"),
    Index("ix_articles_copy_of", "copy_of"),
)

# Exact duplicates (same normalized text) read from another record: no article row of their
# own, a link to the stored article so provenance is kept and re-reading them adds nothing.
copies = Table(
    "copies", metadata,
    _article_key(nullable=False),
    Column("origin", Text, nullable=False),
    Column("ext_id", Text, nullable=False),
    Column("url", Text),
    Column("date", Date),
    Column("run_id", Integer),
    UniqueConstraint("article_key", "origin", "ext_id", name="uq_copies_record"),
)

quotes = Table(
    "quotes", metadata,
    _article_key(primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("kind", String(16), nullable=False),
    Column("content", Text, nullable=False),
    Column("content_start", Integer, nullable=False),
    Column("content_end", Integer, nullable=False),
    Column("cue", Text),
    Column("cue_start", Integer),
    Column("speaker", Text),  # the mention as written ("she", "the minister", "Lavrov")
    Column("speaker_start", Integer),
    Column("speaker_name", Text),  # the full name meant
    Column("actor_id", String(200)),
    Column("role", Text),
    Column("affiliation", Text),
    Column("mention_type", String(16)),
    Column("said_on", String(32)),  # as the analysis gave it (may be partial)
    Column("day", Date),  # said_on when a full date, else the article's date: for --since/--until
    Column("sentence", Text),
    Column("parts", Text),  # JSON list of spans for split quotes
    Index("ix_quotes_actor_day", "actor_id", "day", "article_key", "idx"),  # --speaker, in order
    Index("ix_quotes_day", "day"),
    Index("ix_quotes_actor_day_kind", "actor_id", "day", "kind"),  # actor page chart
)

actors = Table(
    "actors", metadata,
    Column("id", String(200), primary_key=True),  # Actor.id, stable across articles
    Column("name", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("country", String(3)),
    Column("sector", Text),
    Column("code", Text),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("articles", Integer, nullable=False, default=0),
    Column("mentions", Integer, nullable=False, default=0),
    Column("quotes", Integer, nullable=False, default=0),
    Column("events", Integer, nullable=False, default=0),
    Index("ix_actors_name", "name"),
)

actor_aliases = Table(
    "actor_aliases", metadata,
    Column("actor_id", String(200), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("alias", Text, primary_key=True),
    Column("articles", Integer, nullable=False, default=0),
    Index("ix_actor_aliases_alias", "alias"),
)

actor_roles = Table(
    "actor_roles", metadata,
    Column("actor_id", String(200), ForeignKey("actors.id", ondelete="CASCADE"), primary_key=True),
    Column("role", Text, primary_key=True),
    Column("first_seen", Date),
    Column("last_seen", Date),
    Column("articles", Integer, nullable=False, default=0),
)

mentions = Table(
    "mentions", metadata,
    _article_key(primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("actor_id", String(200), nullable=False),
    Column("text", Text, nullable=False),
    Index("ix_mentions_actor", "actor_id"),
)

timexes = Table(
    "timexes", metadata,
    _article_key(primary_key=True),
    Column("start", Integer, primary_key=True),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(16), nullable=False),
    Column("value", String(64), nullable=False),
    Column("mod", String(16)),
)

events = Table(
    "events", metadata,
    _article_key(primary_key=True),
    Column("idx", Integer, primary_key=True),
    Column("type", String(16), nullable=False),
    Column("mode", Text),
    Column("context", Text),
    Column("actor_id", String(200)),
    Column("actor_code", String(32)),
    Column("recipient_id", String(200)),
    Column("recipient_code", String(32)),
    Column("date", String(32)),  # as the analysis gave it
    Column("day", Date),  # full date, else the article's date
    Column("month", String(7)),  # YYYY-MM of day, for dyad summaries
    Column("modality", String(16), nullable=False),
    Column("quote_idx", Integer),
    Column("trigger", Text),
    Column("evidence", Text, nullable=False),
    Column("evidence_start", Integer, nullable=False),
    Index("ix_events_actor", "actor_id", "day"),
    Index("ix_events_recipient", "recipient_id", "day"),
    Index("ix_events_type", "type"),
    Index("ix_events_actor_day_type", "actor_id", "day", "type", "recipient_id"),  # interactions
    Index("ix_events_recipient_day_type", "recipient_id", "day", "type", "actor_id"),  # dyads
)

rejects = Table(
    "rejects", metadata,
    Column("origin", Text, primary_key=True),
    Column("record", Text, primary_key=True),
    Column("reason", Text, nullable=False),
    Column("run_id", Integer),
)

# Tables in dependency order, with the columns a canonical comparison ignores (which run wrote a
# row differs between an interrupted and an uninterrupted history; the content must not).
TABLES = (articles, copies, quotes, actors, actor_aliases, actor_roles, mentions, timexes,
          events, rejects, runs)
VOLATILE = {"run_id"}
