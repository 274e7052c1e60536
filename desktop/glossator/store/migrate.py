"""Schema upgrades with Alembic: backup first, one transaction, refuse newer schemas."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from glossator.store.errors import MigrationFailed, NewerSchema

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(script_location: Path | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(script_location or MIGRATIONS))
    return cfg


def head_revision(script_location: Path | None = None) -> str:
    head = ScriptDirectory.from_config(alembic_config(script_location)).get_current_head()
    assert head is not None
    return head


def known_revisions(script_location: Path | None = None) -> set[str]:
    script = ScriptDirectory.from_config(alembic_config(script_location))
    return {rev.revision for rev in script.walk_revisions()}


def current_revision(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def refuse_if_newer(revision: str | None, where: str, script_location: Path | None = None) -> None:
    if revision is not None and revision not in known_revisions(script_location):
        raise NewerSchema(
            f"{where}: written by a newer version of Glossator (schema {revision}); "
            "it was not changed. Open it with that version or newer."
        )


@contextmanager
def _configured(conn: Connection, script_location: Path | None) -> Iterator[Config]:
    cfg = alembic_config(script_location)
    cfg.attributes["connection"] = conn
    yield cfg


def upgrade(engine: Engine, where: str, script_location: Path | None = None) -> bool:
    """Bring the schema to head in one transaction. Returns True when anything ran."""
    with engine.connect() as conn:
        current = current_revision(conn)
    refuse_if_newer(current, where, script_location)
    if current == head_revision(script_location):
        return False
    try:
        with engine.begin() as conn, _configured(conn, script_location) as cfg:
            command.upgrade(cfg, "head")
    except Exception as exc:
        raise MigrationFailed(
            f"{where}: the schema upgrade failed and was rolled back ({exc}); nothing was changed"
        ) from exc
    return True


def check_models_match(engine: Engine, script_location: Path | None = None) -> None:
    """`alembic check`: raises when the models differ from the migrated schema."""
    with engine.begin() as conn, _configured(conn, script_location) as cfg:
        command.check(cfg)
