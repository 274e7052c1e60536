"""A report's annotations fill the window a page at a time: every one ends up in the table
and the report; sorting and filtering set while it fills hold for the rows that come after;
a key pressed or an annotation picked while it fills acts at once, without waiting for the
pages (and nothing is shown twice); an edit updates the library's line without reading it
again."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt

import glossator.ui.app.annotation_fill as fill
from glossator.services.annotations import AddAnnotation
from glossator.ui.annotations.columns import QUOTE, sort_key

N = 300


@pytest.fixture
def paged(monkeypatch):
    """Pages of 10 annotations: a report of 300 takes thirty turns of the event loop."""
    for name in ("FIRST_PAGE", "MIN_PAGE", "MAX_PAGE"):
        monkeypatch.setattr(fill, name, 10)


@pytest.fixture
def crowded(workspace, tmp_path: Path) -> int:
    """A report of 150 paragraphs with two highlights on each."""
    body = "\n\n".join(f"Paragraph {n:03} says the militia warned the regime about its allies."
                       for n in range(150))
    path = tmp_path / "crowded.txt"
    path.write_text(f"A crowded report\n\n{body}\n", encoding="utf-8")
    (outcome,) = workspace.import_paths([path])
    rid = outcome.report_id or 0
    text = workspace.report_text(rid).text
    tags = [t.id for t in workspace.tags()[:3]]
    for n in range(150):
        start = text.index(f"Paragraph {n:03}")
        workspace.run(AddAnnotation(rid, start, start + 13, tag_ids=[tags[n % 3]]))
        workspace.run(AddAnnotation(rid, start + 19, start + 40, tag_ids=[tags[(n + 1) % 3]],
                                    note=f"note {n}"))
    return rid


def open_and_start(qtbot, window, rid: int) -> None:
    window.open_report(rid)
    window.report_view.viewport().repaint()  # the first paint: the pages start after it
    qtbot.waitUntil(lambda: window.sync.fill.filling)


def test_every_annotation_is_shown_once_the_pages_have_come(qtbot, window, workspace,
                                                            crowded, paged):
    open_and_start(qtbot, window, crowded)
    assert window.table.model.total() < N  # not all at once
    qtbot.waitUntil(lambda: not window.sync.fill.filling, timeout=20000)
    expected = workspace.annotations(crowded)
    assert window.table.model.shown_ids() == [a.id for a in expected]
    view = window.report_view
    assert all(a.id in view.highlight_at(a.start) for a in expected)
    assert set(window.annotations_so_far()) == {a.id for a in expected}


def test_a_sort_and_a_filter_chosen_while_filling_hold_for_every_row(qtbot, window, workspace,
                                                                      crowded, paged):
    open_and_start(qtbot, window, crowded)
    table = window.table
    table.view.sortByColumn(QUOTE, Qt.SortOrder.DescendingOrder)
    qtbot.keyClicks(table.search, "note:note")
    assert window.sync.fill.filling  # still coming
    qtbot.waitUntil(lambda: not window.sync.fill.filling, timeout=20000)
    noted = [a for a in workspace.annotations(crowded) if a.note]
    noted.sort(key=lambda a: (sort_key(a, QUOTE), a.id), reverse=True)
    assert table.model.shown_ids() == [a.id for a in noted]
    assert table.model.total() == N


def test_a_key_pressed_while_filling_acts_at_once(qtbot, window, workspace, crowded, paged,
                                                  driver):
    open_and_start(qtbot, window, crowded)
    text = window.report_view.text()
    start = text.index("Paragraph 001 says") + 14
    driver.select(start, start + 4)
    qtbot.keyPress(window.report_view, Qt.Key.Key_1)
    new = window.selected
    assert new is not None and workspace.annotation(new) is not None  # committed
    assert window.sync.fill.filling  # and the pages did not have to come first
    assert new in window.report_view.highlight_at(start)
    qtbot.waitUntil(lambda: not window.sync.fill.filling, timeout=20000)
    ids = window.table.model.shown_ids()
    assert len(ids) == len(set(ids)) == N + 1 and new in ids  # once, not twice


def test_an_annotation_whose_page_has_not_come_is_selected_at_once(qtbot, window, workspace,
                                                                    crowded, paged):
    open_and_start(qtbot, window, crowded)
    last = workspace.annotations(crowded)[-1]
    assert last.id not in window.annotations_so_far()
    window.select_annotation(last.id)
    assert window.selected == last.id
    assert window.inspector.current_id() == last.id
    assert window.table.selected_id() == last.id
    assert window.sync.fill.filling


def test_an_edit_updates_the_library_line_without_reading_it(qtbot, window, workspace,
                                                             crowded, paged, monkeypatch):
    open_and_start(qtbot, window, crowded)
    qtbot.waitUntil(lambda: not window.sync.fill.filling, timeout=20000)
    window.sync.flush_table()

    def no_read(_report_id):
        raise AssertionError("the library's line was read again")

    monkeypatch.setattr(workspace, "report_summary", no_read)
    before = window.library.model.summary_for(crowded)
    assert before is not None and before.annotation_count == N
    first = workspace.annotations(crowded)[0]
    window.select_annotation(first.id)
    window.menu_actions.delete.trigger()
    window.sync.flush_table()
    after = window.library.model.summary_for(crowded)
    assert after is not None
    assert (after.annotation_count, after.proposed_count) == (N - 1, before.proposed_count - 1)
