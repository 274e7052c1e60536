"""Stances in the inspector: T adds a row, a target found by alias, a label from the scale;
removing a row; a new target registered with its stance; each step undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from glossator.services.stance_scale import SaveStanceLabel, StanceLabelFields

HAMAS = "Hamas and Hizbullah were left alone in the arena facing an unknown fate"


def stances(workspace, uuid):
    return [(s.target, s.label, s.intensity) for s in workspace.annotation(uuid).stances]


def choose_target(qtbot, row, text):
    """Type a target and press Enter; a name nobody has is offered as a new target, taken
    with a second Enter."""
    row.target.setFocus()
    qtbot.keyClicks(row.target.lineEdit(), text)
    popup = row.names.popup()
    qtbot.keyClick(popup if popup.isVisible() else row.target.lineEdit(), Qt.Key.Key_Return)
    if row.names.exact(text) is None and row.names.best_containing(text) is None:
        qtbot.waitUntil(lambda: popup.isVisible() and popup.currentIndex().isValid())
        assert popup.currentIndex().data().startswith("Add ")
        qtbot.keyClick(popup, Qt.Key.Key_Return)


def add_stance(qtbot, window, target, label):
    qtbot.keyClick(window.report_view, Qt.Key.Key_T)
    row = window.inspector.stances.rows[-1]
    choose_target(qtbot, row, target)
    row.label.setCurrentIndex(row.label.findText(label))
    return row


def test_t_adds_a_row_and_a_target_by_alias_with_a_label_is_stored(qtbot, window, driver,
                                                                    workspace):
    driver.highlight(HAMAS)
    uuid = window.selected
    stance_list = window.findChild(QWidget, "stanceList")
    assert stance_list is window.inspector.stances
    qtbot.keyClick(window.report_view, Qt.Key.Key_T)
    assert len(stance_list.rows) == 1
    row = stance_list.rows[0]
    focused = QApplication.focusWidget()
    assert focused in (row.target, row.target.lineEdit()) or not window.isActiveWindow()
    choose_target(qtbot, row, "the Iranian regime")
    assert row.target.currentText() == "Iran"
    assert stances(workspace, uuid) == []  # not stored until it has a label
    row.label.setCurrentIndex(row.label.findText("against"))
    assert stances(workspace, uuid) == [("Iran", "against", None)]
    assert window.menu_actions.undo.text() == "&Undo edit stances"
    assert [(r.spec()) for r in window.inspector.stances.rows] == [("Iran", "against", None)]


def test_removing_a_stance_and_undo_restores_it(qtbot, window, driver, workspace):
    driver.highlight(HAMAS)
    uuid = window.selected
    add_stance(qtbot, window, "Iran", "against")
    add_stance(qtbot, window, "ISIS", "neutral")
    assert stances(workspace, uuid) == [("Iran", "against", None), ("ISIS", "neutral", None)]
    first = window.inspector.stances.rows[0]
    qtbot.mouseClick(first.remove, Qt.MouseButton.LeftButton)
    assert stances(workspace, uuid) == [("ISIS", "neutral", None)]
    assert [r.spec() for r in window.inspector.stances.rows] == [("ISIS", "neutral", None)]
    window.menu_actions.undo.trigger()
    assert stances(workspace, uuid) == [("Iran", "against", None), ("ISIS", "neutral", None)]
    assert len(window.inspector.stances.rows) == 2
    window.menu_actions.undo.trigger()
    assert stances(workspace, uuid) == [("Iran", "against", None)]
    window.menu_actions.redo.trigger()
    window.menu_actions.redo.trigger()
    assert stances(workspace, uuid) == [("ISIS", "neutral", None)]


def test_a_new_target_is_registered_with_its_stance_in_one_step(qtbot, window, driver,
                                                               workspace):
    driver.highlight(HAMAS)
    uuid = window.selected
    add_stance(qtbot, window, "Hamas", "favor")
    assert stances(workspace, uuid) == [("Hamas", "favor", None)]
    assert "Hamas" in {t.name for t in workspace.targets()}
    window.menu_actions.undo.trigger()
    assert stances(workspace, uuid) == []
    assert "Hamas" not in {t.name for t in workspace.targets()}


def test_a_label_with_intensity_shows_the_spin_box(qtbot, window, driver, workspace):
    workspace.run(SaveStanceLabel(StanceLabelFields("hostile", has_intensity=True)))
    driver.highlight(HAMAS)
    uuid = window.selected
    row = add_stance(qtbot, window, "Iran", "hostile")
    assert not row.intensity.isHidden()
    row.intensity.setValue(4)
    assert stances(workspace, uuid) == [("Iran", "hostile", 4)]
    row = add_stance(qtbot, window, "ISIS", "against")
    assert row.intensity.isHidden()


def test_another_highlight_shows_its_own_stances(qtbot, window, driver, workspace):
    driver.highlight(HAMAS)
    first = window.selected
    add_stance(qtbot, window, "Iran", "against")
    driver.highlight("Be prepared")
    qtbot.waitUntil(lambda: window.inspector.stances.rows == [])  # shown after the paint
    window.select_annotation(first)
    assert [r.spec() for r in window.inspector.stances.rows] == [("Iran", "against", None)]
