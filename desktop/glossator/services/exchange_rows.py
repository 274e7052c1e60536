"""Turning imported annotations into rows: names resolved to ids in one pass each, spans
checked against the report text (moved to the nearest exact quote when the text moved),
links deduplicated as the schema requires."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from glossator.core.codebook import DEFAULT_TAG_COLOR, Codebook, is_color
from glossator.core.exchange import STATUSES, ExchangeAnnotation, quote_context
from glossator.core.names import name_key
from glossator.services.commands import CommandError
from glossator.store.models import (
    FootnoteRow,
    ReviewerRow,
    SpeakerAliasRow,
    SpeakerRow,
    StanceLabelRow,
    TagRow,
    TargetAliasRow,
    TargetRow,
    table_of,
)

NAME_LIMITS = {"tag": 200, "speaker": 300, "target": 300, "stance label": 100, "alias": 300}


def _check_name(kind: str, name: str) -> None:
    if len(name) > NAME_LIMITS[kind]:
        raise CommandError(
            f"The {kind} name {name[:40]!r}... is too long ({len(name)} characters; "
            f"the limit is {NAME_LIMITS[kind]})"
        )


def check_codebook(cb: Codebook) -> Codebook:
    """The codebook fit to store: names within the column limits, colours well formed."""
    for t in cb.tags:
        _check_name("tag", t.name)
    named = [("speaker", s.name, s.aliases) for s in cb.speakers]
    named += [("target", x.name, x.aliases) for x in cb.targets]
    for kind, name, aliases in named:
        _check_name(kind, name)
        for alias in aliases:
            _check_name("alias", alias)
    for label in cb.stance_labels:
        _check_name("stance label", label.name)
    tags = tuple(
        t if is_color(t.color) else replace(t, color=DEFAULT_TAG_COLOR) for t in cb.tags
    )
    shortcuts = tuple(
        t if t.shortcut is None or t.shortcut in tuple("123456789") else replace(t, shortcut=None)
        for t in tags
    )
    return replace(cb, tags=shortcuts)


@dataclass
class NewRows:
    annotations: list[dict[str, Any]] = field(default_factory=list)
    tags: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    stances: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    cites: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    unanchored: list[str] = field(default_factory=list)
    report_ids: set[int] = field(default_factory=set)


def anchor(text: str, a: ExchangeAnnotation) -> tuple[int, int] | None:
    """Where the annotation sits in `text`: its own span when the quote is there (or there is
    no quote to check), else the exact quote nearest its old start, else None."""
    if a.end <= len(text) and (not a.quote or text[a.start : a.end] == a.quote):
        return a.start, a.end
    if not a.quote:
        return None
    best: tuple[int, int] | None = None
    at = text.find(a.quote)
    while at >= 0:
        distance = abs(at - a.start)
        if best is None or distance < best[0]:
            best = (distance, at)
        at = text.find(a.quote, at + 1)
    return None if best is None else (best[1], best[1] + len(a.quote))


def _keys(session: Session, model: Any, alias_model: Any = None, fk: str = "") -> dict[str, int]:
    out = {name_key(n): int(i) for i, n in session.execute(select(model.id, model.name))}
    if alias_model is not None:
        for i, alias in session.execute(select(getattr(alias_model, fk), alias_model.alias)):
            out.setdefault(name_key(alias), int(i))
    return out


def _reviewers(session: Session, names: set[str]) -> dict[str, int]:
    known = {str(n): int(i) for i, n in session.execute(select(ReviewerRow.id, ReviewerRow.name))}
    missing = sorted(n for n in names if n not in known)
    for n in missing:
        if len(n) > 200:
            raise CommandError(f"The reviewer name {n[:40]!r}... is too long")
    if missing:
        session.execute(insert(table_of(ReviewerRow)), [{"name": n} for n in missing])
        known = {
            str(n): int(i) for i, n in session.execute(select(ReviewerRow.id, ReviewerRow.name))
        }
    return known


def _author(name: str) -> str:
    return " ".join(name.split()) or "anonymous"


def prepare_rows(
    session: Session, fresh: list[ExchangeAnnotation], reports: dict[str, tuple[int, str]]
) -> NewRows:
    """Rows for annotations new to the workspace (their codebook entries already merged)."""
    out = NewRows()
    if not fresh:
        return out
    tags = _keys(session, TagRow)
    speakers = _keys(session, SpeakerRow, SpeakerAliasRow, "speaker_id")
    targets = _keys(session, TargetRow, TargetAliasRow, "target_id")
    labels = _keys(session, StanceLabelRow)
    authors = _reviewers(session, {_author(a.author) for a in fresh})
    report_ids = sorted({reports[a.report_uuid][0] for a in fresh})
    notes: dict[tuple[int, str], list[int]] = defaultdict(list)
    for fid, rid, label in session.execute(
        select(FootnoteRow.id, FootnoteRow.report_id, FootnoteRow.label).where(
            FootnoteRow.report_id.in_(report_ids)
        )
    ):
        notes[(int(rid), str(label))].append(int(fid))
    for a in fresh:
        if a.status not in STATUSES:
            raise CommandError(f"Annotation {a.uuid} has an unknown status {a.status!r}")
        rid, text = reports[a.report_uuid]
        span = anchor(text, a)
        if span is None:
            out.unanchored.append(a.uuid)
            continue
        out.report_ids.add(rid)
        quote, prefix, suffix = quote_context(text, *span)
        speaker = speakers.get(name_key(a.speaker.name)) if a.speaker is not None else None
        out.annotations.append(
            {
                "uuid": a.uuid,
                "report_id": rid,
                "author_id": authors[_author(a.author)],
                "start": span[0],
                "end": span[1],
                "quote": quote,
                "prefix": prefix,
                "suffix": suffix,
                "speaker_id": speaker,
                "note": a.note,
                "status": a.status,
                "orphaned": False,
                "created_at": a.created,
                "modified_at": a.modified,
            }
        )
        for tag_id in dict.fromkeys(tags[name_key(t)] for t in a.tags):
            out.tags.append((a.uuid, {"tag_id": tag_id}))
        stance: dict[int, dict[str, Any]] = {}
        for x in a.stances:  # one stance per target: the last one wins, as in the editor
            target = targets[name_key(x.target)]
            stance[target] = {
                "target_id": target,
                "label_id": labels[name_key(x.label)],
                "intensity": x.intensity,
            }
        out.stances += [(a.uuid, v) for v in stance.values()]
        cited = dict.fromkeys(f for c in a.cites for f in notes.get((rid, c), ()))
        out.cites += [(a.uuid, {"footnote_id": f}) for f in cited]
    return out
