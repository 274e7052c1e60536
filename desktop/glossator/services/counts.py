"""Counts across the library: tag frequencies, co-occurrence matrices and stance over time.

Every count runs over the passages a `PassageQuery` selects (by default every annotation
that is not rejected), read with two Core statements (the passages, their tags); the
arithmetic is `core.cooccurrence`. With `roll_up`, a passage coded with a child tag counts
for its ancestors too.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from glossator.core.analysis import (
    COOCCURRENCE_MODES,
    UNDATED,
    CooccurrenceCell,
    CooccurrenceMatrix,
    ReportTagCount,
    StanceTimeline,
    TagCount,
    TagFrequencies,
    month_of,
    months_between,
)
from glossator.core.cooccurrence import (
    Coded,
    overlap_cell,
    overlap_counts,
    paragraph_cell,
    paragraph_counts,
    union_length,
)
from glossator.core.names import name_key
from glossator.core.tag_tree import ancestors, path_in_tree
from glossator.core.text import paragraphs
from glossator.services.commands import CommandError
from glossator.services.passage_filters import PassageQuery, resolve_query, where_clauses
from glossator.services.passages import _word_filter, quote_has_words
from glossator.store.models import (
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    ReportRow,
    SpeakerRow,
    StanceLabelRow,
    TagRow,
    TargetAliasRow,
    TargetRow,
)
from glossator.store.search import reports_with_words

Conn = Session | Connection
BY = ("tag", "speaker")


@dataclass(frozen=True, slots=True)
class _Passages:
    """The counted passages: (id, report, start, end, speaker id) and each one's tag ids."""

    rows: list[tuple[int, int, int, int, int | None]]
    tags: dict[int, list[int]]


def _selected(conn: Conn, query: PassageQuery) -> _Passages:
    resolved = resolve_query(conn, query)
    narrowed = reports_with_words(conn, query.words) if query.words.strip() else None
    where = where_clauses(resolved, narrowed)
    words, prefix = _word_filter(query.words)
    a = AnnotationRow
    cols = [a.id, a.report_id, a.start, a.end, a.speaker_id] + ([a.quote] if words else [])
    stmt = select(*cols).join(ReportRow, ReportRow.id == a.report_id).where(*where)
    result: list[Any] = list(conn.execute(stmt))
    rows = [
        (int(r[0]), int(r[1]), int(r[2]), int(r[3]), r[4]) for r in result
        if not words or quote_has_words(str(r[5]), words, prefix)
    ]
    kept = {r[0] for r in rows} if words else None
    tags: dict[int, list[int]] = defaultdict(list)
    link = (
        select(AnnotationTagRow.annotation_id, AnnotationTagRow.tag_id)
        .join(a, a.id == AnnotationTagRow.annotation_id)
        .join(ReportRow, ReportRow.id == a.report_id)
        .where(*where)
    )
    for aid, tid in conn.execute(link):
        if kept is None or aid in kept:
            tags[int(aid)].append(int(tid))
    return _Passages(rows, tags)


@dataclass(frozen=True, slots=True)
class _Tags:
    order: list[int]  # codebook order
    name: dict[int, str]
    path: dict[int, str]
    color: dict[int, str]
    ancestors: dict[int, list[int]]


def _tag_table(conn: Conn) -> _Tags:
    rows = list(conn.execute(
        select(TagRow.id, TagRow.name, TagRow.parent_id, TagRow.color)
        .order_by(TagRow.sort_order, TagRow.id)))
    name = {int(i): str(n) for i, n, _, _ in rows}
    parent = {int(i): p for i, _, p, _ in rows}
    path = {t: path_in_tree(name, parent, t) for t in name}
    return _Tags([int(r[0]) for r in rows], name, path, {int(i): str(c) for i, _, _, c in rows},
                 {t: ancestors(parent, t) for t in name})


def _codes(tags: _Tags, ids: list[int], roll_up: bool) -> list[int]:
    out = dict.fromkeys(t for t in ids if t in tags.name)
    if roll_up:
        for t in list(out):
            out.update(dict.fromkeys(tags.ancestors[t]))
    return list(out)


def tag_frequencies(conn: Conn, query: PassageQuery, roll_up: bool = False) -> TagFrequencies:
    found, tags = _selected(conn, query), _tag_table(conn)
    spans: dict[int, dict[int, list[tuple[int, int]]]] = defaultdict(dict)  # tag -> report
    for aid, report, start, end, _ in found.rows:
        for t in _codes(tags, found.tags.get(aid, []), roll_up):
            spans[t].setdefault(report, []).append((start, end))
    report_ids = sorted({r[1] for r in found.rows})
    info: dict[int, tuple[str, dt.date | None, int]] = {}
    for at in range(0, len(report_ids), 900):
        info.update(
            (int(i), (str(t), d, int(n or 0))) for i, t, d, n in conn.execute(
                select(ReportRow.id, ReportRow.title, ReportRow.date, func.length(ReportRow.text))
                .where(ReportRow.id.in_(report_ids[at : at + 900])))
        )
    overall = []
    for t in tags.order:
        mine = spans.get(t, {})
        overall.append(TagCount(
            tags.name[t], tags.path[t], tags.color[t], sum(len(s) for s in mine.values()),
            len(mine), sum(union_length(s) for s in mine.values()),
        ))
    order = sorted(info, key=lambda r: (info[r][1] is None, info[r][1] or dt.date.min, r))
    per_report = [
        ReportTagCount(r, *info[r], tags.name[t], len(spans[t][r]), union_length(spans[t][r]))
        for r in order for t in tags.order if r in spans.get(t, {})
    ]
    return TagFrequencies(tuple(overall), tuple(per_report), len(found.rows), len(report_ids))


def _check(mode: str, by: str) -> None:
    if mode not in COOCCURRENCE_MODES:
        raise CommandError(f"Co-occurrence is counted by {' or '.join(COOCCURRENCE_MODES)}")
    if by not in BY:
        raise CommandError("Co-occurrence rows are tags or speakers")


def _coded(conn: Conn, query: PassageQuery, by: str, roll_up: bool) -> tuple[
    list[Coded], _Tags, dict[int, str]
]:
    found, tags = _selected(conn, query), _tag_table(conn)
    speakers = {int(i): str(n) for i, n in conn.execute(select(SpeakerRow.id, SpeakerRow.name))}
    items = []
    for aid, report, start, end, speaker in found.rows:
        columns = tuple(tags.name[t] for t in _codes(tags, found.tags.get(aid, []), roll_up))
        rows = columns if by == "tag" else (
            (speakers[speaker],) if speaker is not None and speaker in speakers else ())
        if rows or columns:
            items.append(Coded(aid, report, start, end, rows, columns))
    return items, tags, speakers


def _paragraphs(conn: Conn, items: list[Coded]) -> dict[int, list[tuple[int, int]]]:
    ids = sorted({i.report for i in items})
    out: dict[int, list[tuple[int, int]]] = {}
    for at in range(0, len(ids), 500):
        stmt = select(ReportRow.id, ReportRow.text).where(ReportRow.id.in_(ids[at : at + 500]))
        out.update((int(i), paragraphs(str(t))) for i, t in conn.execute(stmt))
    return out


def cooccurrence(
    conn: Conn, query: PassageQuery, mode: str = "overlap", by: str = "tag",
    roll_up: bool = False,
) -> CooccurrenceMatrix:
    _check(mode, by)
    items, tags, _ = _coded(conn, query, by, roll_up)
    symmetric = by == "tag"
    if mode == "overlap":
        counts = overlap_counts(items, symmetric)
    else:
        counts = paragraph_counts(items, _paragraphs(conn, items), symmetric)
    used_tags = {c for i in items for c in i.columns}
    columns = tuple(tags.name[t] for t in tags.order if tags.name[t] in used_tags)
    if symmetric:
        rows = columns
    else:
        rows = tuple(sorted({r for i in items for r in i.rows}, key=str.casefold))
    colors = {tags.name[t]: tags.color[t] for t in tags.order}
    return CooccurrenceMatrix(mode, by, rows, columns, counts, colors)


def cooccurrence_cell(
    conn: Conn, query: PassageQuery, row: str, column: str, mode: str = "overlap",
    by: str = "tag", roll_up: bool = False,
) -> CooccurrenceCell:
    """The pairs (or paragraphs) behind one cell and the passages taking part."""
    _check(mode, by)
    items, _, _ = _coded(conn, query, by, roll_up)
    symmetric = by == "tag"
    keys: list[int] = []
    pairs: list[tuple[int, int]] = []
    spans: list[tuple[int, int, int]] = []
    if mode == "overlap":
        pairs = overlap_cell(items, row, column, symmetric)
        keys = [k for p in pairs for k in p]
    else:
        for report, start, end, taking in paragraph_cell(
            items, _paragraphs(conn, items), row, column, symmetric
        ):
            spans.append((report, start, end))
            keys += taking
    uuid: dict[int, str] = {}
    wanted = sorted(set(keys))
    for at in range(0, len(wanted), 900):
        stmt = select(AnnotationRow.id, AnnotationRow.uuid).where(
            AnnotationRow.id.in_(wanted[at : at + 900]))
        uuid.update((int(i), str(u)) for i, u in conn.execute(stmt))
    return CooccurrenceCell(
        row, column, mode, tuple((uuid[x], uuid[y]) for x, y in pairs), tuple(spans),
        tuple(uuid[k] for k in dict.fromkeys(keys)),
    )


def _target(conn: Conn, name: str) -> tuple[int, str]:
    key = name_key(name)
    for tid, tname in conn.execute(select(TargetRow.id, TargetRow.name)):
        if name_key(str(tname)) == key:
            return int(tid), str(tname)
    for tid, alias in conn.execute(select(TargetAliasRow.target_id, TargetAliasRow.alias)):
        if name_key(str(alias)) == key:
            tname = conn.execute(select(TargetRow.name).where(TargetRow.id == tid)).scalar_one()
            return int(tid), str(tname)
    raise CommandError(f"No stance target is called \u201c{name}\u201d")


def stance_timeline(conn: Conn, query: PassageQuery, target: str) -> StanceTimeline:
    """Stances toward `target` (name or alias) per month of the report date and label."""
    target_id, target_name = _target(conn, target)
    resolved = resolve_query(conn, query)
    narrowed = reports_with_words(conn, query.words) if query.words.strip() else None
    words, prefix = _word_filter(query.words)
    a, s = AnnotationRow, AnnotationStanceRow
    stmt = (
        select(ReportRow.date, StanceLabelRow.name, *([a.quote] if words else []))
        .select_from(s)
        .join(a, a.id == s.annotation_id)
        .join(ReportRow, ReportRow.id == a.report_id)
        .join(StanceLabelRow, StanceLabelRow.id == s.label_id)
        .where(s.target_id == target_id, *where_clauses(resolved, narrowed))
    )
    counts: dict[tuple[str, str], int] = defaultdict(int)
    undated: dict[str, int] = defaultdict(int)
    for row in conn.execute(stmt):
        if words and not quote_has_words(str(row[2]), words, prefix):
            continue
        if row[0] is None:
            undated[str(row[1])] += 1
        else:
            counts[(month_of(row[0]), str(row[1]))] += 1
    labels = tuple(str(n) for n in conn.execute(
        select(StanceLabelRow.name).order_by(StanceLabelRow.sort_order, StanceLabelRow.id)
    ).scalars())
    months = sorted({m for m, _ in counts})
    span = months_between(months[0], months[-1]) if months else ()
    return StanceTimeline(target_name, labels, span, dict(counts), dict(undated))


__all__ = ["UNDATED", "cooccurrence", "cooccurrence_cell", "stance_timeline", "tag_frequencies"]
