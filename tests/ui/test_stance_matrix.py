"""The stance matrix: a model that passes qtmodeltester, counts that follow accepted work,
a cell's passages opening their report, and exports that other readers parse."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QDialog, QTableView

from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.values import StanceMatrix
from glossator.ui.attribution.speaker_summary import SpeakerSummaryDialog
from glossator.ui.attribution.stance_matrix_model import (
    CountsRole,
    StanceMatrixModel,
    TotalRole,
    cell_color,
)

HAMAS = "Hamas and Hizbullah were left alone in the arena"


def test_model_passes_the_model_tester(qtmodeltester):
    model = StanceMatrixModel()
    model.set_matrix(StanceMatrix(("A", "B"), ("Iran", "ISIS", "U.S."), ("favor", "against"),
                                  {("A", "Iran", "against"): 3, ("B", "ISIS", "favor"): 1,
                                   ("A", "ISIS", "favor"): 1, ("A", "ISIS", "against"): 1}))
    qtmodeltester.check(model, force_py=True)
    assert model.index(0, 0).data() == "against 3"
    assert model.index(0, 1).data(CountsRole) == {"favor": 1, "against": 1}
    assert model.index(1, 2).data() == ""
    assert model.headerData(2, Qt.Orientation.Horizontal) == "U.S."
    model.set_matrix(StanceMatrix((), (), (), {}))
    qtmodeltester.check(model, force_py=True)


def test_colour_scale_darkens_with_counts_and_leans_by_label():
    from PySide6.QtGui import QColor

    assert cell_color(0, 5, 0) == "#ffffff"
    light, dark = QColor(cell_color(1, 10, -1)), QColor(cell_color(10, 10, -10))
    assert dark.lightnessF() < light.lightnessF()
    assert QColor(cell_color(4, 4, -4)).red() > QColor(cell_color(4, 4, -4)).green()
    assert QColor(cell_color(4, 4, 4)).green() > QColor(cell_color(4, 4, 4)).red()


@pytest.fixture
def accepted(qtbot, window, workspace, seed_report_id):
    """The Hamas quote accepted from the suggestions, with a stance Iran = against."""
    panel = window.suggestion_panel
    qtbot.waitUntil(lambda: panel.count() > 0)
    quote = next(s for s in panel.suggestions() if s.kind == "quote" and HAMAS in s.quote)
    panel.select(quote.key)
    window.attribution.actions.accept_suggestion.trigger()
    (made,) = workspace.annotations(seed_report_id)
    window.undo.push(EditAnnotation(made.id, AnnotationFields(
        stances=(("Iran", "against", None),))))
    return made.id


def open_matrix(window):
    window.attribution.actions.stance_matrix.trigger()
    dialog = window.findChild(QDialog, "stanceMatrix")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_matrix_counts_an_accepted_quote_and_lists_its_passage(qtbot, window, accepted,
                                                              seed_report_id):
    dialog = open_matrix(window)
    view = dialog.findChild(QTableView, "stanceMatrixTable")
    model = view.model()
    row = model.matrix.speakers.index("Muhammad Al-Tamimi")
    col = model.matrix.targets.index("Iran")
    index = model.index(row, col)
    assert index.data() == "against 1" and index.data(TotalRole) == 1
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.passages.topLevelItemCount() == 1
    item = dialog.passages.topLevelItem(0)
    assert HAMAS in item.text(1) and item.text(2) == "against"
    other = next(r for r in window.ws.reports() if r.id != seed_report_id)
    window.open_report(other.id)
    dialog.passages.itemActivated.emit(item, 0)
    assert window.report.id == seed_report_id
    assert window.selected == accepted


def test_matrix_leaves_rejected_work_out_and_follows_a_reload(qtbot, window, accepted):
    dialog = open_matrix(window)
    window.undo.push(EditAnnotation(accepted, AnnotationFields(status="rejected")))
    dialog.buttons["refresh"].click()
    assert dialog.model.rowCount() == 0
    assert "0 stance(s)" in dialog.summary.text()


def test_exports_parse_as_csv_png_and_svg(qtbot, window, accepted, tmp_path):
    dialog = open_matrix(window)
    dialog.export(tmp_path / "m.csv")
    with (tmp_path / "m.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:2] == ["speaker", "target"] and rows[0][-1] == "total"
    assert ["Muhammad Al-Tamimi", "Iran", "0", "1", "0", "0", "1"] in rows
    dialog.export(tmp_path / "m.png")
    image = QImage(str(tmp_path / "m.png"))
    assert not image.isNull() and image.width() > 200
    dialog.export(tmp_path / "m.svg")
    root = ET.parse(tmp_path / "m.svg").getroot()
    assert root.tag.endswith("svg")
    assert "Muhammad Al-Tamimi" in (tmp_path / "m.svg").read_text(encoding="utf-8")


def test_speakers_in_this_report_lists_passages_and_stances(qtbot, window, accepted):
    window.attribution.actions.speakers_in_report.trigger()
    summary = window.findChild(SpeakerSummaryDialog, "speakerSummary")
    assert summary is not None and summary.isVisible()
    top = summary.tree.topLevelItem(0)
    assert top.text(0) == "Muhammad Al-Tamimi  (1)"
    assert top.text(1) == "Iran: against 1"
    assert HAMAS in top.child(0).text(0) and top.child(0).text(2) == "3"
    window.undo.push(AddAnnotation(window.report.id, 10, 20, speaker="Shibl Al-Zaydi"))
    assert summary.tree.topLevelItemCount() == 2  # follows the changes while open


@pytest.mark.parametrize("button, suffix", [("png", ".png"), ("svg", ".svg"), ("csv", ".csv")])
def test_a_failed_export_from_the_dialog_keeps_the_old_file(
    qtbot, window, accepted, tmp_path, monkeypatch, button, suffix
):
    """The user saves over an earlier export and the disk is full: the old file stays whole,
    nothing is left beside it, and the dialog says what happened."""
    from PySide6.QtWidgets import QFileDialog

    from glossator import safe_files

    dest = tmp_path / f"matrix{suffix}"
    dest.write_bytes(b"the earlier export")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(dest), "")))

    def full(_partial, _dest):
        raise OSError(28, "No space left on device")

    real_commit = safe_files.commit_file
    monkeypatch.setattr(safe_files, "commit_file", full)
    dialog = open_matrix(window)
    qtbot.mouseClick(dialog.buttons[button], Qt.MouseButton.LeftButton)
    assert "No space left on device" in dialog.summary.text()
    assert dest.read_bytes() == b"the earlier export"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []
    monkeypatch.setattr(safe_files, "commit_file", real_commit)
    qtbot.mouseClick(dialog.buttons[button], Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == f"Written: {dest}"
    assert dest.read_bytes() != b"the earlier export"
