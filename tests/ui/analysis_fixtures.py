"""Fixtures for the analysis window tests: the seed with the planted set of
tests/services/planted.py (hand-computed expectations there and in
tests/services/test_analysis_counts.py), and a window on it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from glossator.services import Workspace
from tests.services.planted import QUOTES, Planted, plant


@pytest.fixture
def planted(workspace: Workspace) -> Planted:
    return plant(workspace)


@pytest.fixture
def planted_window(qtbot, planted, workspace: Workspace, app_settings, monkeypatch):
    """The window on the planted set; its analysis runs one report a slice, so every
    result shown is merged from slices as a large library's is."""
    from glossator.ui.analysis import slices
    from glossator.ui.app.main_window import MainWindow

    monkeypatch.setattr(slices, "FIRST", 1)
    monkeypatch.setattr(slices, "BUDGET_S", 0.0)
    win = MainWindow(workspace, settings=app_settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    with qtbot.waitExposed(win):
        win.show()
    yield win
    for dialog in (win.analysis.passages_dialog, win.analysis.counts_dialog):
        if dialog is not None:
            dialog.close()
    win.close()


def quote(key: str) -> str:
    return " ".join(QUOTES[key][1].split())


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def idle(qtbot, runner) -> None:
    """Until a slice runner has run its query out."""
    qtbot.waitUntil(lambda: not runner.running, timeout=10_000)
    QApplication.processEvents()
