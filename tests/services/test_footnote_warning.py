"""The "looks like a notes section, but no style matched" warning is part of the import
outcome and of the report's summary, and a re-import that links the notes clears it."""

from __future__ import annotations

from pathlib import Path

from glossator.services import Workspace
from glossator.services.reimport import ReimportReport
from tests.conftest import SEED_REPORT

UNMATCHED = "Report\n\nThe claim was made (1) twice.\n\nNotes\n\n(1) Statement of May 2.\n"
MATCHED = "Report\n\nThe claim was made[1] twice.\n\nNotes\n\n1. Statement of May 2.\n"


def test_an_unmatched_notes_section_is_reported_on_import_and_in_the_library(
    ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "statement.txt"
    path.write_text(UNMATCHED, encoding="utf-8")
    (outcome,) = ws.import_paths([path])
    assert outcome.status == "imported"
    assert outcome.footnote_warning is not None
    assert "\u201cNotes\u201d (line 5) looks like a notes section" in outcome.footnote_warning
    assert outcome.line().endswith("; warning: " + outcome.footnote_warning)
    (summary,) = ws.reports()
    assert summary.footnote_warning == outcome.footnote_warning
    path.write_text(MATCHED, encoding="utf-8")
    ws.run(ReimportReport.from_file(summary.id, path))
    (summary,) = ws.reports()
    assert summary.footnote_warning is None and summary.missing_notes == ()


def test_no_warning_for_the_seed(ws: Workspace) -> None:
    (outcome,) = ws.import_paths([SEED_REPORT])
    assert outcome.footnote_warning is None and "warning" not in outcome.line()
    assert ws.reports()[0].footnote_warning is None
