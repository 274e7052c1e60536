"""Running a sliced analysis (services.analysis_slices) on the window's thread, one slice per
turn of the event loop, so painting and input go on between slices.

Each slice is sized to take about `BUDGET_S`: the first runs a few reports, and the next
ones as many as the reports so far took in that time (never more than twice the last). A
single report with very many passages is still one slice.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from glossator.services import CommandError, StoreError
from glossator.services.analysis_slices import Sliced

log = logging.getLogger(__name__)

BUDGET_S = 0.008
FIRST = 4  # reports in the first slice: the first rows come at once
MOST = 2000


class SliceRunner(QObject):
    """Runs one sliced query at a time; starting another drops the one running."""

    #: the result so far, after each slice
    progressed = Signal(object)
    #: the whole result
    finished = Signal(object)
    #: why the query could not run (one sentence)
    failed = Signal(str)

    def __init__(self, parent: QObject | None = None, budget: float | None = None,
                 first: int | None = None) -> None:
        super().__init__(parent)
        self.budget = BUDGET_S if budget is None else budget
        self.first = FIRST if first is None else first
        self._sliced: Sliced[Any] | None = None
        self._size = self.first
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._step)

    @property
    def running(self) -> bool:
        return self._sliced is not None

    def progress(self) -> tuple[int, int]:
        """Reports done and to do in the running query ((0, 0) when none runs)."""
        s = self._sliced
        return (s.done_reports, s.total) if s is not None else (0, 0)

    def start(self, sliced: Sliced[Any], *, at_once: bool = True) -> None:
        """Run `sliced`; its first slice now (`at_once`) or on the next turn."""
        self._sliced, self._size = sliced, self.first
        if at_once:
            self._step()
        else:
            self._timer.start()

    def cancel(self) -> None:
        self._timer.stop()
        self._sliced = None

    def _step(self) -> None:
        sliced = self._sliced
        if sliced is None:
            return
        before = sliced.done_reports
        t0 = time.perf_counter()
        try:
            result = sliced.step(self._size)
        except (CommandError, StoreError) as exc:
            self.cancel()
            self.failed.emit(str(exc) or "The query could not run")
            return
        except Exception as exc:  # a lost server connection must not take the window down
            log.exception("an analysis slice failed")
            self.cancel()
            self.failed.emit(f"The query failed: {exc}")
            return
        took = time.perf_counter() - t0
        ran = max(1, sliced.done_reports - before)
        fits = int(self.budget / max(took / ran, 1e-6))
        self._size = max(1, min(MOST, fits, self._size * 2))
        if sliced.done:
            self._sliced = None
            self.progressed.emit(result)
            self.finished.emit(result)
            return
        self.progressed.emit(result)
        if sliced is self._sliced:
            self._timer.start()
