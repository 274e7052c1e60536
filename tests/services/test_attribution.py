"""Who said what through the services: registry, stances, suggestions, matrix, merges."""

from __future__ import annotations

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.attribution import DismissSuggestion
from glossator.services.registry import (
    SPEAKERS,
    TARGETS,
    DeleteEntry,
    EntryFields,
    MergeEntries,
    SaveEntry,
)
from glossator.services.tags import DeleteTag, MergeTags, SaveTag, TagFields
from tests.conftest import SEEDS

HAMAS = "Hamas and Hizbullah were left alone in the arena"


@pytest.fixture
def seeded(ws: Workspace) -> tuple[Workspace, int]:
    ws.ensure_seeded(SEEDS)
    return ws, ws.find_report("Following").id


def test_seed_codebook_registers_speakers_with_aliases(seeded: tuple[Workspace, int]) -> None:
    ws, _ = seeded
    speakers = {s.name: s for s in ws.speakers()}
    tamimi = speakers["Muhammad Al-Tamimi"]
    assert "Al-Tamimi" in tamimi.aliases and tamimi.affiliation.startswith("Faylaq")
    assert "Shibl Al-Zaydi" in speakers
    assert "Iran" in {t.name for t in ws.targets()}
    assert [lbl.name for lbl in ws.stance_labels()][:4] == ["favor", "against", "neutral", "none"]


def test_suggestions_on_the_seed(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    found = ws.suggestions(rid)
    mentions = {s.speaker for s in found if s.kind == "mention" and s.speaker}
    assert {"Muhammad Al-Tamimi", "Shibl Al-Zaydi"} <= mentions
    (hamas,) = [s for s in found if s.kind == "quote" and HAMAS in s.quote]
    assert hamas.speaker == "Muhammad Al-Tamimi"
    assert hamas.cites == ("3",)


def test_accepting_a_quote_with_a_stance_shows_in_the_matrix(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    (hamas,) = [s for s in ws.suggestions(rid) if s.kind == "quote" and HAMAS in s.quote]
    add = AddAnnotation(
        rid,
        hamas.start,
        hamas.end,
        cites=hamas.cites,
        speaker=hamas.speaker,
        stances=[("Iran", "against", None)],
    )
    ws.run(add)
    created = ws.annotation(add.uuid)
    assert created is not None
    assert created.speaker == "Muhammad Al-Tamimi" and created.cites == ("3",)
    assert [(s.target, s.label) for s in created.stances] == [("Iran", "against")]
    matrix = ws.stance_matrix()
    assert matrix.cell("Muhammad Al-Tamimi", "Iran")["against"] == 1
    assert [a.id for a in ws.stance_passages("Muhammad Al-Tamimi", "Iran")] == [add.uuid]
    assert not [s for s in ws.suggestions(rid) if s.kind == "quote" and HAMAS in s.quote]


def test_rejected_suggestion_stays_away_until_undone(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    first = ws.suggestions(rid)[0]
    dismiss = DismissSuggestion(rid, first)
    ws.run(dismiss)
    assert first not in ws.suggestions(rid)
    ws.revert(dismiss)
    assert first in ws.suggestions(rid)


def test_stances_are_edited_and_reverted(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    add = AddAnnotation(rid, 0, 20, stances=[("Iran", "against", None)])
    ws.run(add)
    edit = EditAnnotation(
        add.uuid, AnnotationFields(stances=(("Iran", "favor", 2), ("ISIS", "against", None)))
    )
    ws.run(edit)
    a = ws.annotation(add.uuid)
    assert a is not None
    assert {(s.target, s.label, s.intensity) for s in a.stances} == {
        ("Iran", "favor", 2),
        ("ISIS", "against", None),
    }
    ws.revert(edit)
    a = ws.annotation(add.uuid)
    assert a is not None and [(s.target, s.label) for s in a.stances] == [("Iran", "against")]
    with pytest.raises(CommandError, match="Unknown stance label"):
        ws.run(EditAnnotation(add.uuid, AnnotationFields(stances=(("Iran", "hostile", None),))))


def test_merging_speakers_keeps_every_annotation(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    ws.run(SaveEntry(SPEAKERS, EntryFields("M. Tamimi", ("Abu Tamimi",))))
    ids = {s.name: s.id for s in ws.speakers()}
    a1 = AddAnnotation(rid, 0, 10, speaker="M. Tamimi")
    a2 = AddAnnotation(rid, 20, 30, speaker="Muhammad Al-Tamimi")
    ws.run(a1)
    ws.run(a2)
    merge = MergeEntries(SPEAKERS, ids["M. Tamimi"], ids["Muhammad Al-Tamimi"])
    ws.run(merge)
    speakers = {s.name: s for s in ws.speakers()}
    assert "M. Tamimi" not in speakers
    assert {"M. Tamimi", "Abu Tamimi"} <= set(speakers["Muhammad Al-Tamimi"].aliases)
    assert speakers["Muhammad Al-Tamimi"].uses == 2
    assert {ws.annotation(a.uuid).speaker for a in (a1, a2)} == {"Muhammad Al-Tamimi"}  # type: ignore[union-attr]
    ws.revert(merge)
    assert ws.annotation(a1.uuid).speaker == "M. Tamimi"  # type: ignore[union-attr]
    assert "Abu Tamimi" not in {s.name: s for s in ws.speakers()}["Muhammad Al-Tamimi"].aliases


def test_deleting_a_target_in_use_is_undoable(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    add = AddAnnotation(rid, 0, 10, stances=[("Iran", "against", None)])
    ws.run(add)
    iran = next(t for t in ws.targets() if t.name == "Iran")
    assert iran.uses == 1
    delete = DeleteEntry(TARGETS, iran.id)
    ws.run(delete)
    assert ws.annotation(add.uuid).stances == ()  # type: ignore[union-attr]
    ws.revert(delete)
    assert [s.target for s in ws.annotation(add.uuid).stances] == ["Iran"]  # type: ignore[union-attr]


def test_alias_clash_is_refused(seeded: tuple[Workspace, int]) -> None:
    ws, _ = seeded
    with pytest.raises(CommandError, match="already the speaker"):
        ws.run(SaveEntry(SPEAKERS, EntryFields("Someone", ("al-tamimi",))))


def test_tag_merge_and_delete_keep_or_restore_annotation_tags(
    seeded: tuple[Workspace, int],
) -> None:
    ws, rid = seeded
    t0, t1 = [t for t in ws.tags() if t.parent_id is None][:2]
    a = AddAnnotation(rid, 0, 10, tag_ids=[t0.id])
    b = AddAnnotation(rid, 20, 30, tag_ids=[t0.id, t1.id])
    ws.run(a)
    ws.run(b)
    merge = MergeTags(t0.id, t1.id)
    ws.run(merge)
    assert ws.annotation(a.uuid).tags == (t1.name,)  # type: ignore[union-attr]
    assert ws.annotation(b.uuid).tags == (t1.name,)  # type: ignore[union-attr]
    assert next(t for t in ws.tags() if t.id == t1.id).shortcut in (t1.shortcut, t0.shortcut)
    ws.revert(merge)
    assert ws.annotation(b.uuid).tags == (t0.name, t1.name)  # type: ignore[union-attr]
    delete = DeleteTag(t0.id)
    ws.run(delete)
    assert ws.annotation(a.uuid).tags == ()  # type: ignore[union-attr]
    ws.revert(delete)
    assert ws.annotation(a.uuid).tags == (t0.name,)  # type: ignore[union-attr]


def test_new_tag_takes_over_a_shortcut_and_undo_gives_it_back(
    seeded: tuple[Workspace, int],
) -> None:
    ws, _ = seeded
    holder = next(t for t in ws.tags() if t.shortcut == "1")
    save = SaveTag(TagFields("Rumour", color="#aabbcc", shortcut="1"))
    ws.run(save)
    tags = {t.name: t for t in ws.tags()}
    assert tags["Rumour"].shortcut == "1" and tags[holder.name].shortcut is None
    ws.revert(save)
    tags = {t.name: t for t in ws.tags()}
    assert "Rumour" not in tags and tags[holder.name].shortcut == "1"
    ws.run(save)
    assert {t.name: t for t in ws.tags()}["Rumour"].shortcut == "1"
