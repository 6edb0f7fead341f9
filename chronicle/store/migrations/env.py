"""Alembic environment: run programmatically by chronicle.store.db.upgrade on an open connection."""
from __future__ import annotations

from alembic import context

from chronicle.store.schema import metadata

config = context.config
connection = config.attributes.get("connection")
if connection is None:  # `alembic -x url=...` from a shell
    from chronicle.store.db import make_engine

    url = context.get_x_argument(as_dictionary=True).get("url")
    connection = make_engine(url).connect()

context.configure(connection=connection, target_metadata=metadata,
                  render_as_batch=connection.dialect.name == "sqlite")
with context.begin_transaction():
    context.run_migrations()
