"""Memos: added, edited and deleted by undoable commands with history; kept by their
subject's UUID through a deletion of the subject; found by the search; carried by .qdpx
(valid against the REFI-QDA XSD), JSON-LD and JSONL and merged back on import."""

from __future__ import annotations

import uuid
import zipfile
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import select

from glossator.core.exchange import ExchangeMemo
from glossator.formats.registry import EXPORTERS
from glossator.services import CommandError, Workspace
from glossator.services.analysis import Analysis
from glossator.services.exchange import export_annotations
from glossator.services.exchange_files import read_annotation_set
from glossator.services.exchange_import import ImportAnnotations
from glossator.services.memos import AddMemo, DeleteMemo, EditMemo
from glossator.services.registry import SPEAKERS, DeleteEntry
from glossator.services.tags import DeleteTag
from glossator.store.models import HistoryRow
from tests.conftest import SEEDS, SHARED

XSD = SHARED / "formats" / "refi-qda" / "qdasoftware-mrt2019" / "Project-mrt2019.xsd"
MEMO_TEXT = "Al-Tamimi blames *Iran* first.\n\nThen the [axis] <b>itself</b> & its régime."


@pytest.fixture
def seeded(ws: Workspace) -> Workspace:
    ws.ensure_seeded(SEEDS)
    return ws


def report_id(ws: Workspace, prefix: str) -> int:
    return ws.find_report(prefix).id


def add_four(ws: Workspace) -> dict[str, str]:
    commands = {
        "report": AddMemo("report", report_id(ws, "Following"), MEMO_TEXT, "Blame"),
        "tag": AddMemo("tag", "Betrayal", "Betrayal is blame of an *ally*."),
        "speaker": AddMemo("speaker", "Al-Zaydi", "Cautious; waits for the opposition."),
        "workspace": AddMemo("workspace", None, "Codebook questions for the team.", "Team"),
    }
    for c in commands.values():
        ws.run(c)
    return {k: c.uuid for k, c in commands.items()}


def test_add_edit_delete_with_undo_and_history(seeded: Workspace) -> None:
    ws, analysis = seeded, Analysis(seeded)
    add = AddMemo("report", report_id(ws, "Port"), "First thoughts", "On the port")
    change = ws.run(add)
    assert change.memos == {add.uuid} and change.reports == {report_id(ws, "Port")}
    (memo,) = analysis.memos("report", report_id(ws, "Port"))
    assert (memo.title, memo.text, memo.author, memo.kind) == (
        "On the port", "First thoughts", "ana", "report")
    assert memo.subject_name is not None and memo.subject_name.startswith("Port Closure")
    edit = EditMemo(add.uuid, text="Second thoughts")
    ws.run(edit)
    assert analysis.memo(add.uuid[:8]).text == "Second thoughts"
    assert analysis.memo(add.uuid).modified >= memo.modified
    ws.revert(edit)
    assert analysis.memo(add.uuid).text == "First thoughts"
    assert analysis.memo(add.uuid).modified == memo.modified
    ws.run(edit)  # redo
    delete = DeleteMemo(add.uuid)
    ws.run(delete)
    assert analysis.memos() == []
    ws.revert(delete)
    assert analysis.memo(add.uuid).text == "Second thoughts"
    ws.revert(edit)
    ws.revert(add)
    assert analysis.memos() == []
    ws.run(add)  # redo keeps the same memo
    assert analysis.memo(add.uuid).created == memo.created
    with ws.db.session() as s:
        logged = [(h.command, h.action) for h in s.scalars(
            select(HistoryRow).where(HistoryRow.entity == "memo").order_by(HistoryRow.id))]
    assert logged[:4] == [("AddMemo", "apply"), ("EditMemo", "apply"), ("EditMemo", "revert"),
                          ("EditMemo", "apply")]
    assert ("DeleteMemo", "revert") in logged and ("AddMemo", "revert") in logged


def test_memos_by_subject_kind(seeded: Workspace) -> None:
    ids = add_four(seeded)
    analysis = Analysis(seeded)
    assert [m.id for m in analysis.memos()] == list(ids.values())
    assert [m.id for m in analysis.memos("tag", "Betrayal")] == [ids["tag"]]
    (zaydi,) = analysis.memos("speaker", "Shibl Al-Zaydi")
    assert zaydi.subject_name == "Shibl Al-Zaydi"
    assert zaydi.heading == "Cautious; waits for the opposition."
    (team,) = analysis.memos("workspace")
    assert team.subject is None and not team.detached and team.heading == "Team"


def test_bad_memos_are_refused(seeded: Workspace) -> None:
    for command, message in (
        (lambda: AddMemo("report", 999, "x"), "Report 999 does not exist"),
        (lambda: AddMemo("tag", "Nonesuch", "x"), "No tag is called"),
        (lambda: AddMemo("speaker", "Nobody", "x"), "No speaker is called"),
        (lambda: AddMemo("target", "Iran", "x"), "A memo is about one of"),
        (lambda: AddMemo("workspace", None, "  \n"), "Write something first"),
        (lambda: AddMemo("workspace", None, "x" * 200_001), "limited to 200,000"),
    ):
        with pytest.raises(CommandError, match=message):
            seeded.run(command())
    assert Analysis(seeded).memos() == []
    with pytest.raises(CommandError, match="No memo has an id"):
        Analysis(seeded).memo("abcdef")


def test_a_memo_outlives_its_subject_and_comes_back_with_it(seeded: Workspace) -> None:
    ids = add_four(seeded)
    analysis = Analysis(seeded)
    betrayal = next(t.id for t in seeded.tags() if t.name == "Betrayal")
    delete = DeleteTag(betrayal)
    seeded.run(delete)
    memo = analysis.memo(ids["tag"])
    assert memo.detached and memo.subject_name is None and memo.text.startswith("Betrayal")
    seeded.revert(delete)
    assert analysis.memo(ids["tag"]).subject_name == "Betrayal"
    zaydi = next(s.id for s in seeded.speakers() if s.name == "Shibl Al-Zaydi")
    seeded.run(DeleteEntry(SPEAKERS, zaydi))
    assert analysis.memo(ids["speaker"]).detached


def test_memos_are_found_by_the_search(seeded: Workspace) -> None:
    ids = add_four(seeded)
    analysis = Analysis(seeded)
    hits = analysis.search_memos("blames iran ")
    assert [h.memo.id for h in hits] == [ids["report"]]
    s, e = hits[0].matches[0]
    assert hits[0].snippet[s:e].casefold() in {"blames", "iran"}
    assert [h.memo.id for h in analysis.search_memos("team ")] == [ids["workspace"]]  # title
    assert [h.memo.id for h in analysis.search_memos("opposit")] == [ids["speaker"]]  # prefix
    assert analysis.search_memos("nowhere ") == []
    seeded.run(EditMemo(ids["workspace"], text="Nothing about the team now", title=""))
    assert [h.memo.id for h in analysis.search_memos("codebook ")] == []
    seeded.run(DeleteMemo(ids["report"]))
    assert analysis.search_memos("blames ") == []


def _validate(path: Path) -> None:
    etree = pytest.importorskip("lxml.etree")
    if not XSD.is_file():
        pytest.skip(f"the REFI-QDA schema is not at {XSD}")
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    with zipfile.ZipFile(path) as archive:
        document = etree.fromstring(archive.read("project.qde"))
    assert schema.validate(document), schema.error_log
    ns = "{urn:QDA-XML:project:1.0}"
    notes = document.findall(f"{ns}Notes/{ns}Note")
    assert len(notes) == 4
    assert len(document.findall(f"{ns}NoteRef")) == 1  # the workspace memo, on the project
    assert len(document.findall(f"{ns}Sources/{ns}TextSource/{ns}NoteRef")) == 1
    assert len(document.findall(f".//{ns}Code/{ns}NoteRef")) == 2  # the tag's, the speaker's


@pytest.mark.parametrize("fmt", ["qdpx", "w3c", "jsonl"])
def test_memos_round_trip_through_exchange_formats(
    seeded: Workspace, tmp_path: Path, fmt: str
) -> None:
    ids = add_four(seeded)
    mine = {m.id: m for m in Analysis(seeded).memos()}
    dest = tmp_path / f"set{EXPORTERS[fmt].suffix}"
    written = export_annotations(seeded, fmt, dest)
    assert {m.uuid for m in written.memos} == set(ids.values())
    if fmt == "qdpx":
        _validate(dest)
    back = read_annotation_set(dest)
    assert {m.uuid: (m.kind, m.title, m.text, m.author) for m in back.memos} == {
        m.id: (m.kind, m.title, m.text, m.author) for m in mine.values()}
    other = Workspace.open(tmp_path / "other.sqlite3", reviewer="ben")
    try:
        other.ensure_seeded(SEEDS)
        command = ImportAnnotations(back, dest.name)
        change = other.run(command)
        assert command.report is not None and command.report.memos_added == 4
        assert change.memos == set(ids.values())
        theirs = {m.id: m for m in Analysis(other).memos()}
        for uuid, m in mine.items():
            t = theirs[uuid]
            assert (t.kind, t.subject_name, t.title, t.text, t.author) == (
                m.kind, m.subject_name, m.title, m.text, m.author)
            assert t.created == m.created and t.modified == m.modified
        again = ImportAnnotations(back, dest.name)
        other.run(again)
        assert again.report is not None and again.report.memos_unchanged == 4
        other.revert(command)  # one undo step takes the memos away with the annotations
        assert Analysis(other).memos() == []
        other.run(command)
        assert len(Analysis(other).memos()) == 4
    finally:
        other.close()


def test_a_changed_memo_is_a_conflict_and_a_missing_subject_is_skipped(
    seeded: Workspace, tmp_path: Path
) -> None:
    ids = add_four(seeded)
    dest = tmp_path / "set.jsonl"
    export_annotations(seeded, "jsonl", dest)
    stray = ExchangeMemo(str(uuid.uuid4()), "report", str(uuid.uuid4()), "", "elsewhere", "ana")
    back = replace(read_annotation_set(dest), memos=(*read_annotation_set(dest).memos, stray))
    seeded.run(EditMemo(ids["tag"], text="Changed here"))
    seeded.run(DeleteMemo(ids["speaker"]))
    command = ImportAnnotations(back, dest.name)
    seeded.run(command)
    report = command.report
    assert report is not None
    assert [c.uuid for c in report.memo_conflicts] == [ids["tag"]]
    assert report.memo_conflicts[0].fields == ("text",)
    # the deleted speaker memo comes back; the one on a report we lack is skipped
    assert (report.memos_added, report.memos_unchanged, report.memos_skipped) == (1, 2, 1)
    assert any("memos: 1 added, 2 unchanged, 1 in conflict, 1 skipped" in line
               for line in report.lines())
    assert Analysis(seeded).memo(ids["tag"]).text == "Changed here"  # ours kept
