"""What the window needs of the exchange services: an import previewed without writing a row
(the same report the import then gives), an export stopped half way that leaves nothing, and
imports of report files that hand back their commands to be undone as one step."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossator.formats.registry import EXPORTERS, read_set
from glossator.services import Workspace
from glossator.services.commands import Batch, Command
from glossator.services.exchange import export_annotations
from glossator.services.exchange_import import ImportAnnotations
from glossator.services.exchange_preview import codebook_delta, preview_import
from glossator.services.export_progress import STEP, ExportCancelled
from glossator.services.registry import SPEAKERS, EntryFields, SaveEntry
from tests.conftest import SEEDS
from tests.services.test_exchange import reports_only, source  # noqa: F401  (fixture)


def test_the_preview_says_what_the_import_does_and_writes_nothing(
    source: Workspace, ws: Workspace, tmp_path: Path  # noqa: F811
) -> None:
    path = tmp_path / "set.jsonld"
    export_annotations(source, "w3c", path)
    reports_only(ws)
    speakers_before, annotations_before = ws.speakers(), {
        r.id: len(ws.annotations(r.id)) for r in ws.reports()}
    preview = preview_import(ws, read_set(path), path.name)
    assert preview.merge.added == 3
    assert "speaker Abu Ali" in preview.codebook.added
    assert ws.speakers() == speakers_before  # rolled back: no speaker, no annotation
    assert {r.id: len(ws.annotations(r.id)) for r in ws.reports()} == annotations_before
    command = ImportAnnotations(read_set(path), path.name)
    ws.run(command)
    assert command.report == preview.merge  # the import says what the preview said
    again = preview_import(ws, read_set(path), path.name)
    assert again.merge.added == 0 and again.merge.unchanged == 3
    assert again.codebook.added == ()


def test_a_codebook_entry_completed_by_an_import_counts_as_updated(ws: Workspace) -> None:
    before = ws.codebook()
    ws.run(SaveEntry(SPEAKERS, EntryFields("Abu Ali")))
    middle = ws.codebook()
    ws.run(SaveEntry(SPEAKERS, EntryFields("Abu Ali", ("Ali",), affiliation="Kataib"),
                     ws.speakers()[-1].id))
    delta = codebook_delta(middle, ws.codebook())
    assert delta.updated == ("speaker Abu Ali",) and delta.added == ()
    assert codebook_delta(before, middle).added == ("speaker Abu Ali",)


def large_workspace(tmp_path: Path, n: int) -> Workspace:
    ws = Workspace.open(tmp_path / "big.sqlite3", reviewer="ana")
    ws.ensure_seeded(SEEDS)
    rid = ws.find_report("Following").id
    from glossator.services.annotations import AddAnnotation

    ws.run(Batch("many", [AddAnnotation(rid, i % 500, i % 500 + 7) for i in range(n)]))
    return ws


@pytest.mark.parametrize("fmt", sorted(n for n, e in EXPORTERS.items() if e.needs_annotations))
@pytest.mark.parametrize("phase", ["reading", "writing"])
def test_a_cancelled_export_leaves_nothing(tmp_path: Path, fmt: str, phase: str) -> None:
    ws = large_workspace(tmp_path, 2 * STEP + 10)
    try:
        dest = tmp_path / "out" / f"set{EXPORTERS[fmt].suffix}"
        dest.parent.mkdir()
        seen: list[tuple[str, int, int]] = []

        def progress(at: str, done: int, total: int) -> bool:
            seen.append((at, done, total))
            return not (at == phase and done >= STEP)

        with pytest.raises(ExportCancelled):
            export_annotations(ws, fmt, dest, progress=progress)
        assert list(dest.parent.iterdir()) == []  # no file, no temporary beside it
        assert (phase, STEP, 2 * STEP + 10) in seen
        if phase == "writing":
            assert any(at == "reading" and done == total for at, done, total in seen)
    finally:
        ws.close()


def test_a_cancelled_export_over_an_existing_file_keeps_it(tmp_path: Path) -> None:
    ws = large_workspace(tmp_path, STEP + 1)
    try:
        dest = tmp_path / "out" / "set.csv"
        dest.parent.mkdir()
        dest.write_text("the old export\n", encoding="utf-8")
        with pytest.raises(ExportCancelled):
            export_annotations(ws, "csv", dest, overwrite=True,
                               progress=lambda at, done, _total: at == "reading" or done == 0)
        assert dest.read_text(encoding="utf-8") == "the old export\n"
        assert [p.name for p in dest.parent.iterdir()] == ["set.csv"]
        counted: list[int] = []
        export_annotations(ws, "csv", dest, overwrite=True,
                           progress=lambda _at, done, _total: counted.append(done) or True)
        assert max(counted) == STEP + 1
        assert dest.read_text(encoding="utf-8-sig").count("\n") > STEP
    finally:
        ws.close()


def test_imported_reports_come_back_as_commands_undone_as_one(ws: Workspace) -> None:
    applied: list[Command] = []
    files = [SEEDS / "harbor-closure-reactions.txt", SEEDS / "000_93b5b4f369dc47da.txt"]
    outcomes = ws.import_paths(files, applied=applied)
    assert [o.status for o in outcomes] == ["imported", "imported"]
    assert len(applied) == 2
    again: list[Command] = []
    ws.import_paths(files[:1], applied=again)
    assert again == []  # a duplicate stores nothing, so there is nothing to undo
    batch = Batch("import of 2 reports", applied)
    ws.revert(batch)
    assert ws.reports() == []
    ws.run(batch)
    assert sorted(r.title for r in ws.reports()) == sorted(o.title or "" for o in outcomes)
