"""Alembic environment: always runs on a connection handed over by `glossator.store.migrate`."""

from __future__ import annotations

from alembic import context

from glossator.store.models import Base
from glossator.store.search import hidden_from_autogenerate

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("Glossator migrations run through `glossator migrate`, not the alembic CLI")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    # the search index (FTS5 tables, PostgreSQL's tsvector column) is not in the models
    include_name=lambda name, type_, _parents: not hidden_from_autogenerate(name, type_),
)
with context.begin_transaction():
    context.run_migrations()
