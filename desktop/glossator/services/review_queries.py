"""Reading the review workflow: an annotation's thread, and ids typed by a person."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from glossator.core.exchange import utc
from glossator.services.commands import CommandError
from glossator.services.review_values import ReviewEntry, ReviewThread
from glossator.store.models import AnnotationRow, ReviewerRow, ReviewRow

MIN_PREFIX = 4


def review_thread(session: Session, annotation: str) -> ReviewThread | None:
    """The decisions and comments on an annotation, threaded, oldest first."""
    head = session.execute(
        select(AnnotationRow.id, AnnotationRow.status, ReviewerRow.name)
        .join(ReviewerRow, ReviewerRow.id == AnnotationRow.author_id)
        .where(AnnotationRow.uuid == annotation)
    ).first()
    if head is None:
        return None
    r = ReviewRow
    rows = session.execute(
        select(r.id, r.uuid, r.parent_id, ReviewerRow.name, r.decision, r.body, r.created_at)
        .join(ReviewerRow, ReviewerRow.id == r.reviewer_id)
        .where(r.annotation_id == head[0])
        .order_by(r.id)
    ).all()
    uuid_of = {row[0]: row[1] for row in rows}
    children: dict[int | None, list[int]] = defaultdict(list)
    for row in rows:
        parent = row[2] if row[2] in uuid_of else None
        children[parent].append(row[0])
    by_id = {row[0]: row for row in rows}

    built: dict[int, ReviewEntry] = {}
    stack: list[tuple[int, bool]] = [(c, False) for c in children[None]]
    while stack:  # replies before what they answer, without recursion (chains may be deep)
        rid, replies_done = stack.pop()
        if not replies_done:
            stack.append((rid, True))
            stack.extend((c, False) for c in children.get(rid, ()))
            continue
        _id, uuid, parent, name, decision, body, created = by_id[rid]
        built[rid] = ReviewEntry(
            uuid,
            name,
            decision,
            body,
            utc(created),
            uuid_of.get(parent) if parent is not None else None,
            tuple(built[c] for c in children.get(rid, ())),
        )
    return ReviewThread(annotation, head[2], head[1], tuple(built[c] for c in children[None]))


def _resolve(session: Session, column: InstrumentedAttribute[str], ref: str, noun: str) -> str:
    ref = ref.strip().lower().replace("%", "").replace("_", "")
    if len(ref) < MIN_PREFIX:
        raise CommandError(f"Give at least {MIN_PREFIX} characters of the {noun} id")
    found = list(session.scalars(select(column).where(column.like(ref + "%")).limit(2)))
    if not found:
        raise CommandError(f"No {noun} has an id starting with {ref!r}")
    if len(found) > 1:
        raise CommandError(f"Several {noun}s have ids starting with {ref!r}; give more of it")
    return str(found[0])


def find_annotation(session: Session, ref: str) -> str:
    """The full UUID of the annotation whose id is or starts with `ref`."""
    return _resolve(session, AnnotationRow.uuid, ref, "annotation")


def find_review(session: Session, ref: str) -> str:
    return _resolve(session, ReviewRow.uuid, ref, "comment")
