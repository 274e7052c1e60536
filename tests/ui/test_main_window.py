"""The main window through its real widgets: highlight with a key, reopen, undo and redo,
footnote markers and notes, code-point offsets after emoji and Arabic text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from glossator.services import Workspace
from glossator.ui.app.main_window import MainWindow

PASSAGE = "senior officials in the Iran-backed Iraqi militias accused Iran"


def test_window_shows_the_seed_report_with_named_panes(window, seed_report_id):
    for name in ("libraryView", "reportView", "footnotePanel", "annotationTable", "inspector",
                 "tagPalette"):
        assert window.findChild(QWidget, name) is not None, name
    assert window.report is not None and window.report.id == seed_report_id
    assert window.windowTitle() == f"Glossator \u2014 {window.report.title}"
    assert window.library.current_report_id() == seed_report_id
    assert "Reviewer: Tester" in window.reviewer_button.text()


def test_pressing_1_highlights_the_selection_and_saves_it(qtbot, window, driver, workspace,
                                                          seed_report_id):
    start = driver.highlight(PASSAGE)
    saved = workspace.annotations(seed_report_id)
    assert len(saved) == 1
    first_tag = next(t for t in workspace.tags() if t.shortcut == "1")
    assert first_tag.id == workspace.tags()[0].id
    assert (saved[0].start, saved[0].end, saved[0].quote) == (start, start + len(PASSAGE), PASSAGE)
    assert saved[0].tags == (first_tag.name,)
    assert saved[0].author == "Tester"
    view = window.report_view
    assert view.highlight_at(start + 3) == [saved[0].id]
    assert window.selected == saved[0].id
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 1)  # the row follows the paint
    assert window.inspector.current_id() == saved[0].id  # and so does the inspector
    assert window.statusBar().currentMessage() == "Annotation saved"
    assert window.library.model.summary_for(seed_report_id).annotation_count == 1


def test_highlight_is_painted_again_in_a_new_window(qtbot, window, driver, workspace, db_path,
                                                    app_settings, seed_report_id):
    start = driver.highlight(PASSAGE)
    key = workspace.annotations(seed_report_id)[0].id
    window.close()
    workspace.close()
    reopened = Workspace.open(db_path, reviewer="Tester")
    try:
        again = MainWindow(reopened, settings=app_settings)
        qtbot.addWidget(again)
        again.resize(1400, 900)
        with qtbot.waitExposed(again):
            again.show()
        assert again.report is not None and again.report.id == seed_report_id
        assert again.report_view.highlight_at(start + 5) == [key]
        again.report_view.scroll_to(start)
        again.report_view.viewport().repaint()
        block = again.report_view.document().findBlock(start)
        color = next(t.color for t in reopened.tags() if t.shortcut == "1")
        painted = [(r.start + block.position(), r.length, r.format.background().color().name())
                   for r in block.layout().formats()]
        assert (start, len(PASSAGE), color) in painted
        assert again.table.model.rowCount() == 1
        again.close()
    finally:
        reopened.close()


def test_undo_removes_it_from_the_database_and_redo_restores_the_same_id(
        qtbot, window, driver, workspace, seed_report_id):
    start = driver.highlight(PASSAGE)
    key = workspace.annotations(seed_report_id)[0].id
    assert window.menu_actions.undo.text() == "&Undo add highlight"
    window.menu_actions.undo.trigger()
    assert workspace.annotation(key) is None
    assert window.report_view.highlight_at(start + 3) == []
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 0)
    assert window.selected is None
    window.menu_actions.redo.trigger()
    restored = workspace.annotation(key)
    assert restored is not None and restored.quote == PASSAGE
    assert window.report_view.highlight_at(start + 3) == [key]


def test_ctrl_z_and_ctrl_shift_z(qtbot, window, driver, workspace, seed_report_id):
    driver.highlight(PASSAGE)
    key = workspace.annotations(seed_report_id)[0].id
    view = window.report_view
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert workspace.annotation(key) is None
    qtbot.keyClick(view, Qt.Key.Key_Z,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert workspace.annotation(key) is not None


def test_clicking_marker_3_selects_note_3(qtbot, window, driver):
    marker = next(m for m in window.report.markers if m.label == "3")
    driver.click(marker.start + 1)
    assert window.footnotes.selected_label() == "3"


def test_marker_1_shows_as_missing(qtbot, window, driver):
    marker = next(m for m in window.report.markers if m.label == "1")
    assert marker.note is None
    view = window.report_view
    view.scroll_to(marker.start)
    view.viewport().repaint()
    point = driver.point(marker.start + 1)
    assert view.tooltip_at(point) == "Note [1] is missing from the notes list"
    model = window.footnotes.model()
    row = model.row_of("1")
    assert row is not None and model.note(row).missing
    driver.click(marker.start + 1)
    assert window.footnotes.selected_label() == "1"
    assert "missing" in window.statusBar().currentMessage()


def test_selection_after_emoji_and_arabic_stores_code_points(qtbot, window, driver, workspace,
                                                             tmp_path):
    text = ("Intro 😀👨\u200d👩\u200d👧 قال المسؤول 🇮🇶 then the quoted passage[1] ends here."
            "\n\n[1] A note.")
    path = tmp_path / "emoji.txt"
    path.write_text(text, encoding="utf-8")
    window.import_paths([str(path)])
    report = window.report
    assert report is not None and report.summary.source_name == "emoji.txt"
    body = window.report_view.text()
    passage = "the quoted passage"
    start = body.index(passage)
    assert len(body[:start].encode("utf-16-le")) // 2 > start  # astral characters before it
    driver.highlight(passage, Qt.Key.Key_2)
    saved = workspace.annotations(report.id)
    assert [(a.start, a.end, a.quote) for a in saved] == [(start, start + len(passage), passage)]
    assert saved[0].tags == (next(t.name for t in workspace.tags() if t.shortcut == "2"),)
    assert saved[0].cites == ("1",)


def test_searching_the_library_keeps_the_open_report(qtbot, window, seed_report_id):
    qtbot.keyClicks(window.library.search, "border")
    assert window.report.id == seed_report_id
    window.library.search.clear()
    assert window.library.current_report_id() == seed_report_id


def test_hovering_a_marker_selects_its_note(qtbot, window, driver):
    marker = next(m for m in window.report.markers if m.label == "2")
    view = window.report_view
    view.scroll_to(marker.start)
    view.viewport().repaint()
    qtbot.mouseMove(view.viewport(), driver.point(marker.start + 1))
    qtbot.waitUntil(lambda: window.footnotes.selected_label() == "2")


def test_clicking_a_note_paints_the_markers_citing_it(qtbot, window):
    from PySide6.QtWidgets import QListView

    notes = window.footnotes.findChild(QListView, "footnoteList")
    model = window.footnotes.model()
    index = model.index(model.row_of("3"), 0)
    notes.scrollTo(index)
    qtbot.mouseClick(notes.viewport(), Qt.MouseButton.LeftButton,
                     pos=notes.visualRect(index).center())
    note = next(n for n in window.report.notes if n.label == "3")
    assert note.cited_by
    for start, _end in note.cited_by:
        assert any(k.startswith("\0cite:3") for k in window.report_view.highlight_at(start))
