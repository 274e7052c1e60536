"""The QUndoStack adapter over workspace commands."""

from __future__ import annotations

from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.ui.common.undo import UndoController


def test_push_applies_undo_reverts_redo_restores_same_id(qtbot, workspace, seed_report_id):
    undo = UndoController(workspace)
    command = AddAnnotation(seed_report_id, 10, 30)
    change = undo.push(command)
    assert change is not None and change.annotations == {command.uuid}
    assert workspace.annotation(command.uuid) is not None
    assert undo.undo_text() == "add highlight"
    undo.undo()
    assert workspace.annotation(command.uuid) is None
    assert undo.redo_text() == "add highlight"
    undo.redo()
    restored = workspace.annotation(command.uuid)
    assert restored is not None and (restored.start, restored.end) == (10, 30)


def test_each_step_notifies_listeners(qtbot, workspace, seed_report_id):
    seen = []
    workspace.subscribe(seen.append)
    undo = UndoController(workspace)
    command = AddAnnotation(seed_report_id, 10, 30)
    undo.push(command)
    undo.push(EditAnnotation(command.uuid, AnnotationFields(note="n"), "edit note"))
    undo.undo()
    undo.undo()
    assert [c.message for c in seen] == ["Annotation saved", "Annotation saved",
                                         "Annotation saved", "Highlight removed"]
    assert undo.stack.index() == 0 and undo.stack.count() == 2


def test_a_failing_command_is_reported_and_not_stacked(qtbot, workspace):
    undo = UndoController(workspace)
    with qtbot.waitSignal(undo.failed) as failed:
        result = undo.push(AddAnnotation(999_999, 0, 5))
    assert result is None
    assert "999999" in failed.args[0]
    assert undo.stack.count() == 0


def test_undo_of_what_someone_else_deleted_asks_and_keep_theirs_drops_it(
        qtbot, workspace, seed_report_id):
    undo = UndoController(workspace)
    command = AddAnnotation(seed_report_id, 10, 30)
    undo.push(command)
    from glossator.services.annotations import DeleteAnnotations

    workspace.run(DeleteAnnotations([command.uuid]))  # removed behind the stack's back
    with qtbot.waitSignal(undo.conflicted) as asked:
        undo.undo()
    refused = asked.args[0]
    assert refused.undoing and refused.error.conflicts[0].deleted
    assert undo.stack.count() == 1 and undo.stack.index() == 1  # nothing moved yet
    undo.keep_theirs(refused)
    assert undo.stack.count() == 0


def test_undo_after_another_edit_asks_and_undo_anyway_puts_back_mine(
        qtbot, workspace, seed_report_id):
    undo = UndoController(workspace)
    add = AddAnnotation(seed_report_id, 10, 30, note="first")
    undo.push(add)
    undo.push(EditAnnotation(add.uuid, AnnotationFields(note="mine"), "edit note"))
    workspace.run(EditAnnotation(add.uuid, AnnotationFields(note="theirs")))  # someone else
    with qtbot.waitSignal(undo.conflicted) as asked:
        undo.undo()
    assert workspace.annotation(add.uuid).note == "theirs"  # not clobbered by the undo
    assert undo.stack.index() == 2
    undo.keep_mine(asked.args[0])
    assert workspace.annotation(add.uuid).note == "first"
    assert undo.stack.index() == 1


def test_edit_labels_show_in_the_stack(qtbot, workspace, seed_report_id):
    undo = UndoController(workspace)
    command = AddAnnotation(seed_report_id, 10, 30)
    undo.push(command)
    undo.push(EditAnnotation(command.uuid, AnnotationFields(note="why"), "edit note"))
    assert undo.undo_text() == "edit note"
    undo.undo()
    assert workspace.annotation(command.uuid).note == ""
    undo.redo()
    assert workspace.annotation(command.uuid).note == "why"
