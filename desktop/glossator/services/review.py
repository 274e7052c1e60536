"""Review decisions: a reviewer accepts, rejects or disputes annotations.

A decision is a `ReviewRow` with a `decision` (and an optional comment in `body`); the
annotation's `status` follows the latest decision on it. Who may decide what:

- a decision needs a named reviewer (never "anonymous");
- nobody accepts their own annotation: acceptance is a second pair of eyes;
- anyone may reject (withdrawing one's own work included) or dispute any annotation;
  once the workspace has roles, deciding on another's annotation is a curator's work
  (core/permissions.py).

A decision changes the annotation (its status), so it is checked against the version the
decider saw (`based_on`), and its undo against the version it left (version_guard.py).

Undo takes the decision rows away again; the status falls back to the latest decision
still on record, else to what it was before.
"""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Sequence
from typing import Any

from sqlalchemy import delete, func, insert, select, update

from glossator.services.annotations import reviewer_id
from glossator.services.commands import Change, Command, CommandError, Context
from glossator.services.review_rules import may_decide, require_visible
from glossator.store.models import AnnotationRow, ReviewRow, table_of, utcnow

DECISIONS = ("accepted", "rejected", "disputed")
VERBS = {"accept": "accepted", "reject": "rejected", "dispute": "disputed"}
_NOUNS = {"accepted": "accept", "rejected": "reject", "disputed": "dispute"}


def acting_reviewer(ctx: Context) -> int:
    """The id of who acts; a review needs a name."""
    name = (ctx.reviewer or "").strip()
    if not name or name == "anonymous":
        raise CommandError("Say who is reviewing first (choose a reviewer, or --reviewer NAME)")
    return reviewer_id(ctx, name)


def latest_decision(ctx: Context, annotation_id: int) -> str | None:
    found = ctx.session.scalar(
        select(ReviewRow.decision)
        .where(ReviewRow.annotation_id == annotation_id, ReviewRow.decision.is_not(None))
        .order_by(ReviewRow.id.desc())
        .limit(1)
    )
    return str(found) if found is not None else None


class DecideAnnotations(Command):
    """One decision on one or more annotations: one review row each, one undo step.

    With `skip_own`, the actor's own annotations are left out of an acceptance instead of
    refusing the whole command (accepting everything shown in a filtered table)."""

    def __init__(
        self,
        uuids: Sequence[str],
        decision: str,
        comment: str = "",
        *,
        skip_own: bool = False,
    ) -> None:
        decision = VERBS.get(decision, decision)
        if decision not in DECISIONS:
            raise CommandError(f"Unknown decision {decision!r} (accept, reject or dispute)")
        if not uuids:
            raise CommandError("Select a highlight first")
        self.uuids = tuple(dict.fromkeys(uuids))
        self.decision, self.comment, self.skip_own = decision, comment.strip(), skip_own
        noun = "highlight" if len(self.uuids) == 1 else f"{len(self.uuids)} highlights"
        self.label = f"{_NOUNS[decision]} {noun}"
        self._rows: list[dict[str, Any]] | None = None
        self._before: dict[int, str] = {}
        self._uuid: dict[int, str] = {}
        self._reports: frozenset[int] = frozenset()
        self.decided: tuple[str, ...] = ()
        self.skipped: tuple[str, ...] = ()

    def _prepare(self, ctx: Context) -> list[dict[str, Any]]:
        actor = acting_reviewer(ctx)
        ctx.guard.check(self, [("annotations", u) for u in self.uuids])
        a = AnnotationRow
        found = {
            r.uuid: r
            for r in ctx.session.execute(
                select(a.id, a.uuid, a.report_id, a.author_id, a.status).where(
                    a.uuid.in_(self.uuids)
                )
            )
        }
        missing = [u for u in self.uuids if u not in found]
        if missing:
            raise CommandError(f"Annotation {missing[0]} does not exist")
        rows, skipped, now = [], [], utcnow()
        for u in self.uuids:
            r = found[u]
            require_visible(ctx, r.author_id, u)
            refusal = may_decide(ctx, actor, r.author_id, self.decision)
            if refusal is not None and self.skip_own:
                skipped.append(u)
                continue
            if refusal is not None:
                raise CommandError(refusal)
            self._before[r.id], self._uuid[r.id] = r.status, u
            rows.append(
                {
                    "uuid": str(uuidlib.uuid4()),
                    "annotation_id": r.id,
                    "reviewer_id": actor,
                    "parent_id": None,
                    "decision": self.decision,
                    "body": self.comment,
                    "created_at": now,
                }
            )
        if not rows:
            raise CommandError("Nothing to decide: every selected highlight is your own")
        self.skipped = tuple(skipped)
        self.decided = tuple(u for u in self.uuids if u not in skipped)
        self._reports = frozenset(found[u].report_id for u in self.decided)
        table = table_of(ReviewRow)
        ctx.session.execute(insert(table), rows)  # one executemany; ids read back by uuid
        ids: dict[str, int] = {}
        for i in range(0, len(rows), 5000):
            chunk = [r["uuid"] for r in rows[i : i + 5000]]
            query = select(table.c.uuid, table.c.id).where(table.c.uuid.in_(chunk))
            ids.update((str(u), int(i)) for u, i in ctx.session.execute(query).all())
        for row in rows:
            row["id"] = ids[row["uuid"]]
        return rows

    def _keys(self) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
        assert self._rows is not None
        return ([("annotations", u) for u in self.decided],
                [("reviews", r["uuid"]) for r in self._rows])

    def apply(self, ctx: Context) -> Change:
        if self._rows is None:
            self._rows = self._prepare(ctx)
            annotations, reviews = self._keys()
            ctx.guard.created(self, reviews)
        else:  # redo: the annotations as the undo left them, the decisions gone
            annotations, reviews = self._keys()
            ctx.guard.check(self, annotations + reviews)
            ctx.session.execute(insert(table_of(ReviewRow)), [dict(r) for r in self._rows])
            ctx.guard.touch(self, reviews)
        ctx.guard.touch(self, annotations)
        ids = list(self._before)
        ctx.session.execute(
            update(AnnotationRow).where(AnnotationRow.id.in_(ids)).values(status=self.decision)
        )
        for row in self._rows:
            old = {"status": self._before[row["annotation_id"]]}
            new = {"status": self.decision, "review": row["uuid"], "comment": self.comment}
            ctx.record(
                "DecideAnnotations", "annotation", self._uuid[row["annotation_id"]], old, new
            )
        skipped = f" ({len(self.skipped)} of your own left as they were)" if self.skipped else ""
        noun = "Highlight" if len(self.decided) == 1 else f"{len(self.decided)} highlights"
        return Change(
            f"{noun} {self.decision}{skipped}",
            reports=self._reports,
            annotations=frozenset(self.decided),
        )

    def revert(self, ctx: Context) -> Change:
        """Our decision rows go; each status falls back as the module says. Others' later
        decisions are no obstacle (theirs stays in force), but a status someone set since
        in another way (an edit) while ours is still the latest decision would be
        overwritten: that is a conflict."""
        assert self._rows is not None
        annotations, reviews = self._keys()
        ctx.guard.check(self, reviews)
        table = table_of(ReviewRow)
        newest = dict(  # the newest decision on each annotation, before ours go
            ctx.session.execute(
                select(table.c.annotation_id, func.max(table.c.id))
                .where(table.c.annotation_id.in_(list(self._before)), table.c.decision.is_not(None))
                .group_by(table.c.annotation_id)
            ).all()
        )
        ours_last = [
            r["annotation_id"] for r in self._rows if newest.get(r["annotation_id"]) == r["id"]
        ]
        a = AnnotationRow
        moved = [
            ("annotations", self._uuid[int(aid)])
            for aid, status in ctx.session.execute(
                select(a.id, a.status).where(a.id.in_(ours_last))
            )
            if status != self.decision
        ]
        ctx.guard.refuse_changed(self, moved)
        ctx.guard.touch(self, annotations + reviews)
        ctx.session.execute(delete(table).where(table.c.uuid.in_([r["uuid"] for r in self._rows])))
        restored: dict[str, list[int]] = {}
        for row in self._rows:
            aid = row["annotation_id"]
            if newest.get(aid) != row["id"]:
                # Someone decided after us (another reviewer, on a shared server): their
                # decision holds the status, and it stays.
                status = latest_decision(ctx, aid) or self._before[aid]
            else:
                status = self._before[aid]  # ours was the last word: exactly as before it
            restored.setdefault(status, []).append(aid)
            ctx.record(
                "DecideAnnotations",
                "annotation",
                self._uuid[row["annotation_id"]],
                {"status": self.decision, "review": row["uuid"]},
                {"status": status},
            )
        for status, aids in restored.items():  # one statement per status, not per row
            ctx.session.execute(
                update(AnnotationRow).where(AnnotationRow.id.in_(aids)).values(status=status)
            )
        return Change(
            f"Undone: {self.label}", reports=self._reports, annotations=frozenset(self.decided)
        )
