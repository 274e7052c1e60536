"""Service tests run on a SQLite file, and on PostgreSQL too when a server is given.

Set GLOSSATOR_TEST_POSTGRES to a server URL (e.g. postgresql+psycopg://postgres@127.0.0.1:55432/postgres)
to run every service test a second time on a fresh PostgreSQL database; CI does.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossator.services import Workspace

POSTGRES = os.environ.get("GLOSSATOR_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "ws.sqlite3")
        return
    if not POSTGRES:
        pytest.skip("GLOSSATOR_TEST_POSTGRES is not set: no PostgreSQL server to test against")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"glossator_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(POSTGRES, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(POSTGRES).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture
def ws(db_location: str) -> Iterator[Workspace]:
    workspace = Workspace.open(db_location, reviewer="ana")
    yield workspace
    workspace.close()
