"""Reading and parsing a file to import runs beside the window's thread: the window goes on
while a long file is read, Stop answers during the reading, and a reader's fault is a
refusal, as it is when the window's thread reads."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QPushButton

from glossator.services.reports import PreparedReport

FAILSAFE = 20  # seconds a blocked reader waits before giving up (the test then fails)


def reports(folder: Path, n: int) -> Path:
    folder.mkdir()
    for i in range(n):
        (folder / f"r{i}.txt").write_text(f"Report {i}\n\nText of report {i}.", encoding="utf-8")
    return folder


def test_the_window_goes_on_while_a_file_is_read(qtbot, window, workspace, tmp_path):
    """The reader waits for a timer of the window's thread to fire: it can only when the
    reading is not on that thread."""
    source = tmp_path / "long.txt"
    source.write_text("A long report\n\nIts text.", encoding="utf-8")
    ticked = threading.Event()
    seen: list[bool] = []

    def slow_read(path: Path) -> PreparedReport:
        seen.append(ticked.wait(FAILSAFE))
        return PreparedReport.from_file(path)

    window.importer.read = slow_read
    QTimer.singleShot(0, ticked.set)
    (outcome,) = window.import_paths([str(source)])
    assert seen == [True]
    assert outcome.status == "imported"
    assert any(r.source_name == "long.txt" for r in workspace.reports())


def press_stop(window) -> None:
    """The progress dialog's Stop button, as the user presses it."""
    (button,) = window.importer.dialog.findChildren(QPushButton)
    button.click()


@pytest.mark.parametrize("stop", [press_stop, lambda window: window.importer.cancel()],
                         ids=["the dialog's button", "cancel()"])
def test_stop_while_a_file_is_read_keeps_what_was_imported(qtbot, window, workspace,
                                                          tmp_path, stop):
    folder = reports(tmp_path / "batch", 3)
    before = workspace.report_count()
    reading_second, release = threading.Event(), threading.Event()

    def read(path: Path) -> PreparedReport:
        if path.name == "r1.txt":
            reading_second.set()
            release.wait(FAILSAFE)
        return PreparedReport.from_file(path)

    watcher = QTimer()
    watcher.setInterval(5)
    watcher.timeout.connect(lambda: reading_second.is_set() and stop(window))
    watcher.start()
    window.importer.read = read
    outcomes = window.import_paths([str(folder)])
    watcher.stop()
    assert [o.name for o in outcomes] == ["r0.txt"]
    assert window.statusBar().currentMessage() == "Imported 1 report (cancelled)"
    release.set()  # the abandoned reading ends; what it read is never stored
    qtbot.waitUntil(lambda: not window.importer._reader.busy)
    names = {r.source_name for r in workspace.reports()}
    assert workspace.report_count() == before + 1
    assert "r0.txt" in names and "r1.txt" not in names and "r2.txt" not in names


def test_a_readers_fault_on_its_thread_refuses_the_file(qtbot, window, workspace, tmp_path):
    folder = reports(tmp_path / "batch", 2)

    def read(path: Path) -> PreparedReport:
        if path.name == "r0.txt":
            raise RuntimeError("the parser broke")
        return PreparedReport.from_file(path)

    window.importer.read = read
    outcomes = window.import_paths([str(folder)])
    assert [(o.name, o.status) for o in outcomes] == [("r0.txt", "refused"),
                                                        ("r1.txt", "imported")]
    assert outcomes[0].reason == "cannot be parsed (RuntimeError)"
    dialog = window.importer.refusals
    assert dialog is not None and dialog.isVisible()
    assert dict(dialog.rows()) == {"r0.txt": "cannot be parsed (RuntimeError)"}
