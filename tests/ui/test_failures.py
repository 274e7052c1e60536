"""What escapes a slot in the running window: a sentence in the status bar, the details in
the log file, no traceback on screen."""

from __future__ import annotations

import logging
import sys

import pytest

from glossator import paths
from glossator.services import StorageFailure
from glossator.ui.app.failures import configure_logging, install_excepthook


@pytest.fixture
def hooked(monkeypatch: pytest.MonkeyPatch):
    said: list[str] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    handlers = list(root.handlers)
    configure_logging()
    install_excepthook(said.append)
    yield said
    for handler in root.handlers[len(handlers):]:
        handler.close()
        root.removeHandler(handler)


def test_a_storage_failure_is_its_own_sentence(hooked):
    failure = StorageFailure("ws.sqlite3: the disk is full; nothing was saved by this step.")
    sys.excepthook(StorageFailure, failure, None)
    assert hooked == [str(failure)]


def test_anything_else_is_named_and_logged_with_its_traceback(hooked):
    try:
        {}["missing"]
    except KeyError as exc:
        sys.excepthook(KeyError, exc, exc.__traceback__)
    assert hooked and "Something went wrong (KeyError)" in hooked[0]
    assert str(paths.log_file()) in hooked[0]
    logged = paths.log_file().read_text("utf-8")
    assert "Uncaught KeyError" in logged and "Traceback" in logged and "missing" in logged
