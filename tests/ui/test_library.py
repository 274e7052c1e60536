"""The report library: model, search and filter."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import Qt

from glossator.services.annotations import AddAnnotation
from glossator.ui.library.panel import COUNT, DATE, TITLE, LibraryModel, LibraryPanel, ReportIdRole


def test_model_passes_modeltester(qtmodeltester, workspace):
    model = LibraryModel()
    model.set_reports(workspace.reports())
    qtmodeltester.check(model, force_py=True)


def test_rows_show_title_date_and_annotation_count(qtbot, workspace, seed_report_id):
    workspace.run(AddAnnotation(seed_report_id, 0, 9))
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_reports(workspace.reports())
    model = panel.model
    row = model.row_of(seed_report_id)
    assert row is not None
    assert model.index(row, TITLE).data().startswith("Following The Fall")
    assert model.index(row, DATE).data() == "2024-12-09"
    assert model.index(row, COUNT).data() == "1"
    assert model.rowCount() == len(workspace.reports())


def test_search_matches_every_word_of_title_or_source(qtbot, workspace):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_reports(workspace.reports())
    panel.search.setText("border tariff")
    assert panel.proxy.rowCount() == 1
    assert "Border Market" in panel.proxy.index(0, TITLE).data()
    panel.search.setText("river-council")
    assert panel.proxy.rowCount() == 1
    panel.search.setText("")
    assert panel.proxy.rowCount() == panel.model.rowCount()
    assert panel.count_label.text() == f"{panel.model.rowCount()} reports"


def test_filters_by_annotation_state(qtbot, workspace, seed_report_id):
    workspace.run(AddAnnotation(seed_report_id, 0, 9))
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_reports(workspace.reports())
    panel.filter.setCurrentIndex(panel.filter.findData("annotated"))
    assert [panel.proxy.index(r, 0).data(ReportIdRole) for r in range(panel.proxy.rowCount())] \
        == [seed_report_id]
    panel.filter.setCurrentIndex(panel.filter.findData("unannotated"))
    assert panel.proxy.rowCount() == panel.model.rowCount() - 1
    panel.filter.setCurrentIndex(panel.filter.findData("footnotes"))
    ids = {panel.proxy.index(r, 0).data(ReportIdRole) for r in range(panel.proxy.rowCount())}
    assert seed_report_id in ids  # its marker [1] has no note


def test_selecting_a_row_activates_the_report(qtbot, workspace, seed_report_id):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_reports(workspace.reports())
    with qtbot.waitSignal(panel.reportActivated) as blocker:
        panel.select_report(seed_report_id)
    assert blocker.args == [seed_report_id]
    assert panel.current_report_id() == seed_report_id


def test_select_report_clears_a_filter_that_hides_it(qtbot, workspace, seed_report_id):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_reports(workspace.reports())
    panel.search.setText("no such words anywhere")
    assert panel.select_report(seed_report_id, notify=False)
    assert panel.search.text() == ""
    assert panel.current_report_id() == seed_report_id


def test_upsert_remove_and_count_update(workspace, seed_report_id):
    model = LibraryModel()
    reports = workspace.reports()
    model.set_reports(reports[:2])
    model.upsert(reports)
    assert model.rowCount() == len(reports)
    seed = next(r for r in reports if r.id == seed_report_id)
    model.upsert([dataclasses.replace(seed, annotation_count=7)])  # a changed count
    row = model.row_of(seed_report_id)
    assert model.index(row, COUNT).data() == "7"
    model.remove({seed_report_id})
    assert model.row_of(seed_report_id) is None
    assert model.rowCount() == len(reports) - 1


def test_sorting_by_date_uses_real_dates(qtbot, workspace):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_reports(workspace.reports())
    panel.view.sortByColumn(DATE, Qt.SortOrder.AscendingOrder)
    dates = [panel.proxy.index(r, DATE).data() for r in range(panel.proxy.rowCount())]
    real = [d for d in dates if d]
    assert real == sorted(real)


def test_filtering_never_opens_another_report(qtbot, workspace, seed_report_id):
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_reports(workspace.reports())
    panel.select_report(seed_report_id, notify=False)
    with qtbot.assertNotEmitted(panel.reportActivated):
        panel.search.setText("border")
        assert panel.current_report_id() is None
        panel.search.setText("")
        panel.filter.setCurrentIndex(panel.filter.findData("unannotated"))
        panel.filter.setCurrentIndex(0)
        panel.set_reports(workspace.reports())
    assert panel.current_report_id() == seed_report_id


def test_the_review_filters_follow_decisions(qtbot, window, workspace, seed_report_id, driver):
    """"Needs review" lists reports with undecided annotations; once another reviewer
    accepts the last one, the report moves to "Reviewed"."""
    from PySide6.QtCore import Qt as QtKeys

    panel = window.library
    shown = lambda: {panel.proxy.index(r, 0).data(ReportIdRole)  # noqa: E731
                     for r in range(panel.proxy.rowCount())}
    panel.filter.setCurrentIndex(panel.filter.findData("review"))
    assert seed_report_id not in shown()  # nothing annotated yet
    driver.highlight("These officials expressed concern")
    qtbot.waitUntil(lambda: seed_report_id in shown())
    window.ws.set_reviewer("Bea")  # a second pair of eyes accepts it
    qtbot.keyClick(window.report_view, QtKeys.Key.Key_A, QtKeys.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: seed_report_id not in shown())
    panel.filter.setCurrentIndex(panel.filter.findData("reviewed"))
    assert seed_report_id in shown()
    panel.filter.setCurrentIndex(panel.filter.findData("disputed"))
    assert seed_report_id not in shown()


def test_a_footnote_warning_is_shown_and_filtered_in_the_library(qtbot, workspace, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Report\n\nMade (1) twice.\n\nNotes\n\n(1) Of May 2.\n", encoding="utf-8")
    (outcome,) = workspace.import_paths([path])
    panel = LibraryPanel()
    qtbot.addWidget(panel)
    panel.set_reports(workspace.reports())
    row = panel.model.row_of(outcome.report_id)
    index = panel.model.index(row, TITLE)
    assert "Warning: \u201cNotes\u201d (line 5) looks like a notes section" in index.data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert index.data(Qt.ItemDataRole.DecorationRole) is not None
    panel.filter.setCurrentIndex(panel.filter.findData("footnotes"))
    ids = {panel.proxy.index(r, 0).data(ReportIdRole) for r in range(panel.proxy.rowCount())}
    assert outcome.report_id in ids
