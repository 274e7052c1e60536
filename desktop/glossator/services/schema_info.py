"""What the program knows of its own schema, for the self-test and `--version` checks: the
migration scripts it ships and the revision a new workspace is upgraded to."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glossator.store import migrate


@dataclass(frozen=True, slots=True)
class ShippedMigrations:
    """The migration scripts found beside the program."""

    folder: Path
    revisions: frozenset[str]
    head: str


def shipped_migrations() -> ShippedMigrations:
    return ShippedMigrations(migrate.MIGRATIONS, frozenset(migrate.known_revisions()),
                             migrate.head_revision())
