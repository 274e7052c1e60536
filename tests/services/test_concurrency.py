"""Two reviewers, two processes, one workspace (a SQLite file, or a PostgreSQL database):
the second writer of a row gets a conflict that says who changed it, when, and to what;
nothing is ever silently overwritten, and "keep mine" still works on top of theirs."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator

import pytest
from sqlalchemy import func, select

from glossator.services import Workspace
from glossator.services.annotations import (
    AddAnnotation,
    AnnotationFields,
    DeleteAnnotations,
    EditAnnotation,
)
from glossator.services.conflicts import ConflictError
from glossator.services.review import DecideAnnotations
from glossator.services.values import AnnotationView
from glossator.store.models import HistoryRow, ReviewRow
from tests.conftest import SEED_REPORT
from tests.reliability.helpers import child_env


def other(db: str, reviewer: str, *step: str) -> dict[str, object]:
    """One step by `reviewer` in another process."""
    done = subprocess.run(
        [sys.executable, "-m", "tests.services.team_child", db, reviewer, *step],
        capture_output=True, text=True, timeout=120, env=child_env(), check=False,
    )
    assert done.returncode == 0, done.stderr
    found: dict[str, object] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


@pytest.fixture
def shared(ws: Workspace, db_location: str) -> Iterator[tuple[Workspace, str, AnnotationView]]:
    """Ana's workspace, the location others open, and an annotation of hers as she sees it."""
    (outcome,) = ws.import_paths([SEED_REPORT])
    assert outcome.report_id is not None
    add = AddAnnotation(outcome.report_id, 100, 140, note="ana's first note")
    ws.run(add)
    view = ws.annotation(add.uuid)
    assert view is not None and view.version == 1
    yield ws, db_location, view


def history_of(ws: Workspace, uuid: str) -> list[tuple[str | None, str, int | None]]:
    with ws.db.session() as s:
        rows = s.execute(
            select(HistoryRow.reviewer, HistoryRow.command, HistoryRow.version)
            .where(HistoryRow.entity == "annotation", HistoryRow.entity_id == uuid)
            .order_by(HistoryRow.id)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]


def test_the_second_edit_of_the_same_annotation_gets_a_conflict_nothing_lost(shared) -> None:
    ws, db, view = shared
    assert other(db, "ben", "note", view.id, "ben's note", "1")["ok"]
    mine = EditAnnotation(view.id, AnnotationFields(note="ana's second note")).based_on(view)
    with pytest.raises(ConflictError) as refused:
        ws.run(mine)
    (conflict,) = refused.value.conflicts
    assert (conflict.entity, conflict.key) == ("annotation", view.id)
    assert (conflict.expected, conflict.current) == (1, 2)
    assert (conflict.by, conflict.command) == ("ben", "EditAnnotation")
    assert conflict.at is not None
    assert conflict.theirs is not None and conflict.theirs["note"] == "ben's note"
    assert conflict.annotation is not None and conflict.annotation.note == "ben's note"
    assert "ben changed this highlight" in str(refused.value)
    now = ws.annotation(view.id)
    assert now is not None and (now.note, now.version) == ("ben's note", 2)  # theirs kept
    # keep mine: on top of theirs, deliberately
    mine.rebase(refused.value)
    ws.run(mine)
    now = ws.annotation(view.id)
    assert now is not None and (now.note, now.version) == ("ana's second note", 3)
    assert mine.version_left("annotation", view.id) == 3
    assert [(r, c) for r, c, _v in history_of(ws, view.id)] == [
        ("ana", "AddAnnotation"), ("ben", "EditAnnotation"), ("ana", "EditAnnotation")]
    assert [v for _r, _c, v in history_of(ws, view.id)] == [1, 2, 3]


def test_a_stale_edit_of_an_annotation_deleted_meanwhile_is_refused(shared) -> None:
    ws, db, view = shared
    assert other(db, "ben", "delete", view.id)["ok"]
    with pytest.raises(ConflictError) as refused:
        ws.run(EditAnnotation(view.id, AnnotationFields(note="too late")).based_on(view))
    (conflict,) = refused.value.conflicts
    assert conflict.deleted and conflict.by == "ben" and conflict.command == "DeleteAnnotations"
    assert conflict.theirs is None and "ben deleted this highlight" in str(refused.value)
    assert ws.annotation(view.id) is None  # the delete stands, nothing was written


def test_a_stale_delete_of_an_annotation_edited_meanwhile_is_refused(shared) -> None:
    ws, db, view = shared
    assert other(db, "ben", "note", view.id, "ben rewrote it")["ok"]
    with pytest.raises(ConflictError) as refused:
        ws.run(DeleteAnnotations([view.id]).based_on(view))
    assert refused.value.conflicts[0].by == "ben"
    now = ws.annotation(view.id)
    assert now is not None and now.note == "ben rewrote it"


def test_a_decision_on_a_stale_view_is_refused_and_records_nothing(shared) -> None:
    ws, db, view = shared
    assert other(db, "ben", "note", view.id, "changed before the decision")["ok"]
    ws.set_reviewer("cy")
    with pytest.raises(ConflictError):
        ws.run(DecideAnnotations([view.id], "accepted").based_on(view))
    with ws.db.session() as s:
        assert s.scalar(select(func.count()).select_from(ReviewRow)) == 0
    now = ws.annotation(view.id)
    assert now is not None and now.status == "proposed"
    fresh = ws.annotation(view.id)
    assert fresh is not None
    ws.run(DecideAnnotations([view.id], "accepted").based_on(fresh))  # seen now: fine
    assert ws.annotation(view.id).status == "accepted"  # type: ignore[union-attr]


def test_another_process_deciding_while_an_edit_is_stale(shared) -> None:
    ws, db, view = shared
    assert other(db, "ben", "accept", view.id)["ok"]  # ben's decision changes the status
    with pytest.raises(ConflictError) as refused:
        ws.run(EditAnnotation(view.id, AnnotationFields(note="x")).based_on(view))
    assert refused.value.conflicts[0].command == "DecideAnnotations"
    assert ws.annotation(view.id).status == "accepted"  # type: ignore[union-attr]


def test_undo_after_another_reviewers_change_is_refused_then_kept_mine(shared) -> None:
    ws, db, view = shared
    edit = EditAnnotation(view.id, AnnotationFields(note="ana's edit"))
    ws.run(edit)
    assert other(db, "ben", "note", view.id, "ben's later note")["ok"]
    with pytest.raises(ConflictError) as refused:
        ws.revert(edit)
    assert refused.value.undoing and "Not undone" in str(refused.value)
    assert refused.value.conflicts[0].by == "ben"
    assert ws.annotation(view.id).note == "ben's later note"  # type: ignore[union-attr]
    edit.rebase(refused.value)  # the user chose to undo anyway
    ws.revert(edit)
    assert ws.annotation(view.id).note == "ana's first note"  # type: ignore[union-attr]


def test_undoing_an_add_another_reviewer_has_since_edited_is_refused(shared) -> None:
    ws, db, view = shared
    add = AddAnnotation(view.report_id, 300, 330)
    ws.run(add)
    assert other(db, "ben", "note", add.uuid, "ben's note on ana's highlight")["ok"]
    with pytest.raises(ConflictError):
        ws.revert(add)
    assert ws.annotation(add.uuid) is not None


def test_ones_own_undo_chain_is_no_conflict(shared) -> None:
    ws, _db, view = shared
    first = EditAnnotation(view.id, AnnotationFields(note="one"))
    second = EditAnnotation(view.id, AnnotationFields(note="two"))
    ws.run(first)
    ws.run(second)
    ws.revert(second)
    ws.revert(first)  # versions moved (4) but the values are the ones it left
    assert ws.annotation(view.id).note == "ana's first note"  # type: ignore[union-attr]
    ws.run(first)
    ws.run(second)
    now = ws.annotation(view.id)
    assert now is not None and now.note == "two" and now.version == 7
    with pytest.raises(ConflictError):  # the first view's values are gone: it is stale
        ws.run(EditAnnotation(view.id, AnnotationFields(note="three")).based_on(view))
    ws.run(EditAnnotation(view.id, AnnotationFields(note="three")).based_on(now))
    assert ws.annotation(view.id).note == "three"  # type: ignore[union-attr]


def test_a_view_from_before_an_undone_change_still_fits(shared) -> None:
    """A window's view at version 1; the user's own edit and its undo give version 3 with
    the same values: an edit based on the view is no conflict (nothing to lose)."""
    ws, _db, view = shared
    edit = EditAnnotation(view.id, AnnotationFields(note="tried"))
    ws.run(edit)
    ws.revert(edit)
    ws.run(EditAnnotation(view.id, AnnotationFields(note="final")).based_on(view))
    assert ws.annotation(view.id).note == "final"  # type: ignore[union-attr]


def test_a_redo_after_an_undo_and_anothers_change_is_refused(shared) -> None:
    ws, db, view = shared
    edit = EditAnnotation(view.id, AnnotationFields(note="ana's edit"))
    ws.run(edit)
    ws.revert(edit)
    assert other(db, "ben", "note", view.id, "ben, between undo and redo")["ok"]
    with pytest.raises(ConflictError):
        ws.run(edit)  # the redo
    assert ws.annotation(view.id).note == "ben, between undo and redo"  # type: ignore[union-attr]


def test_a_deleted_and_restored_annotation_never_reuses_a_version(shared) -> None:
    ws, _db, view = shared
    edit = EditAnnotation(view.id, AnnotationFields(note="v2"))
    ws.run(edit)
    delete = DeleteAnnotations([view.id])
    ws.run(delete)
    ws.revert(delete)
    back = ws.annotation(view.id)
    assert back is not None and back.note == "v2" and back.version == 3
    with pytest.raises(ConflictError):  # a view of version 1 or 2 is out of date
        ws.run(EditAnnotation(view.id, AnnotationFields(note="stale")).based_on(view))
