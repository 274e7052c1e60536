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

from sqlalchemy import Connection, select
from sqlalchemy.orm import Session

from glossator.core.analysis import CitedNote, Passage
from glossator.core.exchange import QUOTE_CONTEXT, ExchangeStance, utc
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
CHUNK = 900  # ids per IN list, well under every database's parameter limit
MAX_CONTEXT = 2000


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
    out = {}
    for tid, (name, parent, color) in rows.items():
        parts, seen, cur = [name], {tid}, parent
        while cur is not None and cur in rows and cur not in seen:
            parts.append(rows[cur][0])
            seen.add(cur)
            cur = rows[cur][1]
        out[tid] = (name, " / ".join(reversed(parts)), color)
    return out


def _links(conn: Conn, ids: Sequence[int]) -> tuple[
    dict[int, list[int]], dict[int, list[ExchangeStance]], dict[int, list[CitedNote]]
]:
    tags: dict[int, list[int]] = defaultdict(list)
    stances: dict[int, list[ExchangeStance]] = defaultdict(list)
    cited: dict[int, list[CitedNote]] = defaultdict(list)
    order = TagRow.sort_order, TagRow.id
    for aid, tid in conn.execute(
        select(AnnotationTagRow.annotation_id, AnnotationTagRow.tag_id)
        .join(TagRow, TagRow.id == AnnotationTagRow.tag_id)
        .where(AnnotationTagRow.annotation_id.in_(ids)).order_by(*order)
    ):
        tags[aid].append(int(tid))
    s = AnnotationStanceRow
    for aid, target, label, intensity in conn.execute(
        select(s.annotation_id, TargetRow.name, StanceLabelRow.name, s.intensity)
        .join(TargetRow, TargetRow.id == s.target_id)
        .join(StanceLabelRow, StanceLabelRow.id == s.label_id)
        .where(s.annotation_id.in_(ids)).order_by(s.id)
    ):
        stances[aid].append(ExchangeStance(str(target), str(label), intensity))
    f = AnnotationFootnoteRow
    for aid, label, text in conn.execute(
        select(f.annotation_id, FootnoteRow.label, FootnoteRow.text)
        .join(FootnoteRow, FootnoteRow.id == f.footnote_id)
        .where(f.annotation_id.in_(ids)).order_by(FootnoteRow.start)
    ):
        cited[aid].append(CitedNote(str(label), str(text)))
    return tags, stances, cited


def _texts(conn: Conn, report_ids: set[int]) -> dict[int, str]:
    stmt = select(ReportRow.id, ReportRow.text).where(ReportRow.id.in_(sorted(report_ids)))
    return {int(i): str(t) for i, t in conn.execute(stmt)}


def read_passages(conn: Conn, ids: Sequence[int], context: int = QUOTE_CONTEXT) -> list[Passage]:
    """The passages of these ids, in the order given; `context` characters of text on each
    side of the quote (the stored 32 without reading the reports' texts)."""
    context = max(0, min(context, MAX_CONTEXT))
    tag_info = _tag_info(conn) if ids else {}
    out: list[Passage] = []
    a = AnnotationRow
    for at in range(0, len(ids), CHUNK):
        chunk = list(ids[at : at + CHUNK])
        rows = {
            int(r[0]): r for r in conn.execute(
                select(
                    a.id, a.uuid, a.report_id, ReportRow.title, ReportRow.date, a.start, a.end,
                    a.quote, a.prefix, a.suffix, SpeakerRow.name, SpeakerRow.affiliation,
                    ReviewerRow.name, a.status, a.note, a.orphaned, a.created_at, a.modified_at,
                )
                .join(ReportRow, ReportRow.id == a.report_id)
                .join(ReviewerRow, ReviewerRow.id == a.author_id)
                .outerjoin(SpeakerRow, SpeakerRow.id == a.speaker_id)
                .where(a.id.in_(chunk))
            )
        }
        tags, stances, cited = _links(conn, chunk)
        texts = _texts(conn, {int(r[2]) for r in rows.values()}) if context > QUOTE_CONTEXT else {}
        for aid in chunk:
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
            info = [tag_info[t] for t in tags.get(aid, ()) if t in tag_info]
            out.append(Passage(
                id=str(r[1]), report_id=int(r[2]), report_title=str(r[3]), report_date=r[4],
                start=start, end=end, quote=str(r[7]), before=before, after=after,
                tags=tuple(i[0] for i in info), tag_paths=tuple(i[1] for i in info),
                tag_colors=tuple(i[2] for i in info), speaker=r[10],
                affiliation=str(r[11] or ""), stances=tuple(stances.get(aid, ())),
                author=str(r[12]), status=str(r[13]), note=str(r[14]),
                cited=tuple(cited.get(aid, ())), orphaned=bool(r[15]),
                created=utc(_when(r[16])), modified=utc(_when(r[17])),
            ))
    return out


def passage_ids_of(conn: Conn, uuids: Sequence[str]) -> list[int]:
    """Row ids of annotations by UUID, in the order given (unknown ones left out)."""
    found: dict[str, int] = {}
    for at in range(0, len(uuids), CHUNK):
        stmt = select(AnnotationRow.uuid, AnnotationRow.id).where(
            AnnotationRow.uuid.in_(list(uuids[at : at + CHUNK])))
        found.update((str(u), int(i)) for u, i in conn.execute(stmt))
    return [found[u] for u in uuids if u in found]

