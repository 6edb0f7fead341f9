"""Full-text index of actor names, ids and aliases (SQLite), so that `--speaker NAME` and every
name filter find their actors from an index instead of scanning every name and alias.

Measured on the White House record (127k actors, 184k aliases): a substring scan for "Psaki"
took 80 ms of the 105 ms `chronicle quotes --speaker Psaki` answer.

Revision ID: 0003
Revises: 0002
"""
from __future__ import annotations

from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return  # PostgreSQL matches names with an anchored regular expression (queries.py)
    op.execute("CREATE VIRTUAL TABLE actor_names_fts USING fts5("
               "name, actor_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2')")
    op.execute("INSERT INTO actor_names_fts (name, actor_id) SELECT id, id FROM actors")
    op.execute("INSERT INTO actor_names_fts (name, actor_id) "
               "SELECT name, id FROM actors WHERE name IS NOT NULL")
    op.execute("INSERT INTO actor_names_fts (name, actor_id) "
               "SELECT alias, actor_id FROM actor_aliases")


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE IF EXISTS actor_names_fts")
