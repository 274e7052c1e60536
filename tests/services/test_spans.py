"""The narrow reads behind a quick first paint: a report's text, and the spans in a stretch."""

from __future__ import annotations

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation
from tests.conftest import SEED_REPORT


@pytest.fixture
def seeded(ws: Workspace) -> tuple[Workspace, int]:
    (outcome,) = ws.import_paths([SEED_REPORT])
    return ws, outcome.report_id or 0


def test_report_text_is_the_full_text_and_title(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    detail, head = ws.report(rid), ws.report_text(rid)
    assert (head.id, head.title, head.text) == (rid, detail.title, detail.text)
    with pytest.raises(CommandError, match="does not exist"):
        ws.report_text(rid + 999)


def test_spans_in_a_stretch_are_those_overlapping_it(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    tags = ws.tags()
    length = len(ws.report_text(rid).text)
    spans = [(10, 20), (15, 40), (100, 130), (length - 30, length - 5)]
    commands = [
        AddAnnotation(rid, s, e, tag_ids=[tags[i % 3].id, tags[3].id])
        for i, (s, e) in enumerate(spans)
    ]
    commands.append(AddAnnotation(rid, 50, 60))  # no tag: the default colour
    for c in commands:
        ws.run(c)
    full = {a.id: a for a in ws.annotations(rid)}

    found = ws.spans_in(rid, 20, 101)
    assert [h.id for h in found.highlights] == [commands[1].uuid, commands[4].uuid,
                                                 commands[2].uuid]  # [10, 20) ends at 20
    for h in found.highlights:  # the same span and colour as the full values
        assert (h.start, h.end, h.color) == (full[h.id].start, full[h.id].end, full[h.id].color)
    assert {h.id for h in ws.spans_in(rid, 0, length).highlights} == set(full)
    assert ws.spans_in(rid, 41, 50).highlights == ()

    detail = ws.report(rid)
    every = ws.spans_in(rid, 0, length).markers
    assert every == detail.markers  # label, span and the linked note (None: missing)
    assert any(m.note is None for m in every)
    first = detail.markers[0]
    assert ws.spans_in(rid, first.start, first.start + 1).markers == (first,)
    assert ws.spans_in(rid, first.end, first.end).markers == ()
