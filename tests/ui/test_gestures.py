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
    returned: list[bool] = []
    unblock_if_stuck(returned)
    qtbot.keyClick(target, key, modifiers)
    returned.append(True)
    QApplication.processEvents()


def unblock_if_stuck(returned: list[bool], polls: int = 400) -> None:
    """A key that opens a dialog with its own event loop (exec) would hold the test: once
    the key press has not come back after many turns of that loop, the dialog is closed,
    and the test goes on to fail on what it expected instead."""
    from PySide6.QtCore import QTimer

    def poll(left: int) -> None:
        if returned:
            return
        dialog = QApplication.activeModalWidget()
        if left <= 0 and dialog is not None:
            dialog.close()
            return
        QTimer.singleShot(1, lambda: poll(left - 1))

    QTimer.singleShot(1, lambda: poll(polls))


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
    stance = [("Iran", row.label.itemText(row.label.currentIndex()))]
    assert [(s.target, s.label) for s in annotation.stances] == stance
    press(qtbot, Qt.Key.Key_Tab)  # on: Tab never lands on the row's remove button
    assert focused() is not row.remove
    press(qtbot, Qt.Key.Key_Space)  # so Space here discards nothing
    annotation = workspace.annotation(uuid)
    assert annotation is not None
    assert [(s.target, s.label) for s in annotation.stances] == stance
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


def test_the_toolbar_keeps_its_place_and_names_the_step_in_the_tooltip(
        qtbot, window, driver):
    from PySide6.QtWidgets import QToolBar, QToolButton

    bar = window.findChild(QToolBar, "mainToolbar")
    undo = bar.findChild(QToolButton, "undoButton")
    redo = bar.findChild(QToolButton, "redoButton")
    assert undo is not None and redo is not None
    width = undo.width()
    positions = [w.x() for w in bar.findChildren(QToolButton) if w.isVisible()]
    driver.highlight(FIRST)
    qtbot.keyClick(window.report_view, Qt.Key.Key_D, SHIFT)  # a decision: a long step name
    assert window.menu_actions.undo.text() == "&Undo dispute highlight"
    assert undo.text() == "Undo" and undo.width() == width
    assert undo.toolTip() == "Undo dispute highlight (Ctrl+Z)"
    assert [w.x() for w in bar.findChildren(QToolButton) if w.isVisible()] == positions
    qtbot.mouseClick(undo, Qt.MouseButton.LeftButton)
    assert redo.isEnabled() and redo.toolTip().startswith("Redo dispute highlight")


def test_the_shortcuts_sheet_reads_well_is_grouped_and_searchable(qtbot, window):
    press(qtbot, Qt.Key.Key_F1)
    sheet = window.shortcuts_sheet
    assert sheet is not None and sheet.isVisible()
    assert focused() is sheet.search
    rows = sheet.visible_rows()
    keys = " ".join(k for _g, _a, k in rows)
    assert "F14" not in keys and "F16" not in keys and "F19" not in keys
    assert ("Edit", "Undo", "Ctrl + Z or Alt + Backspace") in rows or any(
        g == "Edit" and a == "Undo" and k.startswith("Ctrl + Z") for g, a, k in rows)
    assert any(a == "Next report" and k == "Ctrl + Page Down" for _g, a, k in rows)
    groups = {g for g, _a, _k in rows}
    assert {"File", "Edit", "Annotate", "Navigate", "View", "Review", "Help"} <= groups
    qtbot.keyClicks(sheet.search, "ctrl + z")
    assert {a for _g, a, _k in sheet.visible_rows()} == {"Undo"}
    sheet.search.clear()
    qtbot.keyClicks(sheet.search, "export")
    assert [(g, a) for g, a, _k in sheet.visible_rows()] == [("File", "Export annotations")]


def test_the_first_run_asks_name_initials_and_colour_without_filling_in_the_login(
        qtbot, monkeypatch):
    from glossator.ui.app import run
    from glossator.ui.app.settings import AppSettings
    from glossator.ui.common import dialogs
    from tests.ui.modal import fill_reviewer_dialog

    monkeypatch.setattr(dialogs, "system_user_name", lambda: "Login Person")
    settings = AppSettings()
    settings.reviewer = None
    shown = fill_reviewer_dialog("Amira Haddad", color="green")
    name = run.choose_reviewer(None, settings, ["Bea"])
    (first_look,) = shown
    assert first_look["name"] == ""  # nothing filled in unasked
    assert first_look["account shown"] and "Login Person" in str(first_look["account"])
    assert first_look["ok"] is False  # no name, no start
    assert first_look["title"] == "Welcome to Glossator"
    assert name == "Amira Haddad" and settings.reviewer == "Amira Haddad"
    assert settings.reviewer_profile("Amira Haddad") == ("AH", "#1e7b34")
    settings.reviewer = None
    fill_reviewer_dialog("", use_account=True)
    assert run.choose_reviewer(None, settings, []) == "Login Person"
    settings.reviewer = None
    fill_reviewer_dialog("", press="cancel")
    assert run.choose_reviewer(None, settings, []) is None  # Quit: no window, no reviewer


def test_the_agreement_dialog_computes_on_open_fits_and_says_what_it_counts(
        qtbot, window, driver, workspace):
    driver.highlight(FIRST)
    workspace.set_reviewer("Bea")
    driver.highlight("Hamas and Hizbullah were left alone in the arena", Qt.Key.Key_2)
    workspace.set_reviewer("Tester")
    press(qtbot, Qt.Key.Key_G, Qt.KeyboardModifier.ControlModifier | SHIFT)
    dialog = window.review.dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert dialog.outcome is not None  # computed without pressing Compute
    assert dialog.measures.rowCount() >= 2 and dialog.measures.index(0, 1).data()
    counted = dialog.counted.text()
    assert "proposed, accepted and disputed" in counted and "leaves out rejected" in counted
    dialog.choices.include_rejected.setChecked(True)
    assert "proposed, accepted, rejected and disputed" in dialog.counted.text()
    room = dialog.screen().availableGeometry()
    assert dialog.width() <= room.width() and dialog.height() <= room.height()
    dialog.resize(int(1024 * 0.9), int(700 * 0.9))  # as it opens on a 1024 x 700 screen
    QApplication.processEvents()
    for table in (dialog.table, dialog.fields_table):  # the columns fit: no sideways scrolling
        header = table.horizontalHeader()
        assert header.length() <= table.viewport().width() + 1
        assert header.sectionSize(0) >= 80  # the names keep room
        shown = [header.sectionSize(c) for c in range(1, header.count())]
        hints = [header.sectionSizeHint(c) for c in range(1, header.count())]
        assert all(s >= h for s, h in zip(shown, hints, strict=True))  # numbers never cut


def test_a_web_report_opens_without_the_print_line_of_its_page(window, seed_report_id):
    """The seed report was copied from a web page whose tool bar left "print" above the
    date; the sample reports are imported at first start, as a new reviewer's are."""
    lines = window.report_view.text().split("\n")[:4]
    assert "print" not in lines
    assert lines[2] == "December 9, 2024"
