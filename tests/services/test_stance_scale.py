"""The stance scale through the services: add, rename, move, delete in use, all undoable."""

from __future__ import annotations

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.stance_scale import (
    DeleteStanceLabel,
    MoveStanceLabel,
    SaveStanceLabel,
    StanceLabelFields,
    label_uses,
)
from tests.conftest import SEEDS


@pytest.fixture
def seeded(ws: Workspace) -> tuple[Workspace, int]:
    ws.ensure_seeded(SEEDS)
    return ws, ws.find_report("Following").id


def names(ws: Workspace) -> list[str]:
    return [lbl.name for lbl in ws.stance_labels()]


def test_add_and_rename_a_label_and_undo_both(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    add = SaveStanceLabel(StanceLabelFields("hostile", "strongly against", has_intensity=True))
    ws.run(add)
    assert names(ws)[-1] == "hostile"
    assert ws.stance_labels()[-1].has_intensity
    a = AddAnnotation(rid, 0, 10, stances=[("Iran", "hostile", 3)])
    ws.run(a)
    rename = SaveStanceLabel(StanceLabelFields("hostile to", has_intensity=True), add.label_id)
    ws.run(rename)
    assert [(s.label, s.intensity) for s in ws.annotation(a.uuid).stances] == [("hostile to", 3)]  # type: ignore[union-attr]
    ws.revert(rename)
    assert ws.annotation(a.uuid).stances[0].label == "hostile"  # type: ignore[union-attr]
    ws.revert(a)
    ws.revert(add)
    assert "hostile" not in names(ws)
    ws.run(add)
    assert names(ws)[-1] == "hostile"


def test_a_duplicate_label_is_refused(seeded: tuple[Workspace, int]) -> None:
    ws, _ = seeded
    with pytest.raises(CommandError, match="already has"):
        ws.run(SaveStanceLabel(StanceLabelFields("Favor")))


def test_move_a_label_and_undo(seeded: tuple[Workspace, int]) -> None:
    ws, _ = seeded
    before = names(ws)
    against = next(lbl for lbl in ws.stance_labels() if lbl.name == "against")
    move = MoveStanceLabel(against.id, -1)
    ws.run(move)
    assert names(ws)[:2] == ["against", "favor"]
    ws.revert(move)
    assert names(ws) == before
    top = ws.stance_labels()[0]
    with pytest.raises(CommandError, match="already at that end"):
        ws.run(MoveStanceLabel(top.id, -1))


def test_deleting_a_label_in_use_takes_its_stances_and_undo_restores_them(
    seeded: tuple[Workspace, int],
) -> None:
    ws, rid = seeded
    a = AddAnnotation(rid, 0, 10, stances=[("Iran", "against", None), ("ISIS", "favor", None)])
    ws.run(a)
    against = next(lbl for lbl in ws.stance_labels() if lbl.name == "against")
    assert label_uses(ws)[against.id] == 1
    delete = DeleteStanceLabel(against.id)
    ws.run(delete)
    assert "against" not in names(ws)
    assert [s.target for s in ws.annotation(a.uuid).stances] == ["ISIS"]  # type: ignore[union-attr]
    ws.revert(delete)
    assert names(ws)[:2] == ["favor", "against"]
    assert {(s.target, s.label) for s in ws.annotation(a.uuid).stances} == {  # type: ignore[union-attr]
        ("Iran", "against"),
        ("ISIS", "favor"),
    }
