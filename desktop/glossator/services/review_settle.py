"""Settling a final set: each disagreement decided in one undoable step.

The final set is the accepted annotations. For a disagreement the settler keeps one side,
both or neither: what is kept is accepted, the rest rejected, in one transaction. Agreed
pairs (the same passage and tag marked by both) keep one annotation of the two: the other
reviewer's when the settler is one of the pair (nobody accepts their own), and the other
is rejected as a duplicate.
"""

from __future__ import annotations

from collections.abc import Sequence

from glossator.core.agreement import CodedSpan, Disagreement
from glossator.core.permissions import Action
from glossator.services.commands import Batch, Command, CommandError
from glossator.services.review import DecideAnnotations

CHOICES = ("a", "b", "both", "none")


class Settlement(Batch):
    """Decisions that settle a disagreement or build the final set: a curator's work once
    the workspace has roles."""

    requires = Action.SETTLE


def settle(keep: Sequence[str], drop: Sequence[str], comment: str = "") -> Batch:
    """Accept `keep` and reject `drop` as one step; an id in both is refused."""
    if set(keep) & set(drop):
        raise CommandError("An annotation cannot be both kept and dropped")
    steps: list[Command] = []
    if keep:
        steps.append(DecideAnnotations(keep, "accepted", comment))
    if drop:
        steps.append(DecideAnnotations(drop, "rejected", comment))
    if not steps:
        raise CommandError("Nothing to settle")
    return Settlement("settle a disagreement", steps)


def settle_disagreement(d: Disagreement, choice: str, comment: str = "") -> Batch:
    """Keep A's side, B's side, both or none of a disagreement."""
    if choice not in CHOICES:
        raise CommandError(f"Choose one of {', '.join(CHOICES)}")
    a = [s.id for s in d.a]
    b = [s.id for s in d.b if s.id not in a]
    keep = {"a": a, "b": b, "both": a + b, "none": []}[choice]
    drop = [i for i in a + b if i not in keep]
    return settle(keep, drop, comment)


def settle_agreed(pairs: Sequence[tuple[CodedSpan, CodedSpan]], settler: str | None) -> Batch:
    """For every agreed pair keep one annotation (not the settler's own) and reject the
    other as a duplicate."""
    keep: list[str] = []
    drop: list[str] = []
    for a, b in pairs:
        kept, other = (b, a) if settler == a.coder else (a, b)
        if kept.id not in keep and kept.id not in drop:
            keep.append(kept.id)
        if other.id not in keep and other.id not in drop:
            drop.append(other.id)
    batch = settle(keep, drop, "agreed by both reviewers")
    batch.label = "settle the agreed passages"
    return batch
