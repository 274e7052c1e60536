"""Fixtures for widget tests: a seeded workspace on a temporary SQLite file and a window on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QPlainTextEdit

from glossator.services import Workspace
from glossator.ui.reader.offsets import OffsetMap

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
    from glossator.ui.app.settings import AppSettings

    settings = AppSettings()
    settings.reviewer = REVIEWER
    return settings


@pytest.fixture
def window(qtbot, workspace: Workspace, app_settings):
    from glossator.ui.app.main_window import MainWindow

    win = MainWindow(workspace, settings=app_settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    with qtbot.waitExposed(win):
        win.show()
    yield win
    win.close()


class WindowDriver:
    """Drives a window's report view the way a reader does: keyboard selection, keys, clicks."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot = qtbot
        self.window = window

    @property
    def view(self) -> QPlainTextEdit:
        view = self.window.findChild(QPlainTextEdit, "reportView")
        assert view is not None
        return view

    def select(self, start_cp: int, end_cp: int) -> None:
        """Caret to the start, then Shift+Right until the end (one grapheme per step)."""
        view = self.view
        offsets = OffsetMap(view.toPlainText())
        cursor = view.textCursor()
        cursor.setPosition(offsets.to_qt(start_cp))
        view.setTextCursor(cursor)
        view.setFocus()
        target = offsets.to_qt(end_cp)
        while view.textCursor().selectionEnd() < target:
            self.qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)

    def point(self, cp: int) -> QPoint:
        """Viewport point in the middle of the character at code point `cp`."""
        view = self.view
        q = OffsetMap(view.toPlainText()).to_qt(cp)
        a, b = QTextCursor(view.document()), QTextCursor(view.document())
        a.setPosition(q)
        b.setPosition(q + 1)
        ra, rb = view.cursorRect(a), view.cursorRect(b)
        if rb.top() != ra.top() or rb.x() <= ra.x():  # the character ends a line
            return QPoint(ra.x() + 2, ra.center().y())
        return QPoint((ra.x() + rb.x()) // 2, ra.center().y())

    def click(self, cp: int) -> None:
        self.view.scroll_to(cp)
        self.view.viewport().repaint()
        self.qtbot.mouseClick(self.view.viewport(), Qt.MouseButton.LeftButton, pos=self.point(cp))

    def highlight(self, passage: str, key: Qt.Key = Qt.Key.Key_1) -> int:
        """Select the first occurrence of `passage` and press a tag key; its start."""
        start = self.view.toPlainText().index(passage)
        self.select(start, start + len(passage))
        self.qtbot.keyClick(self.view, key)
        return start


@pytest.fixture
def driver(qtbot, window) -> WindowDriver:
    return WindowDriver(qtbot, window)
