"""One long piece of work (an export of a whole library's passages) on a thread of its own,
its outcome delivered on the window's thread.

The work reads the workspace a batch at a time, each batch on its own connection, so the
window's own reads wait at most one batch; the dialog that starts it blocks input to the
window meanwhile (a modal progress dialog), so nothing else asks for the connection.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal

from glossator.services import CommandError, StoreError

log = logging.getLogger(__name__)


class Background(QObject):
    """Runs one callable at a time off the window's thread."""

    #: the work's result (on the window's thread)
    done = Signal(object)
    #: why it failed, one sentence (on the window's thread)
    failed = Signal(str)
    _outcome = Signal(object, str)  # emitted by the worker thread

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._thread: threading.Thread | None = None
        self._outcome.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def run(self, work: Callable[[], Any]) -> None:
        if self._thread is not None:
            raise RuntimeError("one piece of work at a time")

        def target() -> None:
            try:
                result = work()
            except (CommandError, StoreError) as exc:
                self._outcome.emit(None, str(exc) or "It could not be done")
            except Exception as exc:  # reported in one sentence, logged in full
                log.exception("background work failed")
                self._outcome.emit(None, f"It failed: {exc}")
            else:
                self._outcome.emit(result, "")

        self._thread = threading.Thread(target=target, name="glossator-export", daemon=True)
        self._thread.start()

    def wait(self) -> None:
        """Until the work is over (closing the window)."""
        if self._thread is not None:
            self._thread.join()

    def _deliver(self, result: Any, error: str) -> None:
        thread, self._thread = self._thread, None
        if thread is not None:
            thread.join()
        if error:
            self.failed.emit(error)
        else:
            self.done.emit(result)
