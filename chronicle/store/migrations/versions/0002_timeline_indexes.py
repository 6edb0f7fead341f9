"""Indexes for the actor page, interactions and dyads (web UI), measured on a White House-sized copy.

Revision ID: 0002
Revises: 0001
"""
from __future__ import annotations

from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_quotes_actor_day_kind', 'quotes', ['actor_id', 'day', 'kind'])
    op.create_index('ix_events_actor_day_type', 'events', ['actor_id', 'day', 'type', 'recipient_id'])
    op.create_index('ix_events_recipient_day_type', 'events', ['recipient_id', 'day', 'type', 'actor_id'])


def downgrade() -> None:
    op.drop_index('ix_events_recipient_day_type', 'events')
    op.drop_index('ix_events_actor_day_type', 'events')
    op.drop_index('ix_quotes_actor_day_kind', 'quotes')
