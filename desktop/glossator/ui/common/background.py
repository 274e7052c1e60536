"""Pure computation away from the window's thread, its result handed back to that thread.

For work that reads nothing (the database is read first, on the window's thread, so its
one connection is never held by another thread) and would freeze the window if run there:
finding the suggestions of a 1 MB report takes most of a second. Python runs one thread at
a time, and every call the window's thread makes into Qt lets the other thread in until the
next switch; at Python's usual five milliseconds a paint of a few dozen calls took a tenth
of a second. While a job runs the interpreter switches every fifth of a millisecond, so the
window keeps painting and answering keys. Only the latest job's result is delivered; older
ones are dropped.
"""

from __future__ import annotations

import contextlib
import logging
import sys
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

log = logging.getLogger(__name__)

SWITCH_INTERVAL = 0.0002  # seconds, while a job runs (Python's default is 0.005)
_running = 0
_saved_interval = sys.getswitchinterval()
_lock = threading.Lock()


def _job_started() -> None:
    global _running, _saved_interval
    with _lock:
        if _running == 0:
            _saved_interval = sys.getswitchinterval()
            sys.setswitchinterval(SWITCH_INTERVAL)
        _running += 1


def _job_ended() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0:
            sys.setswitchinterval(_saved_interval)


class Background(QObject):
    """Runs one job at a time on a worker thread; `done(result)` runs on this object's
    thread for the newest job only."""

    _finished = Signal(int, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._latest = 0
        self._done: Callable[[Any], None] | None = None
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def run(self, work: Callable[[], Any], done: Callable[[Any], None]) -> None:
        """Start `work` (it must not touch Qt or the database); `done` gets what it returns."""
        self._latest += 1
        job, self._done = self._latest, done
        thread = threading.Thread(target=self._work, args=(job, work), daemon=True,
                                  name="glossator-background")
        _job_started()
        thread.start()

    def cancel(self) -> None:
        """Drop the result of whatever is running."""
        self._latest += 1
        self._done = None

    @property
    def busy(self) -> bool:
        return self._done is not None

    def _work(self, job: int, work: Callable[[], Any]) -> None:
        try:
            result = work()
        except Exception:
            log.exception("A background job failed")
            result = None
        finally:
            _job_ended()
        with contextlib.suppress(RuntimeError):  # the window is gone
            self._finished.emit(job, result)

    def _deliver(self, job: int, result: Any) -> None:
        if job != self._latest or self._done is None:
            return
        done, self._done = self._done, None
        if result is not None:
            done(result)
