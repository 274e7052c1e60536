"""A highlight's quote and context come from the report text the Workspace holds only
while the database says that text is current; otherwise from the database."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.reimport import ReimportReport
from glossator.services.report_texts import ReportTexts

TEXT = "Opening 😀 line of the report.\n\nThe spokesman said the militia would act.\n"


def stored(ws: Workspace, uuid: str) -> tuple[str, str, str]:
    view = ws.annotation(uuid)
    assert view is not None
    return view.quote, view.prefix, view.suffix


@pytest.fixture
def report(ws: Workspace, tmp_path: Path) -> int:
    source = tmp_path / "report.txt"
    source.write_text(TEXT, encoding="utf-8")
    (outcome,) = ws.import_paths([source])
    return outcome.report_id or 0


@pytest.mark.parametrize("span", [(0, 7), (8, 9), (12, 40), (45, -1)])
def test_the_quote_is_the_same_with_or_without_the_text_in_memory(
    ws: Workspace, report: int, db_location: str, span: tuple[int, int]
) -> None:
    """Spans at the very start, on an astral character and to the very end (-1)."""
    text = ws.report_text(report).text  # the window's first read
    assert ws.texts.holds(report)
    span = (span[0], len(text) if span[1] < 0 else span[1])
    held = AddAnnotation(report, *span)
    ws.run(held)
    with Workspace.open(db_location, reviewer="ben") as other:  # holds no text
        assert not other.texts.holds(report)
        read = AddAnnotation(report, *span)
        other.run(read)
        assert stored(other, read.uuid) == stored(other, held.uuid)
    start, end = span
    assert stored(ws, held.uuid)[0] == text[start:end]


def test_after_another_programs_reimport_the_quote_comes_from_the_new_text(
    ws: Workspace, report: int, db_location: str, tmp_path: Path
) -> None:
    ws.report(report)
    edited = tmp_path / "edited.txt"
    new_text = TEXT.replace("Opening", "Closing")
    edited.write_text(new_text, encoding="utf-8")
    with Workspace.open(db_location, reviewer="ben") as other:
        other.run(ReimportReport.from_file(report, edited))
    add = AddAnnotation(report, 0, 7)
    ws.run(add)
    assert stored(ws, add.uuid)[0] == "Closing"
    ws.report_text(report)  # read again: held again, and right
    edit = EditAnnotation(add.uuid, AnnotationFields(span=(0, 12)), "adjust highlight")
    ws.run(edit)
    assert stored(ws, add.uuid)[0] == new_text[:12]


def test_a_span_past_the_end_is_refused_either_way(ws: Workspace, report: int) -> None:
    with pytest.raises(CommandError, match="past the end"):
        ws.run(AddAnnotation(report, 40, len(TEXT) + 5))
    ws.report_text(report)
    with pytest.raises(CommandError, match="past the end"):
        ws.run(AddAnnotation(report, 40, len(TEXT) + 5))
    assert ws.annotations(report) == []


def test_only_the_last_texts_read_are_held() -> None:
    texts = ReportTexts(size=2)
    for rid in (1, 2, 3):
        texts.remember(rid, f"hash{rid}", f"text {rid}")
    assert not texts.holds(1) and texts.text(3, "hash3") == "text 3"
    assert texts.text(2, "another hash") is None and not texts.holds(2)
