"""Imported footnotes are stored as detection links them: labels that restart per chapter
point at their own chapter's notes, in the database and in what the window reads."""

from __future__ import annotations

from pathlib import Path

from glossator.services import Workspace


def test_restarting_labels_are_stored_linked_to_their_own_chapter(
    ws: Workspace, tmp_path: Path
) -> None:
    path = tmp_path / "letters.txt"
    path.write_text(
        "Letters\n\nFirst letter.[1]\n\n[1] Note of the first letter.\n\n"
        "Second letter.[1]\n\n[1] Note of the second letter.\n",
        encoding="utf-8",
    )
    (outcome,) = ws.import_paths([path])
    detail = ws.report(outcome.report_id or 0)
    first, second = detail.notes
    assert [n.text for n in detail.notes] == [
        "Note of the first letter.",
        "Note of the second letter.",
    ]
    markers = [(m.start, m.end) for m in detail.markers]
    assert first.cited_by == (markers[0],) and second.cited_by == (markers[1],)
    assert detail.missing_notes == () and detail.uncited_notes == ()
