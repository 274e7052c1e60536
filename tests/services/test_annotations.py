"""Annotation commands: add, edit, delete, undo and redo keep ids and links."""

from __future__ import annotations

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.annotations import (
    AddAnnotation,
    AnnotationFields,
    DeleteAnnotations,
    EditAnnotation,
)
from glossator.services.registry import SPEAKERS, EntryFields, SaveEntry
from tests.conftest import SEED_REPORT


@pytest.fixture
def seeded(ws: Workspace) -> tuple[Workspace, int]:
    (outcome,) = ws.import_paths([SEED_REPORT])
    return ws, outcome.report_id or 0


def _span(ws: Workspace, rid: int, phrase: str) -> tuple[int, int]:
    text = ws.report(rid).text
    start = text.index(phrase)
    return start, start + len(phrase)


def test_add_stores_quote_context_author_and_tags(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    tag = ws.tags()[0]
    start, end = _span(ws, rid, "Hamas and Hizbullah were left alone in the arena")
    cmd = AddAnnotation(rid, start, end, tag_ids=[tag.id], note="key quote", cites=["3"])
    ws.run(cmd)
    (a,) = ws.annotations(rid)
    assert a.id == cmd.uuid
    assert a.quote == "Hamas and Hizbullah were left alone in the arena"
    assert a.prefix.endswith("hope. ''") and len(a.prefix) == 32 and len(a.suffix) == 32
    assert a.tags == (tag.name,) and a.color == tag.color
    assert a.author == "ana" and a.status == "proposed" and a.note == "key quote"
    assert a.cites == ("3",)


def test_undo_redo_keeps_the_same_id(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    cmd = AddAnnotation(rid, 10, 20)
    ws.run(cmd)
    ws.revert(cmd)
    assert ws.annotations(rid) == []
    ws.run(cmd)
    (a,) = ws.annotations(rid)
    assert a.id == cmd.uuid


def test_edit_and_revert(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    tags = ws.tags()
    add = AddAnnotation(rid, 100, 120, tag_ids=[tags[0].id])
    ws.run(add)
    edit = EditAnnotation(
        add.uuid,
        AnnotationFields(
            tag_ids=(tags[1].id, tags[2].id), note="n", span=(101, 125), status="accepted"
        ),
    )
    ws.run(edit)
    a = ws.annotation(add.uuid)
    assert a is not None
    assert a.tags == (tags[1].name, tags[2].name) and a.note == "n" and a.status == "accepted"
    assert (a.start, a.end) == (101, 125) and a.quote == ws.report(rid).text[101:125]
    ws.revert(edit)
    a = ws.annotation(add.uuid)
    assert a is not None
    assert a.tags == (tags[0].name,) and a.note == "" and (a.start, a.end) == (100, 120)


def test_delete_restores_links(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    tag = ws.tags()[0]
    add = AddAnnotation(rid, 5, 9, tag_ids=[tag.id], cites=["2"])
    ws.run(add)
    before = ws.annotations(rid)
    delete = DeleteAnnotations([add.uuid])
    ws.run(delete)
    assert ws.annotations(rid) == []
    ws.revert(delete)
    assert ws.annotations(rid) == before


def test_bad_spans_are_refused_and_nothing_is_written(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    with pytest.raises(CommandError):
        AddAnnotation(rid, 10, 10)
    with pytest.raises(CommandError, match="past the end"):
        ws.run(AddAnnotation(rid, 0, 10_000_000))
    assert ws.annotations(rid) == []


def test_deleting_a_report_removes_and_undo_restores_its_annotations(
    seeded: tuple[Workspace, int],
) -> None:
    from glossator.services.reports import DeleteReport

    ws, rid = seeded
    ws.run(AddAnnotation(rid, 5, 9, tag_ids=[ws.tags()[0].id]))
    before = ws.annotations(rid)
    delete = DeleteReport(rid)
    ws.run(delete)
    ws.revert(delete)
    assert ws.annotations(rid) == before


def test_a_new_highlight_reports_the_value_it_wrote(seeded: tuple[Workspace, int]) -> None:
    """The value carried by the Change (the window paints from it) is the one read back."""
    ws, rid = seeded
    tags = ws.tags()
    start, end = _span(ws, rid, "Hamas and Hizbullah were left alone in the arena")
    for kwargs in (
        {"tag_ids": [tags[2].id, tags[0].id, tags[2].id], "note": "n", "cites": ["3", "9"]},
        {},
        {"status": "accepted", "cites": []},
    ):
        cmd = AddAnnotation(rid, start, end, **kwargs)  # type: ignore[arg-type]
        change = ws.run(cmd)
        assert change.views == (ws.annotation(cmd.uuid),)
        ws.revert(cmd)
        redo = ws.run(cmd)  # restored from its snapshot: read back by the window instead
        assert redo.views == () and redo.annotations == {cmd.uuid}
    ws.run(SaveEntry(SPEAKERS, EntryFields("Someone New", ())))
    with_speaker = AddAnnotation(rid, start, end, speaker="Someone New")
    assert ws.run(with_speaker).views == ()  # a speaker: the window reads it back


def test_undoing_an_edit_of_an_orphan_keeps_its_quote_and_flag(
    seeded: tuple[Workspace, int],
) -> None:
    """An orphaned annotation's stored quote is the only record of what was annotated: a
    span fix or a note edit and their undo leave it exactly as it was."""
    from sqlalchemy import update

    from glossator.store.models import AnnotationRow

    ws, rid = seeded
    start, end = _span(ws, rid, "Hamas and Hizbullah were left alone in the arena")
    add = AddAnnotation(rid, start, end)
    ws.run(add)
    with ws.db.session() as session, session.begin():  # as a re-import leaves an orphan
        session.execute(
            update(AnnotationRow)
            .where(AnnotationRow.uuid == add.uuid)
            .values(quote="a passage that was deleted", prefix="p", suffix="s", orphaned=True)
        )
    before = ws.annotation(add.uuid)
    assert before is not None and before.orphaned
    for fields in (AnnotationFields(span=(start + 6, end)), AnnotationFields(note="n")):
        edit = EditAnnotation(add.uuid, fields)
        ws.run(edit)
        ws.revert(edit)
        after = ws.annotation(add.uuid)
        assert after is not None
        assert (after.quote, after.prefix, after.suffix, after.orphaned, after.start) == (
            before.quote, before.prefix, before.suffix, True, before.start)
    fix = EditAnnotation(add.uuid, AnnotationFields(span=(start, end)))
    ws.run(fix)  # adjusting the span re-anchors it on the text
    fixed = ws.annotation(add.uuid)
    assert fixed is not None and not fixed.orphaned and fixed.quote.startswith("Hamas")


def test_a_failing_listener_does_not_make_a_committed_change_fail(
    seeded: tuple[Workspace, int], caplog: pytest.LogCaptureFixture
) -> None:
    ws, rid = seeded
    seen: list[str] = []

    def broken(_change: object) -> None:
        raise RuntimeError("a view could not follow")

    ws.subscribe(broken)
    ws.subscribe(lambda change: seen.append(change.message))
    add = AddAnnotation(rid, 10, 20)
    change = ws.run(add)
    assert change.annotations == {add.uuid} and ws.annotation(add.uuid) is not None
    assert seen == ["Annotation saved"]  # the listeners after it still hear of it
    assert "a view could not follow" in caplog.text
