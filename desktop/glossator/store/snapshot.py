"""Whole-row snapshots of a report or an annotation and everything hanging off it.

A delete keeps its snapshot; undo puts the very same rows back (same ids, same
UUIDs), so links from history, exports and other rows stay valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, bindparam, delete, insert, select, tuple_, update
from sqlalchemy.orm import Session

from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    FootnoteRefRow,
    FootnoteRow,
    ReportRow,
    ReviewRow,
    table_of,
)
from glossator.store.versions import without_version

Rows = list[dict[str, Any]]


def _table(model: type[Any]) -> Table:
    return table_of(model)


@dataclass(frozen=True)
class Snapshot:
    """Rows per table, in an order that satisfies foreign keys on insert."""

    tables: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]

    def rows(self, table_name: str) -> tuple[dict[str, Any], ...]:
        for name, rows in self.tables:
            if name == table_name:
                return rows
        return ()


_ANNOTATION_CHILDREN = (AnnotationTagRow, AnnotationStanceRow, AnnotationFootnoteRow, ReviewRow)


def _fetch(session: Session, model: type[Any], where: Any) -> tuple[dict[str, Any], ...]:
    table = _table(model)
    result = session.execute(select(table).where(where).order_by(*table.primary_key.columns))
    return tuple(dict(row._mapping) for row in result)


def snapshot_annotations(session: Session, annotation_ids: list[int]) -> Snapshot:
    ann = _table(AnnotationRow)
    tables: list[tuple[str, tuple[dict[str, Any], ...]]] = [
        ("annotations", _fetch(session, AnnotationRow, ann.c.id.in_(annotation_ids)))
    ]
    for model in _ANNOTATION_CHILDREN:
        table = _table(model)
        tables.append(
            (table.name, _fetch(session, model, table.c.annotation_id.in_(annotation_ids)))
        )
    return Snapshot(tuple(tables))


def snapshot_report(session: Session, report_id: int) -> Snapshot:
    rep = _table(ReportRow)
    head = [
        ("reports", _fetch(session, ReportRow, rep.c.id == report_id)),
        ("footnotes", _fetch(session, FootnoteRow, _table(FootnoteRow).c.report_id == report_id)),
        (
            "footnote_refs",
            _fetch(session, FootnoteRefRow, _table(FootnoteRefRow).c.report_id == report_id),
        ),
    ]
    ann = _table(AnnotationRow)
    ids = [int(i) for i in session.scalars(select(ann.c.id).where(ann.c.report_id == report_id))]
    return Snapshot(tuple(head) + snapshot_annotations(session, ids).tables)


def restore(session: Session, snap: Snapshot) -> None:
    """Insert the snapshot's rows back, parents before children."""
    metadata = ReportRow.metadata
    for name, rows in snap.tables:
        if rows:
            session.execute(insert(metadata.tables[name]), [dict(r) for r in rows])


def delete_report_rows(session: Session, report_id: int) -> None:
    session.execute(delete(_table(ReportRow)).where(_table(ReportRow).c.id == report_id))


def delete_annotation_rows(session: Session, annotation_ids: list[int]) -> None:
    ann = _table(AnnotationRow)
    session.execute(delete(ann).where(ann.c.id.in_(annotation_ids)))


def snapshot_tables(session: Session, models: tuple[type[Any], ...]) -> Snapshot:
    """Every row of whole tables (small ones: the codebook), in the given order."""
    return Snapshot(tuple((_table(m).name, _fetch(session, m, True)) for m in models))


ScopePart = tuple[type[Any], Any, bool]  # (row class, where clause, rows owned by the command)
Scope = tuple[ScopePart, ...]  # parents first


def part(model: type[Any], where: Any, *, owned: bool = True) -> ScopePart:
    """A slice of a table a command may touch. Rows of a part that is not owned are only
    ever updated back, never deleted or re-inserted (annotations whose speaker changes)."""
    return (model, where, owned)


def capture(session: Session, scope: Scope) -> Snapshot:
    """The rows a command may touch, table by table, parents before children."""
    return Snapshot(tuple((_table(m).name, _fetch(session, m, where)) for m, where, _ in scope))


def _key(table: Table, row: dict[str, Any]) -> tuple[Any, ...]:
    return tuple(row[c.name] for c in table.primary_key.columns)


def _by_key(table: Table) -> list[Any]:
    """A WHERE clause on the primary key with one bound parameter per key column (named
    apart from the columns, so an UPDATE may set them all): for executemany."""
    return [c == bindparam(f"key_{c.name}") for c in table.primary_key.columns]


def _with_key(table: Table, row: dict[str, Any]) -> dict[str, Any]:
    return {**row, **{f"key_{c.name}": row[c.name] for c in table.primary_key.columns}}


def reconcile(session: Session, scope: Scope, wanted: Snapshot) -> None:
    """Make the rows in `scope` equal to `wanted`: extra rows go, changed rows are reset,
    missing rows come back with their own keys. Deletes and updates of many rows go to
    the database as one executemany each, not a statement per row. A row's `version` is
    never put back (versions only grow; the caller moves them on, see versions.py)."""
    current = capture(session, scope)
    for model, _, owned in reversed(scope):
        table = _table(model)
        keep = {_key(table, r) for r in wanted.rows(table.name)}
        extra = [r for r in current.rows(table.name) if owned and _key(table, r) not in keep]
        if extra:
            keys = [{f"key_{c.name}": r[c.name] for c in table.primary_key.columns} for r in extra]
            session.execute(delete(table).where(*_by_key(table)), keys)
    for model, _, owned in scope:
        table = _table(model)
        now = {_key(table, r): r for r in current.rows(table.name)}
        changed: list[dict[str, Any]] = []
        missing: list[dict[str, Any]] = []
        for row in wanted.rows(table.name):
            existing = now.get(_key(table, row))
            if existing is None:
                missing.append(row)
            elif without_version(existing) != without_version(row):
                changed.append(row)
        # Rows that left the slice come back first, so that changed rows may point at them:
        # those still in the table (outside the slice) are reset, the others inserted.
        elsewhere = _existing_keys(session, table, missing)
        _update_rows(session, table, [r for r in missing if _key(table, r) in elsewhere])
        if owned:
            gone = [r for r in missing if _key(table, r) not in elsewhere]
            if gone:
                session.execute(insert(table), gone)
        _update_rows(session, table, changed)


def _existing_keys(session: Session, table: Table, rows: list[dict[str, Any]]) -> set[Any]:
    """Which of these rows' primary keys are in the table, a few hundred per query."""
    columns = list(table.primary_key.columns)
    found: set[Any] = set()
    for i in range(0, len(rows), 500):
        keys = [_key(table, r) for r in rows[i : i + 500]]
        where = (
            columns[0].in_([k[0] for k in keys])
            if len(columns) == 1
            else tuple_(*columns).in_(keys)
        )
        found.update(tuple(k) for k in session.execute(select(*columns).where(where)))
    return found


def _update_rows(session: Session, table: Table, rows: list[dict[str, Any]]) -> None:
    """Reset rows by primary key: one executemany per set of columns."""
    by_columns: dict[tuple[str, ...], list[dict[str, Any]]] = {}
    for row in rows:
        values = without_version(row)
        by_columns.setdefault(tuple(values), []).append(_with_key(table, values))
    for params in by_columns.values():
        session.execute(update(table).where(*_by_key(table)), params)
