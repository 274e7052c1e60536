"""Attribution in the inspector: the speaker picker (type-ahead by alias, a new speaker in
place), the S key, and the footnotes a new highlight cites; each edit undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

HAMAS = "Hamas and Hizbullah were left alone in the arena facing an unknown fate"
PASSAGE = "senior officials in the Iran-backed Iraqi militias accused Iran"


def pick_by_typing(qtbot, combo: QComboBox, text: str) -> list[str]:
    """Type into an editable combo with a name completer; the rows offered, then Enter."""
    combo.setFocus()
    combo.lineEdit().clear()
    qtbot.keyClicks(combo.lineEdit(), text)
    popup = combo.names.popup() if hasattr(combo, "names") else combo.parent().names.popup()
    rows = [popup.model().index(i, 0).data() for i in range(popup.model().rowCount())]
    qtbot.keyClick(popup if popup.isVisible() else combo.lineEdit(), Qt.Key.Key_Return)
    return rows


def test_typing_an_alias_offers_the_speaker_and_picking_it_attributes_the_passage(
        qtbot, window, driver, workspace):
    driver.highlight(HAMAS)
    uuid = window.selected
    picker = window.findChild(QComboBox, "speakerPicker")
    assert picker is not None and picker is window.inspector.speaker
    rows = pick_by_typing(qtbot, picker, "Tamimi")
    assert rows[0] == "Muhammad Al-Tamimi \u2014 Faylaq Al-Wa'ad Al-Sadiq, militia leader"
    assert workspace.annotation(uuid).speaker == "Muhammad Al-Tamimi"
    assert picker.currentText() == "Muhammad Al-Tamimi"
    assert "Faylaq" in window.inspector.speaker_detail.text()
    assert window.menu_actions.undo.text() == "&Undo attribute to a speaker"
    window.menu_actions.undo.trigger()
    assert workspace.annotation(uuid).speaker is None
    assert picker.currentText() == ""
    window.menu_actions.redo.trigger()
    assert workspace.annotation(uuid).speaker == "Muhammad Al-Tamimi"


def test_an_arabic_article_and_case_do_not_matter(qtbot, window, driver, workspace):
    driver.highlight(HAMAS)
    rows = pick_by_typing(qtbot, window.inspector.speaker, "al-zaydi")
    assert rows[0].startswith("Shibl Al-Zaydi")
    assert workspace.annotation(window.selected).speaker == "Shibl Al-Zaydi"


def test_s_focuses_the_picker_and_a_new_name_registers_a_speaker_in_one_undo_step(
        qtbot, window, driver, workspace):
    driver.highlight(HAMAS)
    uuid = window.selected
    qtbot.keyClick(window.report_view, Qt.Key.Key_S)
    picker = window.inspector.speaker
    focused = QApplication.focusWidget()
    assert focused in (picker, picker.lineEdit()) or not window.isActiveWindow()
    rows = pick_by_typing(qtbot, picker, "Hadi Al-Amiri")
    assert rows[-1] == "Add \u201cHadi Al-Amiri\u201d as a new speaker"
    assert workspace.annotation(uuid).speaker is None  # a new speaker is asked for again
    popup = picker.names.popup()
    qtbot.waitUntil(lambda: popup.isVisible() and popup.currentIndex().isValid())
    assert popup.currentIndex().data() == rows[-1]
    qtbot.keyClick(popup, Qt.Key.Key_Return)  # yes: a new speaker
    assert workspace.annotation(uuid).speaker == "Hadi Al-Amiri"
    assert "Hadi Al-Amiri" in {s.name for s in workspace.speakers()}
    assert picker.findText("Hadi Al-Amiri") >= 0
    window.menu_actions.undo.trigger()
    assert workspace.annotation(uuid).speaker is None
    assert "Hadi Al-Amiri" not in {s.name for s in workspace.speakers()}
    assert picker.findText("Hadi Al-Amiri") < 0


def test_emptying_the_picker_clears_the_speaker(qtbot, window, driver, workspace):
    driver.highlight(HAMAS)
    pick_by_typing(qtbot, window.inspector.speaker, "Soleimani")
    assert workspace.annotation(window.selected).speaker == "Qasem Soleimani"
    line = window.inspector.speaker.lineEdit()
    line.clear()
    qtbot.keyClick(line, Qt.Key.Key_Return)
    assert workspace.annotation(window.selected).speaker is None
    window.menu_actions.undo.trigger()
    assert workspace.annotation(window.selected).speaker == "Qasem Soleimani"


def test_s_without_a_selected_highlight_says_so(qtbot, window):
    window.select_annotation(None)
    window.report_view.setFocus()
    qtbot.keyClick(window.report_view, Qt.Key.Key_S)
    assert "Select a highlight" in window.statusBar().currentMessage()


def test_a_quote_of_al_tamimis_second_paragraph_cites_note_3(qtbot, window, driver, workspace):
    driver.highlight(HAMAS)
    assert workspace.annotation(window.selected).cites == ("3",)
    qtbot.waitUntil(lambda: window.inspector.cites.text() == "3")  # shown after the paint


def test_the_span_label_has_a_working_mnemonic(window):
    from PySide6.QtWidgets import QLabel

    labels = [w for w in window.inspector.findChildren(QLabel) if w.text() == "S&pan"]
    assert labels and labels[0].buddy() is window.inspector.start
