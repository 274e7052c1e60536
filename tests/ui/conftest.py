"""Fixtures for widget tests: a seeded workspace on a temporary SQLite file and a window on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glossator.services import Workspace

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
REVIEWER = "Tester"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "workspace.sqlite3"


@pytest.fixture
def workspace(db_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(db_path, reviewer=REVIEWER)
    ws.set_reviewer(REVIEWER)
    ws.ensure_seeded(SEEDS)
    yield ws
    ws.close()


@pytest.fixture
def seed_report_id(workspace: Workspace) -> int:
    return next(r.id for r in workspace.reports() if r.source_name.startswith("000_"))


@pytest.fixture
def app_settings():
    from glossator.ui.settings import AppSettings

    settings = AppSettings()
    settings.reviewer = REVIEWER
    return settings


@pytest.fixture
def window(qtbot, workspace: Workspace, app_settings):
    from glossator.ui.main_window import MainWindow

    win = MainWindow(workspace, settings=app_settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
