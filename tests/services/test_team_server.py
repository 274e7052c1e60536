"""A PostgreSQL team server: `glossator server init` and `server add-user` set it up, each
reviewer logs in as their own database user (who they are is the session user, not a
name they type), and row-level security enforces the roles on the server: an annotator's
raw SQL cannot change another's annotation, the codebook, roles, settings or history, and
while blind coding is on cannot even read others' annotations."""

from __future__ import annotations

import uuid as uuidlib
from collections.abc import Iterator
from dataclasses import dataclass

import psycopg
import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from glossator.services import PermissionRefused, Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.review import DecideAnnotations
from glossator.services.tags import SaveTag, TagFields
from glossator.services.team import SetBlindCoding
from tests.cli.helpers import run
from tests.conftest import SEED_REPORT


@dataclass
class Server:
    url: str  # as the owner
    ana: str  # manager
    ben: str  # annotator
    cy: str  # curator

    def as_user(self, user: str) -> str:
        return make_url(self.url).set(username=user).render_as_string(hide_password=False)

    def raw(self, user: str) -> psycopg.Connection:
        u = make_url(self.url)
        return psycopg.connect(host=u.host, port=u.port, dbname=u.database, user=user,
                               autocommit=True)


@pytest.fixture
def server(db_location: str, capsys: pytest.CaptureFixture[str]) -> Iterator[Server]:
    if "://" not in db_location:
        pytest.skip("a team server is a PostgreSQL database")
    tag = uuidlib.uuid4().hex[:8]
    found = Server(db_location, f"ana_{tag}", f"ben_{tag}", f"cy_{tag}")
    code, out, err = run(capsys, "server", "init", db_location, "--manager", found.ana)
    assert code == 0, err
    assert "team server ready" in out and found.ana in out
    for user, role in ((found.ben, "annotator"), (found.cy, "curator")):
        code, _out, err = run(capsys, "server", "add-user", db_location, user, "--role", role)
        assert code == 0, err
    try:
        yield found
    finally:
        team = f"{make_url(db_location).database}_team"
        admin = create_engine(db_location, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"))
            for role in (found.ana, found.ben, found.cy, team):
                conn.execute(text(f'DROP OWNED BY "{role}"'))
                conn.execute(text(f'DROP ROLE IF EXISTS "{role}"'))
        admin.dispose()


@pytest.fixture
def work(server: Server) -> Iterator[tuple[Server, str, str]]:
    """A report, an annotation by ana (manager) and one by ben (annotator)."""
    with Workspace.open(server.as_user(server.ana)) as ana:
        assert ana.reviewer == server.ana and ana.identity_fixed
        (outcome,) = ana.import_paths([SEED_REPORT])
        assert outcome.report_id is not None
        hers = AddAnnotation(outcome.report_id, 100, 140, note="ana's")
        ana.run(hers)
    with Workspace.open(server.as_user(server.ben), reviewer="ana pretending") as ben:
        assert ben.reviewer == server.ben  # the session user, whatever name was given
        ben.set_reviewer("someone else")
        assert ben.reviewer == server.ben
        his = AddAnnotation(outcome.report_id, 200, 240, note="ben's")
        ben.run(his)
    yield server, hers.uuid, his.uuid


def note_of(server: Server, uuid: str) -> str:
    with server.raw(server.cy) as conn:
        row = conn.execute("SELECT note FROM annotations WHERE uuid = %s", (uuid,)).fetchone()
    assert row is not None
    return str(row[0])


def test_an_annotators_raw_sql_cannot_touch_anothers_annotation(work) -> None:
    server, hers, his = work
    with server.raw(server.ben) as conn:
        assert conn.execute("SELECT session_user").fetchone() == (server.ben,)
        done = conn.execute("UPDATE annotations SET note = 'hacked' WHERE uuid = %s", (hers,))
        assert done.rowcount == 0
        done = conn.execute("DELETE FROM annotations WHERE uuid = %s", (hers,))
        assert done.rowcount == 0
        done = conn.execute(
            "DELETE FROM annotation_tags WHERE annotation_id = "
            "(SELECT id FROM annotations WHERE uuid = %s)", (hers,))
        assert done.rowcount == 0
        mine = conn.execute("UPDATE annotations SET note = 'ben again' WHERE uuid = %s", (his,))
        assert mine.rowcount == 1  # their own: allowed
        with pytest.raises(psycopg.errors.InsufficientPrivilege, match="row-level security"):
            conn.execute("UPDATE annotations SET author_id = (SELECT id FROM reviewers WHERE "
                         "name = %s) WHERE uuid = %s", (server.ana, his))
    assert note_of(server, hers) == "ana's"
    assert note_of(server, his) == "ben again"


def test_an_annotators_raw_sql_cannot_settle_or_change_codebook_roles_or_history(work) -> None:
    server, hers, _his = work
    with server.raw(server.ben) as conn:
        refused = psycopg.errors.InsufficientPrivilege
        with pytest.raises(refused):
            conn.execute("INSERT INTO reviews (uuid, annotation_id, reviewer_id, decision, body, "
                         "created_at, version) SELECT %s, a.id, r.id, 'accepted', '', now(), 1 "
                         "FROM annotations a, reviewers r WHERE a.uuid = %s AND r.name = %s",
                         (str(uuidlib.uuid4()), hers, server.ben))
        with pytest.raises(refused):
            conn.execute("INSERT INTO tags (uuid, name, color, description, sort_order, "
                         "version) VALUES (%s, 'Sneaky', '#000000', '', 99, 1)",
                         (str(uuidlib.uuid4()),))
        assert conn.execute("UPDATE tags SET name = 'renamed'").rowcount == 0
        assert conn.execute("UPDATE reviewers SET role = 'manager' WHERE name = %s",
                            (server.ben,)).rowcount == 0
        assert conn.execute("UPDATE settings SET value = '{}'").rowcount == 0
        assert conn.execute("DELETE FROM history").rowcount == 0  # append-only
        assert conn.execute("UPDATE history SET reviewer = 'nobody'").rowcount == 0
        with pytest.raises(refused):  # no history in another's name
            conn.execute("INSERT INTO history (at, reviewer, command, action, entity, entity_id)"
                         " VALUES (now(), %s, 'Forged', 'apply', 'x', '1')", (server.ana,))
        assert conn.execute("UPDATE reports SET title = 'x'").rowcount == 0
    with server.raw(server.cy) as conn:  # the curator's decision is fine
        assert conn.execute("SELECT count(*) FROM tags WHERE name = 'Sneaky'").fetchone() == (0,)
        assert conn.execute("SELECT role FROM reviewers WHERE name = %s",
                            (server.ben,)).fetchone() == ("annotator",)


def test_the_services_refuse_the_same_as_annotator_and_allow_as_curator(work) -> None:
    server, hers, his = work
    with Workspace.open(server.as_user(server.ben)) as ben:
        with pytest.raises(PermissionRefused, match="decides on another"):
            ben.run(DecideAnnotations([hers], "accepted"))
        with pytest.raises(PermissionRefused, match="edits another"):
            ben.run(EditAnnotation(hers, AnnotationFields(note="x")))
        with pytest.raises(PermissionRefused, match="codebook"):
            ben.run(SaveTag(TagFields("Mine")))
        ben.run(DecideAnnotations([his], "rejected"))  # withdrawing their own
    with Workspace.open(server.as_user(server.cy)) as cy:
        cy.run(DecideAnnotations([hers], "accepted"))
        cy.run(EditAnnotation(his, AnnotationFields(note="curated")))
    assert note_of(server, his) == "curated"


def test_blind_coding_is_enforced_by_the_server(work) -> None:
    server, hers, his = work
    with Workspace.open(server.as_user(server.ana)) as ana:
        ana.run(SetBlindCoding(True))
    with server.raw(server.ben) as conn:
        seen = {r[0] for r in conn.execute("SELECT uuid FROM annotations")}
        assert seen == {his}
        assert conn.execute("SELECT count(*) FROM annotation_tags t JOIN annotations a ON "
                            "a.id = t.annotation_id WHERE a.uuid = %s", (hers,)).fetchone() == (0,)
    with server.raw(server.cy) as conn:
        assert {r[0] for r in conn.execute("SELECT uuid FROM annotations")} == {hers, his}
    with Workspace.open(server.as_user(server.ben)) as ben:
        assert [a.id for a in ben.annotations(1)] == [his]
    with Workspace.open(server.as_user(server.ana)) as ana:
        ana.run(SetBlindCoding(False))
    with server.raw(server.ben) as conn:
        assert {r[0] for r in conn.execute("SELECT uuid FROM annotations")} == {hers, his}


def test_the_command_line_on_a_team_server_acts_as_the_session_user(work, capsys) -> None:
    server, hers, _his = work
    code, _out, err = run(capsys, "--db", server.as_user(server.ben), "--reviewer", server.ana,
                          "review", "accept", hers)
    assert code == 2 and f"you are {server.ben}" in err
    code, out, err = run(capsys, "--db", server.as_user(server.ben), "project", "show", "--json")
    assert code == 0 and f'"reviewer": "{server.ben}"' in out and '"team_server": true' in out
