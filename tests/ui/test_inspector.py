"""The inspector turns edits of the selected annotation into EditAnnotation fields."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from glossator.services.annotations import AddAnnotation, AnnotationFields
from glossator.ui.inspector.inspector import Inspector


@pytest.fixture
def shown(qtbot, workspace, seed_report_id):
    tags = workspace.tags()
    command = AddAnnotation(seed_report_id, 100, 140, tag_ids=[tags[0].id], note="first",
                            cites=["2"])
    workspace.run(command)
    inspector = Inspector()
    qtbot.addWidget(inspector)
    inspector.set_tags(tags)
    inspector.set_text_length(len(workspace.report(seed_report_id).text))
    inspector.show_annotation(workspace.annotation(command.uuid))
    inspector.show()
    return inspector, command.uuid, tags


def test_shows_the_annotation_without_emitting(qtbot, shown):
    inspector, uuid, _tags = shown
    assert inspector.current_id() == uuid
    assert inspector.note.toPlainText() == "first"
    assert inspector.tags.item(0).checkState() == Qt.CheckState.Checked
    with qtbot.waitSignal(inspector.annotationShown) as shown_again:  # the thread reloads
        inspector.show_annotation(inspector._current)
    assert shown_again.args == [uuid]
    assert (inspector.start.value(), inspector.end.value()) == (100, 140)
    assert inspector.meta.text().startswith("by Tester")


def test_checking_a_tag_sends_the_new_tag_set(qtbot, shown):
    inspector, uuid, tags = shown
    with qtbot.waitSignal(inspector.edited) as edited:
        inspector.tags.item(2).setCheckState(Qt.CheckState.Checked)
    assert edited.args[0] == uuid
    assert edited.args[1] == AnnotationFields(tag_ids=(tags[0].id, tags[2].id))
    assert edited.args[2] == "retag highlight"


def test_note_is_sent_after_a_pause_or_on_leaving(qtbot, shown):
    inspector, _uuid, _ = shown
    with qtbot.waitSignal(inspector.edited, timeout=3000) as edited:
        inspector.note.setPlainText("second thoughts")
    assert edited.args[1] == AnnotationFields(note="second thoughts")
    assert edited.args[2] == "edit note"


def test_cites_and_span_edits(qtbot, shown):
    inspector, _uuid, _ = shown
    with qtbot.waitSignal(inspector.edited) as edited:
        inspector.cites.setText("[2], 3")
        inspector.cites.editingFinished.emit()
    assert edited.args[1] == AnnotationFields(cites=("2", "3"))
    with qtbot.waitSignal(inspector.edited) as edited:
        inspector.end.setValue(150)
        inspector.end.editingFinished.emit()
    assert edited.args[1] == AnnotationFields(span=(100, 150))


def test_an_empty_span_is_refused(qtbot, shown):
    inspector, _uuid, _ = shown
    with qtbot.assertNotEmitted(inspector.edited):
        inspector.end.setValue(90)
        inspector.end.editingFinished.emit()
    assert inspector.end.value() == 140


def test_nothing_selected_hides_the_form(qtbot, shown):
    inspector, _uuid, _ = shown
    inspector.show_annotation(None)
    assert inspector.current_id() is None
    assert inspector.form.isHidden() and not inspector.empty.isHidden()
