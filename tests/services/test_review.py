"""Review decisions and discussion through the workspace: rules, history, undo and redo."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.review import DecideAnnotations
from glossator.services.review_comments import AddComment, DeleteComment, EditComment
from glossator.store.models import HistoryRow
from tests.conftest import SEED_REPORT


@pytest.fixture
def setup(ws: Workspace):
    (outcome,) = ws.import_paths([SEED_REPORT])
    assert outcome.report_id is not None
    tag = ws.tags()[0].id
    ws.set_reviewer("ana")
    mine = AddAnnotation(outcome.report_id, 100, 140, tag_ids=[tag])
    ws.run(mine)
    ws.set_reviewer("ben")
    theirs = AddAnnotation(outcome.report_id, 200, 260, tag_ids=[tag])
    ws.run(theirs)
    return outcome.report_id, mine.uuid, theirs.uuid


def status(ws: Workspace, uuid: str) -> str:
    found = ws.annotation(uuid)
    assert found is not None
    return found.status


def test_accepting_another_reviewers_annotation_sets_its_status(ws, setup):
    report_id, ana_s, _ben_s = setup
    ws.set_reviewer("ben")
    command = DecideAnnotations([ana_s], "accept", "well spotted")
    change = ws.run(command)
    assert change.annotations == frozenset({ana_s}) and change.reports == frozenset({report_id})
    assert status(ws, ana_s) == "accepted"
    thread = ws.review_thread(ana_s)
    assert thread is not None and thread.status == "accepted" and thread.author == "ana"
    (entry,) = thread.entries
    assert (entry.reviewer, entry.decision, entry.body) == ("ben", "accepted", "well spotted")
    with ws.db.session() as s:
        events = s.scalars(
            select(HistoryRow).where(HistoryRow.command == "DecideAnnotations")
        ).all()
    assert [(e.reviewer, e.old, e.new["status"]) for e in events] == [
        ("ben", {"status": "proposed"}, "accepted")
    ]
    ws.revert(command)
    assert status(ws, ana_s) == "proposed"
    assert ws.review_thread(ana_s).entries == ()  # type: ignore[union-attr]
    ws.run(command)  # redo: the same review row comes back
    assert ws.review_thread(ana_s).entries[0].id == entry.id  # type: ignore[union-attr]


def test_nobody_accepts_their_own_annotation(ws, setup):
    _report_id, ana_s, ben_s = setup
    ws.set_reviewer("ana")
    with pytest.raises(CommandError, match="own annotation"):
        ws.run(DecideAnnotations([ana_s], "accepted"))
    with pytest.raises(CommandError, match="own annotation"):
        ws.run(DecideAnnotations([ben_s, ana_s], "accepted"))
    assert status(ws, ben_s) == "proposed"  # the batch wrote nothing
    ws.run(DecideAnnotations([ana_s], "rejected", "withdrawn"))  # one may withdraw one's own
    assert status(ws, ana_s) == "rejected"
    ws.run(DecideAnnotations([ana_s], "dispute"))
    assert status(ws, ana_s) == "disputed"


def test_bulk_decision_skipping_own_work_is_one_undo_step(ws, setup):
    _report_id, ana_s, ben_s = setup
    ws.set_reviewer("ana")
    command = DecideAnnotations([ana_s, ben_s], "accepted", skip_own=True)
    change = ws.run(command)
    assert command.skipped == (ana_s,) and change.annotations == frozenset({ben_s})
    assert "1 of your own" in change.message
    assert (status(ws, ana_s), status(ws, ben_s)) == ("proposed", "accepted")
    ws.revert(command)
    assert status(ws, ben_s) == "proposed"


def test_status_follows_the_latest_decision_also_after_undo(ws, setup):
    _report_id, ana_s, _ben_s = setup
    ws.set_reviewer("ben")
    first = DecideAnnotations([ana_s], "accepted")
    ws.run(first)
    ws.set_reviewer("cleo")
    ws.run(DecideAnnotations([ana_s], "rejected"))
    assert status(ws, ana_s) == "rejected"
    ws.revert(first)  # undoing an older decision leaves the latest one in force
    assert status(ws, ana_s) == "rejected"
    assert ws.review_thread(ana_s).decisions() == {"cleo": "rejected"}  # type: ignore[union-attr]


def test_undoing_the_last_decision_restores_the_status_exactly(ws, setup):
    """The status before the undone decision comes back, even when it was set some other
    way after an earlier decision."""
    from glossator.services.annotations import AnnotationFields, EditAnnotation

    _report_id, ana_s, _ben_s = setup
    ws.set_reviewer("ben")
    ws.run(DecideAnnotations([ana_s], "disputed"))
    ws.run(EditAnnotation(ana_s, AnnotationFields(status="proposed")))
    ws.set_reviewer("cleo")
    last = DecideAnnotations([ana_s], "rejected")
    ws.run(last)
    ws.revert(last)
    assert status(ws, ana_s) == "proposed"  # not the older "disputed"


def test_a_decision_needs_a_named_reviewer(ws, setup):
    ws.reviewer = None
    with pytest.raises(CommandError, match="who is reviewing"):
        ws.run(DecideAnnotations([setup[1]], "rejected"))


def test_threaded_comments_edit_and_delete_own(ws, setup):
    _report_id, ana_s, _ben_s = setup
    ws.set_reviewer("ben")
    question = AddComment(ana_s, "Is this Iran or its proxies?")
    ws.run(question)
    ws.set_reviewer("ana")
    reply = AddComment(ana_s, "Its proxies, see note 2.", reply_to=question.uuid)
    ws.run(reply)
    thread = ws.review_thread(ana_s)
    assert thread is not None
    assert [(d, e.reviewer, e.body) for d, e in thread.walk()] == [
        (0, "ben", "Is this Iran or its proxies?"),
        (1, "ana", "Its proxies, see note 2."),
    ]
    with pytest.raises(CommandError, match="Only its writer"):
        ws.run(EditComment(question.uuid, "changed by ana"))
    edit = EditComment(reply.uuid, "Its proxies, see note 3.")
    ws.run(edit)
    assert ws.review_thread(ana_s).entry(reply.uuid).body.endswith("note 3.")  # type: ignore[union-attr]
    ws.revert(edit)
    assert ws.review_thread(ana_s).entry(reply.uuid).body.endswith("note 2.")  # type: ignore[union-attr]
    ws.set_reviewer("ben")
    delete = DeleteComment(question.uuid)  # it has a reply: kept as a deleted entry
    ws.run(delete)
    kept = ws.review_thread(ana_s).entry(question.uuid)  # type: ignore[union-attr]
    assert kept is not None and kept.deleted and len(kept.replies) == 1
    ws.revert(delete)
    assert ws.review_thread(ana_s).entry(question.uuid).body.startswith("Is this")  # type: ignore[union-attr]
    ws.set_reviewer("ana")
    gone = DeleteComment(reply.uuid)
    ws.run(gone)
    assert ws.review_thread(ana_s).entry(reply.uuid) is None  # type: ignore[union-attr]
    ws.revert(gone)
    assert ws.review_thread(ana_s).entry(reply.uuid) is not None  # type: ignore[union-attr]


def test_replies_stay_in_their_thread_and_comments_need_text(ws, setup):
    _report_id, ana_s, ben_s = setup
    question = AddComment(ana_s, "why?")
    ws.run(question)
    with pytest.raises(CommandError, match="another annotation"):
        ws.run(AddComment(ben_s, "because", reply_to=question.uuid))
    with pytest.raises(CommandError, match="Write something"):
        AddComment(ana_s, "   ")
    ws.set_reviewer("ben")
    decision = DecideAnnotations([ana_s], "accepted")
    ws.run(decision)
    review = ws.review_thread(ana_s).decisions()  # type: ignore[union-attr]
    assert review == {"ben": "accepted"}
    entry = next(e for _d, e in ws.review_thread(ana_s).walk() if e.decision)  # type: ignore[union-attr]
    with pytest.raises(CommandError, match="stays on record"):
        ws.run(DeleteComment(entry.id))


def test_annotation_ids_by_prefix(ws, setup):
    _report_id, ana_s, _ben_s = setup
    assert ws.find_annotation(ana_s[:8].upper()) == ana_s
    with pytest.raises(CommandError, match="at least"):
        ws.find_annotation("ab")
    with pytest.raises(CommandError, match="No annotation"):
        ws.find_annotation("zzzzzzzz")


def test_a_very_deep_reply_chain_is_read_without_recursion(ws, setup):
    """2,000 replies each answering the last: the thread reads (no recursion limit)."""
    from sqlalchemy import insert

    from glossator.store.models import AnnotationRow, ReviewerRow, ReviewRow, table_of

    _report_id, ana_s, _ben_s = setup
    ws.run(AddComment(ana_s, "the first word"))
    with ws.db.session() as session, session.begin():
        aid = session.scalar(select(AnnotationRow.id).where(AnnotationRow.uuid == ana_s))
        who = session.scalar(select(ReviewerRow.id).where(ReviewerRow.name == "ben"))
        parent = session.scalar(select(ReviewRow.id).where(ReviewRow.annotation_id == aid))
        for n in range(2000):
            parent = session.scalar(
                insert(table_of(ReviewRow))
                .values(uuid=f"00000000-0000-0000-0000-{n:012d}", annotation_id=aid,
                        reviewer_id=who, parent_id=parent, body=f"reply {n}")
                .returning(table_of(ReviewRow).c.id)
            )
    thread = ws.review_thread(ana_s)
    assert thread is not None
    depths = [depth for depth, _entry in thread.walk()]
    assert len(depths) == 2001 and max(depths) == 2000


def test_the_library_counts_what_awaits_review(ws, setup):
    report_id, ana_s, ben_s = setup
    summary = ws.report_summary(report_id)
    assert (summary.proposed_count, summary.disputed_count) == (2, 0)
    ws.set_reviewer("ben")
    ws.run(DecideAnnotations([ana_s], "disputed"))
    ws.set_reviewer("ana")
    ws.run(DecideAnnotations([ben_s], "accepted"))
    summary = ws.report_summary(report_id)
    assert (summary.proposed_count, summary.disputed_count) == (0, 1)
    assert [s for s in ws.reports() if s.id == report_id] == [summary]
    assert ws.report_summary(report_id + 999) is None
