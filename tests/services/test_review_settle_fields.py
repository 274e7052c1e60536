"""Speaker and stance disagreements settled like tag ones: take A's value, B's, or another;
the passage kept once, accepted, its copy rejected, all in one undo step."""

from __future__ import annotations

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.registry import SPEAKERS, TARGETS, EntryFields, SaveEntry
from glossator.services.review_settle_fields import settle_field
from tests.conftest import SEED_REPORT


@pytest.fixture
def pair(ws: Workspace):
    (outcome,) = ws.import_paths([SEED_REPORT])
    rid = outcome.report_id
    assert rid is not None
    for name in ("Amiri", "Badr"):
        ws.run(SaveEntry(SPEAKERS, EntryFields(name)))
    ws.run(SaveEntry(TARGETS, EntryFields("Iran")))
    made = {}
    for who, speaker, stance in (("ana", "Amiri", "favor"), ("ben", "Badr", "against")):
        ws.set_reviewer(who)
        command = AddAnnotation(rid, 100, 160, speaker=speaker, stances=[("Iran", stance, None)])
        ws.run(command)
        made[who] = command.uuid
    return rid, made


def queue(ws: Workspace, rid: int):
    result = ws.agreement(["ana", "ben"], [rid])
    return {d.field: d for d in result.field_disagreements}


def state(ws: Workspace, uuid: str) -> tuple[str, str | None, tuple[tuple[str, str], ...]]:
    a = ws.annotation(uuid)
    assert a is not None
    return a.status, a.speaker, tuple((s.target, s.label) for s in a.stances)


def test_take_a_by_a_third_reviewer_keeps_as_annotation(ws, pair):
    rid, made = pair
    found = queue(ws, rid)
    assert set(found) == {"speaker", "stance: Iran"}
    speaker = found["speaker"]
    assert (speaker.value_a, speaker.value_b) == ("Amiri", "Badr")
    ws.set_reviewer("cleo")
    step = settle_field(ws, speaker, "a")
    ws.run(step)
    assert state(ws, made["ana"])[:2] == ("accepted", "Amiri")
    assert state(ws, made["ben"])[0] == "rejected"
    ws.revert(step)  # one step: both decisions undone
    assert state(ws, made["ana"])[0] == "proposed" and state(ws, made["ben"])[0] == "proposed"


def test_a_settler_taking_their_own_value_keeps_the_others_annotation_edited(ws, pair):
    rid, made = pair
    ws.set_reviewer("ana")
    step = settle_field(ws, queue(ws, rid)["speaker"], "a")
    ws.run(step)
    # ana may not accept her own: ben's annotation is kept, given ana's speaker, accepted.
    assert state(ws, made["ben"]) == ("accepted", "Amiri", (("Iran", "against"),))
    assert state(ws, made["ana"])[0] == "rejected"
    ws.revert(step)  # the edit and both decisions: one undo step
    assert state(ws, made["ben"]) == ("proposed", "Badr", (("Iran", "against"),))
    assert state(ws, made["ana"])[0] == "proposed"


def test_edit_sets_a_third_value_and_take_b_a_stance(ws, pair):
    rid, made = pair
    ws.set_reviewer("cleo")
    found = queue(ws, rid)
    stance = found["stance: Iran"]
    ws.run(settle_field(ws, stance, "edit", "neutral"))
    assert "speaker" not in queue(ws, rid)  # settled: the copy is rejected, so left out
    kept = next(u for u in made.values() if state(ws, u)[0] == "accepted")
    assert state(ws, kept)[2] == (("Iran", "neutral"),)
    with pytest.raises(CommandError, match="no label"):
        settle_field(ws, stance, "edit", "furious")
    with pytest.raises(CommandError, match="No speaker"):
        settle_field(ws, found["speaker"], "edit", "Nobody Known")


def test_take_b_on_the_stance(ws, pair):
    rid, made = pair
    ws.set_reviewer("cleo")
    ws.run(settle_field(ws, queue(ws, rid)["stance: Iran"], "b"))
    assert state(ws, made["ben"]) == ("accepted", "Badr", (("Iran", "against"),))
    assert state(ws, made["ana"])[0] == "rejected"
