"""The workspace most CLI tests start from (test_cli.py and test_cli_search.py start from
their own; a module that needs more builds on this one by asking for `db`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.helpers import seeded


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A workspace with the seed report imported."""
    return seeded(capsys, tmp_path / "ws.sqlite3")
