"""Which entities the rows of a snapshot are, or belong to, and which of them differ
between two snapshots: what a `StateCommand` checks before it resets rows and marks as
changed after (see version_guard.py)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from glossator.services.version_guard import Key, VersionGuard
from glossator.store.snapshot import Scope, Snapshot
from glossator.store.versions import ENTITIES, entity_of, without_version

if TYPE_CHECKING:
    from glossator.services.commands import Command

Rows = Iterable[tuple[str, dict[str, Any]]]


def keys_of(guard: VersionGuard, owner: Command, rows: Rows) -> list[Key]:
    """The entity keys of these rows: an entity row names itself (its public key is in the
    row); a row that belongs to an entity is looked up by the entity's primary key."""
    keys: dict[Key, None] = {}
    wanted: dict[str, list[int]] = {}
    for name, row in rows:
        found = entity_of(name, row)
        if found is None:
            continue
        table_name, pk = found
        if name == table_name:
            column = ENTITIES[table_name][1]
            keys[(table_name, str(row[column]))] = None
            owner.remember_key(table_name, pk, str(row[column]))
        else:
            wanted.setdefault(table_name, []).append(pk)
    for table_name, ids in wanted.items():
        keys.update(dict.fromkeys(guard.keys_of_ids(owner, table_name, ids)))
    return list(keys)


def _by_key(rows: tuple[dict[str, Any], ...], key_columns: list[str]) -> dict[Any, Any]:
    return {tuple(r[c] for c in key_columns): without_version(r) for r in rows}


def changed_rows(scope: Scope, a: Snapshot, b: Snapshot) -> Rows:
    """Rows added, removed or changed (their version aside) between two snapshots."""
    for model, _where, _owned in scope:
        table = model.__table__
        columns = [c.name for c in table.primary_key.columns]
        old = _by_key(a.rows(table.name), columns)
        new = _by_key(b.rows(table.name), columns)
        for k in old.keys() | new.keys():
            before, after = old.get(k), new.get(k)
            if before != after:  # both: a row that moved names its old and new entity
                yield from ((table.name, r) for r in (before, after) if r is not None)


def owned_tables(scope: Scope) -> list[str]:
    return [model.__table__.name for model, _where, owned in scope if owned]
