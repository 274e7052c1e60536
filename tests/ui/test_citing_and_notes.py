"""What a keypress looks up in a report with many markers, found without scanning them
all: the notes a new highlight cites are those the citing rules give over the whole
report, and the notes pane lists each missing note with the markers that cite it."""

from __future__ import annotations

import random
from pathlib import Path

from glossator.services.attribution import cites_for
from glossator.ui.app.sync import note_items
from glossator.ui.reader.citing import CitationFinder


def test_the_cited_notes_are_those_of_the_rules_over_the_whole_report(workspace,
                                                                      seed_report_id):
    detail = workspace.report(seed_report_id)
    finder = CitationFinder(detail)
    rng = random.Random(3)
    n = len(detail.text)
    spans = [(m.start - 30, m.start - 2) for m in detail.markers]
    spans += [(s, s + rng.randint(1, 300)) for s in (rng.randrange(n - 1) for _ in range(300))]
    for start, end in spans:
        start, end = max(0, start), min(n, end)
        if start < end:
            assert finder.cites((start, end)) == cites_for(detail, start, end), (start, end)


def test_each_missing_note_lists_the_markers_citing_it(workspace, tmp_path: Path):
    markers = " ".join(f"claim[{n}]" for n in (5, 3, 5, 9, 1))
    path = tmp_path / "missing.txt"
    path.write_text(f"Missing notes\n\nThe text {markers} ends.\n\n[1] The only note.\n",
                    encoding="utf-8")
    (outcome,) = workspace.import_paths([path])
    detail = workspace.report(outcome.report_id or 0)
    items = note_items(detail)
    assert [(i.label, i.missing) for i in items] == [
        ("1", False), ("3", True), ("5", True), ("9", True)]
    five = next(i for i in items if i.label == "5")
    text = detail.text
    assert [text[s:e] for s, e in five.cited_by] == ["[5]", "[5]"]
    assert five.cited_by[0][0] < five.cited_by[1][0]
