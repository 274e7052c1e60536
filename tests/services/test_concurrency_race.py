"""Two transactions really at once: another writer holds the row (PostgreSQL: a row lock
in an open transaction; SQLite: the write lock, in another process) while a command runs.
The command waits, then sees the other's committed version: a command based on the old
one is refused, an unchecked one goes on top of it with the next version (never reusing
one), and nothing of the other's change is lost."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
from sqlalchemy.engine import make_url

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.commands import Command
from glossator.services.conflicts import ConflictError
from tests.conftest import SEED_REPORT

BOUND = 600  # rounds of a condition wait (each blocks up to 0.05 s on the server)

SQLITE_HOLDER = """
import sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
c.execute("BEGIN IMMEDIATE")
c.execute("UPDATE annotations SET note = 'held and changed', version = version + 1 "
          "WHERE uuid = ?", (sys.argv[2],))
print("locked", flush=True)
sys.stdin.readline()
c.execute("COMMIT")
print("committed", flush=True)
"""


class Holder:
    """Another writer with the annotation changed in a transaction not yet committed."""

    def __init__(self, location: str, uuid: str) -> None:
        self.postgres = "://" in location
        if self.postgres:
            u = make_url(location)
            self.conn = psycopg.connect(host=u.host, port=u.port, dbname=u.database,
                                        user=u.username)
            self.conn.execute("UPDATE annotations SET note = 'held and changed', "
                              "version = version + 1 WHERE uuid = %s", (uuid,))
            self.watch = psycopg.connect(host=u.host, port=u.port, dbname=u.database,
                                         user=u.username, autocommit=True)
        else:
            self.child = subprocess.Popen(
                [sys.executable, "-c", SQLITE_HOLDER, location, uuid],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            )
            assert self.child.stdout is not None
            assert self.child.stdout.readline().strip() == "locked"

    def someone_waits(self) -> bool:
        """PostgreSQL: a backend of this database waits for a row lock (our command)."""
        if not self.postgres:
            return True  # SQLite's busy wait is not visible from outside; BEGIN IMMEDIATE
        for _ in range(BOUND):  # orders the two writers either way
            found = self.watch.execute(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() "
                "AND wait_event_type = 'Lock'").fetchone()
            if found and found[0]:
                return True
            self.watch.execute("SELECT pg_sleep(0.05)")
        return False

    def commit(self) -> None:
        if self.postgres:
            self.conn.commit()
            self.conn.close()
            self.watch.close()
            return
        assert self.child.stdin is not None and self.child.stdout is not None
        self.child.stdin.write("go\n")
        self.child.stdin.flush()
        assert self.child.stdout.readline().strip() == "committed"
        self.child.wait(timeout=60)


@pytest.fixture
def annotation(ws: Workspace) -> Iterator[tuple[Workspace, Any]]:
    (outcome,) = ws.import_paths([SEED_REPORT])
    assert outcome.report_id is not None
    add = AddAnnotation(outcome.report_id, 10, 40, note="before")
    ws.run(add)
    yield ws, ws.annotation(add.uuid)


def _run_while_held(ws: Workspace, location: str, uuid: str, command: Command) -> list[Any]:
    holder = Holder(location, uuid)
    outcome: list[Any] = []

    def step() -> None:
        try:
            outcome.append(ws.run(command))
        except Exception as exc:
            outcome.append(exc)

    worker = threading.Thread(target=step)
    worker.start()
    try:
        assert holder.someone_waits(), "the command should be waiting for the row"
    finally:
        holder.commit()
        worker.join(timeout=120)
    assert not worker.is_alive()
    return outcome


def test_a_command_based_on_the_old_version_waits_then_is_refused(annotation, db_location):
    ws, view = annotation
    command = EditAnnotation(view.id, AnnotationFields(note="mine")).based_on(view)
    (outcome,) = _run_while_held(ws, db_location, view.id, command)
    assert isinstance(outcome, ConflictError), outcome
    assert outcome.conflicts[0].current == 2
    now = ws.annotation(view.id)
    assert now is not None and (now.note, now.version) == ("held and changed", 2)


def test_an_unchecked_command_goes_on_top_with_the_next_version(annotation, db_location):
    ws, view = annotation
    command = EditAnnotation(view.id, AnnotationFields(note="mine, after"))
    (outcome,) = _run_while_held(ws, db_location, view.id, command)
    assert not isinstance(outcome, Exception), outcome
    now = ws.annotation(view.id)
    assert now is not None and (now.note, now.version) == ("mine, after", 3)
