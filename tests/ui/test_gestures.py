"""The everyday gestures a new reviewer tried and saw go wrong, done as they did them: each
test here failed on the code before the fix."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

FIRST = "senior officials in the Iran-backed Iraqi militias accused Iran"
SHIFT = Qt.KeyboardModifier.ShiftModifier


def focused():
    """The widget keys go to. Offscreen, a popup that closed stays the active window, where
    a desktop gives the activation back to the window below it: so does this."""
    active = QApplication.activeWindow()
    if active is None or not active.isVisible():
        main = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow")
        main.activateWindow()
        QApplication.processEvents()
    widget = QApplication.focusWidget()
    assert widget is not None
    return widget


def press(qtbot, key: Qt.Key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    """A key as the application delivers it: to an open popup (a completer's list, a combo
    box's list), else to the widget with the focus; what it queued (a widget shown, a popup
    opened) is handled before the next key, as between a person's keystrokes."""
    popup = QApplication.activePopupWidget()
    target = (popup.focusWidget() or popup) if popup is not None else focused()
    qtbot.keyClick(target, key, modifiers)
    QApplication.processEvents()


def test_a_comment_typed_before_the_decision_key_goes_with_the_decision(
        qtbot, window, driver, workspace):
    driver.highlight(FIRST)
    uuid = window.selected
    qtbot.keyClick(window.report_view, Qt.Key.Key_C, SHIFT)  # Shift+C: the comment box
    assert focused() is window.inspector.review.box
    qtbot.keyClicks(focused(), "these are not his words")
    qtbot.keyClick(focused(), Qt.Key.Key_Escape)  # back to the report, the comment kept
    assert window.selected == uuid and focused() is window.report_view
    qtbot.keyClick(focused(), Qt.Key.Key_D, SHIFT)  # Shift+D: dispute
    thread = workspace.review_thread(uuid)
    assert thread is not None and thread.status == "disputed"
    (entry,) = thread.entries
    assert (entry.decision, entry.body) == ("disputed", "these are not his words")
    assert window.inspector.review.box.toPlainText() == ""


def test_ctrl_enter_in_the_comment_box_posts_the_comment(qtbot, window, driver, workspace):
    driver.highlight(FIRST)
    uuid = window.selected
    qtbot.keyClick(window.report_view, Qt.Key.Key_C, SHIFT)
    qtbot.keyClicks(focused(), "see note 2")
    qtbot.keyClick(focused(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    thread = workspace.review_thread(uuid)
    assert thread is not None and [(e.decision, e.body) for e in thread.entries] == [
        (None, "see note 2")]
    assert thread.status == "proposed"


def speaker_field(window):
    return window.inspector.speaker.lineEdit()


def test_the_speaker_type_ahead_picks_the_existing_match_first(qtbot, window, driver,
                                                               workspace):
    driver.highlight(FIRST)
    uuid = window.selected
    speakers_before = {s.name for s in workspace.speakers()}
    qtbot.keyClick(window.report_view, Qt.Key.Key_S)  # S: the speaker picker
    qtbot.keyClicks(focused(), "Tam")
    popup = window.inspector.speaker.names.popup()
    qtbot.waitUntil(popup.isVisible)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    annotation = workspace.annotation(uuid)
    assert annotation is not None and annotation.speaker == "Muhammad Al-Tamimi"
    assert {s.name for s in workspace.speakers()} == speakers_before  # no speaker "Tam"


def test_creating_a_speaker_is_the_explicit_last_choice(qtbot, window, driver, workspace):
    driver.highlight(FIRST)
    uuid = window.selected
    qtbot.keyClick(window.report_view, Qt.Key.Key_S)
    qtbot.keyClicks(focused(), "Tam")
    popup = window.inspector.speaker.names.popup()
    qtbot.waitUntil(popup.isVisible)
    last = popup.model().rowCount() - 1
    assert popup.model().index(last, 0).data() == "Add \u201cTam\u201d as a new speaker"
    press(qtbot, Qt.Key.Key_Up)  # from the field: up goes to the last row
    assert popup.currentIndex().row() == last
    press(qtbot, Qt.Key.Key_Return)
    annotation = workspace.annotation(uuid)
    assert annotation is not None and annotation.speaker == "Tam"


def test_enter_on_a_name_nobody_has_asks_before_creating(qtbot, window, driver, workspace):
    driver.highlight(FIRST)
    uuid = window.selected
    before = {s.name for s in workspace.speakers()}
    qtbot.keyClick(window.report_view, Qt.Key.Key_S)
    qtbot.keyClicks(focused(), "Zyxw Qopr")
    popup = window.inspector.speaker.names.popup()
    qtbot.waitUntil(popup.isVisible)
    press(qtbot, Qt.Key.Key_Return)  # first Enter: the Add row, highlighted
    assert {s.name for s in workspace.speakers()} == before
    qtbot.waitUntil(lambda: popup.isVisible() and popup.currentIndex().isValid())
    assert "Add" in popup.currentIndex().data()
    press(qtbot, Qt.Key.Key_Return)  # second Enter: yes, a new speaker
    annotation = workspace.annotation(uuid)
    assert annotation is not None and annotation.speaker == "Zyxw Qopr"


def test_a_stance_added_by_keyboard_alone_is_kept(qtbot, window, driver, workspace):
    driver.highlight(FIRST)
    uuid = window.selected
    press(qtbot, Qt.Key.Key_T)  # T: a stance row, the cursor in it
    row = window.inspector.stances.rows[-1]
    assert row.isVisible() and focused() is row.target
    qtbot.keyClicks(focused(), "Iran")
    press(qtbot, Qt.Key.Key_Return)  # the target
    assert row.target.currentText() == "Iran"
    press(qtbot, Qt.Key.Key_Tab)  # to the stance label
    assert focused() is row.label
    press(qtbot, Qt.Key.Key_Space)  # opens the scale
    qtbot.waitUntil(lambda: QApplication.activePopupWidget() is not None)
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Return)
    annotation = workspace.annotation(uuid)
    assert annotation is not None
    assert [(s.target, s.label) for s in annotation.stances] == [("Iran", row.label.itemText(
        row.label.currentIndex()))]
    assert row in window.inspector.stances.rows and row.isVisible()


def test_every_inspector_field_works_by_keyboard_alone(qtbot, window, driver, workspace):
    """Ctrl+5 to the inspector, then Tab from field to field, each changed by keys."""
    driver.highlight(FIRST)
    uuid = window.selected
    inspector = window.inspector
    press(qtbot, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert focused() is inspector.tags
    press(qtbot, Qt.Key.Key_Down)
    press(qtbot, Qt.Key.Key_Space)  # ticks the second tag
    tags = workspace.tags()
    assert set(workspace.annotation(uuid).tag_ids) == {tags[0].id, tags[1].id}
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is inspector.speaker
    qtbot.keyClicks(focused(), "Soleimani")
    press(qtbot, Qt.Key.Key_Return)
    assert workspace.annotation(uuid).speaker == "Qasem Soleimani"
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is inspector.stances.add_button
    press(qtbot, Qt.Key.Key_Space)  # a stance row, the cursor in its target
    row = inspector.stances.rows[-1]
    assert focused() is row.target
    qtbot.keyClicks(focused(), "ISIS")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is row.label
    press(qtbot, Qt.Key.Key_A)  # a label by its first letter: against
    assert [(s.target, s.label) for s in workspace.annotation(uuid).stances] == [
        ("ISIS", "against")]
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is inspector.stances.add_button
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is inspector.cites
    focused().selectAll()
    qtbot.keyClicks(focused(), "2, 3")
    press(qtbot, Qt.Key.Key_Tab)
    assert workspace.annotation(uuid).cites == ("2", "3")
    assert focused() is inspector.start
    start = workspace.annotation(uuid).start
    press(qtbot, Qt.Key.Key_Up)  # one code point later
    press(qtbot, Qt.Key.Key_Tab)
    assert workspace.annotation(uuid).start == start + 1
    assert focused() is inspector.end
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is inspector.use_selection
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is inspector.note
    qtbot.keyClicks(focused(), "typed, never clicked")
    press(qtbot, Qt.Key.Key_Tab)  # leaving the note saves it
    assert workspace.annotation(uuid).note == "typed, never clicked"
    review = inspector.review
    assert focused() in (review.reject, review.dispute)  # Accept: not one's own
    press(qtbot, Qt.Key.Key_Space)
    assert workspace.annotation(uuid).status in ("rejected", "disputed")


def test_delete_on_a_stance_label_removes_the_stance(qtbot, window, driver, workspace):
    driver.highlight(FIRST)
    uuid = window.selected
    press(qtbot, Qt.Key.Key_T)
    row = window.inspector.stances.rows[-1]
    qtbot.keyClicks(focused(), "Iran")
    press(qtbot, Qt.Key.Key_Return)
    press(qtbot, Qt.Key.Key_Tab)
    press(qtbot, Qt.Key.Key_F)  # favor
    assert [s.label for s in workspace.annotation(uuid).stances] == ["favor"]
    assert focused() is row.label
    press(qtbot, Qt.Key.Key_Delete)
    assert workspace.annotation(uuid).stances == ()
    assert focused() is window.inspector.stances.add_button
