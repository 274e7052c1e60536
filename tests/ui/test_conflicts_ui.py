"""Conflicts in the window: another process (the command line on the same file) changes a
highlight after the window read it; what the user then types is refused, shown beside the
other version, and kept or dropped as the user chooses. Undo of an edit someone has changed
since asks too. Nothing typed is lost without being shown."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from glossator.services.annotations import AddAnnotation
from tests.ui.test_live_refresh_ui import glossator

if TYPE_CHECKING:
    from glossator.ui.common.conflict_dialog import ConflictDialog

QUOTE = "senior officials in the Iran-backed Iraqi militias accused Iran"


@pytest.fixture
def mine(qtbot, window, workspace, seed_report_id) -> str:
    """Tester's highlight, selected, its note "before"; the window stops following
    others, as if their change came in between the window's last look and the typing."""
    start = workspace.report_text(seed_report_id).text.index(QUOTE)
    command = AddAnnotation(seed_report_id, start, start + len(QUOTE), note="before")
    window.undo.push(command)
    window.select_annotation(command.uuid)
    qtbot.waitUntil(lambda: window.inspector.current_id() == command.uuid, timeout=2000)
    window.team.follow.stop()
    return command.uuid


def type_note(qtbot, window, text: str, *, leave: bool = True) -> None:
    note = window.inspector.note
    note.setFocus()
    qtbot.waitUntil(note.hasFocus, timeout=2000)
    qtbot.keyClick(note, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(note, text)
    if leave:
        qtbot.keyClick(note, Qt.Key.Key_Tab)  # focus leaves: the note is sent


def conflict_dialog(qtbot, window) -> ConflictDialog:
    qtbot.waitUntil(lambda: window.team.conflicts.dialog is not None
                    and window.team.conflicts.dialog.isVisible(), timeout=2000)
    dialog = window.team.conflicts.dialog
    assert dialog is not None
    return dialog


def row(dialog: ConflictDialog, name: str) -> tuple[str | None, str, str]:
    found = next(r for r in dialog.rows if r.name == name)
    return found.seen, found.mine, found.theirs


def my_note_over_anas(qtbot, window, db_path, mine):  # type: ignore[no-untyped-def]
    """Ana edits the note elsewhere; "my note" is typed on the version shown before: the
    undo depth then, and the conflict dialog that follows."""
    glossator(db_path, "Ana", "annotation", "edit", mine, "--note", "Ana's note")
    depth = window.undo.stack.count()
    type_note(qtbot, window, "my note")
    return depth, conflict_dialog(qtbot, window)


def test_a_note_typed_on_an_old_version_shows_both_and_keep_mine_applies_it(
        qtbot, window, workspace, db_path, mine):
    depth, dialog = my_note_over_anas(qtbot, window, db_path, mine)
    assert "Ana changed this highlight" in dialog.findChild(type(dialog.advice),
                                                            "conflictSentence").text()
    assert row(dialog, "Note") == ("before", "my note", "Ana's note")
    assert workspace.annotation(mine).note == "Ana's note"  # nothing written over it yet
    assert not dialog.merges
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    assert workspace.annotation(mine).note == "my note"
    qtbot.waitUntil(lambda: window.inspector.note.toPlainText() == "my note", timeout=2000)
    assert window.undo.stack.count() == depth + 1  # an edit like any other: undoable
    assert window.team.conflicts.dialog is None


def test_keep_theirs_drops_the_edit_and_shows_their_version(
        qtbot, window, workspace, db_path, mine):
    depth, dialog = my_note_over_anas(qtbot, window, db_path, mine)
    assert "Note: my note" in dialog.copy_text()  # what was typed can still be copied
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    assert workspace.annotation(mine).note == "Ana's note"
    qtbot.waitUntil(lambda: window.inspector.note.toPlainText() == "Ana's note", timeout=2000)
    assert window.state.annotations_so_far()[mine].note == "Ana's note"
    assert window.undo.stack.count() == depth


def test_changes_to_different_fields_merge(qtbot, window, workspace, db_path, mine):
    tag = workspace.tags()[0]
    glossator(db_path, "Ana", "annotation", "edit", mine, "--tag", tag.name)
    type_note(qtbot, window, "my note")
    dialog = conflict_dialog(qtbot, window)
    assert dialog.merges and "merge" in dialog.mine_button.text()
    assert row(dialog, "Tags")[2] == tag.path
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    found = workspace.annotation(mine)
    assert found.note == "my note" and found.tag_ids == (tag.id,)  # both kept


def test_a_note_being_typed_when_their_change_arrives_is_not_lost(
        qtbot, window, workspace, db_path, mine):
    glossator(db_path, "Ana", "annotation", "edit", mine, "--note", "Ana's note")
    type_note(qtbot, window, "half a thought", leave=False)
    assert window.inspector.note.toPlainText() == "half a thought"  # not sent yet
    window.team.follow.poll()  # the window looks again (its timer's turn) while typing
    dialog = conflict_dialog(qtbot, window)
    assert row(dialog, "Note")[1:] == ("half a thought", "Ana's note")
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    assert workspace.annotation(mine).note == "half a thought"


def test_an_edit_of_a_highlight_deleted_elsewhere_says_so_and_esc_keeps_theirs(
        qtbot, window, workspace, db_path, mine):
    glossator(db_path, "Ana", "annotation", "delete", mine)
    type_note(qtbot, window, "my note")
    dialog = conflict_dialog(qtbot, window)
    assert row(dialog, "Note") == ("before", "my note", "(deleted)")
    assert "delete" in dialog.mine_button.text().lower() or dialog.advice.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: mine not in window.state.annotations_so_far(), timeout=2000)
    assert workspace.annotation(mine) is None
    assert window.table.model.row_of(mine) is None


def test_undo_after_their_change_asks_instead_of_clobbering(
        qtbot, window, workspace, db_path, mine):
    window.team.follow.timer.start()
    type_note(qtbot, window, "my note")
    qtbot.waitUntil(lambda: workspace.annotation(mine).note == "my note", timeout=2000)
    glossator(db_path, "Ana", "annotation", "edit", mine, "--note", "Ana's note")
    qtbot.waitUntil(lambda: window.inspector.note.toPlainText() == "Ana's note", timeout=2000)
    window.report_view.setFocus()
    qtbot.keyClick(window.report_view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    dialog = conflict_dialog(qtbot, window)
    assert "Undo" in dialog.mine_button.text()
    assert row(dialog, "Note") == ("my note", "before", "Ana's note")
    assert workspace.annotation(mine).note == "Ana's note"  # asked, not undone
    qtbot.mouseClick(dialog.mine_button, Qt.MouseButton.LeftButton)
    assert workspace.annotation(mine).note == "before"  # undone on top of theirs
    qtbot.waitUntil(lambda: window.inspector.note.toPlainText() == "before", timeout=2000)


def test_undo_keep_theirs_leaves_their_change_and_drops_the_step(
        qtbot, window, workspace, db_path, mine):
    window.team.follow.timer.start()
    type_note(qtbot, window, "my note")
    qtbot.waitUntil(lambda: workspace.annotation(mine).note == "my note", timeout=2000)
    depth = window.undo.stack.count()
    glossator(db_path, "Ana", "annotation", "edit", mine, "--note", "Ana's note")
    qtbot.waitUntil(lambda: window.inspector.note.toPlainText() == "Ana's note", timeout=2000)
    window.menu_actions.undo.trigger()
    dialog = conflict_dialog(qtbot, window)
    qtbot.mouseClick(dialog.theirs_button, Qt.MouseButton.LeftButton)
    assert workspace.annotation(mine).note == "Ana's note"
    assert window.undo.stack.count() == depth - 1
    QApplication.processEvents()
