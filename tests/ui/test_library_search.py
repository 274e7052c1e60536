"""Full-text search from the library panel, as a reader uses it: type, wait, pick a result."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from glossator.services import Workspace
from glossator.ui.library.panel import LibraryPanel, ReportIdRole
from glossator.ui.library.search import NO_MATCH, RESULTS
from glossator.ui.library.search_results import SearchResultsModel, marked_html, snippet_html

ARABIC = (
    "تقرير الميليشيات\n\n"
    "قال المسؤول إن الميليشيات العراقية ستتحرك قريبا ضد العناصر الدولية في سوريا.\n"
)


def shown_ids(panel: LibraryPanel) -> list[int]:
    model = panel.searching.model
    return [model.index(r, 0).data(ReportIdRole) for r in range(model.rowCount())]


def report_id(workspace: Workspace, prefix: str) -> int:
    return next(r.id for r in workspace.reports() if r.source_name.startswith(prefix))


def type_text(widget, text: str) -> None:
    """Key events carrying each character, as an Arabic keyboard layout sends them
    (QTest.keyClicks knows Latin-1 keys only)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(
                widget, QKeyEvent(kind, Qt.Key.Key_unknown, Qt.KeyboardModifier.NoModifier, ch)
            )


def type_and_wait(qtbot, panel: LibraryPanel, text: str, page: int = RESULTS) -> None:
    panel.search.setFocus()
    panel.search.clear()
    type_text(panel.search, text)
    qtbot.waitUntil(lambda: panel.searching.query == text and panel.pages.currentIndex() == page)


@pytest.fixture
def panel(qtbot, workspace: Workspace) -> LibraryPanel:
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_reports(workspace.reports())
    panel.set_searcher(workspace.search)
    panel.resize(360, 600)
    panel.show()
    return panel


def test_results_model_passes_modeltester(qtmodeltester, workspace: Workspace) -> None:
    model = SearchResultsModel()
    model.set_hits(workspace.search("the "))
    assert model.rowCount() > 1
    qtmodeltester.check(model, force_py=True)


def test_two_words_list_the_matching_reports_only(qtbot, panel, workspace) -> None:
    harbor = report_id(workspace, "harbor")
    type_and_wait(qtbot, panel, "smuggling expelled")  # words of the text, not of the title
    assert shown_ids(panel) == [harbor]
    assert panel.searching.view.isVisible() and not panel.view.isVisible()
    assert panel.count_label.text() == "1 matching report"
    hit = panel.searching.model.hit(0)
    assert {hit.snippet[s:e].casefold() for s, e in hit.matches} >= {"expelled"}
    panel.searching.view.viewport().repaint()  # the delegate paints without complaint


def test_typing_waits_for_a_pause(qtbot, panel) -> None:
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, "smug")
    assert panel.searching.timer.isActive() and panel.searching.query == ""
    qtbot.waitUntil(lambda: panel.searching.query == "smug")  # a prefix while typing
    assert panel.searching.model.rowCount() == 1


def test_no_match_says_so_and_clearing_shows_the_library(qtbot, panel) -> None:
    type_and_wait(qtbot, panel, "zebra quokka", NO_MATCH)
    assert panel.searching.empty.isVisible()
    assert "No reports match" in panel.searching.empty.text()
    assert panel.count_label.text() == "No reports match"
    panel.search.clear()
    assert panel.pages.currentIndex() == 0 and panel.view.isVisible()
    assert panel.count_label.text() == f"{panel.model.rowCount()} reports"


@pytest.mark.parametrize("typed", ['"', "'", '"NEAR(*-:)', "iran*", "-militia", "a:b (c", "^+{}"])
def test_punctuation_and_quotes_never_crash(qtbot, panel, typed: str) -> None:
    panel.search.setFocus()
    qtbot.keyClicks(panel.search, typed)
    qtbot.waitUntil(lambda: panel.searching.query == typed)
    assert panel.pages.currentIndex() in (RESULTS, NO_MATCH)


def test_titles_still_match_by_part_of_a_word(qtbot, panel, workspace) -> None:
    type_and_wait(qtbot, panel, "bord tarif")  # neither is a whole word of the index
    assert shown_ids(panel) == [report_id(workspace, "border")]


def test_the_status_filter_applies_to_results(qtbot, panel, workspace) -> None:
    type_and_wait(qtbot, panel, "the ")
    assert len(shown_ids(panel)) > 1
    panel.filter.setCurrentIndex(panel.filter.findData("footnotes"))
    seed = report_id(workspace, "000_")
    assert seed in shown_ids(panel)
    broken = {r.id for r in workspace.reports() if r.broken_links}
    assert set(shown_ids(panel)) <= broken


def test_enter_opens_the_report_at_the_match(qtbot, window, workspace) -> None:
    harbor = report_id(workspace, "harbor")
    panel = window.library
    type_and_wait(qtbot, panel, "smuggling expelled")
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.report is not None and window.report.id == harbor)
    selected = window.report_view.textCursor().selectedText()
    assert selected.casefold() in {"smuggling", "expelled"}
    hit = panel.searching.model.hit(0)
    assert hit.match is not None
    start, end = hit.match
    assert window.report.text[start:end] == selected
    qtbot.waitUntil(window.report_view.hasFocus)


def test_double_click_and_arrows_open_results(qtbot, window, workspace) -> None:
    panel = window.library
    type_and_wait(qtbot, panel, "officials ")
    ids = shown_ids(panel)
    assert len(ids) >= 2
    view = panel.searching.view
    qtbot.keyClick(panel.search, Qt.Key.Key_Down)  # to the first result, which opens
    qtbot.waitUntil(lambda: window.report is not None and window.report.id == ids[0])
    assert window.report_view.textCursor().selectedText().casefold() == "officials"
    rect = view.visualRect(panel.searching.model.index(1, 0))
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.report.id == ids[1])
    assert window.report_view.textCursor().selectedText().casefold() == "officials"


def test_arabic_search_opens_at_the_arabic_word(qtbot, window, workspace, tmp_path: Path) -> None:
    source = tmp_path / "arabic.txt"
    source.write_text(ARABIC, encoding="utf-8")
    (outcome,) = window.import_paths([str(source)])
    panel = window.library
    qtbot.waitUntil(lambda: panel.model.row_of(outcome.report_id or 0) is not None)
    type_and_wait(qtbot, panel, "العراقية سوريا")
    assert shown_ids(panel) == [outcome.report_id]
    qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.report is not None and window.report.id == outcome.report_id)
    assert window.report_view.textCursor().selectedText() == "العراقية"


def test_html_of_a_result_escapes_and_bolds() -> None:
    assert marked_html("a <b> c", ((6, 7),)) == "a &lt;b&gt; <b>c</b>"
    from glossator.services.search import SearchHit

    hit = SearchHit(1, "T", 1.0, "x " * 40 + "word end", ((80, 84),), (), 10, 200)
    html = snippet_html(hit)
    assert html.startswith("…") and html.endswith("…") and "<b>word</b>" in html
