"""Discussion on an annotation: comments, replies, and editing or deleting one's own.

Anyone named may comment on any annotation or reply to any comment of its thread. Only
the writer of a comment may edit or delete it. A decision stays on record (its comment
may be edited, the decision itself is undone, not deleted). A deleted comment that has
replies stays as an empty entry, shown as deleted, so the replies keep their place.
"""

from __future__ import annotations

import uuid as uuidlib
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from glossator.services.commands import Change, Command, CommandError, Context
from glossator.services.review import acting_reviewer
from glossator.services.review_rules import require_visible
from glossator.store.models import AnnotationRow, ReviewRow, table_of, utcnow

MAX_COMMENT = 20_000


def _body(text: str) -> str:
    body = text.strip()
    if not body:
        raise CommandError("Write something first")
    if len(body) > MAX_COMMENT:
        raise CommandError(f"A comment is limited to {MAX_COMMENT} characters")
    return body


def _review(ctx: Context, uuid: str) -> dict[str, Any]:
    table = table_of(ReviewRow)
    row = ctx.session.execute(select(table).where(table.c.uuid == uuid)).first()
    if row is None:
        raise CommandError(f"Comment {uuid} does not exist")
    return dict(row._mapping)


def _where(ctx: Context, annotation_id: int) -> tuple[str, frozenset[int]]:
    found = ctx.session.execute(
        select(AnnotationRow.uuid, AnnotationRow.report_id).where(AnnotationRow.id == annotation_id)
    ).one()
    return str(found[0]), frozenset({int(found[1])})


def _has_replies(ctx: Context, review_id: int) -> bool:
    count = ctx.session.scalar(
        select(func.count()).select_from(ReviewRow).where(ReviewRow.parent_id == review_id)
    )
    return bool(count)


class AddComment(Command):
    """A comment on an annotation, or a reply to a comment of its thread."""

    label = "comment"

    def __init__(self, annotation: str, text: str, reply_to: str | None = None) -> None:
        self.annotation, self.body, self.reply_to = annotation, _body(text), reply_to
        self.uuid = str(uuidlib.uuid4())
        self.label = "reply" if reply_to else "comment"
        self._row: dict[str, Any] | None = None
        self._where: tuple[str, frozenset[int]] = ("", frozenset())

    def apply(self, ctx: Context) -> Change:
        key = ("reviews", self.uuid)
        if self._row is None:
            actor = acting_reviewer(ctx)
            found = ctx.session.execute(
                select(AnnotationRow.id, AnnotationRow.author_id)
                .where(AnnotationRow.uuid == self.annotation)
            ).first()
            if found is None:
                raise CommandError(f"Annotation {self.annotation} does not exist")
            require_visible(ctx, found[1], self.annotation)
            annotation_id = found[0]
            parent_id = None
            if self.reply_to is not None:
                parent = _review(ctx, self.reply_to)
                if parent["annotation_id"] != annotation_id:
                    raise CommandError("That comment belongs to another annotation")
                parent_id = parent["id"]
            row = {
                "uuid": self.uuid,
                "annotation_id": annotation_id,
                "reviewer_id": actor,
                "parent_id": parent_id,
                "decision": None,
                "body": self.body,
                "created_at": utcnow(),
            }
            table = table_of(ReviewRow)
            row["id"] = ctx.session.scalar(insert(table).values(**row).returning(table.c.id))
            self._row = row
            ctx.guard.created(self, [key])
        else:  # redo: still gone, then back
            ctx.guard.check(self, [key])
            ctx.session.execute(insert(table_of(ReviewRow)), [dict(self._row)])
            ctx.guard.touch(self, [key])
        self._where = _where(ctx, self._row["annotation_id"])
        ctx.record("AddComment", "review", self.uuid, None, {"body": self.body[:500]})
        return Change(
            "Comment saved", reports=self._where[1], annotations=frozenset({self._where[0]})
        )

    def revert(self, ctx: Context) -> Change:
        assert self._row is not None
        key = ("reviews", self.uuid)
        ctx.guard.check(self, [key])
        if _has_replies(ctx, self._row["id"]):
            raise CommandError("Someone has replied to this comment; delete the replies first")
        ctx.session.execute(delete(ReviewRow).where(ReviewRow.uuid == self.uuid))
        ctx.guard.touch(self, [key])
        ctx.record("AddComment", "review", self.uuid, {"body": self.body[:500]}, None)
        return Change(
            "Comment removed", reports=self._where[1], annotations=frozenset({self._where[0]})
        )


class _OwnComment(Command):
    """A change to one's own comment: the row as it was is kept for undo."""

    def __init__(self, review: str) -> None:
        self.review = review
        self._old: dict[str, Any] | None = None
        self._where: tuple[str, frozenset[int]] = ("", frozenset())

    def _guard(self, ctx: Context) -> None:
        """The comment must be as the user saw it (or as the last step left it)."""
        key = ("reviews", self.review)
        ctx.guard.check(self, [key])
        ctx.guard.touch(self, [key])

    def _own(self, ctx: Context) -> dict[str, Any]:
        actor = acting_reviewer(ctx)
        self._guard(ctx)
        row = _review(ctx, self.review)
        if row["reviewer_id"] != actor:
            raise CommandError("Only its writer can change a comment")
        self._where = _where(ctx, row["annotation_id"])
        return row

    def _change(self, message: str) -> Change:
        return Change(message, reports=self._where[1], annotations=frozenset({self._where[0]}))


class EditComment(_OwnComment):
    label = "edit comment"

    def __init__(self, review: str, text: str) -> None:
        super().__init__(review)
        self.body = text.strip()
        if len(self.body) > MAX_COMMENT:
            raise CommandError(f"A comment is limited to {MAX_COMMENT} characters")

    def _set(self, ctx: Context, body: str, old: str) -> None:
        ctx.session.execute(
            update(ReviewRow).where(ReviewRow.uuid == self.review).values(body=body)
        )
        ctx.record("EditComment", "review", self.review, {"body": old[:500]}, {"body": body[:500]})

    def apply(self, ctx: Context) -> Change:
        if self._old is None:
            old = self._own(ctx)
            if old["decision"] is None:
                _body(self.body)  # a plain comment cannot be emptied: delete it instead
            self._old = old
        else:
            self._guard(ctx)
        self._set(ctx, self.body, self._old["body"])
        return self._change("Comment saved")

    def revert(self, ctx: Context) -> Change:
        assert self._old is not None
        self._guard(ctx)
        self._set(ctx, self._old["body"], self.body)
        return self._change("Comment restored")


class DeleteComment(_OwnComment):
    label = "delete comment"

    def apply(self, ctx: Context) -> Change:
        if self._old is None:
            old = self._own(ctx)
            if old["decision"] is not None:
                raise CommandError("A decision stays on record; make a new decision instead")
            self._old = old
        else:
            self._guard(ctx)
        if _has_replies(ctx, self._old["id"]):  # keep the row so the replies keep their place
            ctx.session.execute(
                update(ReviewRow).where(ReviewRow.id == self._old["id"]).values(body="")
            )
        else:
            ctx.session.execute(delete(ReviewRow).where(ReviewRow.id == self._old["id"]))
        ctx.record("DeleteComment", "review", self.review, {"body": self._old["body"][:500]}, None)
        return self._change("Comment deleted")

    def revert(self, ctx: Context) -> Change:
        assert self._old is not None
        self._guard(ctx)
        found = ctx.session.scalar(select(ReviewRow.id).where(ReviewRow.id == self._old["id"]))
        if found is None:
            ctx.session.execute(insert(table_of(ReviewRow)), [dict(self._old)])
        else:
            ctx.session.execute(
                update(ReviewRow).where(ReviewRow.id == found).values(body=self._old["body"])
            )
        ctx.record("DeleteComment", "review", self.review, None, {"restored": True})
        return self._change("Comment restored")
