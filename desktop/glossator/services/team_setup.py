"""Setting up a team server: the PostgreSQL database's owner creates the schema, the
policies and the first manager (`glossator server init`), and adds members with their
roles (`glossator server add-user`). See store/team_server.py for what the policies allow.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update

from glossator.core.permissions import Role
from glossator.services.access import TEAM_SETTING, team_settings
from glossator.services.command_errors import CommandError
from glossator.services.workspace import Workspace
from glossator.store import team_server
from glossator.store.credentials import store_password
from glossator.store.engine import to_url
from glossator.store.models import ReviewerRow, SettingRow


@dataclass(frozen=True, slots=True)
class ServerSetup:
    database: str  # the URL without its password
    team_role: str
    manager: str
    created_user: bool  # the manager's database user was made now


def default_team_role(url: str) -> str:
    database = to_url(url).database or "glossator"
    return f"{database}_team"[:63]


def _postgres(url: str) -> None:
    if to_url(url).get_backend_name() != "postgresql":
        raise CommandError("A team server is a PostgreSQL database: give a URL such as "
                           "postgresql+psycopg://owner@host/glossator")


def _set_role(ws: Workspace, name: str, role: Role) -> None:
    with ws.db.writing() as session, session.begin():
        if session.scalar(select(ReviewerRow.id).where(ReviewerRow.name == name)) is None:
            session.add(ReviewerRow(name=name, role=role.value))
        else:
            session.execute(update(ReviewerRow).where(ReviewerRow.name == name)
                            .values(role=role.value))


def init_server(url: str, manager: str | None = None, team_role: str | None = None,
                password: str | None = None) -> ServerSetup:
    """Create (or bring up to date) the schema, the team's group role, its grants and
    policies, and make `manager` (default: the user in the URL) the first manager.
    Run again after an upgrade of Glossator; it changes no one's work."""
    _postgres(url)
    team_role = team_role or default_team_role(url)
    with Workspace.open(url) as ws:  # the schema and the default codebook, as the owner
        manager = manager or to_url(url).username or ""
        if not manager:
            raise CommandError("Name the first manager (--manager NAME)")
        with ws.db.writing() as session, session.begin():
            conn = session.connection()
            team_server.initialize(conn, team_role)
            created = team_server.add_member(conn, manager, team_role, password)
            value = {**team_settings(conn), "server": True, "team_role": team_role}
            row = session.get(SettingRow, TEAM_SETTING)
            if row is None:
                session.add(SettingRow(key=TEAM_SETTING, value=value))
            else:
                row.value = value
        _set_role(ws, manager, Role.MANAGER)
        shown = ws.db.display_name
    return ServerSetup(shown, team_role, manager, created)


def add_user(url: str, name: str, role: Role, password: str | None = None) -> bool:
    """Make `name` a member (a database user of the team role) with `role`; run by the
    database's owner (or a user who may create roles). True when the user was created."""
    _postgres(url)
    with Workspace.open(url, default_codebook=False) as ws:
        with ws.db.reading() as conn:
            team_role = team_server.team_role_of(team_settings(conn))
        if team_role is None:
            raise CommandError(f"{ws.db.display_name} is not a team server yet: run "
                               "`glossator server init URL` first")
        with ws.db.writing() as session, session.begin():
            created = team_server.add_member(session.connection(), name, team_role, password)
        _set_role(ws, name, role)
    return created


def remember_password(url: str, password: str) -> str:
    """Keep the password of a server URL (one without a password) in the system keyring,
    where Glossator finds it from then on; returns the keyring entry's name."""
    _postgres(url)
    found = to_url(url)
    if found.password is not None:
        raise CommandError("Give the URL without its password; the password is asked for")
    if not password:
        raise CommandError("The password is empty")
    return store_password(found, password)

