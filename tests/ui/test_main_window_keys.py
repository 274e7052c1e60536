"""Keyboard and pointer work in the main window: keys that must not fire while typing,
J/K, F, Delete, the inspector, the footnote panel and the annotation table."""

from __future__ import annotations

from PySide6.QtCore import Qt

PASSAGE = "senior officials in the Iran-backed Iraqi militias accused Iran"
SECOND = "These officials expressed concern"
THIRD = "Be prepared"


def annotate_three(driver):
    window = driver.window
    driver.highlight(PASSAGE, Qt.Key.Key_1)
    driver.highlight(SECOND, Qt.Key.Key_4)
    driver.highlight(THIRD, Qt.Key.Key_3)
    return sorted(window.annotations.values(), key=lambda a: a.start)


def test_digits_typed_in_text_fields_do_not_highlight(qtbot, window, driver, workspace,
                                                       seed_report_id):
    view = window.report_view
    start = view.toPlainText().index(PASSAGE)
    driver.select(start, start + len(PASSAGE))
    window.library.search.setFocus()
    qtbot.keyClicks(window.library.search, "12")
    assert window.library.search.text() == "12"
    annotate_three(driver)
    window.inspector.note.setFocus()
    qtbot.keyClicks(window.inspector.note, "3 4")
    assert window.inspector.note.toPlainText() == "3 4"
    assert len(workspace.annotations(seed_report_id)) == 3


def test_j_and_k_walk_the_annotations_in_text_order(qtbot, window, driver):
    ordered = annotate_three(driver)
    window.select_annotation(None)
    view = window.report_view
    cursor = view.textCursor()
    cursor.setPosition(0)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert window.selected == ordered[0].id
    qtbot.keyClick(view, Qt.Key.Key_J)
    assert window.selected == ordered[1].id
    assert view.selected() == ordered[1].id
    qtbot.waitUntil(lambda: window.table.selected_id() == ordered[1].id)
    qtbot.keyClick(view, Qt.Key.Key_K)
    qtbot.keyClick(view, Qt.Key.Key_K)
    assert window.selected == ordered[2].id  # wraps around


def test_delete_removes_the_selected_highlight_and_undo_restores_it(qtbot, window, driver,
                                                                   workspace):
    ordered = annotate_three(driver)
    window.select_annotation(ordered[1].id)
    window.report_view.setFocus()
    qtbot.keyClick(window.report_view, Qt.Key.Key_Delete)
    assert workspace.annotation(ordered[1].id) is None
    assert window.menu_actions.undo.text() == "&Undo delete highlight"
    assert window.statusBar().currentMessage() == "Deleted highlight"
    window.menu_actions.undo.trigger()
    assert workspace.annotation(ordered[1].id) is not None
    assert window.report_view.highlight_at(ordered[1].start) == [ordered[1].id]


def test_clicking_a_highlight_selects_it_and_the_inspector_edits_it(qtbot, window, driver,
                                                                   workspace):
    ordered = annotate_three(driver)
    window.select_annotation(None)
    view = window.report_view
    cursor = view.textCursor()
    cursor.clearSelection()
    view.setTextCursor(cursor)
    driver.click(ordered[2].start + 4)
    assert window.selected == ordered[2].id
    assert window.inspector.current_id() == ordered[2].id
    window.inspector.note.setPlainText("A threat to Iran")
    window.inspector.commit_note()
    assert workspace.annotation(ordered[2].id).note == "A threat to Iran"
    model = window.table.model
    qtbot.waitUntil(lambda: (row := model.row_of(ordered[2].id)) is not None
                    and model.annotation(row).note == "A threat to Iran")
    assert window.menu_actions.undo.text() == "&Undo edit note"
    window.menu_actions.undo.trigger()
    assert workspace.annotation(ordered[2].id).note == ""
    assert window.inspector.note.toPlainText() == ""


def test_tag_key_with_no_text_selected_toggles_the_tag_on_the_selection(qtbot, window, driver,
                                                                        workspace):
    ordered = annotate_three(driver)
    window.select_annotation(ordered[0].id)
    view = window.report_view
    cursor = view.textCursor()
    cursor.clearSelection()
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_2)
    tags = workspace.annotation(ordered[0].id).tags
    assert len(tags) == 2
    qtbot.keyClick(view, Qt.Key.Key_2)
    assert len(workspace.annotation(ordered[0].id).tags) == 1


def test_f_jumps_from_a_marker_to_its_note_and_back(qtbot, window, driver):
    view = window.report_view
    marker = next(m for m in window.report.markers if m.label == "3")
    note = next(n for n in window.report.notes if n.label == "3")
    window.navigation.caret_to(marker.start)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert window.footnotes.selected_label() == "3"
    assert window.navigation.caret() == note.start
    qtbot.keyClick(view, Qt.Key.Key_F)
    assert window.navigation.caret() == marker.start


def test_picking_a_note_paints_every_place_citing_it(qtbot, window, driver):
    note = next(n for n in window.report.notes if n.label == "3")
    window.navigation.show_citations("3")
    for start, _end in note.cited_by:
        keys = window.report_view.highlight_at(start)
        assert any(k.startswith("\0cite:3") for k in keys)
    window.navigation.show_citations("2")
    assert not any(k.startswith("\0cite:3")
                   for k in window.report_view.highlight_at(note.cited_by[0][0]))


def test_double_click_in_the_table_jumps_to_the_passage(qtbot, window, driver):
    ordered = annotate_three(driver)
    window.select_annotation(None)
    with qtbot.waitSignal(window.table.annotationActivated):
        window.table.annotationActivated.emit(ordered[2].id)
    assert window.selected == ordered[2].id
    assert window.report_view.hasFocus() or not window.isActiveWindow()


def test_new_highlight_cites_the_next_marker_in_its_paragraph(qtbot, window, driver, workspace):
    driver.highlight("Be prepared. Just as you abandoned Hizbullah")
    saved = next(iter(window.annotations.values()))
    assert saved.cites == ("2",)


def test_context_menu_offers_the_tags_and_highlights_the_selection(qtbot, window, driver,
                                                                   workspace, seed_report_id):
    start = window.report_view.toPlainText().index(SECOND)
    driver.select(start, start + len(SECOND))
    menu = window.editing.build_context_menu(driver.point(start + 3))
    assert "&Tag selection" in [a.text() for a in menu.actions()]
    tags = next(a.menu() for a in menu.actions() if a.menu() is not None)
    tags.actions()[2].trigger()  # the third tag of the codebook
    menu.deleteLater()
    saved = workspace.annotations(seed_report_id)
    assert [(a.quote, a.tag_ids) for a in saved] == [(SECOND, (workspace.tags()[2].id,))]


def test_shortcuts_sheet_lists_the_keys(qtbot, window, monkeypatch):
    from glossator.ui.common.dialogs import ShortcutsDialog

    sheets = []
    monkeypatch.setattr(ShortcutsDialog, "exec", lambda self: sheets.append(self) or 0)
    window.menu_actions.shortcuts.trigger()
    tree = sheets[0].tree
    rows = {tree.topLevelItem(i).child(j).text(0): tree.topLevelItem(i).child(j).text(1)
            for i in range(tree.topLevelItemCount())
            for j in range(tree.topLevelItem(i).childCount())}
    assert rows["Next annotation"] == "J"
    assert rows["Footnote ↔ marker"] == "F"
    assert rows["Claim"] == "1"
    assert "Ctrl+Z" in rows["Undo"]


def test_every_menu_action_has_a_key_or_a_mnemonic(window):
    for title, actions in window.menu_actions.menus:
        assert "&" in title
        for action in actions:
            assert "&" in action.text() or action.shortcuts(), action.text()


def test_panes_take_the_focus_from_the_keyboard(qtbot, window):
    a = window.menu_actions
    for action, expected in ((a.focus_library, window.library.view),
                             (a.focus_table, window.table.view),
                             (a.focus_report, window.report_view)):
        action.trigger()
        assert window.focusWidget() is expected or not window.isActiveWindow()
    a.focus_notes.trigger()
    assert window.footnotes.focusProxy() is not None
    a.find.trigger()
    assert window.library.search.hasFocus() or not window.isActiveWindow()


def test_deleting_the_selected_highlight_selects_nothing_else(qtbot, window, driver):
    ordered = annotate_three(driver)
    window.select_annotation(ordered[1].id)
    window.menu_actions.delete.trigger()
    assert window.selected is None
    assert window.table.selected_id() is None
    assert window.inspector.current_id() is None


def test_undo_of_a_change_in_another_report_opens_that_report(qtbot, window, driver,
                                                               workspace, seed_report_id):
    driver.highlight(THIRD)
    key = window.selected
    other = next(r for r in workspace.reports() if r.id != seed_report_id)
    window.library.select_report(other.id)
    assert window.report.id == other.id
    window.menu_actions.undo.trigger()
    assert workspace.annotation(key) is None
    assert window.report.id == seed_report_id
    window.menu_actions.redo.trigger()
    assert window.selected == key
