"""The window from 1024 x 700 up: the report keeps most of the width, the side panes fold
away (F9, Shift+F9), nothing of the table's filters or the toolbar is cut off and the
dialogs fit the screen, at 1024 x 700, at 1920 x 1080 and at 1024 x 700 drawn at
QT_SCALE_FACTOR=2. Each screen is its own process (a screen and a scale are set when the
application starts)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]


def probe(tmp_path: Path, width: int, height: int, scale: int) -> dict:
    config = tmp_path / "screen.json"
    config.write_text(json.dumps({"screens": [{
        "name": "probe", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM=f"offscreen:configfile={config}",
               QT_SCALE_FACTOR=str(scale), GLOSSATOR_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-m", "tests.ui.layout_probe"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("width", "height", "scale"),
                         [(1024, 700, 1), (1920, 1080, 1), (2048, 1400, 2)])
def test_the_layout_works_on_this_screen(tmp_path, width, height, scale):
    found = probe(tmp_path, width, height, scale)
    logical = [width // scale, height // scale]
    assert found["screen"] == logical and found["window"] == logical
    assert found["report_width"] >= 0.5 * found["window"][0], found
    assert found["inspector_width"] >= 220, found  # the inspector's fields stay usable
    assert not found["inspector_scrolls_sideways"], found  # nothing of it cut off
    assert found["filters_clipped"] == [], found
    assert not found["toolbar_overflow"] and found["toolbar_hidden"] == [], found
    assert all(d["fits"] for d in found["dialogs"].values()), found
    assert found["report_width_without_library"] > found["report_width"], found


def test_a_layout_remembered_from_a_wide_screen_gives_the_report_the_width(
        qtbot, workspace, app_settings):
    from glossator.ui.app.main_window import MainWindow

    first = MainWindow(workspace, settings=app_settings)
    qtbot.addWidget(first)
    first.resize(1920, 1080)
    first.show()
    first.splitters["main"].setSizes([500, 800, 620])  # wide panes on a wide screen
    first.close()  # remembered
    again = MainWindow(workspace, settings=app_settings)
    qtbot.addWidget(again)
    again.resize(1024, 700)
    with qtbot.waitExposed(again):
        again.show()
    sizes = again.splitters["main"].sizes()
    assert sizes[1] >= 0.5 * sum(sizes)
    again.close()


def test_f9_and_shift_f9_fold_the_side_panes_away_and_back(qtbot, window):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024)
    view, main = window.report_view, window.splitters["main"]
    before = view.width()
    qtbot.keyClick(view, Qt.Key.Key_F9)
    assert not window.library.isVisible()
    qtbot.waitUntil(lambda: view.width() > before)  # the splitter lays out on its next turn
    assert not window.side_panes.left.isChecked()
    qtbot.keyClick(view, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert not window.inspector.isVisible() and not window.footnotes.isVisible()
    qtbot.keyClick(view, Qt.Key.Key_F9)
    qtbot.keyClick(view, Qt.Key.Key_F9, Qt.KeyboardModifier.ShiftModifier)
    assert window.library.isVisible() and window.inspector.isVisible()
    assert main.sizes()[0] > 0 and main.sizes()[2] > 0
    assert window.side_panes.left.isChecked() and window.side_panes.right.isChecked()
    qtbot.waitUntil(lambda: abs(view.width() - before) <= 8)  # back as it was
