"""Suggestions in the window: listed and drawn apart from annotations, accepted with A and
rejected with R (for good, until undone), Shift+N to the next; every step undone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

HAMAS = "Hamas and Hizbullah were left alone in the arena"


def loaded(qtbot, window):
    panel = window.findChild(QWidget, "suggestionPanel")
    assert panel is window.suggestion_panel
    qtbot.waitUntil(lambda: panel.count() > 0)
    return panel


def hamas(panel):
    return next(s for s in panel.suggestions() if s.kind == "quote" and HAMAS in s.quote)


def test_suggestions_are_listed_and_drawn_but_are_not_annotations(qtbot, window, workspace,
                                                                   seed_report_id):
    panel = loaded(qtbot, window)
    found = workspace.suggestions(seed_report_id)
    assert [s.key for s in panel.suggestions()] == [s.key for s in found]
    assert {s.key for s in window.report_view.layer.spans()} == {s.key for s in found}
    assert window.report_view.highlight_at(hamas(panel).start + 3) == []
    assert window.table.model.rowCount() == 0
    assert workspace.annotations(seed_report_id) == []
    tabs = window.lower_tabs
    assert tabs.tabText(tabs.indexOf(panel)) == f"Suggestions ({len(found)})"


def test_a_accepts_the_current_quote_as_an_attributed_annotation_and_undo_takes_it_back(
        qtbot, window, workspace, seed_report_id):
    panel = loaded(qtbot, window)
    quote = hamas(panel)
    panel.select(quote.key)
    window.report_view.setFocus()
    qtbot.keyClick(window.report_view, Qt.Key.Key_A)
    (made,) = workspace.annotations(seed_report_id)
    assert (made.start, made.end) == (quote.start, quote.end)
    assert made.speaker == "Muhammad Al-Tamimi"
    assert made.cites == ("3",)
    assert made.tags == ("Quote",)
    assert made.author == "Tester"
    assert quote.key not in {s.key for s in panel.suggestions()}
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 1)
    assert panel.current() is not None and panel.current().key != quote.key  # the next one
    assert window.report_view.layer.current == panel.current().key
    assert window.menu_actions.undo.text() == "&Undo accept suggestion"
    window.menu_actions.undo.trigger()
    assert workspace.annotations(seed_report_id) == []
    qtbot.waitUntil(lambda: quote.key in {s.key for s in panel.suggestions()})


def test_accepting_a_mention_attributes_a_speaker_or_notes_a_target(qtbot, window, workspace,
                                                                      seed_report_id):
    panel = loaded(qtbot, window)
    speaker = next(s for s in panel.suggestions() if s.kind == "mention" and s.speaker)
    target = next(s for s in panel.suggestions() if s.kind == "mention" and s.target)
    for s in (speaker, target):
        panel.select(s.key)
        qtbot.keyClick(window.report_view, Qt.Key.Key_A)
    made = {(a.start, a.end): a for a in workspace.annotations(seed_report_id)}
    assert made[(speaker.start, speaker.end)].speaker == speaker.speaker
    assert made[(target.start, target.end)].note == f"Mentions {target.target}"


def test_r_rejects_for_good_and_undo_proposes_it_again(qtbot, window, workspace,
                                                        seed_report_id, app_settings):
    panel = loaded(qtbot, window)
    quote = hamas(panel)
    panel.select(quote.key)
    qtbot.keyClick(window.report_view, Qt.Key.Key_R)
    assert quote.key not in {s.key for s in panel.suggestions()}
    assert quote.key not in {s.key for s in window.report_view.layer.spans()}
    assert workspace.annotations(seed_report_id) == []
    window.suggestions.refresh()  # read again from the workspace: still rejected
    assert quote.key not in {s.key for s in panel.suggestions()}
    assert quote.key not in {s.key for s in workspace.suggestions(seed_report_id)}
    window.menu_actions.undo.trigger()
    window.suggestions.refresh()
    assert quote.key in {s.key for s in panel.suggestions()}


def test_shift_n_walks_the_suggestions_from_the_caret(qtbot, window):
    panel = loaded(qtbot, window)
    ordered = panel.suggestions()
    window.navigation.caret_to(ordered[3].start)
    window.report_view.setFocus()
    qtbot.keyClick(window.report_view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert panel.current().key == ordered[3].key
    assert window.lower_tabs.currentWidget() is panel
    assert window.report_view.layer.current == ordered[3].key
    qtbot.keyClick(window.report_view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert panel.current().key == ordered[4].key
    qtbot.keyClick(window.report_view, Qt.Key.Key_P, Qt.KeyboardModifier.ShiftModifier)
    assert panel.current().key == ordered[3].key


def test_a_with_no_suggestion_chosen_says_so(qtbot, window):
    loaded(qtbot, window)
    window.suggestion_panel.select(None)
    window.report_view.setFocus()
    qtbot.keyClick(window.report_view, Qt.Key.Key_A)
    assert "No suggestion is selected" in window.statusBar().currentMessage()


def test_a_highlight_on_a_suggested_span_takes_it_off_the_list(qtbot, window, driver):
    panel = loaded(qtbot, window)
    quote = hamas(panel)
    driver.select(quote.start, quote.end)
    qtbot.keyClick(window.report_view, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: quote.key not in {s.key for s in panel.suggestions()})
