"""Importing reports through the Workspace, on a real database file."""

from __future__ import annotations

from pathlib import Path

from glossator.services import Workspace
from glossator.services.reports import DeleteReport, RenameReport
from tests.conftest import SEED_REPORT, SEEDS


def test_seed_report_is_imported_with_linked_footnotes(ws: Workspace) -> None:
    (outcome,) = ws.import_paths([SEED_REPORT])
    assert outcome.status == "imported", outcome.line()
    detail = ws.report(outcome.report_id or 0)
    assert detail.title.startswith("Following The Fall Of The Regime In Syria")
    assert [m.label for m in detail.markers] == ["1", "2", "3", "4", "5", "6"]
    assert {m.label: m.note for m in detail.markers} == {
        "1": None,
        "2": "2",
        "3": "3",
        "4": "4",
        "5": "5",
        "6": None,
    }
    assert detail.missing_notes == ("1", "6")
    assert detail.uncited_notes == ()
    note3 = next(n for n in detail.notes if n.label == "3")
    assert note3.text == "X, December 8, 2024."
    for m in detail.markers:
        assert detail.text[m.start : m.end] == f"[{m.label}]"
    (citation,) = note3.cited_by
    assert detail.text[citation[0] : citation[1]] == "[3]"
    assert detail.body_end <= next(n.start for n in detail.notes)


def test_reimporting_the_same_text_is_a_duplicate(ws: Workspace, tmp_path: Path) -> None:
    ws.import_paths([SEED_REPORT])
    copy = tmp_path / "copy.txt"
    copy.write_bytes(b"\xef\xbb\xbf" + SEED_REPORT.read_bytes().replace(b"\n", b"\r\n"))
    (outcome,) = ws.import_paths([copy])
    assert outcome.status == "duplicate"
    assert ws.report_count() == 1


def test_folder_import_reports_each_file_and_refuses_bad_ones(
    ws: Workspace, tmp_path: Path
) -> None:
    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.txt").write_text("A title\n\nBody with a marker.[1]\n\n[1] The note.\n")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    (folder / ".hidden.txt").write_text("never imported")
    (folder / "picture.png").write_bytes(b"\x89PNG")
    outcomes = {o.name: o for o in ws.import_paths([folder])}
    assert set(outcomes) == {"good.txt", "empty.txt", "binary.txt"}
    assert outcomes["good.txt"].status == "imported"
    assert outcomes["empty.txt"].status == "refused" and "empty" in (
        outcomes["empty.txt"].reason or ""
    )
    assert outcomes["binary.txt"].status == "refused" and "binary" in (
        outcomes["binary.txt"].reason or ""
    )
    assert ws.report_count() == 1


def test_cancelled_import_keeps_what_was_imported(ws: Workspace) -> None:
    seen: list[str] = []

    def progress(done: int, total: int, outcome: object) -> bool:
        seen.append(str(done))
        return done < 2

    outcomes = ws.import_paths([SEEDS], progress=progress)
    assert len(outcomes) == 2
    assert ws.report_count() == 2


def test_seeding_an_empty_workspace_happens_once(ws: Workspace) -> None:
    first = ws.ensure_seeded(SEEDS)
    assert sorted(o.status for o in first) == ["imported"] * 4
    assert ws.ensure_seeded(SEEDS) == []
    assert ws.report_count() == 4


def test_rename_and_delete_are_undoable_commands(ws: Workspace) -> None:
    (outcome,) = ws.import_paths([SEED_REPORT])
    rid = outcome.report_id or 0
    rename = RenameReport(rid, "  Militia officials  blame Iran ")
    change = ws.run(rename)
    assert rid in change.reports
    assert ws.report(rid).title == "Militia officials blame Iran"
    ws.revert(rename)
    assert ws.report(rid).title.startswith("Following The Fall")

    before = ws.report(rid)
    delete = DeleteReport(rid)
    assert rid in ws.run(delete).reports_removed
    assert ws.report_count() == 0
    ws.revert(delete)
    after = ws.report(rid)
    assert (
        after.text == before.text
        and after.markers == before.markers
        and after.notes == before.notes
    )


def test_every_command_leaves_history(ws: Workspace) -> None:
    from sqlalchemy import select

    from glossator.store.models import HistoryRow

    (outcome,) = ws.import_paths([SEED_REPORT])
    ws.run(RenameReport(outcome.report_id or 0, "Renamed"))
    with ws.db.session() as session:
        rows = session.execute(
            select(HistoryRow.command, HistoryRow.reviewer, HistoryRow.new)
        ).all()
    commands = [r[0] for r in rows]
    assert "ImportReport" in commands and "RenameReport" in commands
    assert all(r[1] == "ana" for r in rows if r[0] != "ImportCodebook")
    assert rows[-1][2] == {"title": "Renamed"}
