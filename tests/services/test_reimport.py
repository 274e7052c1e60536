"""Re-importing a changed file into a report: text and notes replaced, annotations
re-anchored (kept, moved, fuzzy or orphaned), one undoable transaction; on SQLite and, when
GLOSSATOR_TEST_POSTGRES is set, on PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.reimport import (
    ReimportRefused,
    ReimportReport,
    preview_reimport,
    read_replacement,
)
from glossator.services.reports import RenameReport
from glossator.store.models import HistoryRow
from glossator.store.snapshot import snapshot_report
from glossator.store.versions import without_version
from tests.conftest import SEED_REPORT, SEEDS

SEED = SEED_REPORT.read_text(encoding="utf-8")
KEPT = "blamed it for the disintegration of the entire axis"
DELETED = "These officials expressed concern about the possible resurgence"
INSERTED = "An editor's paragraph added to the new edition of the report.\n\n"
NOTE3 = "[3] X, December 8, 2024.\n\n"


def seed(ws: Workspace) -> int:
    (outcome,) = ws.import_paths([SEED_REPORT])
    assert outcome.report_id is not None
    return outcome.report_id


def annotate(ws: Workspace, rid: int, passage: str, **kw: Any) -> str:
    text = ws.report_text(rid).text
    start = text.index(passage)
    command = AddAnnotation(rid, start, start + len(passage), **kw)
    ws.run(command)
    return command.uuid


def edited_seed(tmp_path: Path, name: str = "000_93b5b4f369dc47da.txt") -> Path:
    """The seed with a paragraph inserted before the kept passage and a sentence cut."""
    first = "On December 8, 2024, following"
    text = SEED.replace(first, INSERTED + first)
    sentence = text[text.index(DELETED) : text.index("They also expressed apprehension")]
    path = tmp_path / name
    path.write_text(text.replace(sentence, ""), encoding="utf-8")
    return path


def state(ws: Workspace, rid: int) -> Any:
    """Every row of the report, versions aside (they only grow, undo included)."""
    with ws.db.session() as session:
        snap = snapshot_report(session, rid)
    return [(name, [without_version(r) for r in rows]) for name, rows in snap.tables]


def history(ws: Workspace) -> int:
    with ws.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(HistoryRow)) or 0)


def test_reimport_keeps_moves_and_orphans_annotations(ws: Workspace, tmp_path: Path) -> None:
    rid = seed(ws)
    kept = annotate(ws, rid, KEPT)
    gone = annotate(ws, rid, DELETED)
    early = annotate(ws, rid, "Following The Fall Of The Regime")
    old = {a.id: a for a in ws.annotations(rid)}
    command = ReimportReport.from_file(rid, edited_seed(tmp_path))
    change = ws.run(command)
    assert change.reports == {rid} and change.annotations == {kept, gone, early}
    assert change.texts == {rid}
    assert change.message == "Re-imported: 1 kept, 1 moved, 1 need attention"
    text = ws.report_text(rid).text
    now = {a.id: a for a in ws.annotations(rid)}
    assert text[now[kept].start : now[kept].end] == KEPT == now[kept].quote
    assert now[kept].start == old[kept].start + len(INSERTED) and not now[kept].orphaned
    assert now[early].start == 0 and not now[early].orphaned
    assert now[gone].orphaned and now[gone].quote == DELETED
    assert (now[gone].start, now[gone].end) == (old[gone].start, old[gone].end)
    assert command.plan is not None and command.plan.counts == {
        "kept": 1, "moved": 1, "fuzzy": 0, "orphaned": 1}
    assert [o.annotation for o in command.plan.orphaned] == [gone]
    with ws.db.session() as session:
        event = session.scalars(
            select(HistoryRow).where(HistoryRow.command == "ReimportReport",
                                     HistoryRow.entity == "report")).one()
    assert event.new is not None and event.new["orphaned"] == 1 and event.new["moved"] == 1
    assert event.new["orphaned_annotations"] == [gone]
    # fixing the orphan: a new span clears the flag
    start = text.index("They also expressed apprehension")
    ws.run(EditAnnotation(gone, AnnotationFields(span=(start, start + 20))))
    fixed = ws.annotation(gone)
    assert fixed is not None and not fixed.orphaned and fixed.quote == text[start : start + 20]


def test_undo_restores_text_notes_and_annotations_exactly_and_redo_again(
    ws: Workspace, tmp_path: Path
) -> None:
    rid = seed(ws)
    annotate(ws, rid, KEPT, cites=["2"])
    annotate(ws, rid, DELETED)
    before = state(ws, rid)
    command = ReimportReport.from_file(rid, edited_seed(tmp_path))
    ws.run(command)
    after = state(ws, rid)
    assert after != before
    undone = ws.revert(command)
    assert undone.texts == {rid} and undone.message.startswith("Undone: re-import")
    assert state(ws, rid) == before
    assert ws.search("editor's paragraph") == []
    ws.run(command)
    assert state(ws, rid) == after
    assert ws.search("editor's paragraph")[0].report_id == rid


def test_citations_follow_the_note_label(ws: Workspace, tmp_path: Path) -> None:
    rid = seed(ws)
    cited = annotate(ws, rid, KEPT, cites=["2", "3"])
    path = tmp_path / "renumbered.txt"
    path.write_text(SEED.replace(NOTE3, "").replace("[3]", ""), encoding="utf-8")
    command = ReimportReport.from_file(rid, path)
    ws.run(command)
    found = ws.annotation(cited)
    assert found is not None and found.cites == ("2",)
    assert command.plan is not None and command.plan.dropped_cites == ((cited, "3"),)
    detail = ws.report(rid)
    assert [n.label for n in detail.notes] == ["2", "4", "5"]
    note2 = next(n for n in detail.notes if n.label == "2")
    assert len(note2.cited_by) == 1
    ws.revert(command)
    found = ws.annotation(cited)
    assert found is not None and found.cites == ("2", "3")


def test_a_small_edit_inside_a_quote_is_followed_approximately(
    ws: Workspace, tmp_path: Path
) -> None:
    rid = seed(ws)
    uuid = annotate(ws, rid, KEPT)
    path = tmp_path / "typo.txt"
    path.write_text(SEED.replace("disintegration of", "disintegation of"), encoding="utf-8")
    command = ReimportReport.from_file(rid, path)
    ws.run(command)
    found = ws.annotation(uuid)
    assert found is not None and not found.orphaned
    assert found.quote == "blamed it for the disintegation of the entire axis"
    assert command.plan is not None and command.plan.counts["fuzzy"] == 1


def test_an_orphan_anchors_again_when_its_text_comes_back(ws: Workspace, tmp_path: Path) -> None:
    rid = seed(ws)
    gone = annotate(ws, rid, DELETED)
    ws.run(ReimportReport.from_file(rid, edited_seed(tmp_path)))
    orphan = ws.annotation(gone)
    assert orphan is not None and orphan.orphaned
    command = ReimportReport.from_file(rid, SEED_REPORT)
    ws.run(command)
    back = ws.annotation(gone)
    assert back is not None and not back.orphaned and back.quote == DELETED
    assert ws.report_text(rid).text[back.start : back.end] == DELETED


def test_title_follows_the_file_unless_renamed(ws: Workspace, tmp_path: Path) -> None:
    rid = seed(ws)
    path = tmp_path / "retitled.txt"
    path.write_text("A Corrected Title\n\n" + SEED.split("\n", 1)[1], encoding="utf-8")
    command = ReimportReport.from_file(rid, path)
    ws.run(command)
    assert ws.report(rid).title == "A Corrected Title"
    ws.revert(command)
    ws.run(RenameReport(rid, "My own name"))
    ws.run(ReimportReport.from_file(rid, path))
    assert ws.report(rid).title == "My own name"


def test_identical_text_changes_nothing(ws: Workspace, tmp_path: Path) -> None:
    rid = seed(ws)
    annotate(ws, rid, KEPT)
    before, events = state(ws, rid), history(ws)
    copy = tmp_path / "same.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + SEED_REPORT.read_bytes().replace(b"\n", b"\r\n"))
    change = ws.run(ReimportReport.from_file(rid, copy))
    assert "the same" in change.message and "nothing changed" in change.message
    assert not change.reports and not change.annotations and not change.texts
    assert state(ws, rid) == before and history(ws) == events


def test_preview_computes_without_writing(ws: Workspace, tmp_path: Path) -> None:
    rid = seed(ws)
    gone = annotate(ws, rid, DELETED)
    before, events = state(ws, rid), history(ws)
    plan = preview_reimport(ws, rid, read_replacement(edited_seed(tmp_path)))
    assert plan.counts["orphaned"] == 1 and plan.orphaned[0].annotation == gone
    assert plan.orphaned[0].old_quote == DELETED and not plan.identical
    assert plan.summary() == "0 kept, 0 moved, 1 need attention"
    assert state(ws, rid) == before and history(ws) == events


@pytest.mark.parametrize("kind", ["binary", "empty", "missing", "other report"])
def test_refused_files_leave_the_workspace_unchanged(
    ws: Workspace, tmp_path: Path, kind: str
) -> None:
    rid = seed(ws)
    annotate(ws, rid, KEPT)
    (other,) = ws.import_paths([SEEDS / "harbor-closure-reactions.txt"])
    before, events = state(ws, rid), history(ws)
    path = tmp_path / "new.txt"
    if kind == "binary":
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    elif kind == "empty":
        path.write_bytes(b"  \n\n ")
    elif kind == "other report":
        path.write_bytes((SEEDS / "harbor-closure-reactions.txt").read_bytes())
    with pytest.raises(ReimportRefused) as refused:
        ws.run(ReimportReport.from_file(rid, path))
    message = str(refused.value)
    assert message.startswith("new.txt: refused: ")
    if kind == "other report":
        assert f"already report {other.report_id}" in message
    assert state(ws, rid) == before and history(ws) == events


def test_a_previewed_plan_is_applied_as_shown_unless_something_changed(ws, tmp_path):
    """The window computes the plan once for its confirmation; running the command applies
    that plan, and computes it again when an annotation changed in between."""
    from glossator.services import reimport as reimport_module
    from glossator.services.reimport import prepare_reimport, read_replacement

    (outcome,) = ws.import_paths([SEED_REPORT])
    rid = outcome.report_id
    text = ws.report(rid).text
    start = text.index("Hamas and Hizbullah")
    add = AddAnnotation(rid, start, start + 19)
    ws.run(add)
    changed = tmp_path / SEED_REPORT.name
    changed.write_text("A new first paragraph.\n\n" + SEED_REPORT.read_text(encoding="utf-8"),
                       encoding="utf-8")
    calls: list[int] = []
    original = reimport_module.plan_rows

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append(1)
        return original(*args, **kwargs)

    reimport_module.plan_rows = counting  # type: ignore[assignment]
    try:
        command = prepare_reimport(ws, rid, read_replacement(changed))
        ws.run(command)
        assert len(calls) == 1  # applied as previewed
        moved = ws.annotation(add.uuid)
        assert moved is not None and moved.start == start + len("A new first paragraph.\n\n")
        ws.revert(command)
        again = prepare_reimport(ws, rid, read_replacement(changed))
        ws.run(EditAnnotation(add.uuid, AnnotationFields(span=(start, start + 10))))
        ws.run(again)
        assert len(calls) == 3  # an annotation changed after the preview: planned again
        shifted = ws.annotation(add.uuid)
        assert shifted is not None and shifted.end - shifted.start == 10
    finally:
        reimport_module.plan_rows = original  # type: ignore[assignment]
