"""What following others' changes costs the window's thread, beside floors measured in the
same run.

(a) An idle look at the change feed (nothing new), the window's once-a-second poll: against
    a bare `PRAGMA data_version` on its own sqlite3 connection to the same file.
(b) Another Workspace's new highlight on the open report (2,000 highlights) applied in
    place, scroll kept, and painted: against the window's own new highlight (the command
    run and committed, applied and painted: what a tag key costs).
(c) The library's line of that report, read in the next turn (after the paint).

Run on demand: .venv/bin/pytest tests/perf/test_perf_follow.py -s -p no:randomly
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from conftest import median, percentile, print_table
from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation

pytestmark = pytest.mark.perf

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
LOOKS = 500
ARRIVALS = 100
SLACK = 1.5
IDLE_TARGET_MS = 1.0  # an idle look: well under a millisecond
ARRIVAL_TARGET_MS = 16.0  # an arrival: within a frame


def test_following_others(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from glossator.ui.app.main_window import MainWindow
    from glossator.ui.app.settings import AppSettings

    db = tmp_path / "ws.sqlite3"
    ws = Workspace.open(db, reviewer="Tester")
    ws.set_reviewer("Tester")
    ws.ensure_seeded(SEEDS)
    report = next(r.id for r in ws.reports() if r.source_name.startswith("000_"))
    length = len(ws.report_text(report).text)
    for i in range(2000):
        start = (i * 7) % (length - 30)
        ws.run(AddAnnotation(report, start, start + 20))
    settings = AppSettings()
    settings.reviewer = "Tester"
    window = MainWindow(ws, settings=settings)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    window.open_report(report)
    window.state.annotations  # noqa: B018  (read in full)
    follow = window.team.follow
    follow.stop()
    follow.poll()
    view = window.report_view
    bar = view.verticalScrollBar()
    middle = bar.maximum() // 2  # the reader reads mid-report (place kept: tests/ui)

    raw = sqlite3.connect(db)
    floor_idle = []
    for _ in range(LOOKS):
        t0 = time.perf_counter()
        raw.execute("PRAGMA data_version").fetchone()
        floor_idle.append(time.perf_counter() - t0)
    raw.close()
    idle = []
    for _ in range(LOOKS):
        t0 = time.perf_counter()
        assert not follow.poll()
        idle.append(time.perf_counter() - t0)

    other = Workspace.open(db, reviewer="Ana")
    arrivals, frames, lines = [], [], []
    try:
        for i in range(ARRIVALS):
            start = (i * 131) % (length - 30)
            other.run(AddAnnotation(report, start, start + 25))
            bar.setValue(middle)
            t0 = time.perf_counter()
            assert follow.poll()
            view.viewport().repaint()
            arrivals.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            follow.flush_library()
            lines.append(time.perf_counter() - t0)
            start = (i * 173) % (length - 30)
            t0 = time.perf_counter()
            window.undo.push(AddAnnotation(report, start, start + 25))
            view.viewport().repaint()
            frames.append(time.perf_counter() - t0)
            window.sync.flush_table()
    finally:
        other.close()

    ms = 1000.0
    idle_p95, floor_p95 = percentile(idle, 95) * ms, percentile(floor_idle, 95) * ms
    arrival_p95, frame_p95 = percentile(arrivals, 95) * ms, percentile(frames, 95) * ms
    print_table("Following others (2,000 highlights open)", [
        ("(a) idle look, p50", f"{median(idle) * ms:.3f} ms", f"{median(floor_idle) * ms:.3f} ms",
         f"{median(idle) / median(floor_idle):.1f}x", ""),
        ("(a) idle look, p95", f"{idle_p95:.3f} ms", f"{floor_p95:.3f} ms",
         f"{idle_p95 / floor_p95:.1f}x", f"< {IDLE_TARGET_MS} ms " +
         ("met" if idle_p95 < IDLE_TARGET_MS else "MISSED")),
        ("(b) arrival applied + painted, p50 (floor: own edit)",
         f"{median(arrivals) * ms:.2f} ms",
         f"{median(frames) * ms:.2f} ms", f"{median(arrivals) / median(frames):.1f}x", ""),
        ("(b) arrival applied + painted, p95", f"{arrival_p95:.2f} ms", f"{frame_p95:.2f} ms",
         f"{arrival_p95 / frame_p95:.1f}x", f"< {ARRIVAL_TARGET_MS} ms " +
         ("met" if arrival_p95 < ARRIVAL_TARGET_MS else "MISSED")),
        ("(c) library line, next turn, p95", f"{percentile(lines, 95) * ms:.2f} ms", "", "",
         ""),
    ])
    assert idle_p95 < IDLE_TARGET_MS * SLACK
    assert arrival_p95 < ARRIVAL_TARGET_MS * SLACK
