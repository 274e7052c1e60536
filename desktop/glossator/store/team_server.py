"""A PostgreSQL database shared by a team: one database user per reviewer, and row-level
security that enforces the roles on the server (the same rules as core/permissions.py).

`initialize` (run by the database's owner through `glossator server init`) creates a group
role for the team, grants it the tables, installs the helper functions and the policies,
and marks the database as a team server; it may be run again (after an upgrade, say). On a
team server the reviewer is always `session_user`: nobody can act in another's name.

What the policies allow a team member (rank: annotator 1, curator 2, manager 3):

- reports, notes, markers: read all; change: curator.
- codebook (tags, speakers and aliases, targets and aliases, stance labels), reviewers'
  roles, project settings: read all; change: manager. Anyone may add themselves as a
  reviewer without a role.
- annotations: read one's own, or all when blind coding is off or for a curator; add one's
  own (a curator: anyone's, merging a set); change one's own (a curator: all); delete
  one's own unless others have reviewed it (a curator: all). Their tags, stances and cited
  notes follow the annotation.
- reviews: read those of annotations one can see; write them in one's own name, decisions
  only as a curator, except rejecting (withdrawing) one's own annotation; change and delete
  one's own. A curator may also put back others' reviews (undo of a delete restores the
  thread).
- history: append in one's own name, never change or delete; read one's own, or all when
  blind coding is off or for a curator. Change log: append in one's own name, read all.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import Connection, text

from glossator.store.errors import StoreError

_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_$.@-]{0,62}$")

CODEBOOK = ("tags", "speakers", "speaker_aliases", "targets", "target_aliases", "stance_labels")
LIBRARY = ("reports", "footnotes", "footnote_refs")
LINKS = ("annotation_tags", "annotation_stances", "annotation_footnotes")
MANAGED = (*CODEBOOK, "settings")
ALL_TABLES = (*LIBRARY, *MANAGED, "reviewers", "annotations", *LINKS, "reviews", "history",
              "change_log", "suggestion_dismissals")


def quote_name(name: str) -> str:
    """A role name as an SQL identifier; refused unless it is a plain name."""
    if not _NAME.match(name):
        raise StoreError(f"{name!r} cannot be a database user name here (letters, digits, "
                         "_ $ . @ -; at most 63 characters, not starting with a digit)")
    return '"' + name.replace('"', '""') + '"'


def _functions(schema: str) -> list[str]:
    path = f"SET search_path = {quote_name(schema)}, pg_temp"
    head = "LANGUAGE sql STABLE SECURITY DEFINER " + path
    return [
        f"""CREATE OR REPLACE FUNCTION glossator_me() RETURNS integer {head} AS $$
            SELECT id FROM reviewers WHERE name = session_user $$""",
        f"""CREATE OR REPLACE FUNCTION glossator_rank() RETURNS integer {head} AS $$
            SELECT CASE (SELECT role FROM reviewers WHERE name = session_user)
                WHEN 'manager' THEN 3 WHEN 'curator' THEN 2 ELSE 1 END $$""",
        f"""CREATE OR REPLACE FUNCTION glossator_blind() RETURNS boolean {head} AS $$
            SELECT coalesce((SELECT (value->>'blind')::boolean FROM settings
                             WHERE key = 'team'), false) $$""",
        f"""CREATE OR REPLACE FUNCTION glossator_sees(author integer) RETURNS boolean {head}
            AS $$ SELECT author = glossator_me() OR glossator_rank() >= 2
                         OR NOT glossator_blind() $$""",
        f"""CREATE OR REPLACE FUNCTION glossator_edits(author integer) RETURNS boolean {head}
            AS $$ SELECT author = glossator_me() OR glossator_rank() >= 2 $$""",
        f"""CREATE OR REPLACE FUNCTION glossator_sees_annotation(aid integer) RETURNS boolean
            {head} AS $$ SELECT EXISTS (SELECT 1 FROM annotations
                                        WHERE id = aid AND glossator_sees(author_id)) $$""",
        f"""CREATE OR REPLACE FUNCTION glossator_edits_annotation(aid integer) RETURNS boolean
            {head} AS $$ SELECT EXISTS (SELECT 1 FROM annotations
                                        WHERE id = aid AND glossator_edits(author_id)) $$""",
        f"""CREATE OR REPLACE FUNCTION glossator_reviewed_by_others(aid integer)
            RETURNS boolean {head} AS $$ SELECT EXISTS (
                SELECT 1 FROM reviews WHERE annotation_id = aid
                AND reviewer_id IS DISTINCT FROM glossator_me()) $$""",
    ]


def _policy(table: str, command: str, team: str, using: str | None, check: str | None) -> str:
    parts = [f"CREATE POLICY glossator_{command.lower()} ON {table} FOR {command} TO {team}"]
    if using is not None:
        parts.append(f"USING ({using})")
    if check is not None:
        parts.append(f"WITH CHECK ({check})")
    return " ".join(parts)


def _rules(table: str, team: str, read: str, write: str, insert: str | None = None,
           delete: str | None = None) -> list[str]:
    return [
        _policy(table, "SELECT", team, read, None),
        _policy(table, "INSERT", team, None, insert or write),
        _policy(table, "UPDATE", team, write, write),
        _policy(table, "DELETE", team, delete or write, None),
    ]


def _policies(team: str) -> list[str]:
    out: list[str] = []
    curator, manager = "glossator_rank() >= 2", "glossator_rank() >= 3"
    for table in LIBRARY:
        out += _rules(table, team, "true", curator)
    for table in MANAGED:
        out += _rules(table, team, "true", manager)
    out += _rules("reviewers", team, "true", manager,
                  insert=f"{manager} OR (name = session_user AND role IS NULL)")
    out += _rules(
        "annotations", team, "glossator_sees(author_id)", "glossator_edits(author_id)",
        insert=f"author_id = glossator_me() OR {curator}",
        delete=f"glossator_edits(author_id) AND ({curator} OR "
        "NOT glossator_reviewed_by_others(id))",
    )
    for table in LINKS:
        out += _rules(table, team, "glossator_sees_annotation(annotation_id)",
                      "glossator_edits_annotation(annotation_id)")
    own = "reviewer_id = glossator_me()"
    out += _rules(
        "reviews", team, "glossator_sees_annotation(annotation_id)", own,
        insert=f"{curator} OR ({own} AND glossator_sees_annotation(annotation_id) AND "
        "(decision IS NULL OR (decision = 'rejected' AND "
        "glossator_edits_annotation(annotation_id))))",
    )
    mine = "reviewer = session_user"
    out.append(_policy("history", "SELECT", team,
                       f"{mine} OR {curator} OR NOT glossator_blind()", None))
    out.append(_policy("history", "INSERT", team, None, mine))
    out.append(_policy("change_log", "SELECT", team, "true", None))
    out.append(_policy("change_log", "INSERT", team, None, mine))
    out += _rules("suggestion_dismissals", team, "true", "true")
    return out


def _drop_policies(conn: Connection) -> None:
    rows = conn.execute(text(
        "SELECT tablename, policyname FROM pg_policies "
        "WHERE schemaname = current_schema() AND policyname LIKE 'glossator\\_%'"
    )).all()
    for table, policy in rows:
        conn.execute(text(f'DROP POLICY "{policy}" ON "{table}"'))


def role_exists(conn: Connection, name: str) -> bool:
    return bool(conn.scalar(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}))


def initialize(conn: Connection, team_role: str) -> None:
    """Install the team's group role, grants, functions and policies (idempotent)."""
    team = quote_name(team_role)
    schema = str(conn.scalar(text("SELECT current_schema()")))
    if not role_exists(conn, team_role):
        conn.execute(text(f"CREATE ROLE {team} NOLOGIN"))
    conn.execute(text(f"GRANT USAGE ON SCHEMA {quote_name(schema)} TO {team}"))
    tables = ", ".join(ALL_TABLES)
    conn.execute(text(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {tables} TO {team}"))
    conn.execute(text(f"GRANT SELECT ON alembic_version TO {team}"))
    conn.execute(text(
        f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {quote_name(schema)} TO {team}"
    ))
    for statement in _functions(schema):
        conn.execute(text(statement))
    _drop_policies(conn)
    for table in ALL_TABLES:
        conn.execute(text(f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"))
    for statement in _policies(team):
        conn.execute(text(statement))


def add_member(conn: Connection, name: str, team_role: str, password: str | None) -> bool:
    """Make `name` a database user in the team (created when missing; True then)."""
    user = quote_name(name)
    created = not role_exists(conn, name)
    if created:
        conn.execute(text(f"CREATE ROLE {user} LOGIN"))
    if password is not None:
        # ALTER ROLE takes no bind parameters: quote the literal with the server's function
        literal = conn.scalar(text("SELECT quote_literal(:p)"), {"p": password})
        conn.execute(text(f"ALTER ROLE {user} PASSWORD {literal}"))
    conn.execute(text(f"GRANT {quote_name(team_role)} TO {user}"))
    return created


def session_user(conn: Connection) -> str:
    return str(conn.scalar(text("SELECT session_user")))


def team_role_of(settings: dict[str, Any]) -> str | None:
    found = settings.get("team_role")
    return str(found) if found else None
