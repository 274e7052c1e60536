"""The Workspace's team side: who acts and what they may do and see, the change feed, and
the identity on a team server. Mixed into `Workspace` (services/workspace.py)."""

from __future__ import annotations

import uuid as uuidlib

from sqlalchemy import select

from glossator.core.permissions import Action
from glossator.services.access import Access, load_access, team_settings
from glossator.services.commands import Change
from glossator.services.feed import ChangeFeed, Changes, ChangeToken
from glossator.services.team import Member, TeamView
from glossator.services.version_aliases import VersionAliases
from glossator.store import team_server
from glossator.store.database import Database
from glossator.store.models import ReviewerRow


class TeamMixin:
    db: Database
    reviewer: str | None

    def _init_team(self) -> None:
        #: names this Workspace in the change log, so its feed leaves its own changes out
        self.origin = str(uuidlib.uuid4())
        self._access: Access | None = None
        #: versions known to hold the same values (this Workspace's own undo and redo)
        self.aliases = VersionAliases()
        self._feed: ChangeFeed | None = None
        self.identity_fixed = False
        if self.db.url.get_backend_name() == "postgresql":
            with self.db.reading() as conn:
                if team_settings(conn).get("server"):
                    self.identity_fixed = True
                    self.reviewer = team_server.session_user(conn)

    # -- who may do what ------------------------------------------------------------------

    def access(self) -> Access:
        """The acting reviewer's role and the blind-coding switch (cached; a command of this
        Workspace and a feed entry that changes the team read them again)."""
        name = (self.reviewer or "").strip() or None
        if self._access is None or self._access.reviewer != name:  # another reviewer now
            with self.db.reading() as conn:
                self._access = load_access(conn, self.reviewer)
        return self._access

    def _forget_access(self) -> None:
        self._access = None

    def may(self, action: Action) -> bool:
        """Whether the acting reviewer may do this now (for menus and buttons)."""
        return self.access().may(action)

    def _only_author(self) -> int | None:
        return self.access().only_author

    def team(self) -> TeamView:
        """Who works here, in which role, the project switches, and the actor's role."""
        access = self.access()
        with self.db.reading() as conn:
            members = tuple(
                Member(str(n), r)
                for n, r in conn.execute(
                    select(ReviewerRow.name, ReviewerRow.role).order_by(ReviewerRow.name)
                )
            )
        role = access.role.value if access.role is not None else None
        return TeamView(access.reviewer, role, access.roles_in_use, access.blind, members,
                        self.identity_fixed)

    # -- the change feed ------------------------------------------------------------------

    def change_feed(self) -> ChangeFeed:
        if self._feed is None:
            self._feed = ChangeFeed(self.db.engine, self.origin, self.db.reading)
        return self._feed

    def change_token(self) -> ChangeToken:
        """Where the change log is now: start following from here."""
        return self.change_feed().token()

    def changes_since(self, token: ChangeToken) -> Changes:
        """What other programs (or other Workspaces) committed since `token`, oldest first,
        each as the `Change` it made, and the token to ask with next. Cheap when nothing
        happened (see feed.py); poll it every second or on focus."""
        found = self.change_feed().since(token)
        if any(e.change.team for e in found.entries):
            self._forget_access()
        return found

    def _close_team(self) -> None:
        if self._feed is not None:
            self._feed.close()
            self._feed = None

    def _after_commit(self, change: Change) -> None:
        """Read the standing again only when a commit can have changed it: a role or the
        blind switch (`team`), or the acting reviewer's first row (created by their first
        annotation, review or memo). Not after every keypress's highlight."""
        if change.team or self._access is None or self._access.reviewer_id is None:
            self._forget_access()

    def _reviewer_for(self, name: str) -> str:
        """On a team server the reviewer is the database user who logged in, whatever
        name is asked for."""
        return self.reviewer or name if self.identity_fixed else name
