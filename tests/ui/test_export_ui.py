"""File ▸ Export annotations… as a reviewer uses it: the format, the scope and the statuses
chosen in the dialog, a name typed in the file dialog, the questions answered, and the file
read back with the independent readers the format tests use (the W3C suite's MUSTs, the
REFI-QDA XSD, Python's csv module)."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.commands import Batch
from glossator.services.review import DecideAnnotations
from tests.formats.test_qdpx import NS, schema
from tests.formats.test_w3c_suite import SUITE, failures, musts
from tests.ui.modal import answer, menu_action

FIRST = "senior officials in the Iran-backed Iraqi militias accused Iran"
SECOND = "Hamas and Hizbullah were left alone in the arena facing an unknown fate"


@pytest.fixture
def annotated(window, driver, workspace, seed_report_id):
    """Two highlights on the seed report (one accepted by Bea) and one on another report."""
    driver.highlight(FIRST)
    first = window.selected
    driver.highlight(SECOND, Qt.Key.Key_2)
    second = window.selected
    workspace.set_reviewer("Bea")
    workspace.run(DecideAnnotations([first], "accepted"))
    workspace.set_reviewer("Tester")
    other = next(r.id for r in workspace.reports() if r.id != seed_report_id)
    workspace.run(AddAnnotation(other, 0, 12, tag_ids=[workspace.tags()[0].id]))
    return first, second, other


def open_export(window):
    menu_action(window, "fileMenu", "Export annotations…")()
    dialog = window.exchange.export_dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def press_export(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)


def result_text(window) -> str:
    box = window.exchange.message
    assert box is not None and box.isVisible()
    return box.text()


@pytest.mark.skipif(not (SUITE / "annotations").is_dir(), reason="the W3C suite is not there")
def test_json_ld_of_this_report_passes_every_must_of_the_w3c_suite(
        qtbot, window, annotated, file_dialogs, tmp_path):
    first, second, _other = annotated
    dialog = open_export(window)
    assert dialog.this_report.isChecked()  # the open report by default
    assert "2 annotations of any status" in dialog.summary.text()
    file_dialogs.type(tmp_path / "militias")  # no suffix typed
    press_export(qtbot, dialog)
    written = tmp_path / "militias.jsonld"
    document = json.loads(written.read_text("utf-8"))
    items = document["first"]["items"]
    assert {i["id"].rsplit(":", 1)[-1] for i in items} == {first, second}
    assert failures(document, musts("collections/collectionMusts.test")) == []
    validators = musts("annotations/annotationMusts.test")
    for item in items:
        assert failures(item, validators) == [], item["id"]
    said = result_text(window)
    assert "Wrote 2 annotations of 1 report" in said and str(written) in said
    assert not dialog.isVisible()  # done: the dialog is gone, the result stays


def test_qdpx_of_the_whole_library_validates_against_the_refi_qda_schema(
        qtbot, window, annotated, file_dialogs, tmp_path):
    from lxml import etree

    dialog = open_export(window)
    dialog.set_format("qdpx")
    dialog.whole_library.click()
    assert "3 annotations" in dialog.summary.text()
    file_dialogs.type(tmp_path / "team.qdpx")
    press_export(qtbot, dialog)
    with zipfile.ZipFile(tmp_path / "team.qdpx") as archive:
        document = etree.fromstring(archive.read("project.qde"))
    xsd = schema("Project-mrt2019.xsd")
    assert xsd.validate(document), xsd.error_log
    assert len(document.findall(f".//{NS}PlainTextSelection")) == 3
    assert "Wrote 3 annotations of 2 reports as REFI-QDA project" in result_text(window)


def test_a_name_with_another_suffix_is_a_question_never_csv_inside_a_pdf(
        qtbot, window, annotated, file_dialogs, tmp_path):
    dialog = open_export(window)
    dialog.set_format("csv")
    file_dialogs.type(tmp_path / "x.pdf")
    asked = answer("exportSuffixQuestion", "Save as x.csv")
    press_export(qtbot, dialog)
    assert "x.pdf" in asked[0] and ".csv" in asked[0]
    assert not (tmp_path / "x.pdf").exists()
    with open(tmp_path / "x.csv", encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == 2 and {r["quote"] for r in rows} == {FIRST, SECOND}


def test_saying_no_to_the_suffix_question_writes_nothing(
        qtbot, window, annotated, file_dialogs, tmp_path):
    dialog = open_export(window)
    dialog.set_format("jsonl")
    file_dialogs.type(tmp_path / "x.pdf")
    answer("exportSuffixQuestion", "Cancel")
    press_export(qtbot, dialog)
    assert list(tmp_path.glob("x.*")) == []
    assert dialog.isVisible()  # still there to choose again


def test_an_existing_file_is_replaced_only_when_the_reviewer_says_so(
        qtbot, window, annotated, file_dialogs, tmp_path):
    target = tmp_path / "set.jsonl"
    target.write_text("keep me\n", encoding="utf-8")
    dialog = open_export(window)
    dialog.set_format("jsonl")
    file_dialogs.type(target)
    asked = answer("exportReplaceQuestion", "Cancel")
    press_export(qtbot, dialog)
    assert "set.jsonl" in asked[0] and target.read_text(encoding="utf-8") == "keep me\n"
    file_dialogs.type(target)
    answer("exportReplaceQuestion", "Replace")
    press_export(qtbot, dialog)
    lines = target.read_text(encoding="utf-8").splitlines()
    assert json.loads(lines[0])["type"] == "glossator-annotations" and len(lines) == 3


def test_the_final_set_of_chosen_reports(qtbot, window, annotated, file_dialogs, tmp_path,
                                         seed_report_id):
    first, _second, other = annotated
    dialog = open_export(window)
    dialog.set_format("jsonl")
    dialog.choose_reports([seed_report_id, other])
    dialog.final_only.click()
    assert not dialog.status_checks["proposed"].isEnabled()
    assert "1 annotation accepted (the final set), from 2 reports" in dialog.summary.text()
    file_dialogs.type(tmp_path / "final")
    press_export(qtbot, dialog)
    lines = (tmp_path / "final.jsonl").read_text(encoding="utf-8").splitlines()[1:]
    rows = [json.loads(line) for line in lines]
    assert [r["uuid"] for r in rows] == [first]
    assert "(the final set)" in result_text(window)


def test_the_status_filter(qtbot, window, annotated, file_dialogs, tmp_path):
    _first, second, _other = annotated
    dialog = open_export(window)
    dialog.set_format("csv")
    dialog.status_checks["accepted"].setChecked(False)
    assert "1 annotation proposed/rejected/disputed" in dialog.summary.text()
    for status in ("proposed", "rejected", "disputed"):
        dialog.status_checks[status].setChecked(False)
    assert not dialog.export_button.isEnabled()  # nothing to write: say so, write nothing
    dialog.status_checks["proposed"].setChecked(True)
    file_dialogs.type(tmp_path / "proposed.csv")
    press_export(qtbot, dialog)
    with open(tmp_path / "proposed.csv", encoding="utf-8-sig", newline="") as f:
        assert [r["uuid"] for r in csv.DictReader(f)] == [second]


def test_a_database_or_a_folder_is_refused_with_a_sentence(qtbot, window, annotated,
                                                          workspace, file_dialogs, tmp_path):
    backup = workspace.backup(tmp_path / "old.jsonl")  # a SQLite file under a set's name
    before = backup.read_bytes()
    dialog = open_export(window)
    dialog.set_format("jsonl")
    file_dialogs.type(backup)
    answer("exportReplaceQuestion", "Replace")
    press_export(qtbot, dialog)
    said = result_text(window)
    assert window.exchange.message.objectName() == "exportRefused"
    assert said.endswith("not written, because it is a SQLite database (a workspace or a "
                         "backup of one)")
    assert backup.read_bytes() == before and dialog.isVisible()
    (tmp_path / "folder.jsonl").mkdir()
    file_dialogs.type(tmp_path / "folder.jsonl")
    answer("exportReplaceQuestion", "Replace")
    press_export(qtbot, dialog)
    assert result_text(window).endswith("not written, because it is a folder")
    assert list((tmp_path / "folder.jsonl").iterdir()) == []


def many_annotations(workspace: Workspace, report_id: int, n: int) -> None:
    workspace.run(Batch("many", [AddAnnotation(report_id, i % 900, i % 900 + 9)
                                 for i in range(n)]))


def test_stop_during_a_large_export_leaves_nothing(qtbot, window, workspace, seed_report_id,
                                                    file_dialogs, tmp_path):
    from glossator.ui.exchange.export_run import SHOW_AT

    many_annotations(workspace, seed_report_id, SHOW_AT + 1000)
    out = tmp_path / "out"
    out.mkdir()
    dialog = open_export(window)
    dialog.set_format("w3c")
    file_dialogs.type(out / "big.jsonld")
    stopped: list[str] = []

    def stop_once_shown() -> None:  # the reviewer presses Stop once the bar has moved
        running = window.exchange.running
        progress = running.dialog if running is not None else None
        if progress is not None and progress.isVisible() and progress.value() > 0:
            stopped.append(progress.labelText())
            stop = next(b for b in progress.findChildren(QPushButton) if "Stop" in b.text())
            stop.click()
        else:
            QTimer.singleShot(1, stop_once_shown)

    QTimer.singleShot(0, stop_once_shown)
    press_export(qtbot, dialog)
    assert stopped and "annotations:" in stopped[0]
    assert list(out.iterdir()) == []  # no file, no temporary beside it
    assert result_text(window) == "Export cancelled; nothing was written"
    assert dialog.isVisible()


def test_the_codebook_alone_needs_no_scope(qtbot, window, annotated, file_dialogs, tmp_path):
    from lxml import etree

    dialog = open_export(window)
    dialog.set_format("qdc")
    assert not dialog.scope_box.isEnabled() and not dialog.status_box.isEnabled()
    file_dialogs.type(tmp_path / "codes")
    press_export(qtbot, dialog)
    xsd = schema("Codebook-mrt2019.xsd")
    assert xsd.validate(etree.parse(str(tmp_path / "codes.qdc"))), xsd.error_log
    assert "Wrote the codebook" in result_text(window)


def test_brat_goes_into_a_zip(qtbot, window, annotated, file_dialogs, tmp_path):
    dialog = open_export(window)
    dialog.set_format("brat")
    file_dialogs.type(tmp_path / "standoff")
    press_export(qtbot, dialog)
    with zipfile.ZipFile(tmp_path / "standoff.zip") as archive:
        names = archive.namelist()
    anns = [n for n in names if n.endswith(".ann")]
    assert len(anns) == 1 and anns[0][:-4] + ".txt" in names


def test_the_file_dialog_starts_in_the_last_folder_used_else_home(
        qtbot, window, annotated, file_dialogs, tmp_path):
    dialog = open_export(window)
    file_dialogs.type(tmp_path / "one")
    press_export(qtbot, dialog)
    assert Path(file_dialogs.starts[0]).parent == Path.home()
    dialog = open_export(window)
    press_export(qtbot, dialog)  # the file dialog cancelled: nothing written
    assert Path(file_dialogs.starts[1]).parent == tmp_path
    menu_action(window, "fileMenu", "Import files…")()
    assert Path(file_dialogs.starts[2]) == tmp_path  # the same memory for every dialog
