"""File ▸ Import annotations… and dropped files as a reviewer uses them: a colleague's set is
read, its merge report shown before anything is written (Cancel writes nothing), imported as
one undo step, and reported again as done; refused files are named with their reasons in a
dialog and in the log; dropped report files still import as reports, as one undo step."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.exchange import export_annotations
from tests.ui.conftest import SEEDS
from tests.ui.dropping import drop_files
from tests.ui.modal import menu_action

MILITIAS = "senior officials in the Iran-backed Iraqi militias accused Iran"
HAMAS = "Hamas and Hizbullah were left alone in the arena facing an unknown fate"


@pytest.fixture
def colleague(tmp_path: Path, workspace: Workspace):
    """Bea's workspace with the same reports: she shares one of our annotations (which she
    changed), adds two of her own and one on a report we do not have. Her set, exported."""
    ours = workspace.find_report("Following").id
    text = workspace.report(ours).text
    at = text.index(MILITIAS)
    shared = AddAnnotation(ours, at, at + len(MILITIAS), tag_ids=[workspace.tags()[0].id])
    workspace.run(shared)
    base = tmp_path / "ours.jsonl"
    export_annotations(workspace, "jsonl", base)
    bea = Workspace.open(tmp_path / "bea.sqlite3", reviewer="Bea")
    bea.set_reviewer("Bea")
    bea.ensure_seeded(SEEDS)
    from glossator.formats.registry import read_set
    from glossator.services.exchange_import import ImportAnnotations

    bea.run(ImportAnnotations(read_set(base)))
    bea.run(EditAnnotation(shared.uuid, AnnotationFields(note="not the militias' words")))
    rid = bea.find_report("Following").id
    at = text.index(HAMAS)
    bea.run(AddAnnotation(rid, at, at + len(HAMAS), speaker="Muhammad Al-Tamimi"))
    bea.run(AddAnnotation(rid, 10, 40, note="title"))
    extra = tmp_path / "extra.txt"
    extra.write_text("A report only Bea has.\n\nIt says little.\n", encoding="utf-8")
    (outcome,) = bea.import_paths([extra])
    assert outcome.report_id is not None
    bea.run(AddAnnotation(outcome.report_id, 2, 8))
    path = tmp_path / "bea-annotations.jsonld"
    export_annotations(bea, "w3c", path)
    bea.close()
    return path, shared.uuid


def count(workspace: Workspace) -> int:
    return sum(len(workspace.annotations(r.id)) for r in workspace.reports())


def test_a_colleagues_set_previewed_imported_and_undone_in_one_step(
        qtbot, window, workspace, colleague, file_dialogs):
    path, shared = colleague
    before = count(workspace)
    file_dialogs.type(path)
    menu_action(window, "fileMenu", "Import annotations…")()
    preview = window.exchange.merge_dialog
    assert preview is not None and preview.isVisible() and preview.mode == "preview"
    assert (preview.count("Added"), preview.count("Unchanged"), preview.count("Conflicts"),
            preview.count("Refused")) == (2, 0, 1, 1)
    details = "\n".join(preview.detail_lines())
    assert f"({shared[:8]})" in details and "differs in note" in details
    assert "the report is not in this workspace" in details and "A report only Bea has" in details
    assert count(workspace) == before  # nothing written by the preview
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    done = window.exchange.merge_dialog
    assert done is not None and done.mode == "done" and done.isVisible()
    assert done.count("Added") == 2 and done.count("Conflicts") == 1
    assert count(workspace) == before + 2
    mine = workspace.annotation(shared)
    assert mine is not None and mine.note == ""  # ours is kept
    window.sync.flush_table()
    assert window.table.model.rowCount() == 3  # the open report shows Bea's two at once
    done.reject()
    assert window.menu_actions.undo.text() == "&Undo import annotations from bea-annotations.jsonld"
    window.menu_actions.undo.trigger()
    assert count(workspace) == before
    window.menu_actions.redo.trigger()
    assert count(workspace) == before + 2


def test_cancel_in_the_preview_writes_nothing(qtbot, window, workspace, colleague,
                                              file_dialogs):
    path, _shared = colleague
    before = count(workspace)
    undo_text = window.menu_actions.undo.text()
    window.exchange.import_sets([path])
    window.exchange.merge_dialog.reject()
    assert count(workspace) == before and window.exchange.merge_dialog is None
    assert window.menu_actions.undo.text() == undo_text


def test_dropped_sets_are_merged_and_dropped_reports_imported(
        qtbot, window, workspace, colleague, tmp_path):
    path, _shared = colleague
    report = tmp_path / "dropped-report.md"
    report.write_text("# A dropped report\n\nWith a claim.[^1]\n\n[^1]: A note.\n",
                      encoding="utf-8")
    reports_before = len(workspace.reports())
    drop_files(window, [path, report])
    qtbot.waitUntil(lambda: window.exchange.merge_dialog is not None
                    and window.exchange.merge_dialog.isVisible())
    qtbot.waitUntil(lambda: len(workspace.reports()) == reports_before + 1)
    assert any(r.title == "A dropped report" for r in workspace.reports())
    preview = window.exchange.merge_dialog
    assert preview.count("Added") == 2
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    assert window.exchange.merge_dialog.mode == "done"


def test_a_codebook_dropped_merges_its_codes(qtbot, window, workspace, tmp_path):
    other = Workspace.open(tmp_path / "other.sqlite3", reviewer="Bea")
    from glossator.services.registry import SPEAKERS, EntryFields, SaveEntry

    other.run(SaveEntry(SPEAKERS, EntryFields("Abu Ali", ("Ali",))))
    codes = tmp_path / "codes.qdc"
    export_annotations(other, "qdc", codes)
    other.close()
    drop_files(window, [codes])
    qtbot.waitUntil(lambda: window.exchange.merge_dialog is not None)
    preview = window.exchange.merge_dialog
    assert preview.count("Added") == 0
    assert preview.detail_lines() == ["Codebook entries added (1)", "  speaker Abu Ali"]
    qtbot.mouseClick(preview.import_button, Qt.MouseButton.LeftButton)
    assert "Abu Ali" in {s.name for s in workspace.speakers()}


def test_refused_sets_are_named_with_their_reasons_in_a_dialog_and_the_log(
        qtbot, window, workspace, tmp_path, caplog):
    broken = tmp_path / "broken.jsonld"
    broken.write_text('{"type": "AnnotationCollection", ', encoding="utf-8")
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        window.exchange.import_sets([broken, empty])
    dialog = window.exchange.refusals
    assert dialog is not None and dialog.isVisible()
    rows = dict(dialog.rows())
    assert set(rows) == {"broken.jsonld", "empty.jsonl"}
    assert "line 1" in rows["broken.jsonld"] and rows["empty.jsonl"]
    logged = caplog.text
    assert "broken.jsonld" in logged and "empty.jsonl" in logged
    assert window.exchange.merge_dialog is None


def test_refused_report_files_are_listed_in_a_dialog_and_the_log(
        qtbot, window, workspace, tmp_path, caplog):
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text("A fine report.\n", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.md").write_bytes(b"\x00\x01\x02\xff" * 64)
    with caplog.at_level(logging.WARNING):
        window.import_paths([str(folder)])
    dialog = window.importer.refusals
    assert dialog is not None and dialog.isVisible()
    rows = dict(dialog.rows())
    assert set(rows) == {"empty.txt", "binary.md"}
    assert all(reason for reason in rows.values())
    assert "1 imported; 2 files were not imported" in dialog.summary.text()
    for name, reason in rows.items():
        assert name in caplog.text and reason in caplog.text


def test_a_folder_of_reports_is_one_undo_step(qtbot, window, workspace, tmp_path):
    folder = tmp_path / "batch"
    folder.mkdir()
    for n in range(3):
        (folder / f"r{n}.txt").write_text(f"Report number {n} of the batch.\n",
                                          encoding="utf-8")
    before = {r.id for r in workspace.reports()}
    window.import_paths([str(folder)])
    assert len(workspace.reports()) == len(before) + 3
    assert window.menu_actions.undo.text() == "&Undo import of 3 reports"
    window.menu_actions.undo.trigger()
    assert {r.id for r in workspace.reports()} == before
    qtbot.waitUntil(lambda: window.library.model.rowCount() == len(before))
    window.menu_actions.redo.trigger()
    assert len(workspace.reports()) == len(before) + 3
