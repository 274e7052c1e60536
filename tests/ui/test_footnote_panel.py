"""FootnotePanel and its model, through real widgets."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListView, QListWidget

from glossator.ui.notes.footnote_panel import FootnoteListModel, FootnotePanel, NoteItem

TEXT = "Officials said[1] that the militia[2] will act. Later[1] they denied it[4]."
CITE_1 = ((TEXT.index("[1]"), TEXT.index("[1]") + 3), (TEXT.rindex("[1]"), TEXT.rindex("[1]") + 3))
CITE_2 = ((TEXT.index("[2]"), TEXT.index("[2]") + 3),)
CITE_4 = ((TEXT.index("[4]"), TEXT.index("[4]") + 3),)

NOTES = [
    NoteItem("1", "A post on X, December 8, 2024.", 100, 130, CITE_1, False),
    NoteItem("2", "Al-Sumaria, Iraq.", 131, 148, CITE_2, False),
    NoteItem("3", "An uncited source.", 149, 167, (), False),
    NoteItem("4", "", None, None, CITE_4, True),
]


@pytest.fixture
def panel(qtbot):
    w = FootnotePanel()
    qtbot.addWidget(w)
    w.resize(320, 480)
    w.set_report_text(TEXT)
    w.set_notes(NOTES)
    w.show()
    qtbot.waitExposed(w)
    return w


def note_list(panel: FootnotePanel) -> QListView:
    view = panel.findChild(QListView, "footnoteList")
    assert view is not None
    return view


def citation_list(panel: FootnotePanel) -> QListWidget:
    view = panel.findChild(QListWidget, "citationList")
    assert view is not None
    return view


def click_row(qtbot, view: QListView, row: int) -> None:
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_model_passes_modeltester(qtmodeltester):
    model = FootnoteListModel()
    model.set_notes(NOTES)
    qtmodeltester.check(model)
    model.set_notes([])
    qtmodeltester.check(model)


def test_rows_flag_missing_and_uncited(panel):
    model = panel.model()
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert texts[0] == "[1] A post on X, December 8, 2024."
    assert texts[2] == "[3] An uncited source.\n⚠ not cited in the text"
    assert texts[3] == "[4] — note missing"
    missing = model.index(3, 0)
    assert missing.data(FootnoteListModel.MissingRole) is True
    assert model.index(2, 0).data(FootnoteListModel.UncitedRole) is True
    assert model.index(0, 0).data(FootnoteListModel.UncitedRole) is False
    assert missing.data(Qt.ItemDataRole.DecorationRole) is not None
    assert "no note carries" in missing.data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 0).data(FootnoteListModel.NoteRole) == NOTES[1]


def test_click_note_emits_once_and_lists_citations(panel, qtbot):
    emitted: list[str] = []
    panel.noteActivated.connect(emitted.append)
    assert not citation_list(panel).isVisible()
    click_row(qtbot, note_list(panel), 0)
    qtbot.wait(10)
    assert emitted == ["1"]
    assert panel.selected_label() == "1"
    citations = citation_list(panel)
    assert citations.isVisible()
    assert citations.count() == 2
    assert "said[1] that" in citations.item(0).text()
    click_row(qtbot, note_list(panel), 0)  # a second click on the same note picks it again
    assert emitted == ["1", "1"]


def test_focus_alone_picks_nothing(panel, qtbot):
    with qtbot.assertNotEmitted(panel.noteActivated):
        note_list(panel).setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.wait(10)
    assert panel.selected_label() is None


def test_keyboard_navigation_emits(panel, qtbot):
    view = note_list(panel)
    view.setFocus()
    panel.select_note("1")
    with qtbot.waitSignal(panel.noteActivated) as blocker:
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert blocker.args == ["2"]


def test_citation_click_emits_label_and_start(panel, qtbot):
    panel.select_note("1")
    citations = citation_list(panel)
    rect = citations.visualItemRect(citations.item(1))
    with qtbot.waitSignal(panel.citationActivated) as blocker:
        qtbot.mouseClick(citations.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["1", CITE_1[1][0]]


def test_select_note_is_quiet_and_shows_citations(panel, qtbot):
    with qtbot.assertNotEmitted(panel.noteActivated):
        panel.select_note("4")
    assert panel.selected_label() == "4"
    assert citation_list(panel).count() == 1
    assert "denied it[4]" in citation_list(panel).item(0).text()
    panel.select_note("3")
    item = citation_list(panel).item(0)
    assert item.text() == "Not cited in the text"
    assert not item.flags() & Qt.ItemFlag.ItemIsEnabled
    panel.select_note("no such label")
    assert panel.selected_label() is None
    assert not citation_list(panel).isVisible()


def test_citations_without_report_text_show_positions(qtbot):
    panel = FootnotePanel()
    qtbot.addWidget(panel)
    panel.set_notes(NOTES)
    panel.select_note("2")
    assert citation_list(panel).item(0).text() == f"1. at character {TEXT.index('[2]'):,}"


def test_set_notes_resets_selection(panel):
    panel.select_note("1")
    panel.set_notes(NOTES[:2])
    assert panel.selected_label() is None
    assert panel.model().rowCount() == 2
    assert citation_list(panel).count() == 0
