"""The passage query: what a person asks for, resolved against the codebook into ids, and
turned into portable WHERE clauses on `annotations` (joined to `reports`).

Within one field the values are alternatives (any of these tags); the fields combine (a tag
of these, and a speaker of those). Names are matched as the codebook matches them (case,
accents and apostrophes aside; speakers and targets by alias too); a name the codebook does
not know is an error, so a typo never passes for "no passages".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, exists, select
from sqlalchemy.orm import Session

from glossator.core.exchange import STATUSES
from glossator.core.names import name_key
from glossator.core.tag_tree import path_in_tree
from glossator.services.commands import CommandError
from glossator.store.models import (
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    ReportRow,
    ReviewerRow,
    SpeakerAliasRow,
    SpeakerRow,
    StanceLabelRow,
    TagRow,
    TargetAliasRow,
    TargetRow,
)

NOT_REJECTED = ("proposed", "accepted", "disputed")


@dataclass(frozen=True, slots=True)
class PassageQuery:
    """Which passages to retrieve (or count). Every field left empty does not filter.

    - `tags`: tag names or paths ("Accusation / Betrayal"); a tag's children count too
      unless `include_children` is False.
    - `speakers`: names or aliases; `affiliations`: words the speaker's affiliation
      contains (case aside); both given: a speaker named and of such an affiliation.
    - `targets` and `labels`: a stance toward one of the targets with one of the labels
      (either alone: any label toward the targets, or the labels toward any target).
    - `authors`: the reviewers who made the annotations.
    - `statuses`: by default every status but rejected.
    - `date_from` / `date_to`: the report's date, both days included (undated reports
      are left out when either is given).
    - `report_ids`: only these reports.
    - `words`: every word must be in the quote (accents and case aside); a trailing `*`
      makes the last word a prefix. The library's search index narrows the reports first.
    - `visible_to`: set by the services, not by callers: under blind coding, the reviewer
      id whose annotations alone the acting reviewer may see (see services/access.py).
    """

    tags: tuple[str, ...] = ()
    include_children: bool = True
    speakers: tuple[str, ...] = ()
    affiliations: tuple[str, ...] = ()
    targets: tuple[str, ...] = ()
    labels: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    statuses: tuple[str, ...] = NOT_REJECTED
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    report_ids: tuple[int, ...] = ()
    words: str = ""
    visible_to: int | None = None


@dataclass(frozen=True, slots=True)
class ResolvedQuery:
    """A query with names turned into ids (None: that field does not filter)."""

    query: PassageQuery
    tag_ids: frozenset[int] | None
    speaker_ids: frozenset[int] | None
    target_ids: frozenset[int] | None
    label_ids: frozenset[int] | None
    author_ids: frozenset[int] | None


def _keyed(rows: Sequence[tuple[Any, Any]]) -> dict[str, set[int]]:
    out: dict[str, set[int]] = {}
    for entity_id, name in rows:
        out.setdefault(name_key(str(name)), set()).add(int(entity_id))
    return out


def _lookup(noun: str, known: dict[str, set[int]], names: Sequence[str]) -> frozenset[int]:
    found: set[int] = set()
    for name in names:
        ids = known.get(name_key(name))
        if not ids:
            raise CommandError(f"No {noun} is called \u201c{name}\u201d")
        found |= ids
    return frozenset(found)


def _tags(conn: Session | Connection, q: PassageQuery) -> frozenset[int] | None:
    if not q.tags:
        return None
    rows = [(int(i), str(n), p) for i, n, p in conn.execute(
        select(TagRow.id, TagRow.name, TagRow.parent_id))]
    parent = {i: p for i, _, p in rows}
    name = {i: n for i, n, _ in rows}
    paths = [(i, path_in_tree(name, parent, i)) for i, _, _ in rows]
    known = _keyed([(i, n) for i, n, _ in rows] + paths)
    chosen = set(_lookup("tag", known, q.tags))
    if q.include_children:
        frontier = set(chosen)
        while frontier:
            frontier = {i for i, p in parent.items() if p in frontier and i not in chosen}
            chosen |= frontier
    return frozenset(chosen)


def _speakers(conn: Session | Connection, q: PassageQuery) -> frozenset[int] | None:
    if not q.speakers and not q.affiliations:
        return None
    ids: set[int] | None = None
    if q.speakers:
        rows = list(conn.execute(select(SpeakerRow.id, SpeakerRow.name)))
        rows += list(conn.execute(select(SpeakerAliasRow.speaker_id, SpeakerAliasRow.alias)))
        ids = set(_lookup("speaker", _keyed(rows), q.speakers))
    if q.affiliations:
        words = [a.casefold().strip() for a in q.affiliations if a.strip()]
        affiliated = {
            int(i) for i, aff in conn.execute(select(SpeakerRow.id, SpeakerRow.affiliation))
            if any(w in (aff or "").casefold() for w in words)
        }
        ids = affiliated if ids is None else ids & affiliated
    return frozenset(ids or ())


def _targets(conn: Session | Connection, q: PassageQuery) -> frozenset[int] | None:
    if not q.targets:
        return None
    rows = list(conn.execute(select(TargetRow.id, TargetRow.name)))
    rows += list(conn.execute(select(TargetAliasRow.target_id, TargetAliasRow.alias)))
    return _lookup("stance target", _keyed(rows), q.targets)


def _labels(conn: Session | Connection, q: PassageQuery) -> frozenset[int] | None:
    if not q.labels:
        return None
    rows = list(conn.execute(
        select(StanceLabelRow.id, StanceLabelRow.name).order_by(StanceLabelRow.sort_order)))
    known = _keyed(rows)
    for label in q.labels:
        if name_key(label) not in known:
            scale = ", ".join(str(n) for _, n in rows)
            raise CommandError(f"Unknown stance label \u201c{label}\u201d (the scale is: {scale})")
    return _lookup("stance label", known, q.labels)


def _authors(conn: Session | Connection, q: PassageQuery) -> frozenset[int] | None:
    if not q.authors:
        return None
    rows = list(conn.execute(select(ReviewerRow.id, ReviewerRow.name)))
    return _lookup("reviewer", _keyed(rows), q.authors)


def resolve_query(conn: Session | Connection, q: PassageQuery) -> ResolvedQuery:
    for status in q.statuses:
        if status not in STATUSES:
            raise CommandError(f"Unknown status {status!r} (one of {', '.join(STATUSES)})")
    if q.date_from and q.date_to and q.date_from > q.date_to:
        raise CommandError("The date range ends before it starts")
    return ResolvedQuery(
        q, _tags(conn, q), _speakers(conn, q), _targets(conn, q), _labels(conn, q),
        _authors(conn, q),
    )


def where_clauses(r: ResolvedQuery, report_ids: set[int] | None = None) -> list[Any]:
    """Conditions on `annotations` (and `reports`, which the statement must join); the
    reports holding the query's words (from the search index) narrow it when given."""
    a, q = AnnotationRow, r.query
    out: list[Any] = []
    if q.statuses and set(q.statuses) != set(STATUSES):
        out.append(a.status.in_(list(q.statuses)))
    if r.tag_ids is not None:
        out.append(exists().where(
            AnnotationTagRow.annotation_id == a.id, AnnotationTagRow.tag_id.in_(sorted(r.tag_ids))
        ))
    if r.speaker_ids is not None:
        out.append(a.speaker_id.in_(sorted(r.speaker_ids)))
    if r.target_ids is not None or r.label_ids is not None:
        s = AnnotationStanceRow
        conditions = [s.annotation_id == a.id]
        if r.target_ids is not None:
            conditions.append(s.target_id.in_(sorted(r.target_ids)))
        if r.label_ids is not None:
            conditions.append(s.label_id.in_(sorted(r.label_ids)))
        out.append(exists().where(*conditions))
    if r.author_ids is not None:
        out.append(a.author_id.in_(sorted(r.author_ids)))
    if q.visible_to is not None:
        out.append(a.author_id == q.visible_to)
    if q.date_from is not None:
        out.append(ReportRow.date >= q.date_from)
    if q.date_to is not None:
        out.append(ReportRow.date <= q.date_to)
    chosen = set(q.report_ids) if q.report_ids else None
    if report_ids is not None:
        chosen = report_ids if chosen is None else chosen & report_ids
    if chosen is not None:
        out.append(a.report_id.in_(sorted(chosen)))
    return out
