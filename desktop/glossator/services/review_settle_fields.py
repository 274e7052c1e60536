"""Settling a speaker or stance disagreement: take A's value, B's, or another one.

Both reviewers annotated the passage; the settled passage is one of their two annotations
with the chosen value. The one kept is the annotation not written by the settler (nobody
accepts their own), preferring the one that already has the value; if it has another, it
is edited to the value first. It is accepted and the other rejected as its duplicate: one
transaction, one undo step (edit and decisions undone together).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossator.core.agreement import FieldDisagreement
from glossator.core.agreement_units import NO_SPEAKER, NO_STANCE, SPEAKER, field_value
from glossator.services.annotation_edit import AnnotationFields, EditAnnotation
from glossator.services.commands import Batch, Command, CommandError
from glossator.services.review import DecideAnnotations
from glossator.services.review_settle import Settlement
from glossator.services.stances import StanceSpec

if TYPE_CHECKING:
    from glossator.services.workspace import Workspace

FIELD_CHOICES = ("a", "b", "edit")


def _edit(ws: Workspace, uuid: str, d: FieldDisagreement, value: str) -> EditAnnotation:
    if d.field == SPEAKER:
        if value == NO_SPEAKER:
            return EditAnnotation(uuid, AnnotationFields(speaker_id=None), "settle the speaker")
        found = [s.id for s in ws.speakers() if s.name == value]
        if not found:
            raise CommandError(f"No speaker is called {value!r}")
        return EditAnnotation(uuid, AnnotationFields(speaker_id=found[0]), "settle the speaker")
    target = d.target
    if target is None:
        raise CommandError(f"{d.field} cannot be settled by an edit")
    current = ws.annotation(uuid)
    if current is None:
        raise CommandError(f"Annotation {uuid} does not exist")
    if value != NO_STANCE and value not in {label.name for label in ws.stance_labels()}:
        raise CommandError(f"The stance scale has no label {value!r}")
    stances: list[StanceSpec] = [
        (s.target, s.label, s.intensity) for s in current.stances if s.target != target
    ]
    if value != NO_STANCE:
        stances.append((target, value, None))
    return EditAnnotation(uuid, AnnotationFields(stances=tuple(stances)), "settle the stance")


def settle_field(
    ws: Workspace, d: FieldDisagreement, choice: str, value: str | None = None,
    comment: str = "",
) -> Batch:
    """Take A's value ("a"), B's ("b"), or `value` ("edit") for the disagreement's field."""
    if choice not in FIELD_CHOICES:
        raise CommandError(f"Choose one of {', '.join(FIELD_CHOICES)}")
    chosen = {"a": d.value_a, "b": d.value_b}.get(choice, value)
    if chosen is None or not chosen.strip():
        raise CommandError("Say which value to keep")
    candidates = [x for x in (d.a, d.b) if x.coder != ws.reviewer] or [d.a, d.b]
    candidates.sort(key=lambda x: field_value(x, d.field) != chosen)
    kept = candidates[0]
    other = d.b if kept is d.a else d.a
    steps: list[Command] = []
    if field_value(kept, d.field) != chosen:
        steps.append(_edit(ws, kept.id, d, chosen))
    note = comment or f"{d.field}: {chosen}"
    steps.append(DecideAnnotations([kept.id], "accepted", note))
    steps.append(DecideAnnotations([other.id], "rejected", note))
    return Settlement(f"settle the {d.field}", steps)
