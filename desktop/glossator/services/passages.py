"""Retrieving passages across the library, in two steps a window can run in slices.

`find_passages` runs the query once and keeps only the ids of the matching annotations, in
library order (report date, undated last; report; start; end). `read_passages` turns a
slice of those ids into `Passage` values with four Core statements (annotations, tags,
stances, cited notes) however many reports they span. A table shows the count at once and
reads the rows it paints; an export reads them batch by batch (`Analysis.batches`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, String, select, type_coerce
from sqlalchemy.orm import Session

from glossator.core.analysis import CitedNote, Passage
from glossator.core.exchange import QUOTE_CONTEXT, ExchangeStance
from glossator.core.tag_tree import path_in_tree
from glossator.services.exchange import paused_gc
from glossator.services.in_lists import chunks
from glossator.services.passage_filters import PassageQuery, resolve_query, where_clauses
from glossator.services.queries import DEFAULT_COLOR, _when
from glossator.store.models import (
    AnnotationFootnoteRow,
    AnnotationRow,
    AnnotationStanceRow,
    AnnotationTagRow,
    FootnoteRow,
    ReportRow,
    ReviewerRow,
    SpeakerRow,
    StanceLabelRow,
    TagRow,
    TargetRow,
)
from glossator.store.search import TOKEN, fold, query_words, reports_with_words

Conn = Session | Connection
MAX_CONTEXT = 2000
BULK = 5000  # a slice this long is read in one pass of the query, not by lists of ids


@dataclass(frozen=True, slots=True)
class PassageSelection:
    """What a query found: the annotations' ids in library order. The ids are the
    workspace's own row ids, only to be handed back to `read_passages`."""

    query: PassageQuery
    ids: tuple[int, ...]

    def __len__(self) -> int:
        return len(self.ids)


def _word_filter(words: str) -> tuple[list[tuple[str, ...]], bool]:
    query = [tuple(fold(t) for t in w) for w in query_words(words)]
    return query, words.rstrip().endswith("*")


def quote_has_words(quote: str, words: list[tuple[str, ...]], prefix: bool) -> bool:
    """Whether every word (a run of tokens) is in the quote, folded as the index folds;
    with `prefix` the last token of the last word may begin a longer token."""
    tokens = [fold(t) for t in TOKEN.findall(quote)]
    for n, word in enumerate(words):
        last = prefix and n == len(words) - 1
        size = len(word)
        found = False
        for at in range(len(tokens) - size + 1):
            head = tokens[at : at + size - 1] == list(word[:-1])
            tail = tokens[at + size - 1]
            if head and (tail.startswith(word[-1]) if last else tail == word[-1]):
                found = True
                break
        if not found:
            return False
    return True


def find_passages(conn: Conn, query: PassageQuery) -> PassageSelection:
    resolved = resolve_query(conn, query)
    narrowed = reports_with_words(conn, query.words) if query.words.strip() else None
    words, prefix = _word_filter(query.words)
    a = AnnotationRow
    columns = [a.id, a.quote] if words else [a.id]
    stmt = (
        select(*columns)
        .join(ReportRow, ReportRow.id == a.report_id)
        .where(*where_clauses(resolved, narrowed))
        .order_by(ReportRow.date.asc().nulls_last(), ReportRow.id, a.start, a.end, a.id)
    )
    rows = conn.execute(stmt).all()
    if words:
        ids = tuple(int(r[0]) for r in rows if quote_has_words(str(r[1]), words, prefix))
    else:
        ids = tuple(int(r[0]) for r in rows)
    return PassageSelection(query, ids)


def _tag_info(conn: Conn) -> dict[int, tuple[str, str, str]]:
    """Tag id -> (name, path, colour)."""
    rows = {int(i): (str(n), p, str(c or DEFAULT_COLOR)) for i, n, p, c in conn.execute(
        select(TagRow.id, TagRow.name, TagRow.parent_id, TagRow.color))}
    name = {tid: row[0] for tid, row in rows.items()}
    parent = {tid: row[1] for tid, row in rows.items()}
    return {tid: (n, path_in_tree(name, parent, tid), c) for tid, (n, _, c) in rows.items()}


Links = tuple[dict[int, list[int]], dict[int, list[ExchangeStance]], dict[int, list[CitedNote]]]


def _links(
    conn: Conn, ids: Sequence[int] | None, where: list[Any] | None = None,
    wanted: set[int] | None = None,
) -> Links:
    """Tags, stances and cited notes of the annotations with these ids, or of those the
    WHERE clauses select (keeping `wanted` ones)."""
    tags: dict[int, list[int]] = defaultdict(list)
    stances: dict[int, list[ExchangeStance]] = defaultdict(list)
    cited: dict[int, list[CitedNote]] = defaultdict(list)

    def scoped(stmt: Any, column: Any) -> Any:
        if ids is not None:
            return stmt.where(column.in_(list(ids)))
        return (stmt.join(AnnotationRow, AnnotationRow.id == column)
                .join(ReportRow, ReportRow.id == AnnotationRow.report_id).where(*(where or [])))

    keep = (lambda aid: True) if wanted is None else wanted.__contains__
    t = AnnotationTagRow
    for aid, tid in conn.execute(scoped(
        select(t.annotation_id, t.tag_id).join(TagRow, TagRow.id == t.tag_id), t.annotation_id
    ).order_by(TagRow.sort_order, TagRow.id)).all():
        if keep(aid):
            tags[aid].append(int(tid))
    s = AnnotationStanceRow
    for aid, target, label, intensity in conn.execute(scoped(
        select(s.annotation_id, TargetRow.name, StanceLabelRow.name, s.intensity)
        .join(TargetRow, TargetRow.id == s.target_id)
        .join(StanceLabelRow, StanceLabelRow.id == s.label_id), s.annotation_id,
    ).order_by(s.id)).all():
        if keep(aid):
            stances[aid].append(ExchangeStance(str(target), str(label), intensity))
    f = AnnotationFootnoteRow
    for aid, label, text in conn.execute(scoped(
        select(f.annotation_id, FootnoteRow.label, FootnoteRow.text)
        .join(FootnoteRow, FootnoteRow.id == f.footnote_id), f.annotation_id,
    ).order_by(FootnoteRow.start)).all():
        if keep(aid):
            cited[aid].append(CitedNote(str(label), str(text)))
    return tags, stances, cited


def _texts(conn: Conn, report_ids: set[int]) -> dict[int, str]:
    stmt = select(ReportRow.id, ReportRow.text).where(ReportRow.id.in_(sorted(report_ids)))
    return {int(i): str(t) for i, t in conn.execute(stmt)}


def _rows_statement() -> Any:
    a = AnnotationRow
    return (
        select(
            a.id, a.uuid, a.report_id, ReportRow.title, ReportRow.date, a.start, a.end,
            a.quote, a.prefix, a.suffix, SpeakerRow.name, SpeakerRow.affiliation,
            ReviewerRow.name, a.status, a.note, a.orphaned,
            type_coerce(a.created_at, String), type_coerce(a.modified_at, String),
        )
        .join(ReportRow, ReportRow.id == a.report_id)
        .join(ReviewerRow, ReviewerRow.id == a.author_id)
        .outerjoin(SpeakerRow, SpeakerRow.id == a.speaker_id)
    )


def read_passages(conn: Conn, ids: Sequence[int], context: int = QUOTE_CONTEXT) -> list[Passage]:
    """The passages of these ids, in the order given; `context` characters of text on each
    side of the quote (the stored 32 without reading the reports' texts)."""
    out: list[Passage] = []
    tag_info = _tag_info(conn) if ids else {}
    with paused_gc():
        for part in chunks(ids):
            chunk = list(part)
            stmt = _rows_statement().where(AnnotationRow.id.in_(chunk))
            rows = {int(r[0]): r for r in conn.execute(stmt).all()}
            out += _build(conn, chunk, rows, _links(conn, chunk), tag_info, context)
    return out


def read_selection(
    conn: Conn, found: PassageSelection, start: int = 0, stop: int | None = None,
    context: int = QUOTE_CONTEXT,
) -> list[Passage]:
    """A slice of a selection as passages. A large slice is read by running the query once
    more with every column (one pass, no lists of ids), keeping the ids of the slice."""
    ids = found.ids[start:stop]
    if len(ids) < BULK:
        return read_passages(conn, ids, context)
    resolved = resolve_query(conn, found.query)
    narrowed = reports_with_words(conn, found.query.words) if found.query.words.strip() else None
    where = where_clauses(resolved, narrowed)
    wanted = set(ids)
    with paused_gc():
        rows = {r[0]: r for r in conn.execute(_rows_statement().where(*where)).all()
                if r[0] in wanted}
        links = _links(conn, None, where, wanted)
        return _build(conn, ids, rows, links, _tag_info(conn), context)


def _build(
    conn: Conn, ids: Sequence[int], rows: dict[int, Any],
    links: tuple[dict[int, list[int]], dict[int, list[ExchangeStance]], dict[int, list[CitedNote]]],
    tag_info: dict[int, tuple[str, str, str]], context: int,
) -> list[Passage]:
    context = max(0, min(context, MAX_CONTEXT))
    tags, stances, cited = links
    texts = _texts(conn, {int(r[2]) for r in rows.values()}) if context > QUOTE_CONTEXT else {}
    out = []
    coding: dict[tuple[int, ...], tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]] = {}
    for aid in ids:
        r = rows.get(aid)
        if r is None:  # deleted since it was found
            continue
        start, end = int(r[5]), int(r[6])
        if texts:
            text = texts[int(r[2])]
            before, after = text[max(0, start - context) : start], text[end : end + context]
        else:
            before = str(r[8])[-context:] if context else ""
            after = str(r[9])[:context]
        mine = tuple(tags.get(aid, ()))
        coded = coding.get(mine)
        if coded is None:  # the same tags on many passages: their names, paths, colours once
            info = [tag_info[t] for t in mine if t in tag_info]
            coded = coding[mine] = (tuple(i[0] for i in info), tuple(i[1] for i in info),
                                    tuple(i[2] for i in info))
        created = _when(r[16])
        out.append(Passage(
            str(r[1]), int(r[2]), str(r[3]), r[4], start, end, str(r[7]), before, after,
            *coded, r[10], str(r[11] or ""), tuple(stances.get(aid, ())), str(r[12]), str(r[13]),
            str(r[14]), tuple(cited.get(aid, ())), bool(r[15]), created,
            created if r[17] == r[16] else _when(r[17]),
        ))
    return out


def passage_ids_of(conn: Conn, uuids: Sequence[str], visible_to: int | None = None) -> list[int]:
    """Row ids of annotations by UUID, in the order given (unknown ones left out, and under
    blind coding those not of `visible_to`)."""
    found: dict[str, int] = {}
    for part in chunks(uuids):
        stmt = select(AnnotationRow.uuid, AnnotationRow.id).where(
            AnnotationRow.uuid.in_(list(part)))
        if visible_to is not None:
            stmt = stmt.where(AnnotationRow.author_id == visible_to)
        found.update((str(u), int(i)) for u, i in conn.execute(stmt))
    return [found[u] for u in uuids if u in found]

