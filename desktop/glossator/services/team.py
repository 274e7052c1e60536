"""Roles and project switches as commands, and the team as plain values.

`SetRole` gives a reviewer a role (or takes it away); `SetBlindCoding` turns blind coding
on or off. Both are manager's work once roles are in use. In a workspace where nobody has
a role yet, whoever gives the first role, or turns blind coding on, becomes its manager
(so nobody locks themselves out and a blind switch means something); a workspace always
keeps a manager once it has roles.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from glossator.core.permissions import Action, Role
from glossator.services.access import TEAM_SETTING, team_settings
from glossator.services.annotation_rows import reviewer_id
from glossator.services.command_errors import CommandError
from glossator.services.commands import Change, Command, Context
from glossator.store.models import ReviewerRow, SettingRow


@dataclass(frozen=True, slots=True)
class Member:
    name: str
    role: str | None  # as given; None: none given (an annotator once roles are in use)


@dataclass(frozen=True, slots=True)
class TeamView:
    """Who works here, in which role, and the project switches, as the actor sees them."""

    reviewer: str | None
    role: str | None  # the actor's effective role (None: roles are not in use)
    roles_in_use: bool
    blind: bool
    members: tuple[Member, ...]
    identity_fixed: bool  # a team server: the reviewer is the database user logged in

    def may(self, action: Action) -> bool:
        from glossator.core.permissions import allows

        return allows(Role(self.role) if self.role else None, action)


def _roles(ctx: Context) -> dict[str, str | None]:
    return {str(n): r for n, r in ctx.core.execute(select(ReviewerRow.name, ReviewerRow.role))}


def _set_roles(ctx: Context, roles: dict[str, str | None]) -> None:
    for name, role in roles.items():
        reviewer_id(ctx, name)
        ctx.core.execute(update(ReviewerRow).where(ReviewerRow.name == name).values(role=role))


def _promote_actor(ctx: Context, roles: dict[str, str | None]) -> dict[str, str | None]:
    """Nobody has a role yet: the actor becomes the manager (what it changes)."""
    if any(r is not None for r in roles.values()):
        return {}
    actor = (ctx.reviewer or "").strip()
    if not actor or actor == "anonymous":
        raise CommandError("Say who you are first (--reviewer NAME): the first role given "
                           "makes its giver the workspace's manager")
    return {actor: Role.MANAGER.value}


class _TeamCommand(Command):
    requires = Action.TEAM

    def __init__(self) -> None:
        self._before: dict[str, str | None] | None = None
        self._after: dict[str, str | None] = {}

    def _check_unchanged(self, ctx: Context, wanted: dict[str, str | None]) -> None:
        now = _roles(ctx)
        moved = [n for n, r in wanted.items() if now.get(n) != r]
        if moved:
            raise CommandError(f"{moved[0]}'s role has been changed by someone else since; "
                               "not undone, nothing was written")


class SetRole(_TeamCommand):
    """Give `name` a role (None: take their role away)."""

    def __init__(self, name: str, role: Role | None) -> None:
        super().__init__()
        self.name = " ".join(name.split())
        if not self.name:
            raise CommandError("Name the reviewer")
        self.role = role
        self.label = f"make {self.name} {role.value if role else 'without a role'}"

    def apply(self, ctx: Context) -> Change:
        if self._before is not None:
            self._check_unchanged(ctx, self._before)
            _set_roles(ctx, self._after)
        else:
            roles = _roles(ctx)
            change = _promote_actor(ctx, roles)
            change[self.name] = self.role.value if self.role else None
            final = {**roles, **change}
            if any(r is not None for r in final.values()) and Role.MANAGER.value not in \
                    final.values():
                raise CommandError(f"{self.name} is the workspace's only manager; make "
                                   "someone else manager first")
            self._before = {n: roles.get(n) for n in change}
            self._after = change
            _set_roles(ctx, change)
        for name, role in self._after.items():
            ctx.record("SetRole", "reviewer", name, {"role": self._before.get(name)},
                       {"role": role})
        promoted = [n for n in self._after if n != self.name]
        extra = f" ({promoted[0]} is now the manager)" if promoted else ""
        return Change(f"{self.name}: {self.role.value if self.role else 'no role'}{extra}",
                      team=True)

    def revert(self, ctx: Context) -> Change:
        assert self._before is not None
        self._check_unchanged(ctx, self._after)
        _set_roles(ctx, self._before)
        ctx.record("SetRole", "reviewer", self.name, {"role": self._after.get(self.name)},
                   {"role": self._before.get(self.name)})
        return Change(f"Undone: {self.label}", team=True)


class SetBlindCoding(_TeamCommand):
    """Blind coding on (annotators see only their own annotations) or off (comparison)."""

    def __init__(self, on: bool) -> None:
        super().__init__()
        self.on = on
        self.label = "turn blind coding " + ("on" if on else "off")
        self._was: bool | None = None

    def _write(self, ctx: Context, on: bool) -> None:
        value = {**team_settings(ctx.core), "blind": on}
        row = ctx.session.get(SettingRow, TEAM_SETTING)
        if row is None:
            ctx.session.add(SettingRow(key=TEAM_SETTING, value=value))
        else:
            row.value = value
        ctx.session.flush()

    def apply(self, ctx: Context) -> Change:
        if self._before is None:
            self._was = bool(team_settings(ctx.core).get("blind"))
            roles = _roles(ctx)
            self._after = _promote_actor(ctx, roles) if self.on else {}
            self._before = {n: roles.get(n) for n in self._after}
        else:
            self._check_unchanged(ctx, self._before)
        _set_roles(ctx, self._after)
        self._write(ctx, self.on)
        ctx.record("SetBlindCoding", "setting", "blind", {"blind": self._was}, {"blind": self.on})
        state = "on: annotators see only their own annotations" if self.on else \
            "off: everyone sees everyone's annotations"
        return Change(f"Blind coding {state}", team=True)

    def revert(self, ctx: Context) -> Change:
        assert self._before is not None and self._was is not None
        self._check_unchanged(ctx, self._after)
        _set_roles(ctx, self._before)
        self._write(ctx, self._was)
        ctx.record("SetBlindCoding", "setting", "blind", {"blind": self.on}, {"blind": self._was})
        return Change(f"Undone: {self.label}", team=True)
