"""View ▸ Passages…: the query run from the dialog gives the planted passages the hand
computation expects, a double-click lands on the passage in its report, and the result
exports as files other readers parse."""

from __future__ import annotations

import csv
import json

import html5lib
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from glossator.ui.analysis.passage_model import CITES, CONTEXT, QUOTE, SPEAKER, STANCES, TAGS
from glossator.ui.analysis.passages_dialog import PassagesDialog
from tests.ui.analysis_fixtures import click, idle, planted, planted_window, quote

__all__ = ["planted", "planted_window"]  # fixtures


def open_passages(qtbot, window) -> PassagesDialog:
    window.analysis.actions.passages.trigger()
    dialog = window.findChild(QDialog, "passagesDialog")
    assert isinstance(dialog, PassagesDialog) and dialog.isVisible()
    idle(qtbot, dialog.runner)
    return dialog


def shown_quotes(dialog: PassagesDialog) -> list[str]:
    model = dialog.model
    return [model.index(r, QUOTE).data() for r in range(model.rowCount())]


def find(qtbot, dialog: PassagesDialog) -> list[str]:
    click(qtbot, dialog.buttons["find"])
    idle(qtbot, dialog.runner)
    return shown_quotes(dialog)


def keys(*names: str) -> list[str]:
    return [quote(k) for k in names]


def test_the_dialog_opens_on_every_passage_not_rejected_in_library_order(
        qtbot, planted_window):
    dialog = open_passages(qtbot, planted_window)
    # a5 is rejected; library order: report date (A, H, R, B), then start (r3 holds r2)
    assert shown_quotes(dialog) == keys("a1", "a2", "a3", "a4", "h1", "h2", "h3", "h4", "r1",
                                        "r3", "r2", "b1")
    assert dialog.status.text().startswith("12 passages")
    model = dialog.model
    row = shown_quotes(dialog).index(quote("h1"))
    assert model.index(row, CITES).data().startswith("[1] ")  # the cited note's own text
    assert model.index(row, TAGS).data() == "Accusation / Betrayal"
    h3 = shown_quotes(dialog).index(quote("h3"))
    assert model.index(h3, SPEAKER).data() == "Idris Varga (Coastal League)"
    assert model.index(h3, STANCES).data() == "Iran: against"
    context = model.index(h3, CONTEXT).data()
    assert quote("h3") in context and context.index(quote("h3")) > 0  # text before it too


def test_each_field_of_the_form_narrows_the_passages(qtbot, planted_window, planted):
    dialog = open_passages(qtbot, planted_window)
    form = dialog.form
    form.tags.set_values(["Accusation"])  # with its child Betrayal
    assert find(qtbot, dialog) == keys("a1", "h1", "h3", "r3")
    form.children_.setChecked(False)
    assert find(qtbot, dialog) == keys("r3")
    form.children_.setChecked(True)
    form.tags.set_values([])
    form.speakers.set_values(["Idris Varga"])
    assert find(qtbot, dialog) == keys("h2", "h3")
    form.speakers.set_values([])
    qtbot.keyClicks(form.affiliation, "river council")
    assert find(qtbot, dialog) == keys("r1", "r3", "r2")
    form.affiliation.clear()
    form.targets.set_values(["Iran"])
    form.labels.set_values(["against"])
    assert find(qtbot, dialog) == keys("a1", "h3")
    form.targets.set_values([])
    form.labels.set_values([])
    form.authors.set_values(["ben"])
    assert find(qtbot, dialog) == keys("a2", "a4", "h2", "r3", "r2")
    form.statuses.set_values(["rejected"])
    form.authors.set_values([])
    assert find(qtbot, dialog) == keys("a5")
    form.statuses.set_values(["proposed", "accepted", "disputed"])
    import datetime as dt

    form.set_dates(dt.date(2025, 3, 1), dt.date(2025, 6, 30))
    assert find(qtbot, dialog) == keys("h1", "h2", "h3", "h4", "r1", "r3", "r2")
    form.set_dates(None, None)
    qtbot.keyClicks(form.words, "abandon*")
    assert find(qtbot, dialog) == keys("a1", "a2", "h1")
    form.words.clear()
    form.report.setEditText("Border")
    assert find(qtbot, dialog) == keys("b1")


def test_the_choice_lists_filter_by_alias_and_say_what_is_chosen(qtbot, planted_window):
    dialog = open_passages(qtbot, planted_window)
    speakers = dialog.form.speakers
    assert speakers.text() == "any speaker"
    qtbot.keyClicks(speakers.filter, "belisz")
    shown = [i.text() for i in speakers.items() if not i.isHidden()]
    assert shown == ["Orhan Belisz  (Talvar River Council)"]
    item = next(i for i in speakers.items() if not i.isHidden())
    item.setCheckState(Qt.CheckState.Checked)  # what a click on its box does
    assert speakers.values() == ("Orhan Belisz",) and speakers.text() == "Orhan Belisz"
    dialog.form.tags.set_values(["Claim", "Quote", "Accusation / Betrayal"])
    assert dialog.form.tags.text() == "3 tags"


def test_bad_input_is_one_sentence_and_changes_nothing(qtbot, planted_window):
    dialog = open_passages(qtbot, planted_window)
    before = shown_quotes(dialog)
    dialog.form.statuses.set_values([])
    click(qtbot, dialog.buttons["find"])
    assert dialog.status.text() == "Tick at least one status"
    assert shown_quotes(dialog) == before
    dialog.form.statuses.set_values(["accepted"])
    dialog.form.report.setEditText("No such report at all")
    click(qtbot, dialog.buttons["find"])
    assert "No report has the id or title" in dialog.status.text()
    dialog.form.report.setEditText("(the open report)")
    planted_window.sync.show_report(None, [])
    click(qtbot, dialog.buttons["find"])
    assert dialog.status.text() == "No report is open"


def test_a_double_click_opens_the_report_at_the_passage(qtbot, planted_window, planted):
    window = planted_window
    dialog = open_passages(qtbot, window)
    window.open_report(planted.reports["A"])
    row = shown_quotes(dialog).index(quote("r2"))
    view = dialog.table
    view.scrollTo(dialog.model.index(row, QUOTE))
    rect = view.visualRect(dialog.model.index(row, QUOTE))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: window.selected == planted.ids["r2"])
    assert window.report.id == planted.reports["R"]
    start, _end = planted.spans["r2"]
    qtbot.waitUntil(lambda: window.report_view.visible_range()[0] <= start
                    < window.report_view.visible_range()[1])
    assert window.inspector.isEnabled()
    assert dialog.detail.toPlainText().count("negotiating in the dark") >= 1


def test_the_table_follows_the_current_row_in_the_pane_below(qtbot, planted_window):
    dialog = open_passages(qtbot, planted_window)
    row = shown_quotes(dialog).index(quote("h1"))
    dialog.table.selectRow(row)
    text = dialog.detail.toPlainText()
    assert quote("h1") in text and "Cites [1]:" in text and "Status: accepted, by ana" in text


@pytest.fixture
def save_as(monkeypatch):
    """The save dialog answers with the path (and filter) a test gives."""
    answer: dict[str, tuple[str, str]] = {}
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: answer["next"]))
    return answer


def export(qtbot, dialog, save_as, path, chosen="") -> None:
    save_as["next"] = (str(path), chosen)
    click(qtbot, dialog.buttons["export"])
    qtbot.waitUntil(lambda: not dialog.background.busy and "Writing" not in
                    dialog.status.text(), timeout=10_000)


def test_exports_as_csv_jsonl_html_and_markdown(qtbot, planted_window, save_as, tmp_path):
    dialog = open_passages(qtbot, planted_window)
    dialog.form.tags.set_values(["Quote"])
    find(qtbot, dialog)
    expected = keys("a3", "h2", "h3", "h4", "r1", "b1")
    export(qtbot, dialog, save_as, tmp_path / "p.csv")
    assert dialog.status.text() == f"Written: 6 passages to {tmp_path / 'p.csv'}"
    with (tmp_path / "p.csv").open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert [" ".join(r["quote"].split()) for r in rows] == expected
    export(qtbot, dialog, save_as, tmp_path / "p.jsonl")
    lines = [json.loads(x) for x in (tmp_path / "p.jsonl").read_text("utf-8").splitlines()]
    assert [" ".join(x["quote"].split()) for x in lines[1:]] == expected
    dialog.group_by.setCurrentIndex(dialog.group_by.findData("speaker"))
    export(qtbot, dialog, save_as, tmp_path / "appendix", "HTML document (*.html)")
    page = (tmp_path / "appendix.html").read_text("utf-8")
    parser = html5lib.HTMLParser(strict=True)
    tree = parser.parse(page)
    assert tree is not None and "Idris Varga" in page and "(no speaker)" in page
    export(qtbot, dialog, save_as, tmp_path / "appendix.md", "HTML document (*.html)")
    assert (tmp_path / "appendix.md").read_text("utf-8").startswith("# Passages")


def test_a_suffix_added_to_an_existing_file_asks_first(qtbot, planted_window, save_as,
                                                      tmp_path, monkeypatch):
    dialog = open_passages(qtbot, planted_window)
    (tmp_path / "p.csv").write_text("earlier", encoding="utf-8")
    asked: list[str] = []

    def question(_parent, _title, text, *_a, **_k):
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    save_as["next"] = (str(tmp_path / "p"), "CSV (*.csv)")
    click(qtbot, dialog.buttons["export"])
    assert asked == ["p.csv already exists. Replace it?"]
    assert (tmp_path / "p.csv").read_text("utf-8") == "earlier"
    assert not dialog.background.busy


def test_a_failed_export_keeps_the_old_file_and_says_why(qtbot, planted_window, save_as,
                                                        tmp_path, monkeypatch):
    from glossator import safe_files

    dialog = open_passages(qtbot, planted_window)
    (tmp_path / "out").mkdir()
    dest = tmp_path / "out" / "p.jsonl"
    dest.write_text("earlier", encoding="utf-8")

    def full(_partial, _dest):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(safe_files, "commit_file", full)
    export(qtbot, dialog, save_as, dest)
    assert "No space left on device" in dialog.status.text()
    assert dest.read_text("utf-8") == "earlier"
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["p.jsonl"]  # nothing beside


def test_the_form_follows_a_codebook_change_and_says_results_are_stale(
        qtbot, planted_window, workspace):
    from glossator.services.tags import SaveTag, TagFields

    window = planted_window
    dialog = open_passages(qtbot, window)
    dialog.form.tags.set_values(["Claim"])
    claim = next(t for t in workspace.tags() if t.name == "Claim")
    window.undo.push(SaveTag(TagFields("Assertion", claim.parent_id, claim.color,
                                       claim.shortcut, claim.description), claim.id))
    assert "Assertion" in dialog.form.tags.offered() and "Claim" not in dialog.form.tags.offered()
    assert dialog.status.text() == "The library has changed since: Find again to see it."
    assert find(qtbot, dialog) == shown_quotes(dialog) and len(shown_quotes(dialog)) == 12
