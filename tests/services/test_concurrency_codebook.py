"""Conflicts beyond annotations: codebook entries and comments carry versions too, and the
undo of a codebook edit (tags, speakers) refuses rather than reset rows someone else has
changed since; ana and ben each have a Workspace of their own on the same database."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.conflicts import ConflictError
from glossator.services.registry import SPEAKERS, DeleteEntry, EntryFields, SaveEntry
from glossator.services.review_comments import AddComment, EditComment
from glossator.services.tags import MergeTags, SaveTag, TagFields
from tests.conftest import SEED_REPORT


@pytest.fixture
def pair(ws: Workspace, db_location: str) -> Iterator[tuple[Workspace, Workspace, int]]:
    (outcome,) = ws.import_paths([SEED_REPORT])
    assert outcome.report_id is not None
    ben = Workspace.open(db_location, reviewer="ben", default_codebook=False)
    try:
        yield ws, ben, outcome.report_id
    finally:
        ben.close()


def tag(ws: Workspace, name: str):
    return next(t for t in ws.tags() if t.name == name)


def test_a_stale_tag_edit_is_refused_and_keep_mine_applies_on_top(pair) -> None:
    ana, ben, _rid = pair
    seen = tag(ana, "Claim")
    ben.run(SaveTag(TagFields("Claim", color="#00aa00"), seen.id).based_on(tag(ben, "Claim")))
    mine = SaveTag(TagFields("Claim", color="#aa0000"), seen.id).based_on(seen)
    with pytest.raises(ConflictError) as refused:
        ana.run(mine)
    (conflict,) = refused.value.conflicts
    assert (conflict.entity, conflict.by, conflict.theirs["color"]) == (  # type: ignore[index]
        "tag", "ben", "#00aa00")
    assert tag(ana, "Claim").color == "#00aa00"
    mine.rebase(refused.value)
    ana.run(mine)
    assert tag(ana, "Claim").color == "#aa0000"


def test_undoing_a_tag_edit_after_anothers_rename_is_refused(pair) -> None:
    ana, ben, _rid = pair
    claim = tag(ana, "Claim")
    edit = SaveTag(TagFields("Claim", description="ana's words"), claim.id)
    ana.run(edit)
    ben.run(SaveTag(TagFields("Assertion", description="ana's words"), claim.id))
    with pytest.raises(ConflictError):
        ana.revert(edit)
    assert tag(ana, "Assertion").description == "ana's words"  # ben's rename stands


def test_undoing_a_tag_merge_after_someone_used_the_merged_tag_is_refused(pair) -> None:
    ana, ben, rid = pair
    tops = [t for t in ana.tags() if t.parent_id is None]
    source, into = tops[0], tops[1]
    merge = MergeTags(source.id, into.id)
    ana.run(merge)
    add = AddAnnotation(rid, 500, 520, tag_ids=[into.id])
    ben.run(add)  # the undo would take this link away from ben's new annotation
    with pytest.raises(ConflictError) as refused:
        ana.revert(merge)
    assert refused.value.conflicts[0].key == add.uuid
    assert ana.annotation(add.uuid).tags == (into.name,)  # type: ignore[union-attr]


def test_undoing_a_speaker_delete_after_anothers_edit_of_a_passage_is_refused(pair) -> None:
    ana, ben, rid = pair
    save = SaveEntry(SPEAKERS, EntryFields("Qais al-Khazali"))
    ana.run(save)
    add = AddAnnotation(rid, 600, 640, speaker=save.entry_id)
    ana.run(add)
    delete = DeleteEntry(SPEAKERS, save.entry_id or 0)
    ana.run(delete)
    ben.run(EditAnnotation(add.uuid, AnnotationFields(note="ben's note")))
    with pytest.raises(ConflictError):
        ana.revert(delete)  # it would reset the passage, ben's note with it
    assert ana.annotation(add.uuid).note == "ben's note"  # type: ignore[union-attr]


def test_a_stale_comment_edit_is_refused(pair) -> None:
    ana, _ben, rid = pair
    add = AddAnnotation(rid, 700, 720)
    ana.run(add)
    comment = AddComment(add.uuid, "first words")
    ana.run(comment)
    thread = ana.review_thread(add.uuid)
    assert thread is not None
    (entry,) = thread.entries
    ana.run(EditComment(comment.uuid, "second words").based_on(entry))
    with pytest.raises(ConflictError) as refused:
        ana.run(EditComment(comment.uuid, "from a stale view").based_on(entry))
    assert refused.value.conflicts[0].entity == "review"
    assert ana.review_thread(add.uuid).entries[0].body == "second words"  # type: ignore[union-attr]
