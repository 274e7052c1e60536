"""Who speaks and toward whom: resolving speakers, targets and stance labels for an annotation."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import delete, insert, select

from glossator.core.names import name_key
from glossator.services.commands import CommandError, Context
from glossator.services.registry import SPEAKERS, TARGETS, resolve
from glossator.store.models import AnnotationStanceRow, StanceLabelRow

StanceSpec = tuple[int | str, int | str, int | None]  # target, label (ids or names), intensity


def resolve_speaker(ctx: Context, speaker: int | str) -> int:
    if isinstance(speaker, int):
        return speaker
    found = resolve(ctx.session, SPEAKERS, speaker)
    if found is None:
        raise CommandError(f"No speaker is called \u201c{speaker}\u201d")
    return int(found.id)


def resolve_stances(ctx: Context, specs: Sequence[StanceSpec]) -> list[tuple[int, int, int | None]]:
    labels = {
        name_key(n): i
        for i, n in ctx.session.execute(select(StanceLabelRow.id, StanceLabelRow.name))
    }
    out: dict[int, tuple[int, int, int | None]] = {}
    for target, label, intensity in specs:
        if isinstance(target, str):
            found = resolve(ctx.session, TARGETS, target)
            if found is None:
                raise CommandError(f"No stance target is called \u201c{target}\u201d")
            target = int(found.id)
        if isinstance(label, str):
            if name_key(label) not in labels:
                known = ", ".join(
                    n
                    for _, n in ctx.session.execute(
                        select(StanceLabelRow.id, StanceLabelRow.name).order_by(
                            StanceLabelRow.sort_order
                        )
                    )
                )
                raise CommandError(
                    f"Unknown stance label \u201c{label}\u201d (the scale is: {known})"
                )
            label = labels[name_key(label)]
        out[target] = (target, label, intensity)  # one stance per target: the last one wins
    return list(out.values())


def set_stances(
    ctx: Context, annotation_id: int, stances: Sequence[tuple[int, int, int | None]]
) -> None:
    ctx.session.execute(
        delete(AnnotationStanceRow).where(AnnotationStanceRow.annotation_id == annotation_id)
    )
    if stances:
        ctx.session.execute(
            insert(AnnotationStanceRow),
            [
                {"annotation_id": annotation_id, "target_id": t, "label_id": lbl, "intensity": i}
                for t, lbl, i in stances
            ],
        )
