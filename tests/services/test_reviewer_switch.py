"""Switching reviewer is a command: the name registered once, the switch in the history
with the new reviewer as the one who acts, and a way back."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from glossator.services import CommandError, Workspace
from glossator.services.reviewer_switch import SwitchReviewer
from glossator.store.models import HistoryRow


def switches(ws: Workspace) -> list[tuple[str | None, object, object, str]]:
    with ws.db.session() as session:
        rows = session.execute(
            select(HistoryRow.reviewer, HistoryRow.old, HistoryRow.new, HistoryRow.action)
            .where(HistoryRow.command == "SwitchReviewer").order_by(HistoryRow.id)
        ).all()
    return [(r[0], r[1], r[2], r[3]) for r in rows]


def test_a_switch_is_recorded_with_the_new_reviewer_acting(ws: Workspace) -> None:
    before = ws.reviewer
    change = ws.set_reviewer("  Bea   Ortiz ")
    assert ws.reviewer == "Bea Ortiz"
    assert change is not None and change.message == "Reviewing as Bea Ortiz"
    assert switches(ws) == [("Bea Ortiz", {"name": before}, {"name": "Bea Ortiz"}, "apply")]
    assert "Bea Ortiz" in ws.reviewers()


def test_switching_back_registers_a_name_once_and_records_each_switch(ws: Workspace) -> None:
    first = ws.reviewer
    ws.set_reviewer("Bea")
    ws.set_reviewer(first or "ana")
    ws.set_reviewer("Bea")
    assert ws.reviewers().count("Bea") == 1
    assert [s[2] for s in switches(ws)] == [{"name": "Bea"}, {"name": first}, {"name": "Bea"}]


def test_an_empty_name_is_refused_and_nothing_changes(ws: Workspace) -> None:
    before, names = ws.reviewer, ws.reviewers()
    with pytest.raises(CommandError, match="needs a name"):
        ws.set_reviewer("   ")
    assert ws.reviewer == before and ws.reviewers() == names and switches(ws) == []


def test_reverting_a_switch_records_the_way_back(ws: Workspace) -> None:
    command = SwitchReviewer("Cai", "Bea")
    ws.run(command)
    change = ws.revert(command)
    assert change.message == "Reviewing as Bea"
    assert [(s[1], s[2], s[3]) for s in switches(ws)] == [
        ({"name": "Bea"}, {"name": "Cai"}, "apply"),
        ({"name": "Cai"}, {"name": "Bea"}, "revert"),
    ]
