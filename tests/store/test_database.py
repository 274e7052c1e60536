"""Storage on real SQLite files: open, migrate, check, refuse, back up."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from glossator.store.database import open_database
from glossator.store.errors import DatabaseCorrupt, MigrationFailed, NewerSchema, NotAWorkspace
from glossator.store.migrate import MIGRATIONS, check_models_match, head_revision


def tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def test_new_database_is_migrated_to_head(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    try:
        with db.engine.connect() as conn:
            assert (
                conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
                == head_revision()
            )
            assert conn.execute(text("PRAGMA journal_mode")).scalar_one() == "wal"
            assert conn.execute(text("PRAGMA foreign_keys")).scalar_one() == 1
            assert conn.execute(text("PRAGMA synchronous")).scalar_one() == 2  # FULL
            assert conn.execute(text("PRAGMA busy_timeout")).scalar_one() >= 1000
        assert db.engine.pool.size() == 1  # type: ignore[attr-defined]
    finally:
        db.close()
    assert {
        "reports",
        "footnotes",
        "footnote_refs",
        "annotations",
        "reviews",
        "history",
        "tags",
        "speakers",
        "targets",
        "stance_labels",
    } <= tables(path)


def test_alembic_check_is_clean(tmp_path: Path) -> None:
    db = open_database(tmp_path / "ws.sqlite3")
    try:
        check_models_match(db.engine)  # raises when models and migrations disagree
    finally:
        db.close()


def test_reopening_does_not_migrate_or_back_up(tmp_path: Path) -> None:
    backups = tmp_path / "backups"
    open_database(tmp_path / "ws.sqlite3", backup_folder=backups).close()
    open_database(tmp_path / "ws.sqlite3", backup_folder=backups).close()
    assert not backups.exists() or not list(backups.iterdir())


def _scripts_with_failing_step(tmp_path: Path, *, fail: bool) -> Path:
    scripts = tmp_path / "scripts"
    shutil.copytree(MIGRATIONS, scripts, ignore=shutil.ignore_patterns("__pycache__"))
    body = "raise RuntimeError('boom in the middle')" if fail else "pass"
    (scripts / "versions" / "9999_test_step.py").write_text(f'''
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head_revision()}"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table("half_done", sa.Column("id", sa.Integer, primary_key=True))
    with op.batch_alter_table("reports") as batch:
        batch.add_column(sa.Column("extra", sa.Text, nullable=True))
    {body}


def downgrade():
    pass
''')
    return scripts


def test_failed_migration_leaves_database_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO reviewers (name, created_at) VALUES ('ana', '2025-01-01')")
    before = tables(path)
    backups = tmp_path / "backups"
    scripts = _scripts_with_failing_step(tmp_path, fail=True)
    with pytest.raises(MigrationFailed, match="rolled back"):
        open_database(path, backup_folder=backups, script_location=scripts)
    assert tables(path) == before
    with sqlite3.connect(path) as conn:
        cols = {r[1] for r in conn.execute("PRAGMA table_info(reports)")}
        assert "extra" not in cols
        assert (
            conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == head_revision()
        )
        assert conn.execute("SELECT name FROM reviewers").fetchall() == [("ana",)]
    made = list(backups.glob("*.sqlite3"))
    assert len(made) == 1, "a backup is made before any migration"
    with sqlite3.connect(made[0]) as conn:
        assert conn.execute("SELECT name FROM reviewers").fetchall() == [("ana",)]


def test_successful_migration_backs_up_first(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    open_database(path).close()
    backups = tmp_path / "backups"
    scripts = _scripts_with_failing_step(tmp_path, fail=False)
    open_database(path, backup_folder=backups, script_location=scripts).close()
    assert "half_done" in tables(path)
    (made,) = backups.glob("*.sqlite3")
    assert "half_done" not in tables(made)


def test_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    open_database(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'ffff_future'")
    conn.close()
    before = path.read_bytes()
    with pytest.raises(NewerSchema, match="newer version"):
        open_database(path)
    assert path.read_bytes() == before


def test_corrupt_file_is_reported_and_not_written(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    with db.engine.begin() as conn:
        for i in range(300):
            conn.execute(
                text("INSERT INTO reviewers (name, created_at) VALUES (:n, '2025-01-01')"),
                {"n": f"reviewer {i} " + "x" * 200},
            )
    db.close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    data = bytearray(path.read_bytes())
    page = 4096
    for offset in range(page * 2, min(len(data), page * 6)):  # scribble over b-tree pages
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    with pytest.raises(DatabaseCorrupt, match=r"integrity check failed|cannot be opened"):
        open_database(path)
    assert path.read_bytes() == before


def test_foreign_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    path.write_text("just some text, not a database\n" * 10)
    with pytest.raises(NotAWorkspace, match="not a SQLite database"):
        open_database(path)
    other = tmp_path / "other.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    conn.close()
    with pytest.raises(NotAWorkspace, match="not a Glossator workspace"):
        open_database(other)


def test_backup_is_a_consistent_openable_copy(tmp_path: Path) -> None:
    path = tmp_path / "ws.sqlite3"
    db = open_database(path)
    with db.engine.begin() as conn:
        conn.execute(text("INSERT INTO reviewers (name, created_at) VALUES ('ana', '2025-01-01')"))
    dest = db.backup(tmp_path / "copy" / "backup.sqlite3")
    db.close()
    assert not dest.with_name(dest.name + ".partial").exists()
    copy = open_database(dest)
    try:
        assert copy.integrity_problems() == []
        with copy.engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM reviewers")).scalars().all() == ["ana"]
    finally:
        copy.close()


def test_known_revisions_match_the_migrations() -> None:
    from glossator.store.migrate import known_revisions
    from glossator.store.schema import HEAD_REVISION, KNOWN_REVISIONS

    assert head_revision() == HEAD_REVISION
    assert set(KNOWN_REVISIONS) == known_revisions()


def test_opening_a_current_workspace_does_not_import_alembic(tmp_path: Path) -> None:
    import subprocess
    import sys

    path = tmp_path / "ws.sqlite3"
    open_database(path).close()
    code = (
        "import sys; from glossator.store.database import open_database; "
        f"db = open_database({str(path)!r}); db.close(); "
        "print('alembic' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_upgrade_from_the_first_revision_keeps_data(tmp_path: Path) -> None:
    from alembic import command

    from glossator.store.engine import make_engine
    from glossator.store.migrate import alembic_config

    path = tmp_path / "old.sqlite3"
    engine = make_engine(path)
    with engine.begin() as conn:
        cfg = alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO reviewers (name, created_at) VALUES ('ana', '2025-01-01')"))
    engine.dispose()
    backups = tmp_path / "backups"
    db = open_database(path, backup_folder=backups)
    try:
        with db.engine.connect() as conn:
            assert conn.execute(text("SELECT name FROM reviewers")).scalars().all() == ["ana"]
            assert conn.execute(text("SELECT count(*) FROM suggestion_dismissals")).scalar() == 0
    finally:
        db.close()
    (made,) = backups.glob("*before-upgrade-from-0001*.sqlite3")
    assert "suggestion_dismissals" not in tables(made)
