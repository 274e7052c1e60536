"""Opening a report in a shown window: the text and what is in view are painted first; the
notes, every annotation and the table follow once that paint is done."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation


@pytest.fixture
def long_report(workspace: Workspace, tmp_path: Path) -> tuple[int, list[str], str]:
    """A report of 400 paragraphs with a marker and note; a highlight near the top, one
    near the end (out of view when the report opens at its top)."""
    body = "\n\n".join(
        f"Paragraph {n} says the militia warned the regime about its allies."
        + (" [1]" if n == 2 else "")
        for n in range(400)
    )
    path = tmp_path / "long.txt"
    path.write_text(f"A long report\n\n{body}\n\n[1] The only note.\n", encoding="utf-8")
    (outcome,) = workspace.import_paths([path])
    rid = outcome.report_id or 0
    text = workspace.report_text(rid).text
    tag = workspace.tags()[0]
    ids = []
    for phrase in ("Paragraph 3 says", "Paragraph 398 says"):
        start = text.index(phrase)
        command = AddAnnotation(rid, start, start + len(phrase), tag_ids=[tag.id])
        workspace.run(command)
        ids.append(command.uuid)
    return rid, ids, text


def test_what_is_in_view_is_painted_first_and_the_rest_follows(qtbot, window, long_report):
    rid, (near, far), text = long_report
    view = window.report_view
    window.open_report(rid)
    view.viewport().repaint()
    assert view.highlight_at(text.index("Paragraph 3 says") + 2) == [near]
    assert view.marker_at(text.index("[1]") + 1) is not None
    assert view.highlight_at(text.index("Paragraph 398 says") + 2) == []  # not read yet
    assert window.table.model.rowCount() == 0
    qtbot.waitUntil(lambda: window.table.model.rowCount() == 2)
    assert view.highlight_at(text.index("Paragraph 398 says") + 2) == [far]
    assert window.footnotes.model().rowCount() == 1
    assert window.windowTitle() == "Glossator \u2014 A long report"


def test_asking_for_the_report_values_completes_the_opening(qtbot, window, long_report):
    rid, ids, text = long_report
    window.open_report(rid)
    assert set(window.annotations) == set(ids)  # read in full before answering
    assert window.report is not None and window.report.id == rid
    assert window.table.model.rowCount() == 2
    assert window.report_view.highlight_at(text.index("Paragraph 398 says")) == [ids[1]]


def test_a_report_reopened_at_its_scroll_position_paints_the_highlights_there(
    qtbot, window, long_report, seed_report_id
):
    rid, (near, far), text = long_report
    window.open_report(rid)
    window.sync.complete()
    view = window.report_view
    view.scroll_to(text.index("Paragraph 398 says"))
    top = view.first_visible()
    window.open_report(seed_report_id)
    window.sync.complete()
    window.open_report(rid, top=top)
    view.viewport().repaint()
    assert view.first_visible() == top
    assert view.highlight_at(text.index("Paragraph 398 says") + 2) == [far]
    assert view.highlight_at(text.index("Paragraph 3 says") + 2) == []  # out of view
    qtbot.waitUntil(lambda: view.highlight_at(text.index("Paragraph 3 says") + 2) == [near])


def test_a_hidden_window_reads_the_report_in_full_at_once(qtbot, workspace, app_settings,
                                                          long_report):
    from glossator.ui.app.main_window import MainWindow

    rid, ids, _text = long_report
    hidden = MainWindow(workspace, settings=app_settings)
    qtbot.addWidget(hidden)
    hidden.open_report(rid)
    assert hidden.sync.shown_id == rid
    assert hidden.table.model.rowCount() == 2
    assert set(hidden.annotations_so_far()) == set(ids)  # no second step pending


def test_with_a_review_filter_the_first_paint_still_reads_only_what_is_in_view(
    qtbot, window, workspace, long_report
):
    """The author filter is asked while painting; it answers from the in-view values and
    never reads the report in full in the middle of a paint."""
    rid, (near, _far), text = long_report
    workspace.set_reviewer("Bea")  # a second reviewer, who has annotated nothing
    workspace.set_reviewer("Tester")
    window.review.filters.set_author("Bea")  # only Bea's work: none of these
    view = window.report_view
    window.open_report(rid)
    view.viewport().repaint()
    assert view.highlight_at(text.index("Paragraph 3 says") + 2) == []  # filtered out
    assert window.table.model.total() == 0  # the second step has not run
    qtbot.waitUntil(lambda: window.table.model.total() == 2)
    assert window.table.model.rowCount() == 0  # both filtered out
    window.review.filters.set_author("")
    assert view.highlight_at(text.index("Paragraph 3 says") + 2) == [near]
