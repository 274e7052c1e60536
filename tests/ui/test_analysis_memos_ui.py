"""View ▸ Memos…: a memo written in the dialog is saved, undone and redone from the Edit
menu, edited and deleted the same way, and found by the library search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from glossator.services.analysis import Analysis
from glossator.services.memos import AddMemo
from glossator.ui.analysis.memo_dialog import MemoDialog
from tests.ui.analysis_fixtures import click


def open_memos(window) -> MemoDialog:
    window.analysis.actions.memos.trigger()
    dialog = window.findChild(QDialog, "memoDialog")
    assert isinstance(dialog, MemoDialog) and dialog.isVisible()
    return dialog


def write(qtbot, dialog: MemoDialog, title: str, text: str) -> None:
    click(qtbot, dialog.buttons["new"])
    qtbot.keyClicks(dialog.title, title)
    dialog.text.setFocus()
    qtbot.keyClicks(dialog.text, text)
    click(qtbot, dialog.buttons["save"])


def headings(dialog: MemoDialog) -> list[str]:
    return [m.heading for m in dialog.memos_listed()]


def test_a_memo_on_the_open_report_is_saved_undone_and_redone(qtbot, window, workspace,
                                                             seed_report_id):
    window.open_report(seed_report_id)
    dialog = open_memos(window)
    assert dialog.kind.currentData() == "report" and dialog.subject.currentData() == (
        seed_report_id)
    write(qtbot, dialog, "Why this report", "Tamimi blames *Iran* for the collapse.")
    assert headings(dialog) == ["Why this report"]
    assert dialog.info.text().startswith("by Tester, written ")
    (saved,) = Analysis(workspace).memos("report", seed_report_id)
    assert saved.text == "Tamimi blames *Iran* for the collapse." and saved.author == "Tester"
    dialog.editor_tabs.setCurrentWidget(dialog.preview)
    assert "Iran" in dialog.preview.toHtml() and "font-style:italic" in dialog.preview.toHtml()
    window.menu_actions.undo.trigger()
    assert Analysis(workspace).memos("report", seed_report_id) == []
    assert headings(dialog) == []
    window.menu_actions.redo.trigger()
    assert [m.id for m in Analysis(workspace).memos("report", seed_report_id)] == [saved.id]
    assert headings(dialog) == ["Why this report"]


def test_editing_and_deleting_are_undone_too(qtbot, window, workspace):
    dialog = open_memos(window)
    dialog.choose("tag", next(t.id for t in workspace.tags() if t.name == "Quote"))
    write(qtbot, dialog, "", "Quotes are the speakers' own words.")
    assert headings(dialog) == ["Quotes are the speakers' own words."]
    dialog.text.selectAll()
    qtbot.keyClicks(dialog.text, "Quotes: verbatim only.")
    click(qtbot, dialog.buttons["save"])
    assert [m.text for m in Analysis(workspace).memos("tag", "Quote")] == [
        "Quotes: verbatim only."]
    window.menu_actions.undo.trigger()
    assert dialog.text.toPlainText() == "Quotes are the speakers' own words."
    click(qtbot, dialog.buttons["delete"])
    assert Analysis(workspace).memos("tag", "Quote") == [] and headings(dialog) == []
    window.menu_actions.undo.trigger()
    assert headings(dialog) == ["Quotes are the speakers' own words."]


def test_an_empty_memo_is_refused_in_one_sentence(qtbot, window, workspace):
    dialog = open_memos(window)
    dialog.choose("workspace")
    click(qtbot, dialog.buttons["new"])
    click(qtbot, dialog.buttons["save"])
    assert dialog.status.text() == "Write something first"
    assert Analysis(workspace).memos() == []


def test_text_being_written_survives_another_change(qtbot, window, workspace):
    dialog = open_memos(window)
    dialog.choose("workspace")
    click(qtbot, dialog.buttons["new"])
    qtbot.keyClicks(dialog.text, "half a thought")
    window.undo.push(AddMemo("workspace", None, "someone else's memo"))
    assert dialog.text.toPlainText() == "half a thought"
    assert headings(dialog) == ["someone else's memo"]


def test_the_library_search_finds_memos_and_opens_them(qtbot, window, workspace):
    dialog = open_memos(window)
    dialog.choose("speaker", next(s.id for s in workspace.speakers()
                                  if s.name == "Muhammad Al-Tamimi"))
    write(qtbot, dialog, "Tamimi's shifts", "He moved from praise to blame of the axis.")
    dialog.close()
    panel = window.library
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "blame axis")
    qtbot.waitUntil(lambda: window.analysis.memo_hits is not None
                    and window.analysis.memo_hits.isVisible())
    hits = window.analysis.memo_hits
    assert hits.list.count() == 1
    item = hits.list.item(0)
    assert item.text().startswith("Tamimi's shifts \u2014 about speaker Muhammad Al-Tamimi")
    assert "blame" in item.text()
    assert hits.heading.text() == "<b>Memos</b>: 1 matching"
    rect = hits.list.visualItemRect(item)
    qtbot.mouseClick(hits.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.isVisible() and dialog.editing is not None
    assert dialog.editing.title == "Tamimi's shifts"
    panel.search.clear()
    qtbot.keyClicks(panel.search, "nothingmatcheshere")
    qtbot.waitUntil(lambda: not hits.isVisible())
    panel.search.clear()
    assert not hits.isVisible()
