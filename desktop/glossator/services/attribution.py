"""Who said what: registry views, cited footnotes, suggestions and the stance matrix."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from glossator.core.citations import cited_labels
from glossator.core.codebook import Codebook
from glossator.core.footnotes import FootnoteLayout, Marker, Note
from glossator.core.suggestions import suggest
from glossator.core.text import paragraphs
from glossator.services.commands import Change, Command, CommandError, Context
from glossator.services.registry import SPEAKERS, TARGETS, Kind, use_counts
from glossator.services.values import (
    ReportDetail,
    SpeakerView,
    StanceLabelView,
    StanceMatrix,
    SuggestionView,
    TargetView,
)
from glossator.store.models import (
    AnnotationRow,
    AnnotationStanceRow,
    SpeakerRow,
    StanceLabelRow,
    SuggestionDismissalRow,
    TargetRow,
)


def _aliases(session: Session, kind: Kind) -> dict[int, list[str]]:
    fk = getattr(kind.alias_model, kind.fk)
    out: dict[int, list[str]] = defaultdict(list)
    for entity_id, alias in session.execute(
        select(fk, kind.alias_model.alias).order_by(kind.alias_model.id)
    ):
        out[int(entity_id)].append(alias)
    return out


def speaker_views(session: Session) -> list[SpeakerView]:
    uses, aliases = use_counts(session, SPEAKERS), _aliases(session, SPEAKERS)
    return [
        SpeakerView(
            s.id,
            s.uuid,
            s.name,
            tuple(aliases.get(s.id, ())),
            s.kind,
            s.affiliation,
            s.role,
            s.description,
            uses.get(s.id, 0),
            s.version,
        )
        for s in session.scalars(select(SpeakerRow).order_by(func.lower(SpeakerRow.name)))
    ]


def target_views(session: Session) -> list[TargetView]:
    uses, aliases = use_counts(session, TARGETS), _aliases(session, TARGETS)
    return [
        TargetView(
            t.id, t.uuid, t.name, tuple(aliases.get(t.id, ())), t.description, uses.get(t.id, 0),
            t.version,
        )
        for t in session.scalars(select(TargetRow).order_by(func.lower(TargetRow.name)))
    ]


def stance_label_views(session: Session) -> list[StanceLabelView]:
    rows = session.scalars(
        select(StanceLabelRow).order_by(StanceLabelRow.sort_order, StanceLabelRow.id)
    )
    return [StanceLabelView(r.id, r.name, r.description, r.has_intensity, r.version)
            for r in rows]


def layout_of(detail: ReportDetail) -> FootnoteLayout:
    """The stored footnotes of a report as the core's layout value."""
    return FootnoteLayout(
        detail.footnote_style,
        tuple(Marker(m.label, m.start, m.end) for m in detail.markers),
        tuple(Note(n.label, n.start, n.end, n.text_start, n.text) for n in detail.notes),
        detail.body_end,
    )


def cites_for(detail: ReportDetail, start: int, end: int) -> tuple[str, ...]:
    """Notes a passage cites: markers inside it, else the marker that closes its quotation
    or the next one in its paragraph. Only labels that have a note."""
    labels = cited_labels(
        (start, end), layout_of(detail), paragraphs(detail.text), text=detail.text
    )
    have = {n.label for n in detail.notes}
    return tuple(label for label in labels if label in have)


def suggestion_views(
    session: Session, detail: ReportDetail, codebook: Codebook
) -> list[SuggestionView]:
    """Suggestions not yet dismissed and not already annotated on the same span."""
    taken = {
        (s, e)
        for s, e in session.execute(
            select(AnnotationRow.start, AnnotationRow.end).where(
                AnnotationRow.report_id == detail.id
            )
        )
    }
    dismissed = {
        (k, s, e)
        for k, s, e in session.execute(
            select(
                SuggestionDismissalRow.kind,
                SuggestionDismissalRow.start,
                SuggestionDismissalRow.end,
            ).where(SuggestionDismissalRow.report_id == detail.id)
        )
    }
    out = []
    for s in suggest(detail.text, codebook, body_end=detail.body_end):
        if (s.start, s.end) in taken or (str(s.kind), s.start, s.end) in dismissed:
            continue
        cites = cites_for(detail, s.start, s.end) if str(s.kind) == "quote" else ()
        out.append(SuggestionView(str(s.kind), s.start, s.end, s.quote, s.speaker, s.target, cites))
    return out


class DismissSuggestion(Command):
    """Reject a suggestion so that it is not proposed again; undo proposes it again."""

    label = "reject suggestion"

    def __init__(self, report_id: int, suggestion: SuggestionView) -> None:
        self.report_id, self.suggestion = report_id, suggestion

    def apply(self, ctx: Context) -> Change:
        s = self.suggestion
        ctx.session.add(
            SuggestionDismissalRow(
                report_id=self.report_id,
                kind=s.kind,
                start=s.start,
                end=s.end,
                reviewer=ctx.reviewer,
            )
        )
        ctx.record("DismissSuggestion", "suggestion", s.key, None, {"quote": s.quote[:200]})
        return Change("Suggestion rejected", reports=frozenset({self.report_id}))

    def revert(self, ctx: Context) -> Change:
        s = self.suggestion
        row = ctx.session.scalar(
            select(SuggestionDismissalRow).where(
                SuggestionDismissalRow.report_id == self.report_id,
                SuggestionDismissalRow.kind == s.kind,
                SuggestionDismissalRow.start == s.start,
                SuggestionDismissalRow.end == s.end,
            )
        )
        if row is None:
            raise CommandError("That suggestion is no longer rejected")
        ctx.session.delete(row)
        ctx.record("DismissSuggestion", "suggestion", s.key, {"quote": s.quote[:200]}, None)
        return Change("Suggestion proposed again", reports=frozenset({self.report_id}))


def stance_matrix(session: Session, only_author: int | None = None) -> StanceMatrix:
    """Speaker x target x label counts over every annotation not rejected (only
    `only_author`'s when given), in one query."""
    stmt = (
        select(SpeakerRow.name, TargetRow.name, StanceLabelRow.name, func.count())
        .select_from(AnnotationStanceRow)
        .join(AnnotationRow, AnnotationRow.id == AnnotationStanceRow.annotation_id)
        .join(SpeakerRow, SpeakerRow.id == AnnotationRow.speaker_id)
        .join(TargetRow, TargetRow.id == AnnotationStanceRow.target_id)
        .join(StanceLabelRow, StanceLabelRow.id == AnnotationStanceRow.label_id)
        .where(AnnotationRow.status != "rejected")
        .group_by(SpeakerRow.name, TargetRow.name, StanceLabelRow.name)
    )
    if only_author is not None:
        stmt = stmt.where(AnnotationRow.author_id == only_author)
    counts = {(s, t, lbl): int(n) for s, t, lbl, n in session.execute(stmt)}
    labels = tuple(v.name for v in stance_label_views(session))
    speakers = tuple(sorted({k[0] for k in counts}, key=str.casefold))
    targets = tuple(sorted({k[1] for k in counts}, key=str.casefold))
    return StanceMatrix(speakers, targets, labels, counts)


def stance_passages(
    session: Session, speaker: str, target: str, label: str | None = None,
    only_author: int | None = None,
) -> list[str]:
    """UUIDs of the annotations behind one cell of the matrix."""
    stmt = (
        select(AnnotationRow.uuid)
        .select_from(AnnotationStanceRow)
        .join(AnnotationRow, AnnotationRow.id == AnnotationStanceRow.annotation_id)
        .join(SpeakerRow, SpeakerRow.id == AnnotationRow.speaker_id)
        .join(TargetRow, TargetRow.id == AnnotationStanceRow.target_id)
        .join(StanceLabelRow, StanceLabelRow.id == AnnotationStanceRow.label_id)
        .where(
            AnnotationRow.status != "rejected", SpeakerRow.name == speaker, TargetRow.name == target
        )
        .order_by(AnnotationRow.report_id, AnnotationRow.start)
    )
    if label is not None:
        stmt = stmt.where(StanceLabelRow.name == label)
    if only_author is not None:
        stmt = stmt.where(AnnotationRow.author_id == only_author)
    return list(session.scalars(stmt))
