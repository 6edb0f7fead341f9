"""PostgreSQL's full-text search sees the words SQLite's FTS5 sees: the quote's content is indexed
(and the user's words searched) with ASCII punctuation turned into spaces first.

PostgreSQL's default text-search parser reads ``<script>alert('x')</script>`` as two XML tags
around a blank and drops all three, reads ``&amp;`` as an entity, ``and/or`` and ``</b>`` as file
paths, ``example.com/path`` as a URL and ``jen@wh.gov`` as an e-mail address: words SQLite's
unicode61 tokenizer finds (``alert``, ``x``, ``and``, ``example``) were not in the tsvector at
all. Without the punctuation the parser is left with plain words and numbers, as FTS5 is.

The generated column's expression cannot be altered in place (PostgreSQL 15): the column and its
GIN index are dropped and added again, which recomputes every row.

Revision ID: 0004
Revises: 0003
"""
from __future__ import annotations

from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

# string.punctuation, quoted for SQL (the single quote doubled), and as many spaces
_PUNCT = "!\"#$%&''()*+,-./:;<=>?@[\\]^_`{|}~"
_SPACES = " " * 32


def _recreate(expression: str) -> None:
    op.execute("DROP INDEX IF EXISTS ix_quotes_content_tsv")
    op.execute("ALTER TABLE quotes DROP COLUMN IF EXISTS content_tsv")
    op.execute("ALTER TABLE quotes ADD COLUMN content_tsv tsvector "
               f"GENERATED ALWAYS AS ({expression}) STORED")
    op.execute("CREATE INDEX ix_quotes_content_tsv ON quotes USING gin (content_tsv)")


def upgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return  # SQLite's FTS5 (unicode61) already splits words at every punctuation mark
    _recreate(f"to_tsvector('english', translate(content, '{_PUNCT}', '{_SPACES}'))")


def downgrade() -> None:
    if op.get_bind().dialect.name != "postgresql":
        return
    _recreate("to_tsvector('english', content)")
