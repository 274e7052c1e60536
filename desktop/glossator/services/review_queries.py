"""Reading the review workflow: an annotation's thread, and ids typed by a person."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import InstrumentedAttribute, Session

from glossator.core.exchange import utc
from glossator.services.commands import CommandError
from glossator.services.review_values import ReviewEntry, ReviewThread
from glossator.store.models import AnnotationRow, ReviewerRow, ReviewRow

MIN_PREFIX = 4


def review_thread(
    session: Session, annotation: str, only_author: int | None = None
) -> ReviewThread | None:
    """The decisions and comments on an annotation, threaded, oldest first (None when it
    does not exist, or is not `only_author`'s when given)."""
    stmt = (
        select(AnnotationRow.id, AnnotationRow.status, ReviewerRow.name, AnnotationRow.version)
        .join(ReviewerRow, ReviewerRow.id == AnnotationRow.author_id)
        .where(AnnotationRow.uuid == annotation)
    )
    if only_author is not None:
        stmt = stmt.where(AnnotationRow.author_id == only_author)
    head = session.execute(stmt).first()
    if head is None:
        return None
    r = ReviewRow
    rows = session.execute(
        select(r.id, r.uuid, r.parent_id, ReviewerRow.name, r.decision, r.body, r.created_at,
               r.version)
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
        _id, uuid, parent, name, decision, body, created, version = by_id[rid]
        built[rid] = ReviewEntry(
            uuid,
            name,
            decision,
            body,
            utc(created),
            uuid_of.get(parent) if parent is not None else None,
            tuple(built[c] for c in children.get(rid, ())),
            version,
        )
    return ReviewThread(annotation, head[2], head[1], tuple(built[c] for c in children[None]),
                        head[3])


def _resolve(
    session: Session, column: InstrumentedAttribute[str], ref: str, noun: str, where: Any = True
) -> str:
    ref = ref.strip().lower().replace("%", "").replace("_", "")
    if len(ref) < MIN_PREFIX:
        raise CommandError(f"Give at least {MIN_PREFIX} characters of the {noun} id")
    stmt = select(column).where(column.like(ref + "%"), where).limit(2)
    found = list(session.scalars(stmt))
    if not found:
        raise CommandError(f"No {noun} has an id starting with {ref!r}")
    if len(found) > 1:
        raise CommandError(f"Several {noun}s have ids starting with {ref!r}; give more of it")
    return str(found[0])


def find_annotation(session: Session, ref: str, only_author: int | None = None) -> str:
    """The full UUID of the annotation whose id is or starts with `ref` (among
    `only_author`'s when given)."""
    where = AnnotationRow.author_id == only_author if only_author is not None else True
    return _resolve(session, AnnotationRow.uuid, ref, "annotation", where)


def find_review(session: Session, ref: str) -> str:
    return _resolve(session, ReviewRow.uuid, ref, "comment")
