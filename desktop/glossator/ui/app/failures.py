"""What the window does with a failure nobody caught: a sentence for the user, the details
in the log file (`paths.log_file()`), never a traceback on the screen and never a crash.
A storage failure's own sentence is shown as it is; anything else is named and logged."""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import sys
from collections.abc import Callable
from types import TracebackType

from glossator import paths

log = logging.getLogger("glossator")


def configure_logging() -> None:
    """Log warnings and errors of the running window to the log file."""
    try:
        handler: logging.Handler = logging.handlers.RotatingFileHandler(
            paths.log_file(), maxBytes=1024 * 1024, backupCount=3, encoding="utf-8")
    except OSError:  # a read-only data folder: the log goes to the console only
        handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def user_message(exc: BaseException) -> str:
    from glossator.services import CommandError, StoreError  # loaded by then

    if isinstance(exc, StoreError | CommandError):
        return str(exc)
    return (f"Something went wrong ({type(exc).__name__}); nothing was lost. "
            f"The details are in {paths.log_file()}.")


def install_excepthook(say: Callable[[str], None]) -> None:
    """Route exceptions escaping Qt slots and timers to `say` (the status bar) and the log."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        log.error("Uncaught %s", kind.__name__, exc_info=(kind, exc, tb))
        with contextlib.suppress(Exception):  # the window itself may be gone
            say(user_message(exc))

    sys.excepthook = hook
