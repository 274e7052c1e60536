"""Service tests run on a SQLite file, and on PostgreSQL too when a server is given.

Set GLOSSATOR_TEST_POSTGRES to a server URL (e.g. postgresql+psycopg://postgres@127.0.0.1:55432/postgres)
to run every service test a second time on a fresh PostgreSQL database; CI does.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossator.services import Workspace
from tests.postgres import fresh_database

POSTGRES = os.environ.get("GLOSSATOR_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def db_location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "ws.sqlite3")
        return
    if not POSTGRES:
        pytest.skip("GLOSSATOR_TEST_POSTGRES is not set: no PostgreSQL server to test against")
    with fresh_database(POSTGRES, "glossator_test_") as url:
        yield url


@pytest.fixture
def ws(db_location: str) -> Iterator[Workspace]:
    workspace = Workspace.open(db_location, reviewer="ana")
    yield workspace
    workspace.close()
