"""Benchmark: start-up (issue 13, item 1), each run a fresh process, figure and floor in turn.

(c) the window on a 1,000-report library: start to the window painted with the library
    listed (the skeleton), beside the DESIGN's floor: a bare PySide6 window with the same
    widgets, plus importing SQLAlchemy and one select; target at most 1.3x. Also reported:
    start to the window assembled (every feature built, services imported) and to the
    remembered report painted.
(d) the command line: `glossator --version` and `glossator reports --json` on that library,
    beside `python -c "import sqlalchemy"`.

Run on demand: .venv/bin/pytest tests/perf/test_perf_startup.py -s -p no:randomly
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, print_table

pytestmark = pytest.mark.perf

RUNS = 9

FLOOR = """
import time, sys
t0 = time.perf_counter()
from PySide6.QtWidgets import (QApplication, QMainWindow, QSplitter, QTreeView, QPlainTextEdit,
                               QListView, QTableView, QLineEdit)
import sqlalchemy, sqlite3
app = QApplication([])
w = QMainWindow(); s = QSplitter(); w.setCentralWidget(s)
for cls in (QTreeView, QPlainTextEdit, QListView, QTableView, QLineEdit):
    s.addWidget(cls())
engine = sqlalchemy.create_engine("sqlite:///" + sys.argv[1])
with engine.connect() as c:
    c.execute(sqlalchemy.text("SELECT id, title FROM reports")).all()
w.show(); app.processEvents()
print(time.perf_counter() - t0)
"""

# What `glossator` does (run_gui: the application, logging, settings, then `open_window`),
# with the clock read when the skeleton has painted, when the window is assembled and when
# the remembered report is painted.
OURS = """
import time, sys
t0 = time.perf_counter()
from glossator.ui.app.run import application, open_window
from glossator.ui.app.failures import configure_logging
from glossator.ui.app.settings import AppSettings
app = application()
configure_logging()
settings = AppSettings()
marks = {}
window = open_window(sys.argv[1], "bench", settings,
                     lambda w: marks.setdefault("assembled", time.perf_counter() - t0))
skeleton = window.centralWidget()
paint = skeleton.paintEvent
def painted(event):
    paint(event)
    marks.setdefault("skeleton", time.perf_counter() - t0)
skeleton.paintEvent = painted
while "assembled" not in marks:
    app.processEvents()
window.sync.complete_report()
window.report_view.viewport().repaint()
marks["report"] = time.perf_counter() - t0
print(marks["skeleton"], marks["assembled"], marks["report"])
"""


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from glossator.services import Workspace

    folder = tmp_path_factory.mktemp("startup")
    reports = folder / "library"
    reports.mkdir()
    for n in range(1000):
        (reports / f"r{n:04}.txt").write_text(
            f"Report {n}\n\nBody text {n} with a marker.[1]\n\n[1] Note {n}.\n")
    db = folder / "library.sqlite3"
    ws = Workspace.open(db, reviewer="bench")
    ws.import_paths([reports])
    ws.close()
    return db


def environment(home: Path) -> dict[str, str]:
    return {"QT_QPA_PLATFORM": "offscreen", "GLOSSATOR_HOME": str(home), "PATH": "/usr/bin:/bin",
            "PYTHONPATH": str(ROOT / "desktop")}


def fig(values: list[float]) -> str:
    ms = [v * 1000 for v in values]
    return f"{statistics.median(ms):.0f} ms ({min(ms):.0f}\u2013{max(ms):.0f})"


def test_start_to_the_window_and_the_command_line(library: Path, tmp_path: Path) -> None:
    env = environment(tmp_path / "home")

    def run(code: str) -> list[float]:
        out = subprocess.run([sys.executable, "-c", code, str(library)], capture_output=True,
                             text=True, env=env, check=True, timeout=120)
        return [float(x) for x in out.stdout.strip().splitlines()[-1].split()]

    def timed(command: list[str]) -> float:
        t0 = time.perf_counter()
        subprocess.run(command, env=env, check=True, timeout=120, stdout=subprocess.DEVNULL)
        return time.perf_counter() - t0

    cli = [sys.executable, "-m", "glossator"]
    floor, skeleton, assembled, report = [], [], [], []
    sqlalchemy, version, listing = [], [], []
    for _ in range(RUNS):  # in turn, so that figure and floor see the same machine
        floor.append(run(FLOOR)[0])
        s, a, r = run(OURS)
        skeleton.append(s)
        assembled.append(a)
        report.append(r)
        sqlalchemy.append(timed([sys.executable, "-c", "import sqlalchemy"]))
        version.append(timed([*cli, "--version"]))
        listing.append(timed([*cli, "--db", str(library), "reports", "--json"]))
    ratio = statistics.median(skeleton) / statistics.median(floor)
    base = statistics.median(sqlalchemy)
    load = os.getloadavg()
    print_table(
        f"Start-up, 1,000-report library, {RUNS} fresh processes each: median (min\u2013max); "
        f"load average {load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}", [
            ("(c) start to the window painted, library listed", fig(skeleton), fig(floor),
             f"{ratio:.2f}x", "<= 1.3x \u2014 " + ("met" if ratio <= 1.3 else "NOT met")),
            ("(c) start to the window assembled", fig(assembled), fig(floor),
             f"{statistics.median(assembled) / statistics.median(floor):.2f}x", ""),
            ("(c) start to the remembered report painted", fig(report), fig(floor),
             f"{statistics.median(report) / statistics.median(floor):.2f}x", ""),
            ("(d) glossator --version", fig(version), fig(sqlalchemy) + " import sqlalchemy",
             f"{statistics.median(version) / base:.2f}x", "near the floor"),
            ("(d) glossator reports --json", fig(listing), fig(sqlalchemy),
             f"{statistics.median(listing) / base:.2f}x", "near the floor"),
        ])
    assert ratio <= 1.3 * 1.5  # the verdict is strict; half again for noise
