"""Benchmarks: the analysis dialogs on 100,000 annotations in 1,000 reports (the workspace of
test_perf_analysis.py) stay responsive while they search and count.

A heartbeat timer (every 5 ms) records how long the event loop goes without turning while
the dialog fills; the first rows are timed from the press of Find to the paint that shows
them. Floors in the same run: one frame (1/60 s), and the same query run in one call, which
is how long a window doing it at once would stand still.

Run on demand: .venv/bin/pytest tests/perf/test_perf_analysis_window.py -s -p no:randomly
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from glossator.services import Workspace
from glossator.services.analysis import Analysis
from glossator.services.passage_filters import PassageQuery
from glossator.ui.common.memory import settle_memory
from tests.perf.conftest import print_table
from tests.perf.test_perf_analysis import bench

pytestmark = pytest.mark.perf
__all__ = ["bench"]  # the fixture

FRAME_MS = 1000 / 60
STALL_MS = 50.0
RUNS = 3


class Heartbeat(QObject):
    """The longest wait between two turns of the event loop, while running."""

    def __init__(self) -> None:
        super().__init__()
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.gaps: list[float] = []
        self._last = 0.0

    def start(self) -> None:
        self.gaps, self._last = [], time.perf_counter()
        self.timer.start()

    def _beat(self) -> None:
        now = time.perf_counter()
        self.gaps.append((now - self._last) * 1000)
        self._last = now

    def stop(self) -> float:
        self.timer.stop()
        self._beat()
        return max(self.gaps)


class FirstRows(QObject):
    """When the table first paints rows that have been read."""

    def __init__(self, dialog) -> None:  # type: ignore[no-untyped-def]
        super().__init__()
        self.dialog, self.at = dialog, 0.0
        dialog.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        model = self.dialog.model
        if (event.type() == QEvent.Type.Paint and not self.at and model.rowCount()
                and model.passage(0) is not None):
            self.at = time.perf_counter()
        return False


def until(app: QApplication, done: Callable[[], bool], limit: float = 120.0) -> None:
    end = time.perf_counter() + limit
    while not done():
        app.processEvents()
        if time.perf_counter() > end:
            raise AssertionError("the dialog did not finish")


def test_the_passages_dialog_answers_while_it_fills(bench: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from glossator.ui.analysis.passage_model import QUOTE
    from glossator.ui.analysis.passages_dialog import PassagesDialog

    ws = Workspace.open(bench, reviewer="bench")
    analysis = Analysis(ws)
    try:
        one_call = []
        for _ in range(RUNS):
            t0 = time.perf_counter()
            found = analysis.find(PassageQuery())
            analysis.read(found, 0, 100)
            one_call.append((time.perf_counter() - t0) * 1000)
        dialog = PassagesDialog(ws, lambda: None)
        dialog.resize(1360, 760)
        dialog.show()
        until(qapp, lambda: dialog.isVisible())
        settle_memory()  # as the window does once it is up
        beat = Heartbeat()
        firsts, stalls, fills, scrolls = [], [], [], []
        for _ in range(RUNS):
            watch = FirstRows(dialog)
            beat.start()
            t0 = time.perf_counter()
            dialog.buttons["find"].click()
            until(qapp, lambda w=watch: not dialog.runner.running and w.at > 0)
            fills.append((time.perf_counter() - t0) * 1000)
            firsts.append((watch.at - t0) * 1000)
            middle = dialog.model.rowCount() // 2
            t1 = time.perf_counter()
            dialog.table.scrollTo(dialog.model.index(middle, QUOTE))
            until(qapp, lambda m=middle: dialog.model.passage(m) is not None)
            qapp.processEvents()
            scrolls.append((time.perf_counter() - t1) * 1000)
            stalls.append(beat.stop())
            dialog.table.viewport().removeEventFilter(watch)
        rows = dialog.model.rowCount()
        dialog.close()
    finally:
        ws.close()
    assert rows == len(found)
    block = f"{statistics.median(one_call):.0f} ms"
    print_table(
        f"the Passages dialog, {rows:,} passages in 1,000 reports, median (max) of {RUNS}",
        [
            ("Find to the first rows painted", f"{statistics.median(firsts):.1f} ms "
             f"({max(firsts):.1f})", f"{FRAME_MS:.1f} ms",
             f"{statistics.median(firsts) / FRAME_MS:.2f}x", "one frame"),
            ("longest stall while filling", f"{statistics.median(stalls):.1f} ms "
             f"({max(stalls):.1f})", block, "", f"< {STALL_MS:.0f} ms"),
            ("Find to every row found", f"{statistics.median(fills):.0f} ms", block,
             f"{statistics.median(fills) / statistics.median(one_call):.2f}x", ""),
            ("scroll to the middle, rows painted", f"{statistics.median(scrolls):.1f} ms", "",
             "", ""),
        ],
    )
    assert max(stalls) < STALL_MS
    assert statistics.median(firsts) < 2 * FRAME_MS  # one frame; twice that fails (noisy)


def test_the_counts_dialog_counts_without_a_stall(bench: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from glossator.ui.analysis.counts_dialog import CountsDialog

    ws = Workspace.open(bench, reviewer="bench")
    analysis = Analysis(ws)
    everything = PassageQuery()

    def once(fn: Callable[[], object]) -> tuple[float, object]:
        t0 = time.perf_counter()
        result = fn()
        return (time.perf_counter() - t0) * 1000, result

    rows = []
    try:
        calls = {
            "frequencies": once(lambda: analysis.frequencies(everything)),
            "co-occurrence, overlap": once(lambda: analysis.cooccurrence(everything)),
            "a cell's passages": once(lambda: analysis.cell(everything, "Tag 01", "Tag 02")),
        }
        dialog = CountsDialog(ws, lambda: None)
        dialog.resize(1180, 780)
        dialog.show()
        until(qapp, lambda: dialog.isVisible())
        settle_memory()
        beat = Heartbeat()
        tab = dialog.cooccurrence

        def frequencies() -> None:
            dialog.open_tab("counts", everything)
            until(qapp, lambda: not dialog.runner.running)

        def matrix() -> None:
            dialog.open_tab("cooccurrence")
            until(qapp, lambda: not dialog.runner.running)

        def cell() -> None:
            m = tab.model.matrix
            tab.show_cell(tab.model.index(m.rows.index("Tag 01"), m.columns.index("Tag 02")))
            until(qapp, lambda: not tab.cell_runner.running and tab.cell is not None)
            until(qapp, lambda: tab.passages.topLevelItemCount() == min(
                500, len(tab.cell.passages)))  # listed a few at a time

        shown = {}
        for name, run in (("frequencies", frequencies), ("co-occurrence, overlap", matrix),
                          ("a cell's passages", cell)):
            beat.start()
            t0 = time.perf_counter()
            run()
            took = (time.perf_counter() - t0) * 1000
            stall = beat.stop()
            rows.append((name, took, stall))
            shown[name] = (dialog.frequencies.result, tab.result, tab.cell)[len(shown)]
        dialog.close()
    finally:
        ws.close()
    assert shown["frequencies"] == calls["frequencies"][1]
    assert dict(shown["co-occurrence, overlap"].counts) == dict(
        calls["co-occurrence, overlap"][1].counts)  # type: ignore[attr-defined]
    sliced_cell, whole_cell = shown["a cell's passages"], calls["a cell's passages"][1]
    assert set(sliced_cell.pairs) == set(whole_cell.pairs)  # type: ignore[attr-defined]
    assert set(sliced_cell.passages) == set(whole_cell.passages)  # type: ignore[attr-defined]
    table = []
    for name, took, stall in rows:
        one = calls[name][0]
        table.append((f"{name}: longest stall", f"{stall:.1f} ms", f"{one:.0f} ms", "",
                      f"< {STALL_MS:.0f} ms"))
        table.append((f"{name}: counted in slices", f"{took:.0f} ms", f"{one:.0f} ms",
                      f"{took / one:.2f}x", ""))
    print_table("the Counts dialog on 100,000 annotations (50 tags), counted in slices; "
                "floor: the same count in one call", table)
    assert all(stall < STALL_MS for _, _, stall in rows)
