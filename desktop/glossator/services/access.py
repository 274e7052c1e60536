"""What the acting reviewer may do and see: roles and blind coding as the workspace holds
them (rules in core/permissions.py).

Roles live in `reviewers.role`; the project switches in the `settings` row "team"
(`{"blind": true}`). On a local file these are a convenience that keeps honest people from
slips: anyone who can open the file can name any reviewer. On a PostgreSQL server set up
with `glossator server init`, the reviewer is the database user who logged in and the
server enforces the same rules with row-level security (store/team_server.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, select

from glossator.core.permissions import (
    Action,
    Role,
    allows,
    effective_role,
    refusal,
    sees_everything,
)
from glossator.services.command_errors import PermissionRefused
from glossator.store.models import ReviewerRow, SettingRow

TEAM_SETTING = "team"


def team_settings(conn: Connection) -> dict[str, Any]:
    value = conn.scalar(select(SettingRow.value).where(SettingRow.key == TEAM_SETTING))
    return dict(value) if isinstance(value, dict) else {}


@dataclass(frozen=True, slots=True)
class Access:
    """The acting reviewer's standing in the workspace, read at one moment."""

    reviewer: str | None
    reviewer_id: int | None  # None: not in the workspace yet (owns nothing)
    role: Role | None  # None: nobody has a role, everyone may do everything
    roles_in_use: bool
    blind: bool

    @property
    def who(self) -> str:
        return self.reviewer or "anonymous"

    def may(self, action: Action) -> bool:
        return allows(self.role, action)

    def require(self, action: Action) -> None:
        why = refusal(self.role, action, self.who)
        if why is not None:
            raise PermissionRefused(why)

    def owns(self, author_id: int) -> bool:
        return self.reviewer_id is not None and author_id == self.reviewer_id

    def require_owner_or(self, author_id: int, action: Action = Action.EDIT_OTHERS) -> None:
        """One's own annotation (any role), or the role for `action`."""
        if not self.owns(author_id):
            self.require(action)

    @property
    def sees_everything(self) -> bool:
        return sees_everything(self.role, self.blind)

    @property
    def only_author(self) -> int | None:
        """The author whose annotations alone this reviewer may see now (None: all). A
        reviewer not yet in the workspace sees none while blind coding is on (-1)."""
        if self.sees_everything:
            return None
        return self.reviewer_id if self.reviewer_id is not None else -1


def load_access(conn: Connection, reviewer: str | None) -> Access:
    name = (reviewer or "").strip() or None
    rows = conn.execute(
        select(ReviewerRow.id, ReviewerRow.name, ReviewerRow.role).where(
            ReviewerRow.role.is_not(None) | (ReviewerRow.name == (name or "anonymous"))
        )
    ).all()
    roles_in_use = any(r[2] is not None for r in rows)
    mine = next((r for r in rows if r[1] == (name or "anonymous")), None)
    role = effective_role(mine[2] if mine is not None else None, roles_in_use)
    blind = bool(team_settings(conn).get("blind"))
    return Access(name, int(mine[0]) if mine is not None else None, role, roles_in_use, blind)
