"""Following others' changes: `Workspace.changes_since` reports what another process (or
another Workspace) committed, as the same `Change` values a window follows for its own
edits; asking when nothing happened reads no table (SQLite: PRAGMA data_version; PostgreSQL:
no statement at all, the LISTEN connection says so), and never holds the connection."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event, text

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation, DeleteAnnotations
from glossator.services.feed import Changes, ChangeToken
from glossator.services.team import SetBlindCoding
from tests.conftest import SEED_REPORT
from tests.services.test_concurrency import other

WAIT_SECONDS = 20.0  # the bound of a condition wait, never a sleep


def until_changes(ws: Workspace, token: ChangeToken) -> Changes:
    """Ask until something arrives (PostgreSQL delivers notifications asynchronously);
    `wait` blocks on the notification socket (or data_version) up to the bound."""
    feed = ws.change_feed()
    found = ws.changes_since(token)
    rounds = 0
    while not found and rounds < 50:
        feed.wait(WAIT_SECONDS / 50)
        found = ws.changes_since(found.token)
        rounds += 1
    return found


@pytest.fixture
def seeded(ws: Workspace) -> Iterator[tuple[Workspace, int]]:
    (outcome,) = ws.import_paths([SEED_REPORT])
    assert outcome.report_id is not None
    yield ws, outcome.report_id


class Statements:
    """Every statement the workspace's engine sends while counting."""

    def __init__(self, ws: Workspace) -> None:
        self.sent: list[str] = []
        self._engine = ws.db.engine
        event.listen(self._engine, "before_cursor_execute", self._seen)

    def _seen(self, _conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        self.sent.append(statement)

    def stop(self) -> list[str]:
        event.remove(self._engine, "before_cursor_execute", self._seen)
        return self.sent


def test_another_process_new_annotation_is_reported(seeded, db_location: str) -> None:
    ws, rid = seeded
    token = ws.change_token()
    made = other(db_location, "ben", "add", str(rid), "10", "30", "from the other process")
    found = until_changes(ws, token)
    (entry,) = found.entries
    assert entry.reviewer == "ben"
    assert entry.change.annotations == {made["uuid"]}
    assert entry.change.reports == {rid}
    assert entry.change.message == "Annotation saved"
    assert found.change == entry.change
    view = ws.annotation(str(made["uuid"]))  # what a window then reads back
    assert view is not None and view.note == "from the other process"
    assert not ws.changes_since(found.token)  # reported once


def test_nothing_new_is_answered_without_reading_a_table(seeded) -> None:
    ws, _rid = seeded
    token = ws.change_token()
    ws.changes_since(token)  # the feed is set up
    counting = Statements(ws)
    try:
        for _ in range(5):
            assert not ws.changes_since(token)
    finally:
        sent = counting.stop()
    if ws.db.url.get_backend_name() == "sqlite":
        assert sent and all(s in ("BEGIN", "PRAGMA data_version") for s in sent), sent
        assert ws.db.engine.pool.checkedout() == 0  # type: ignore[attr-defined]
    else:
        assert sent == []  # the LISTEN connection had no notification: no query at all


def test_own_changes_are_left_out_and_the_token_moves_on(seeded) -> None:
    ws, rid = seeded
    token = ws.change_token()
    ws.run(AddAnnotation(rid, 0, 10))
    found = ws.changes_since(token)
    assert not found and found.token.last_id > token.last_id


def test_another_workspace_of_this_process_is_followed(seeded, db_location: str) -> None:
    ws, rid = seeded
    token = ws.change_token()
    with Workspace.open(db_location, reviewer="cy", default_codebook=False) as second:
        add = AddAnnotation(rid, 40, 60)
        second.run(add)
        second.run(DeleteAnnotations([add.uuid]))
    found = until_changes(ws, token)
    assert [e.reviewer for e in found.entries] == ["cy", "cy"]
    merged = found.change
    assert merged is not None
    assert merged.annotations_removed == {add.uuid} and add.uuid not in merged.annotations


def test_codebook_and_team_changes_are_flagged(seeded, db_location: str) -> None:
    ws, _rid = seeded
    token = ws.change_token()
    assert other(db_location, "ben", "tag", "Rumour")["ok"]
    found = until_changes(ws, token)
    assert found.change is not None and found.change.codebook
    ws.access()  # the window has read who may do what
    with Workspace.open(db_location, reviewer="ben", default_codebook=False) as boss:
        boss.run(SetBlindCoding(True))
    assert not ws.access().blind  # read before the switch: kept until the feed says so
    found = until_changes(ws, found.token)
    assert found.change is not None and found.change.team
    assert ws.team().blind  # the feed told the workspace to read the team again


def test_postgresql_feed_falls_back_to_the_change_log_when_its_connection_is_lost(
    seeded, db_location: str
) -> None:
    ws, rid = seeded
    if ws.db.url.get_backend_name() != "postgresql":
        pytest.skip("LISTEN/NOTIFY is PostgreSQL's")
    token = ws.change_token()
    feed = ws.change_feed()
    listener = feed._listener
    assert listener is not None
    pid = listener._driver.info.backend_pid
    with ws.db.engine.connect() as conn:
        conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        conn.commit()
    made = other(db_location, "ben", "add", str(rid), "50", "70", "after the cut")
    found = until_changes(ws, token)
    assert found.change is not None and found.change.annotations == {made["uuid"]}
    assert feed.fileno() is not None  # listening again
