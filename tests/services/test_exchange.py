"""Export and import of annotation sets through the services: exact round trips of our own
JSON-LD, JSONL and .qdpx, merges by UUID with conflicts reported, one undoable step."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from glossator.core.exchange import ExchangeAnnotation, ExchangeSet
from glossator.formats.registry import EXPORTERS, read_set
from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.exchange import build_set, export_annotations
from glossator.services.exchange_import import ImportAnnotations, MergeReport
from glossator.services.registry import SPEAKERS, EntryFields, SaveEntry
from tests.conftest import SEEDS

HAMAS = "Hamas and Hizbullah were left alone in the arena"


def portable(s: ExchangeSet) -> list[ExchangeAnnotation]:
    """The annotations, without the report UUID each workspace gives its own copy."""
    return [replace(a, report_uuid="") for a in s.annotations]


@pytest.fixture
def source(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace with the seed reports and annotations of two reviewers."""
    ws = Workspace.open(tmp_path / "source.sqlite3", reviewer="ana")
    ws.ensure_seeded(SEEDS)
    ws.run(SaveEntry(SPEAKERS, EntryFields("Abu Ali", ("Ali",), affiliation="Kataib", role="x")))
    rid = ws.find_report("Following").id
    text = ws.report(rid).text
    tags = {t.name: t.id for t in ws.tags()}
    at = text.index(HAMAS)
    ws.run(
        AddAnnotation(
            rid,
            at,
            at + len(HAMAS),
            tag_ids=[tags["Quote"], tags["Betrayal"]],
            note="=1+1 and a second\nline",
            cites=ws.cites_for(rid, at, at + len(HAMAS)),
            status="accepted",
            speaker="Muhammad Al-Tamimi",
            stances=[("Iran", "against", 2), ("ISIS", "neutral", None)],
        )
    )
    line = text.index("\n")
    ws.run(AddAnnotation(rid, line - 5, line + 5, speaker="Abu Ali"))
    ws.reviewer = "bob"
    other = ws.find_report("Port Closure").id
    ws.run(AddAnnotation(other, 0, 12, tag_ids=[tags["Claim"]], status="disputed"))
    yield ws
    ws.close()


def reports_only(ws: Workspace) -> Workspace:
    """`ws` with the seed reports but none of the seed codebook's speakers or targets."""
    outcomes = ws.import_paths([p for p in sorted(SEEDS.iterdir()) if p.suffix != ".json"])
    assert all(o.status == "imported" for o in outcomes)
    return ws


def test_export_reads_every_field(source: Workspace) -> None:
    s = build_set(source)
    assert len(s.annotations) == 3
    first = next(a for a in s.annotations if a.quote == HAMAS)
    report = source.report(source.find_report("Following").id)
    assert first.report_uuid == report.summary.uuid and first.report_title == report.title
    assert first.tags == ("Betrayal", "Quote")  # codebook order
    assert first.speaker is not None and "Al-Tamimi" in first.speaker.aliases
    assert [(x.target, x.label, x.intensity) for x in first.stances] == [
        ("Iran", "against", 2),
        ("ISIS", "neutral", None),
    ]
    assert first.cites == ("3",) and first.status == "accepted" and first.author == "ana"
    assert first.created.tzinfo is not None
    assert {a.author for a in s.annotations} == {"ana", "bob"}
    assert all(r.text is None for r in s.reports)
    only = build_set(source, [report.id], texts=True)
    assert {a.report_title for a in only.annotations} == {report.title}
    assert [r.text for r in only.reports] == [report.text]


@pytest.mark.parametrize("fmt", ["w3c", "jsonl", "qdpx"])
def test_own_formats_round_trip_exactly(
    source: Workspace, ws: Workspace, tmp_path: Path, fmt: str
) -> None:
    first = tmp_path / f"first{EXPORTERS[fmt].suffix}"
    export_annotations(source, fmt, first)
    command = ImportAnnotations(read_set(first), first.name)
    reports_only(ws).run(command)
    assert command.report == MergeReport(added=3)
    second = tmp_path / f"second{EXPORTERS[fmt].suffix}"
    export_annotations(ws, fmt, second)
    assert portable(read_set(second)) == portable(read_set(first)) == portable(build_set(source))
    speakers = {s.name: s for s in ws.speakers()}
    assert speakers["Abu Ali"].affiliation == "Kataib" and speakers["Abu Ali"].aliases == ("Ali",)


def test_importing_twice_changes_nothing(source: Workspace, ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    export_annotations(source, "jsonl", path)
    reports_only(ws).run(ImportAnnotations(read_set(path)))
    again = ImportAnnotations(read_set(path))
    ws.run(again)
    assert again.report == MergeReport(unchanged=3)


def test_differing_annotations_are_conflicts_left_as_they_are(
    source: Workspace, ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "set.jsonld"
    s = export_annotations(source, "w3c", path)
    reports_only(ws).run(ImportAnnotations(read_set(path)))
    changed = next(a for a in s.annotations if a.quote == HAMAS)
    ws.run(EditAnnotation(changed.uuid, AnnotationFields(note="mine", status="rejected")))
    merge = ImportAnnotations(read_set(path), path.name)
    ws.run(merge)
    assert merge.report is not None
    assert merge.report.unchanged == 2 and merge.report.added == 0
    (conflict,) = merge.report.conflicts
    assert conflict.uuid == changed.uuid and conflict.fields == ("note", "status")
    mine = ws.annotation(changed.uuid)
    assert mine is not None and mine.note == "mine"
    assert any("conflict" in line and "note, status" in line for line in merge.report.lines())


def test_unknown_reports_are_skipped_and_named(
    source: Workspace, ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "set.jsonl"
    export_annotations(source, "jsonl", path)
    ws.import_paths([SEEDS / "harbor-closure-reactions.txt"])
    command = ImportAnnotations(read_set(path))
    ws.run(command)
    assert command.report is not None
    assert (command.report.added, command.report.skipped) == (1, 2)
    assert len(command.report.unknown_reports) == 1
    assert command.report.unknown_reports[0].startswith("Following")


def test_import_is_one_undoable_step(source: Workspace, ws: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "set.qdpx"
    export_annotations(source, "qdpx", path)
    reports_only(ws)
    before_speakers = {s.name for s in ws.speakers()}
    before_reviewers = ws.reviewers()
    command = ImportAnnotations(read_set(path))
    change = ws.run(command)
    assert len(change.annotations) == 3 and change.codebook
    assert "Abu Ali" in {s.name for s in ws.speakers()} and "bob" in ws.reviewers()
    ws.revert(command)
    assert build_set(ws).annotations == ()
    assert {s.name for s in ws.speakers()} == before_speakers
    assert ws.reviewers() == before_reviewers
    ws.run(command)  # redo puts back the very same rows
    assert portable(build_set(ws)) == portable(build_set(source))
    ws.revert(command)
    assert build_set(ws).annotations == () and ws.reviewers() == before_reviewers
    ws.run(command)
    assert portable(build_set(ws)) == portable(build_set(source))


def test_moved_quotes_are_re_anchored_or_reported(source: Workspace, ws: Workspace) -> None:
    s = build_set(source)
    reports_only(ws)
    ours = {r.title: r.uuid for r in ws.reports()}
    hamas = next(a for a in s.annotations if a.quote == HAMAS)
    moved = replace(
        hamas, report_uuid=ours[hamas.report_title], report_sha256="", start=hamas.start + 7
    )
    lost = replace(
        moved,
        uuid="7a1e0c9d-3b2f-4e5a-8c6d-1f2e3d4c5b6a",
        quote="words that are nowhere in the report",
    )
    command = ImportAnnotations(replace(s, annotations=(moved, lost)))
    ws.run(command)
    assert command.report is not None
    assert command.report.added == 1 and command.report.unanchored == (lost.uuid,)
    back = ws.annotation(hamas.uuid)
    assert back is not None and (back.start, back.end) == (hamas.start, hamas.end)


def test_unknown_format_is_refused(source: Workspace, tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="Unknown export format 'docx'"):
        export_annotations(source, "docx", tmp_path / "x.docx")
