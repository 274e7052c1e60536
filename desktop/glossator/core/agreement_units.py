"""Units for agreement on annotation fields: the coders' annotations paired as spans.

Units are formed coder by coder, in the order the coders are named: the first coder's
annotations each start a unit; every further coder's annotations pair one to one with the
units so far by the Jaccard index of their span with the unit's first span (shared over
covered code points, at least the threshold, best overlaps first, the same sweep as tag
spans), and those left unpaired start units of their own. Tags play no part in the
pairing. For two coders a unit is a pair of annotations, or one annotation the other
coder has no partner for.

A unit's value for a field is read from each coder's annotation: the speaker (a speaker
record, so its aliases are the same speaker), the stance label toward one target, or the
set of notes cited. A coder with no annotation in the unit has no value, shown as
`NO_ANNOTATION` when unpaired spans are counted as a value of their own.
Plain Python.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glossator.core.agreement_spans import MIN_JACCARD, CodedSpan, match_spans

NO_ANNOTATION = "(no annotation)"
NO_SPEAKER = "(no speaker)"
NO_STANCE = "(no stance)"
NO_CITES = "(no note cited)"
SPEAKER = "speaker"
CITES = "cited notes"
STANCE_PREFIX = "stance: "
_ANCHOR, _NEW = "\0anchor", "\0new"


@dataclass(frozen=True, slots=True)
class CodedAnnotation:
    """One annotation as agreement sees it."""

    id: str
    report_id: int
    coder: str
    start: int
    end: int
    speaker: str | None = None
    stances: tuple[tuple[str, str], ...] = ()  # (target, label), one per target
    cites: tuple[str, ...] = ()  # note labels
    tags: tuple[str, ...] = ()
    quote: str = ""


@dataclass(frozen=True, slots=True)
class AgreementUnit:
    """One passage: each coder's annotation in it (None: that coder has none)."""

    report_id: int
    start: int
    end: int
    members: tuple[CodedAnnotation | None, ...]

    @property
    def complete(self) -> bool:
        return all(m is not None for m in self.members)


def stance_field(target: str) -> str:
    return f"{STANCE_PREFIX}{target}"


def field_value(annotation: CodedAnnotation, field: str) -> str:
    """The value an annotation gives a field (`SPEAKER`, `CITES` or `stance_field(t)`)."""
    if field == SPEAKER:
        return annotation.speaker or NO_SPEAKER
    if field == CITES:
        return ", ".join(sorted(annotation.cites)) if annotation.cites else NO_CITES
    target = field.removeprefix(STANCE_PREFIX)
    for t, label in annotation.stances:
        if t == target:
            return label
    return NO_STANCE


def fields_of(annotations: Sequence[CodedAnnotation]) -> list[str]:
    """Speaker, one stance field per target anyone took a stance toward, cited notes."""
    targets = sorted({t for a in annotations for t, _l in a.stances}, key=str.casefold)
    return [SPEAKER, *(stance_field(t) for t in targets), CITES]


def _span(unit_id: str, a: CodedAnnotation | AgreementUnit, coder: str, tag: str) -> CodedSpan:
    return CodedSpan(unit_id, a.report_id, coder, tag, a.start, a.end)


def form_units(
    annotations: Sequence[CodedAnnotation], coders: Sequence[str],
    min_jaccard: float = MIN_JACCARD,
) -> list[AgreementUnit]:
    """The units of `coders` (see the module's text), in text order."""
    chosen = list(dict.fromkeys(coders))
    by_coder: dict[str, list[CodedAnnotation]] = {c: [] for c in chosen}
    for a in annotations:
        if a.coder in by_coder:
            by_coder[a.coder].append(a)
    members: list[list[CodedAnnotation | None]] = []
    anchors: list[CodedAnnotation] = []
    for k, coder in enumerate(chosen):
        mine = sorted(by_coder[coder], key=lambda a: (a.report_id, a.start, a.end, a.id))
        paired: dict[str, int] = {}
        if anchors:
            spans = [_span(f"u{i}", u, _ANCHOR, "") for i, u in enumerate(anchors)]
            spans += [_span(a.id, a, _NEW, "") for a in mine]
            for unit, new in match_spans(spans, _ANCHOR, _NEW, min_jaccard):
                paired[new.id] = int(unit.id[1:])
        for a in mine:
            if a.id in paired:
                members[paired[a.id]][k] = a
            else:
                row: list[CodedAnnotation | None] = [None] * len(chosen)
                row[k] = a
                members.append(row)
                anchors.append(a)
    units = [
        AgreementUnit(
            anchor.report_id,
            min(m.start for m in row if m is not None),
            max(m.end for m in row if m is not None),
            tuple(row),
        )
        for anchor, row in zip(anchors, members, strict=True)
    ]
    units.sort(key=lambda u: (u.report_id, u.start, u.end))
    return units
