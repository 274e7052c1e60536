"""Benchmark: a keypress on a report with 10,000 markers whose notes are missing, beside the
same report with its notes (issue 13, item 2).

Two reports of 10,000 paragraphs (1 MB), a `[n]` marker after each: one with its 10,000
notes, one without any (every marker a missing note). In the real window, a selection in
the middle, then `1`: the time to the highlight committed and painted, and to everything
the edit brings settled (the table row, the report's line in the library, the inspector).
Floor: the same measure on the report with its notes; target at most 1.2x. Five runs, the
two reports in turn, 40 keys each.

Run on demand: .venv/bin/pytest tests/perf/test_perf_unnoted_markers.py -s -p no:randomly
"""

from __future__ import annotations

import os
import random
import statistics
import time
from pathlib import Path

import pytest

from conftest import WORDS, percentile, print_table

pytestmark = pytest.mark.perf

MARKERS = 10_000
RUNS = 5
KEYS = 40


def report_file(folder: Path, with_notes: bool) -> Path:
    rng = random.Random(5)
    paragraphs = [
        " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 22))) + f".[{n}]"
        for n in range(1, MARKERS + 1)
    ]
    notes = [f"[{n}] Source {n}, page {n % 300}." for n in range(1, MARKERS + 1)]
    name = "noted.txt" if with_notes else "unnoted.txt"
    body = "\n\n".join(paragraphs) + ("\n\n" + "\n\n".join(notes) if with_notes else "")
    path = folder / name
    path.write_text(f"Markers {'with' if with_notes else 'without'} notes\n\n{body}\n",
                    encoding="utf-8")
    return path


def test_keypress_with_note_less_markers(qtbot, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from glossator.services import Workspace
    from glossator.ui.app.main_window import MainWindow
    from glossator.ui.common.memory import settle_memory

    ws = Workspace.open(tmp_path / "markers.sqlite3", reviewer="bench")
    noted, unnoted = (ws.import_paths([report_file(tmp_path, flag)])[0].report_id or 0
                      for flag in (True, False))
    assert len(ws.report(unnoted).missing_notes) >= 0.99 * MARKERS  # a few read as years
    assert not ws.report(noted).missing_notes
    window = MainWindow(ws)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    settle_memory()
    view = window.report_view
    rng = random.Random(9)

    def keys(report_id: int) -> tuple[float, float]:
        window.open_report(report_id)
        window.sync.complete()
        QApplication.processEvents()
        text = view.text()
        body = text.index("[1]"), text.rindex(f"[{MARKERS}]")
        view.setFocus()
        painted, settled = [], []
        for _ in range(KEYS):
            start = rng.randrange(body[0] + (body[1] - body[0]) // 3,
                                  body[0] + 2 * (body[1] - body[0]) // 3)
            view.select_span(start, start + 30)
            view.viewport().repaint()
            QApplication.processEvents()
            before = len(window.annotations)
            t0 = time.perf_counter()
            qtbot.keyPress(view, Qt.Key.Key_1)
            view.viewport().repaint()
            painted.append(time.perf_counter() - t0)
            window.sync.flush_table()  # what follows the paint: table row, library line
            window.fields.show_selected()
            settled.append(time.perf_counter() - t0)
            assert len(window.annotations) == before + 1
            qtbot.wait(20)
        return percentile(painted, 95), percentile(settled, 95)

    results: dict[str, list[tuple[float, float]]] = {"noted": [], "unnoted": []}
    for _ in range(RUNS):
        results["noted"].append(keys(noted))
        results["unnoted"].append(keys(unnoted))
    window.close()
    ws.close()

    def fig(name: str, i: int) -> tuple[float, str]:
        values = [r[i] * 1000 for r in results[name]]
        med = statistics.median(values)
        return med, f"{med:.1f} ms ({min(values):.1f}\u2013{max(values):.1f})"

    rows = []
    verdicts = []
    for i, what in ((0, "committed and painted"), (1, "and the table, library, inspector")):
        floor, floor_text = fig("noted", i)
        ours, ours_text = fig("unnoted", i)
        ratio = ours / floor
        verdicts.append(ratio)
        rows.append((f"keypress p95, {what}", ours_text, floor_text, f"{ratio:.2f}x",
                     "<= 1.2x \u2014 " + ("met" if ratio <= 1.2 else "NOT met")))
    load = os.getloadavg()
    print_table(
        f"10,000 note-less markers (figure) vs the same report with notes (floor), {RUNS} "
        f"runs of {KEYS} keys, median (min\u2013max) of each run's p95; load average "
        f"{load[0]:.2f} / {load[1]:.2f} / {load[2]:.2f}", rows)
    assert max(verdicts) <= 1.8  # the verdict is strict; half again for noise
