"""The table of a report's annotations: model, sorting, filtering, jump signals."""

from __future__ import annotations

from PySide6.QtCore import Qt

from glossator.services.annotations import AddAnnotation, DeleteAnnotations
from glossator.ui.annotations.table import (
    POSITION,
    QUOTE,
    TAGS,
    AnnotationIdRole,
    AnnotationTable,
    AnnotationTableModel,
)


def _annotate(ws, report_id):
    tags = {t.name: t.id for t in ws.tags()}
    text = ws.report(report_id).text
    spans = [(text.index("senior officials"), "Claim"), (text.index("accused Iran"), "Accusation"),
             (text.index("Be prepared"), "Threat")]
    for start, tag in spans:
        ws.run(AddAnnotation(report_id, start, start + 11, tag_ids=[tags[tag]], note=f"{tag} note"))
    return ws.annotations(report_id)


def test_model_passes_modeltester(qtmodeltester, workspace, seed_report_id):
    model = AnnotationTableModel()
    model.set_annotations(_annotate(workspace, seed_report_id))
    qtmodeltester.check(model, force_py=True)


def test_upsert_and_remove_keep_rows_indexed(workspace, seed_report_id):
    views = _annotate(workspace, seed_report_id)
    model = AnnotationTableModel()
    model.set_annotations(views[:1])
    model.upsert(views)
    assert model.rowCount() == 3
    model.remove([views[0].id])
    assert model.row_of(views[0].id) is None
    assert model.row_of(views[2].id) == 1
    assert model.index(1, QUOTE).data(AnnotationIdRole) == views[2].id


def test_filter_by_text_and_tag(qtbot, workspace, seed_report_id):
    table = AnnotationTable()
    qtbot.addWidget(table)
    table.set_tags(workspace.tags())
    table.model.set_annotations(_annotate(workspace, seed_report_id))
    table.search.setText("accusation")
    assert table.model.rowCount() == 1
    assert table.model.index(0, TAGS).data() == "Accusation"
    table.search.clear()
    table.tag_filter.setCurrentIndex(table.tag_filter.findData("Threat"))
    assert table.model.rowCount() == 1
    assert table.model.index(0, QUOTE).data() == "Be prepared"
    table.tag_filter.setCurrentIndex(0)
    assert table.model.rowCount() == 3


def test_sorts_by_position_numerically(qtbot, workspace, seed_report_id):
    table = AnnotationTable()
    qtbot.addWidget(table)
    views = _annotate(workspace, seed_report_id)
    table.model.set_annotations(list(reversed(views)))
    table.view.sortByColumn(POSITION, Qt.SortOrder.AscendingOrder)
    ids = [table.model.index(r, 0).data(AnnotationIdRole) for r in range(3)]
    assert ids == [v.id for v in sorted(views, key=lambda v: v.start)]
    table.view.sortByColumn(POSITION, Qt.SortOrder.DescendingOrder)
    assert table.model.index(0, 0).data(AnnotationIdRole) == max(views, key=lambda v: v.start).id


def test_double_click_activates_and_selection_selects(qtbot, workspace, seed_report_id):
    table = AnnotationTable()
    qtbot.addWidget(table)
    table.resize(900, 300)
    with qtbot.waitExposed(table):
        table.show()
    views = _annotate(workspace, seed_report_id)
    table.model.set_annotations(views)
    with qtbot.waitSignal(table.annotationSelected) as selected:
        table.select_annotation(views[1].id, notify=True)
    assert selected.args == [views[1].id]
    table.select_annotation(views[2].id)
    assert table.selected_id() == views[2].id
    index = table.model.index(table.model.row_of(views[0].id), QUOTE)
    rect = table.view.visualRect(index)
    with qtbot.waitSignal(table.annotationActivated) as activated:
        qtbot.mouseClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(table.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert activated.args == [views[0].id]


def test_deleted_annotations_leave_the_model(workspace, seed_report_id):
    views = _annotate(workspace, seed_report_id)
    model = AnnotationTableModel()
    model.set_annotations(views)
    workspace.run(DeleteAnnotations([views[0].id]))
    model.remove([views[0].id])
    assert [model.annotation(r).id for r in range(model.rowCount())] == [v.id for v in views[1:]]


def test_filtering_and_removing_rows_select_nothing_new(qtbot, workspace, seed_report_id):
    table = AnnotationTable()
    qtbot.addWidget(table)
    views = _annotate(workspace, seed_report_id)
    table.set_annotations(views)
    table.select_annotation(views[1].id)
    with qtbot.assertNotEmitted(table.annotationSelected):
        table.search.setText("threat")
        assert table.selected_id() is None
        table.search.clear()
        assert table.selected_id() == views[1].id
        table.remove([views[1].id])
        assert table.selected_id() is None
        table.upsert(views[1:2])
    assert table.selected_id() == views[1].id
