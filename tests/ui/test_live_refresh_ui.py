"""The window follows what another program commits to the same SQLite file: the command
line, run in a process of its own, adds an annotation, comments and decides; the window
shows each in place within two seconds, and the reader's scroll positions and selection
stay where they were."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation

ROOT = Path(__file__).resolve().parents[2]


def glossator(db: Path, reviewer: str, *args: str) -> str:
    """The command line, in another process, on the same database file."""
    done = subprocess.run(
        [sys.executable, "-m", "glossator", "--db", str(db), "--reviewer", reviewer, *args],
        capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout


def unique_passage(text: str, near: int, length: int = 40) -> tuple[int, str]:
    """A passage found once in the text, at or after `near`."""
    for start in range(near, len(text) - length):
        passage = text[start:start + length]
        if "\n" not in passage and text.count(passage) == 1 and passage == passage.strip():
            return start, passage
    raise AssertionError("no unique passage")


@pytest.fixture
def busy_report(qtbot, window, workspace: Workspace, seed_report_id: int) -> list[str]:
    """The seed report open with sixty of Tester's highlights: the table has rows to
    scroll, and one of them is selected."""
    text = workspace.report_text(seed_report_id).text
    step = max(1, (len(text) - 40) // 60)
    ids = []
    for i in range(60):
        command = AddAnnotation(seed_report_id, i * step, i * step + 12, note=f"n{i}")
        workspace.run(command)
        ids.append(command.uuid)
    window.sync.show_report(workspace.report(seed_report_id),
                            workspace.annotations(seed_report_id))
    window.sync.refresh_library()
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 60, timeout=2000)
    assert window.library.model.summary_for(seed_report_id).annotation_count == 60
    return ids


def places(window) -> tuple[int, int, int]:
    return (window.report_view.verticalScrollBar().value(),
            window.table.view.verticalScrollBar().value(),
            window.library.view.verticalScrollBar().value())


def settle_reader(qtbot, window, ids: list[str]) -> tuple[int, int, int]:
    """The reader selects a highlight near the top, then scrolls the report and the table
    down, away from it."""
    window.select_annotation(ids[3])
    window.sync.flush_table()
    report_bar = window.report_view.verticalScrollBar()
    table_bar = window.table.view.verticalScrollBar()
    assert report_bar.maximum() > 0 and table_bar.maximum() > 0
    report_bar.setValue(report_bar.maximum() // 2)
    table_bar.setValue(table_bar.maximum() // 2)
    qtbot.waitUntil(lambda: report_bar.value() > 0 and table_bar.value() > 0, timeout=2000)
    return places(window)


def test_another_process_adds_an_annotation_and_the_window_shows_it_in_place(
        qtbot, window, workspace, seed_report_id, db_path, busy_report):
    before = settle_reader(qtbot, window, busy_report)
    text = window.report_view.text()
    count = window.library.model.summary_for(seed_report_id).annotation_count
    start, passage = unique_passage(text, len(text) // 3)
    out = glossator(db_path, "Ana", "annotate", str(seed_report_id), "--quote", passage,
                    "--note", "seen by Ana", "--json")
    new_id = json.loads(out)["id"]

    def shown() -> bool:
        return (window.table.model.row_of(new_id) is not None
                and new_id in window.report_view.highlight_at(start + 2))

    qtbot.waitUntil(shown, timeout=2000)
    assert window.state.annotations_so_far()[new_id].note == "seen by Ana"
    assert window.library.model.summary_for(seed_report_id).annotation_count == count + 1
    assert places(window) == before
    assert window.selected == busy_report[3]
    assert window.table.selected_id() == busy_report[3]
    assert "Ana" in window.statusBar().currentMessage()


def test_a_deletion_and_a_decision_elsewhere_are_followed_too(
        qtbot, window, workspace, seed_report_id, db_path, busy_report):
    before = settle_reader(qtbot, window, busy_report)
    gone, decided = busy_report[40], busy_report[41]
    glossator(db_path, "Ana", "annotation", "delete", gone)
    glossator(db_path, "Ana", "review", "accept", decided)
    qtbot.waitUntil(lambda: window.table.model.row_of(gone) is None
                    and window.state.annotations_so_far()[decided].status == "accepted",
                    timeout=2000)
    assert gone not in window.state.annotations_so_far()
    assert places(window) == before
    assert window.selected == busy_report[3]


def test_a_comment_elsewhere_appears_in_the_open_review_thread(
        qtbot, window, workspace, seed_report_id, db_path, busy_report):
    window.select_annotation(busy_report[3])
    assert window.inspector.review.entries() == []
    glossator(db_path, "Ana", "review", "comment", busy_report[3], "Is this the speaker?")
    qtbot.waitUntil(lambda: any("Is this the speaker?" in e
                                for e in window.inspector.review.entries()), timeout=2000)
    assert window.selected == busy_report[3]


def test_activating_the_window_asks_at_once(qtbot, window, workspace, seed_report_id, db_path,
                                            busy_report):
    window.team.follow.stop()  # no timer: only the activation asks
    text = window.report_view.text()
    _start, passage = unique_passage(text, len(text) // 2)
    new_id = json.loads(glossator(db_path, "Ana", "annotate", str(seed_report_id),
                                  "--quote", passage, "--json"))["id"]
    window.team.follow.timer.start()
    window.team.follow.timer.setInterval(60_000)  # the timer will not come in time
    window.activateWindow()
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: window.table.model.row_of(new_id) is not None, timeout=2000)
