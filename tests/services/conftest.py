from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glossator.services import Workspace


@pytest.fixture
def ws(tmp_path: Path) -> Iterator[Workspace]:
    workspace = Workspace.open(tmp_path / "ws.sqlite3", reviewer="ana")
    yield workspace
    workspace.close()
