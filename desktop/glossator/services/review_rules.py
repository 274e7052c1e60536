"""The role rules on annotations that depend on whose annotation it is (the same rules the
row-level security of a team server applies; see store/team_server.py)."""

from __future__ import annotations

from sqlalchemy import func, select

from glossator.core.permissions import Action
from glossator.services.command_errors import CommandError, PermissionRefused
from glossator.services.commands import Context
from glossator.store.models import ReviewRow


def may_delete(ctx: Context, annotation_id: int, author_id: int) -> None:
    """Delete: one's own annotation (unless others have reviewed it: that is a curator's
    call), or anyone's as a curator."""
    access = ctx.access
    access.require_owner_or(author_id)
    if access.may(Action.EDIT_OTHERS) or not access.roles_in_use:
        return
    others = ctx.core.scalar(
        select(func.count()).select_from(ReviewRow).where(
            ReviewRow.annotation_id == annotation_id,
            ReviewRow.reviewer_id != author_id,
        )
    )
    if others:
        raise PermissionRefused(
            f"{access.who} is an annotator; others have reviewed this highlight, so only a "
            "curator or a manager may delete it (reject it to withdraw it)"
        )


def may_decide(ctx: Context, actor_id: int, author_id: int, decision: str) -> str | None:
    """Why the actor may not make this decision on this annotation (None: allowed; a role
    that does not allow it raises PermissionRefused).
    Nobody accepts their own annotation (acceptance is a second pair of eyes); one may
    reject (withdraw) or dispute one's own; deciding on others' is a curator's work once
    roles are in use."""
    if decision == "accepted" and actor_id == author_id:
        return "Nobody can accept their own annotation; another reviewer must accept it"
    if actor_id != author_id:
        ctx.access.require(Action.DECIDE)  # PermissionRefused
    return None


def require_visible(ctx: Context, author_id: int, uuid: str) -> None:
    """An annotation hidden by blind coding is, for this reviewer, one that does not exist."""
    only = ctx.access.only_author
    if only is not None and author_id != only:
        raise CommandError(f"Annotation {uuid} does not exist")
