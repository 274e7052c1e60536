"""Row versions: which tables carry one, which rows belong to which, and the statements that
read (locking) and set them.

A versioned row is an *entity*: a report, a tag, a speaker, a target, a stance label, an
annotation or a review. Rows of the tables in `PARENTS` have no version of their own: they
belong to an entity (an annotation's tags, stances and cited notes; a speaker's or target's
aliases; a report's notes and markers), and a change to them is a change of that entity.

Keys are `(table name, primary key)`. An entity's public key is what people and the history
call it: the UUID of an annotation or a review, the id of anything else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Table, bindparam, select, update

from glossator.store.models import Base

VERSION = "version"

Key = tuple[str, int]

#: Entity tables, with the kind the history calls them and the column of their public key.
ENTITIES: dict[str, tuple[str, str]] = {
    "reports": ("report", "id"),
    "tags": ("tag", "id"),
    "speakers": ("speaker", "id"),
    "targets": ("target", "id"),
    "stance_labels": ("stance_label", "id"),
    "annotations": ("annotation", "uuid"),
    "reviews": ("review", "uuid"),
}
KIND_TABLE = {kind: table for table, (kind, _col) in ENTITIES.items()}

#: Tables whose rows belong to an entity: (entity table, column pointing at it).
PARENTS: dict[str, tuple[str, str]] = {
    "annotation_tags": ("annotations", "annotation_id"),
    "annotation_stances": ("annotations", "annotation_id"),
    "annotation_footnotes": ("annotations", "annotation_id"),
    "speaker_aliases": ("speakers", "speaker_id"),
    "target_aliases": ("targets", "target_id"),
    "footnotes": ("reports", "report_id"),
    "footnote_refs": ("reports", "report_id"),
}

CHUNK = 500


def table(name: str) -> Table:
    return Base.metadata.tables[name]


def entity_of(table_name: str, row: Mapping[str, Any]) -> Key | None:
    """The entity a snapshot row is, or belongs to (None: a row of no entity)."""
    if table_name in ENTITIES:
        return (table_name, int(row["id"]))
    parent = PARENTS.get(table_name)
    if parent is None or row.get(parent[1]) is None:
        return None
    return (parent[0], int(row[parent[1]]))


def without_version(row: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if k != VERSION}


def read_versions(
    conn: Connection,
    table_name: str,
    *,
    ids: Iterable[int] = (),
    public_keys: Iterable[str] = (),
    lock: bool = True,
) -> dict[int, tuple[str, int]]:
    """Public key and version of the rows that exist, found by primary or public key; with
    `lock` they stay locked until the transaction ends (PostgreSQL's FOR UPDATE; a SQLite
    writer already holds the whole file), so nobody changes them before the commit."""
    t = table(table_name)
    public = t.c[ENTITIES[table_name][1]]
    wanted_ids = sorted(set(ids))
    wanted_keys = sorted(set(public_keys))
    if public.name == "id":
        wanted_ids = sorted(set(wanted_ids) | {int(k) for k in wanted_keys if k.isdigit()})
        wanted_keys = []
    out: dict[int, tuple[str, int]] = {}
    for column, values in ((t.c.id, wanted_ids), (public, wanted_keys)):
        for i in range(0, len(values), CHUNK):
            stmt = (
                select(t.c.id, public, t.c.version)
                .where(column.in_(values[i : i + CHUNK]))
                .order_by(t.c.id)
            )
            if lock:
                stmt = stmt.with_for_update()
            out.update((int(r[0]), (str(r[1]), int(r[2]))) for r in conn.execute(stmt))
    return out


def set_versions(conn: Connection, table_name: str, versions: Mapping[int, int]) -> None:
    """Write these versions (one executemany)."""
    if not versions:
        return
    t = table(table_name)
    # a column that changes on every update (reports.modified_at) stays as it is: moving
    # a version is not an edit of the row
    kept = {c.name: c for c in t.columns if c.onupdate is not None}
    conn.execute(
        update(t).where(t.c.id == bindparam("v_id"))
        .values(version=bindparam("v_version"), **kept),
        [{"v_id": pk, "v_version": v} for pk, v in versions.items()],
    )


def current_row(conn: Connection, table_name: str, pk: int) -> dict[str, Any] | None:
    """The row as it is now (for a conflict's "their version")."""
    t = table(table_name)
    found = conn.execute(select(t).where(t.c.id == pk)).first()
    return dict(found._mapping) if found is not None else None
