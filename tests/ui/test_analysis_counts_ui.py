"""View ▸ Counts and co-occurrence… and Stance over time…: on the planted set, what the
dialog shows equals the hand computation in tests/services/test_analysis_counts.py; a
cell lists its passages and opens them; the timeline draws and exports."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QDialog, QFileDialog

from glossator.ui.analysis.cooccurrence_model import DIAGONAL, scale_color
from glossator.ui.analysis.counts_dialog import CountsDialog
from tests.services.planted import QUOTES
from tests.ui.analysis_fixtures import click, idle, planted, planted_window, quote

__all__ = ["planted", "planted_window"]  # fixtures
OVERLAP = {  # hand-computed, each unordered pair once (test_analysis_counts.py)
    ("Betrayal", "Claim"): 1, ("Quote", "Warning"): 1, ("Criticism", "Quote"): 1,
    ("Betrayal", "Quote"): 2, ("Betrayal", "Event"): 1, ("Event", "Quote"): 2,
    ("Accusation", "Criticism"): 1, ("Praise", "Quote"): 1,
}
DIAGONAL_COUNTS = {"Accusation": 1, "Betrayal": 3, "Claim": 1, "Warning": 2, "Event": 1,
                   "Praise": 1, "Criticism": 2, "Quote": 6}


def length(*keys: str) -> int:
    return sum(len(QUOTES[k][1]) for k in keys)


def open_counts(qtbot, window, action: str = "counts") -> CountsDialog:
    getattr(window.analysis.actions, action).trigger()
    dialog = window.findChild(QDialog, "countsDialog")
    assert isinstance(dialog, CountsDialog) and dialog.isVisible()
    idle(qtbot, dialog.runner)
    return dialog


def show_tab(qtbot, dialog: CountsDialog, key: str) -> None:
    tabs = dialog.tabs
    bar = tabs.tabBar()
    index = tabs.indexOf(dialog.tab_keys[key])
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(index).center())
    assert tabs.currentIndex() == index
    idle(qtbot, dialog.runner)


def matrix_cells(dialog: CountsDialog) -> dict[tuple[str, str], int]:
    model = dialog.cooccurrence.model
    out = {}
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            text = model.index(r, c).data()
            if text:
                out[(model.row_name(r), model.column_name(c))] = int(text)
    return out


def test_tag_frequencies_per_tag_and_per_report(qtbot, planted_window, planted):
    dialog = open_counts(qtbot, planted_window)
    model = dialog.frequencies.overall
    shown = {model.index(r, 0).data(): tuple(int(model.index(r, c).data()) for c in (1, 2, 3))
             for r in range(model.rowCount()) if model.index(r, 1).data() != "0"}
    assert shown == {
        "Accusation / Betrayal": (3, 2, length("a1", "h1", "h3")),
        "Claim": (1, 1, length("a2")), "Quote": (6, 4, length("a3", "h2", "h3", "r1", "b1")),
        "Warning": (2, 1, length("a3", "a4")),
        "Evaluation / Criticism": (2, 2, length("h2", "r2")), "Event": (1, 1, length("h4")),
        "Evaluation / Praise": (1, 1, length("r1")), "Accusation": (1, 1, length("r3")),
    }
    assert model.index(0, 0).data() == "Quote"  # the most used first
    assert dialog.status.text().startswith("12 passage(s) in 4 report(s)")
    per_report = dialog.frequencies.per_report
    h = [tuple(per_report.index(r, c).data() for c in (2, 3)) for r in range(
        per_report.rowCount()) if per_report.index(r, 1).data() == "2025-03-03"]
    assert sorted(h) == [("Betrayal", "2"), ("Criticism", "1"), ("Event", "1"), ("Quote", "3")]
    header = dialog.frequencies.report_view.horizontalHeader()
    at = header.sectionViewportPosition(3) + header.sectionSize(3) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=QPoint(at, header.height() // 2))  # sort by passages
    counts = [int(per_report.index(r, 3).data()) for r in range(per_report.rowCount())]
    assert counts in (sorted(counts), sorted(counts, reverse=True)) and counts[0] != counts[-1]
    dialog.frequencies.roll_up.setChecked(True)  # a click on the box
    idle(qtbot, dialog.runner)
    up = {model.index(r, 0).data(): model.index(r, 1).data() for r in range(model.rowCount())}
    assert up["Accusation"] == "4" and up["Evaluation"] == "3"


def test_the_cooccurrence_matrix_holds_the_hand_computed_cells(qtbot, planted_window):
    dialog = open_counts(qtbot, planted_window)
    show_tab(qtbot, dialog, "cooccurrence")
    cells = matrix_cells(dialog)
    assert {k: n for k, n in cells.items() if k[0] < k[1]} == OVERLAP
    assert {k: n for k, n in cells.items() if k[0] > k[1]} == {
        (b, a): n for (a, b), n in OVERLAP.items()}  # symmetric
    assert {r: n for (r, c), n in cells.items() if r == c} == DIAGONAL_COUNTS
    model = dialog.cooccurrence.model
    m = model.matrix
    at = {(m.rows[r], m.columns[c]): model.index(r, c) for r in range(len(m.rows))
          for c in range(len(m.columns))}
    colour = Qt.ItemDataRole.BackgroundRole
    assert at[("Betrayal", "Quote")].data(colour) == QColor(scale_color(2, 2))  # the top
    assert at[("Claim", "Quote")].data(colour) == QColor("#ffffff")
    assert at[("Quote", "Quote")].data(colour) == QColor(DIAGONAL)
    light = QColor(scale_color(1, 2)).lightnessF()
    assert QColor(scale_color(2, 2)).lightnessF() < light < 1.0


def test_a_cell_lists_its_passages_and_opens_one(qtbot, planted_window, planted):
    window = planted_window
    dialog = open_counts(qtbot, window)
    show_tab(qtbot, dialog, "cooccurrence")
    tab = dialog.cooccurrence
    m = tab.model.matrix
    index = tab.model.index(m.rows.index("Quote"), m.columns.index("Event"))
    rect = tab.view.visualRect(index)
    qtbot.mouseClick(tab.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: tab.cell is not None)
    assert tab.cell_title.text().startswith(
        "Quote \u00d7 Event: 2 overlapping pair(s) of passages, 2 passage(s)")
    listed = [tab.passages.topLevelItem(i).text(2) for i in range(
        tab.passages.topLevelItemCount())]
    assert listed == [quote("h3"), quote("h4")]
    item = tab.passages.topLevelItem(1)
    rect = tab.passages.visualItemRect(item)
    viewport = tab.passages.viewport()
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.selected == planted.ids["h4"])
    assert window.report.id == planted.reports["H"]


def test_paragraphs_and_speakers_by_the_options(qtbot, planted_window):
    dialog = open_counts(qtbot, planted_window, "counts")
    show_tab(qtbot, dialog, "cooccurrence")
    tab = dialog.cooccurrence
    tab.mode.setCurrentIndex(tab.mode.findData("paragraph"))
    idle(qtbot, dialog.runner)
    cells = matrix_cells(dialog)
    assert cells[("Betrayal", "Quote")] == 2 and cells[("Claim", "Warning")] == 1
    assert cells[("Quote", "Quote")] == 4  # paragraphs with a Quote: A6 H4 R2 B4
    tab.by.setCurrentIndex(tab.by.findData("speaker"))
    idle(qtbot, dialog.runner)
    tab.mode.setCurrentIndex(tab.mode.findData("overlap"))
    idle(qtbot, dialog.runner)
    cells = matrix_cells(dialog)
    assert tab.model.matrix.rows[0] == "Idris Varga"
    assert cells[("Orhan Belisz", "Accusation")] == 2 and cells[("Idris Varga", "Quote")] == 3
    assert ("Idris Varga", "Idris Varga") not in cells


def test_counts_follow_the_query(qtbot, planted_window):
    dialog = open_counts(qtbot, planted_window)
    show_tab(qtbot, dialog, "cooccurrence")
    dialog.form.authors.set_values(["ben"])
    click(qtbot, dialog.buttons["count"])
    idle(qtbot, dialog.runner)
    assert {k: n for k, n in matrix_cells(dialog).items() if k[0] < k[1]} == {
        ("Accusation", "Criticism"): 1, ("Criticism", "Quote"): 1}
    show_tab(qtbot, dialog, "counts")  # counted again for the new query when shown
    assert dialog.status.text().startswith("5 passage(s)")


@pytest.fixture
def save_as(monkeypatch):
    answer: dict[str, tuple[str, str]] = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: answer["next"]))
    return answer


def test_the_timeline_draws_and_exports(qtbot, planted_window, save_as, tmp_path):
    dialog = open_counts(qtbot, planted_window, "timeline")
    tab = dialog.timeline
    assert tab.target.currentText() == "Iran"
    assert tab.result is not None and tab.result.series("against") == (
        1, 0, 0, 1, 0, 0, 0, 0, 0, 0)
    assert dialog.status.text() == "3 stance(s) toward Iran from 2024-12 to 2025-09."
    picture = tab.chart.grab().toImage()
    reds = sum(1 for x in range(0, picture.width(), 3) for y in range(0, picture.height(), 3)
               if picture.pixelColor(x, y).name() == "#c62828")
    assert reds > 20  # the two "against" bars are painted
    for name, chosen in (("t.svg", ""), ("t", "PNG image (*.png)"), ("t.csv", "")):
        save_as["next"] = (str(tmp_path / name), chosen)
        click(qtbot, dialog.buttons["export"])
    root = ET.parse(tmp_path / "t.svg").getroot()
    texts = [" ".join("".join(e.itertext()).split()) for e in root.iter()
             if e.tag.endswith("text")]
    assert "Stances toward Iran, by month of the report" in texts
    assert {"2024-12", "2025-03", "2025-09", "against (2)", "favor (1)"} <= set(texts)
    image = QImage(str(tmp_path / "t.png"))
    assert not image.isNull() and image.width() >= 960
    with (tmp_path / "t.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["month", "favor", "against", "neutral", "none", "total"]
    assert rows[1] == ["2024-12", "0", "1", "0", "0", "1"]
    assert rows[-1] == ["2025-09", "1", "0", "0", "0", "1"] and len(rows) == 11
    assert dialog.status.text() == f"Written: {tmp_path / 't.csv'}"


def test_frequencies_and_the_matrix_export_as_csv(qtbot, planted_window, save_as, tmp_path):
    dialog = open_counts(qtbot, planted_window)
    save_as["next"] = (str(tmp_path / "per-report.csv"), "CSV, per report and tag (*.csv)")
    click(qtbot, dialog.buttons["export"])
    with (tmp_path / "per-report.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(dialog.frequencies.result.per_report) and rows[0]["tag"]
    show_tab(qtbot, dialog, "cooccurrence")
    save_as["next"] = (str(tmp_path / "m.csv"), "")
    click(qtbot, dialog.buttons["export"])
    with (tmp_path / "m.csv").open(encoding="utf-8-sig", newline="") as f:
        matrix = list(csv.reader(f))
    quote_row = next(r for r in matrix if r[0] == "Quote")
    assert quote_row[matrix[0].index("Betrayal")] == "2"
