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


def _history_count(ws: Workspace) -> int:
    from sqlalchemy import func, select

    from glossator.store.models import HistoryRow

    with ws.db.session() as session:
        return int(session.scalar(select(func.count()).select_from(HistoryRow)) or 0)


def test_docx_is_imported_with_linked_footnotes_and_endnotes(ws: Workspace, tmp_path: Path) -> None:
    from tests.formats.docx_builder import build_docx, fn_ref, p, r

    body = p("Harbor statement", style="Title") + p(
        "The spokesman said", fn_ref(1), " the port would reopen", fn_ref(2), " soon", fn_ref(1)
    )
    path = tmp_path / "statement.docx"
    path.write_bytes(
        build_docx(
            body, footnotes={1: r("Press call, 2 May 2024."), 2: r("Port notice."), 3: r("Unused.")}
        )
    )
    (outcome,) = ws.import_paths([path])
    assert outcome.status == "imported", outcome.line()
    detail = ws.report(outcome.report_id or 0)
    assert detail.title == "Harbor statement"
    assert detail.footnote_style == "bracket"
    assert [(m.label, m.note) for m in detail.markers] == [("1", "1"), ("2", "2"), ("1", "1")]
    for m in detail.markers:
        assert detail.text[m.start : m.end] == f"[{m.label}]"
    one = next(n for n in detail.notes if n.label == "1")
    assert one.text == "Press call, 2 May 2024." and len(one.cited_by) == 2
    assert detail.uncited_notes == ("3",) and detail.missing_notes == ()
    assert detail.body_end == detail.text.index("[1] Press call")


def test_refused_docx_files_leave_the_workspace_unchanged(ws: Workspace, tmp_path: Path) -> None:
    from glossator.formats.decoding import OLE_MAGIC
    from tests.formats.docx_builder import BILLION_LAUGHS, build_docx, p, zip_entries

    folder = tmp_path / "batch"
    folder.mkdir()
    (folder / "good.docx").write_bytes(build_docx(p("A good report")))
    (folder / "corrupt.docx").write_bytes(b"PK\x03\x04" + bytes(200))
    (folder / "encrypted.docx").write_bytes(
        OLE_MAGIC + bytes(500) + "EncryptedPackage".encode("utf-16-le")
    )
    bomb = BILLION_LAUGHS + '<w:document xmlns:w="urn:w">&lol9;</w:document>'
    (folder / "bomb.docx").write_bytes(build_docx(document_xml=bomb))
    (folder / "zipbomb.docx").write_bytes(
        build_docx(p("x"), extra={"word/media/filler.bin": bytes(8 * 1024 * 1024)})
    )
    (folder / "sheet.docx").write_bytes(zip_entries({"xl/workbook.xml": b"<x/>"}))
    legacy = tmp_path / "old.doc"
    legacy.write_bytes(OLE_MAGIC + bytes(500) + "WordDocument".encode("utf-16-le"))
    before = (ws.report_count(), _history_count(ws))
    outcomes = {o.name: o for o in ws.import_paths([folder, legacy])}
    assert outcomes["good.docx"].status == "imported"
    reasons = {name: o.reason or "" for name, o in outcomes.items() if o.status == "refused"}
    assert reasons["corrupt.docx"].startswith("damaged Word document")
    assert reasons["encrypted.docx"].startswith("password-protected or encrypted")
    assert "declares a DTD or XML entities" in reasons["bomb.docx"]
    assert "zip bomb" in reasons["zipbomb.docx"]
    assert reasons["old.doc"].startswith("legacy Word 97-2003 document (.doc)")
    assert reasons["sheet.docx"] == (
        "not a Word document: an Excel workbook, without word/document.xml"
    )
    assert ws.report_count() == before[0] + 1
    assert _history_count(ws) == before[1] + 1  # only the good report's import


def test_a_prepare_that_is_stopped_ends_the_import_and_keeps_what_came_before(
    ws: Workspace, tmp_path: Path
) -> None:
    from glossator.services.reports import PreparedReport
    from glossator.services.workspace import ImportStopped

    for i in range(3):
        (tmp_path / f"r{i}.txt").write_text(f"Report {i}\n\nIts text {i}.", encoding="utf-8")
    before = len(ws.reports())

    def prepare(path: Path) -> PreparedReport:
        if path.name == "r1.txt":
            raise ImportStopped(path.name)
        return PreparedReport.from_file(path)

    outcomes = ws.import_paths([tmp_path], prepare=prepare)
    assert [(o.name, o.status) for o in outcomes] == [("r0.txt", "imported")]
    assert len(ws.reports()) == before + 1
