"""Storage failures in the window, as a reviewer meets them: the edit made while another
program holds the write lock is kept (the banner says so), saved in order once the lock is
gone, painted, and still there after a restart; a read-only workspace opens with a banner
and refuses edits in a sentence."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from glossator.services import Workspace
from glossator.ui.app.main_window import MainWindow
from glossator.ui.common import dialogs
from tests.reliability.helpers import WriteLock, remount, tmpfs_or_skip
from tests.ui.conftest import REVIEWER, SEEDS, WindowDriver

PASSAGE = "senior officials in the Iran-backed Iraqi militias accused Iran"
SECOND = "These officials expressed concern"


@pytest.fixture
def fast_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Writes give up on another program's lock after 0.2 s (set before the workspace opens)."""
    monkeypatch.setenv("GLOSSATOR_BUSY_TIMEOUT_MS", "200")


def open_window(qtbot, workspace: Workspace, settings) -> MainWindow:
    win = MainWindow(workspace, settings=settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    with qtbot.waitExposed(win):
        win.show()
    return win


def test_an_edit_made_while_locked_is_kept_saved_in_order_and_survives_a_restart(
    fast_busy, qtbot, window, driver, workspace, db_path, seed_report_id, app_settings
):
    banner = window.storage_banner
    with WriteLock(db_path) as lock:
        first = driver.highlight(PASSAGE)
        assert banner.isVisible()
        assert "1 edit is kept, not yet saved" in banner.message.text()
        assert "another program is writing" in banner.message.text()
        assert workspace.annotations(seed_report_id) == []  # reading still works
        driver.highlight(SECOND)
        assert "2 edits are kept" in banner.message.text()
        assert window.menu_actions.undo.text() == "&Undo unsaved edit"
        lock.release()
        qtbot.waitUntil(lambda: not banner.isVisible(), timeout=15_000)
    saved = sorted(workspace.annotations(seed_report_id), key=lambda a: a.created)
    assert [a.quote for a in saved] == [PASSAGE, SECOND]
    qtbot.waitUntil(lambda: window.report_view.highlight_at(first + 3) == [saved[0].id])
    assert window.menu_actions.undo.text() == "&Undo add highlight"
    window.close()
    workspace.close()
    again = Workspace.open(db_path, reviewer=REVIEWER)
    try:
        reopened = open_window(qtbot, again, app_settings)
        assert reopened.report_view.highlight_at(first + 3) == [saved[0].id]
        reopened.close()
    finally:
        again.close()


def test_undo_while_edits_wait_takes_back_the_newest_unsaved_one(
    fast_busy, qtbot, window, driver, workspace, db_path, seed_report_id
):
    with WriteLock(db_path) as lock:
        driver.highlight(PASSAGE)
        driver.highlight(SECOND)
        qtbot.keyClick(window.report_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        assert "1 edit is kept" in window.storage_banner.message.text()
        assert "not saved yet" in window.statusBar().currentMessage()
        lock.release()
        window.storage_banner.retry.click()  # the user does not wait for the next try
    assert not window.storage_banner.isVisible()
    assert [a.quote for a in workspace.annotations(seed_report_id)] == [PASSAGE]


def test_closing_with_unsaved_edits_asks_first(
    fast_busy, qtbot, window, driver, workspace, db_path, seed_report_id, monkeypatch
):
    asked: list[int] = []

    def keep_open(_parent, count, _reason):
        asked.append(count)
        return False

    monkeypatch.setattr(dialogs, "confirm_losing_pending", keep_open)
    with WriteLock(db_path) as lock:
        driver.highlight(PASSAGE)
        window.close()
        assert asked == [1] and window.isVisible()  # kept open, the edit still kept
        lock.release()
        window.close()  # saved on the way out
    assert asked == [1]
    assert [a.quote for a in workspace.annotations(seed_report_id)] == [PASSAGE]


@pytest.fixture
def read_only_workspace(tmp_path: Path) -> Iterator[Workspace]:
    with tmpfs_or_skip(tmp_path / "medium", "16m", "the read-only window") as folder:
        ws = Workspace.open(folder / "ws.sqlite3", reviewer=REVIEWER)
        ws.set_reviewer(REVIEWER)
        ws.ensure_seeded(SEEDS)
        ws.close()
        remount(folder, "ro")
        ws = Workspace.open(folder / "ws.sqlite3", reviewer=REVIEWER)
        yield ws
        ws.close()


def test_a_read_only_workspace_opens_with_a_banner_and_refuses_edits(
    qtbot, read_only_workspace, app_settings
):
    assert read_only_workspace.read_only
    win = open_window(qtbot, read_only_workspace, app_settings)
    banner = win.storage_banner
    assert banner.isVisible() and banner.message.text().startswith("<b>Read-only.</b>")
    assert not banner.retry.isVisible()
    assert win.report is not None and win.report.text  # reading works
    WindowDriver(qtbot, win).highlight(PASSAGE)
    assert "opened read-only" in win.statusBar().currentMessage()
    assert win.undo.pending == 0 and read_only_workspace.annotations(win.report.id) == []
    win.close()
