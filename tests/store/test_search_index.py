"""The SQLite search index: built by migration 0004, kept in step by triggers, safe to query."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from glossator.store.database import open_database
from glossator.store.engine import make_engine
from glossator.store.integrity import integrity_problems
from glossator.store.search import (
    FTS_TABLE,
    FTS_TRIGGERS,
    fts5_match,
    hidden_from_autogenerate,
    pg_tsquery,
    query_words,
    search_reports,
)

INSERT_REPORT = (
    "INSERT INTO reports (uuid, title, source_name, source_format, encoding, encoding_guessed, "
    "text, sha256, original, body_end, footnote_style, meta, imported_at, modified_at) VALUES "
    "(:uuid, :title, 'x.txt', 'text', 'utf-8', 0, :text, :uuid, x'00', 0, 'none', '{}', "
    "'2026-01-01', '2026-01-01')"
)


def upgrade_to(path: Path, revision: str) -> None:
    from alembic import command

    from glossator.store.migrate import alembic_config

    engine = make_engine(path)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
    engine.dispose()


def schema_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}


def test_upgrade_indexes_the_reports_already_there(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    upgrade_to(path, "0003")
    engine = make_engine(path)
    with engine.begin() as conn:
        conn.execute(text(INSERT_REPORT), {"uuid": "u1", "title": "Old report", "text": "Iraq é"})
    engine.dispose()
    assert FTS_TABLE not in schema_names(path)
    db = open_database(path)
    try:
        with db.session() as session:
            (hit,) = search_reports(session, "old iraq")
            assert hit.title == "Old report"
            assert search_reports(session, "e ") != []  # diacritics removed
    finally:
        db.close()
    assert {FTS_TABLE, *FTS_TRIGGERS} <= schema_names(path)


def test_triggers_follow_insert_update_delete(tmp_path: Path) -> None:
    db = open_database(tmp_path / "ws.sqlite3")
    try:
        with db.engine.begin() as conn:
            conn.execute(text(INSERT_REPORT), {"uuid": "a", "title": "First", "text": "alpha beta"})
            assert [h.report_id for h in search_reports(conn, "alpha")] == [1]
            conn.execute(text("UPDATE reports SET text = 'gamma' WHERE id = 1"))
            assert search_reports(conn, "alpha") == []
            assert [h.title for h in search_reports(conn, "gamma")] == ["First"]
            conn.execute(text("UPDATE reports SET title = 'Renamed' WHERE id = 1"))
            assert search_reports(conn, "first") == []
            assert [h.title for h in search_reports(conn, "renamed gamma")] == ["Renamed"]
            conn.execute(text("DELETE FROM reports"))
            assert search_reports(conn, "gamma") == []
        assert db.integrity_problems() == []
    finally:
        db.close()


def test_downgrade_removes_the_index(tmp_path: Path) -> None:
    from alembic import command

    from glossator.store.migrate import alembic_config

    path = tmp_path / "ws.sqlite3"
    open_database(path).close()
    engine = make_engine(path)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()
    assert not {FTS_TABLE, *FTS_TRIGGERS} & schema_names(path)


def test_a_missing_trigger_is_an_integrity_problem(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER reports_fts_update")
        assert integrity_problems(conn) == ["search index: trigger reports_fts_update is missing"]


def test_query_syntax_is_never_passed_through() -> None:
    words = query_words('NEAR(a b) "x" -y z* title:w ( ) ^ river-council')
    assert words == [("NEAR", "a"), ("b",), ("x",), ("y",), ("z",), ("title", "w"),
                     ("river", "council")]
    assert fts5_match([("a",), ("river", "council")], prefix=True) == '"a" "river council" *'
    assert pg_tsquery([("a",), ("river", "council")], prefix=True) == (
        "'a' & ('river' <-> 'council':*)"
    )
    assert query_words(" \" * - ( ) : ") == []


def test_autogenerate_skips_only_the_search_objects() -> None:
    assert hidden_from_autogenerate("reports_fts", "table")
    assert hidden_from_autogenerate("reports_fts_data", "table")
    assert hidden_from_autogenerate("search_document", "column")
    assert hidden_from_autogenerate("ix_reports_search_document", "index")
    assert not hidden_from_autogenerate("reports", "table")
    assert not hidden_from_autogenerate("title", "column")


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(query=st.text(max_size=40))
def test_any_typed_text_is_a_valid_query(tmp_path: Path, query: str) -> None:
    path = tmp_path / "ws.sqlite3"
    if not path.exists():
        db = open_database(path)
        with db.engine.begin() as conn:
            conn.execute(text(INSERT_REPORT), {"uuid": "a", "title": "T", "text": "a b c d ü"})
        db.close()
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            search_reports(conn, query)
    finally:
        engine.dispose()
