"""A fresh PostgreSQL database for one test, made on the server the tests are given and
dropped afterwards (the service tests and the team benchmark both run on one)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def fresh_database(server: str, prefix: str, hex_digits: int = 12) -> Iterator[str]:
    """The URL of a new database named `prefix` and random hex digits on `server`; the
    database is dropped (its connections closed) when the block ends."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"{prefix}{uuid.uuid4().hex[:hex_digits]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(server).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
