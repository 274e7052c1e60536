"""The acting reviewer's standing (role, blind coding, own reviewer row) as the Workspace
keeps it: read again when a commit can have changed it, kept across ordinary edits."""

from __future__ import annotations

import pytest

from glossator.core.permissions import Action, Role
from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation, DeleteAnnotations
from glossator.services.team import SetBlindCoding, SetRole
from tests.conftest import SEED_REPORT


@pytest.fixture
def report(ws: Workspace) -> int:
    (outcome,) = ws.import_paths([SEED_REPORT])
    return outcome.report_id or 0


def test_a_new_reviewers_first_highlight_makes_it_theirs_at_once(
    ws: Workspace, report: int
) -> None:
    """Cleo is not in the workspace until her first highlight creates her row; from then
    on she owns what she wrote (without reopening or switching)."""
    ws.run(SetRole("ana", Role.MANAGER))
    ws.run(SetRole("cleo", None))  # a row for nobody: cleo is still unknown below
    ws.reviewer = "dora"
    assert ws.access().reviewer_id is None
    add = AddAnnotation(report, 10, 30)
    ws.run(add)
    standing = ws.access()
    assert standing.reviewer_id is not None
    (mine,) = [a for a in ws.annotations(report) if a.id == add.uuid]
    assert mine.author == "dora" and standing.owns(standing.reviewer_id)
    ws.run(DeleteAnnotations([add.uuid]))  # her own: no curator role needed


def test_a_role_given_in_this_workspace_applies_to_the_next_action(ws: Workspace) -> None:
    ws.run(SetRole("ana", Role.MANAGER))
    assert ws.may(Action.TEAM)
    ws.run(SetRole("ben", Role.MANAGER))
    ws.run(SetRole("ana", Role.ANNOTATOR))  # ana gives up the manager's role
    assert not ws.may(Action.TEAM) and not ws.may(Action.DECIDE)
    ws.reviewer = "ben"
    ws.run(SetBlindCoding(True))
    ws.reviewer = "ana"
    assert ws.access().blind and not ws.access().sees_everything


def test_ordinary_edits_keep_the_standing_they_read(ws: Workspace, report: int) -> None:
    """A keypress's highlight does not read roles and settings again (a query on every
    edit, and on every selection the window's actions follow)."""
    ws.run(SetRole("ana", Role.MANAGER))
    ws.run(AddAnnotation(report, 10, 30))  # ana's row exists before this
    before = ws.access()
    ws.run(AddAnnotation(report, 40, 60))
    assert ws.access() is before
    ws.run(SetBlindCoding(True))
    assert ws.access() is not before and ws.access().blind
