"""What a conflict dialog compares: one row per field of the changed thing, as the user saw
it, as their refused step would make it, and as someone else has made it since.

Plain values only (no widgets): built from the annotation values the window holds, the
fields of the refused edit and the `Conflict` the services describe.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from glossator.services.annotations import AnnotationFields, DeleteAnnotations, EditAnnotation
from glossator.services.commands import Command
from glossator.services.conflicts import Conflict
from glossator.services.values import AnnotationView

GONE = "(deleted)"
TagName = Callable[[int], str]


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One field: `seen` is None when the window did not hold the value the step began
    from (then nobody can say who changed it)."""

    name: str
    seen: str | None
    mine: str
    theirs: str

    @property
    def mine_changed(self) -> bool:
        return self.seen is not None and self.mine != self.seen

    @property
    def theirs_changed(self) -> bool:
        return self.seen is not None and self.theirs != self.seen

    @property
    def both_changed(self) -> bool:
        """Both sides changed this field, to different values: keeping one loses the other."""
        return self.mine_changed and self.theirs_changed and self.mine != self.theirs


def _stances(items: Any) -> str:
    parts = []
    for s in items:
        target, label, intensity = (s.target, s.label, s.intensity) if hasattr(s, "target") \
            else s
        parts.append(f"{target}: {label}" + (f" ({intensity})" if intensity is not None else ""))
    return "; ".join(parts)


def annotation_fields(a: AnnotationView, tag_name: TagName) -> dict[str, str]:
    return {
        "Tags": ", ".join(tag_name(t) for t in a.tag_ids),
        "Speaker": a.speaker or "",
        "Stances": _stances(a.stances),
        "Note": a.note,
        "Span": f"{a.start}\u2013{a.end}",
        "Status": a.status,
        "Cites": ", ".join(a.cites),
    }


def edited_fields(base: dict[str, str], f: AnnotationFields, tag_name: TagName,
                  speaker_name: Callable[[int], str]) -> dict[str, str]:
    """`base` with the fields an edit sets (None and False in `f`: left as they are)."""
    out = dict(base)
    if f.tag_ids is not None:
        out["Tags"] = ", ".join(tag_name(t) for t in f.tag_ids)
    if f.note is not None:
        out["Note"] = f.note
    if f.span is not None:
        out["Span"] = f"{f.span[0]}\u2013{f.span[1]}"
    if f.status is not None:
        out["Status"] = f.status
    if f.speaker_id is not False:
        out["Speaker"] = speaker_name(f.speaker_id) if isinstance(f.speaker_id, int) and \
            not isinstance(f.speaker_id, bool) else ""
    if f.cites is not None:
        out["Cites"] = ", ".join(f.cites)
    if f.stances is not None:
        out["Stances"] = _stances(f.stances)
    return out


def _plain(values: Mapping[str, Any] | None) -> dict[str, str]:
    return {str(k): "" if v is None else str(v) for k, v in (values or {}).items()}


def _undo_rows(command: EditAnnotation, theirs: dict[str, str], tag_name: TagName,
               speaker_name: Callable[[int], str]) -> list[FieldRow]:
    """An undo of an edit: what the edit left, what undoing puts back, and theirs now;
    only the fields the edit set."""
    new, old = command.new, command.old or AnnotationFields()
    left = edited_fields(theirs, new, tag_name, speaker_name)
    unset = {name: (None if name != "speaker_id" else False) for name in new.__slots__}
    back_fields = AnnotationFields(**{  # type: ignore[arg-type]
        name: getattr(old, name) if getattr(new, name) is not unset[name] else unset[name]
        for name in unset if name != "anchor"})
    back = edited_fields(theirs, back_fields, tag_name, speaker_name)
    return [FieldRow(n, left[n], back[n], theirs[n]) for n in theirs if left[n] != theirs[n]
            or back[n] != theirs[n]]


def conflict_rows(conflict: Conflict, command: Command, seen: AnnotationView | None,
                  tag_name: TagName, speaker_name: Callable[[int], str],
                  undoing: bool = False) -> list[FieldRow]:
    """The rows for one conflict. `seen`: the window's value of the annotation when the
    step was refused (used as the starting point only when it is the version expected).
    `undoing`: the step is an undo ("yours" is what it would put back)."""
    if undoing and isinstance(command, EditAnnotation) and conflict.annotation is not None:
        rows = _undo_rows(command, annotation_fields(conflict.annotation, tag_name),
                          tag_name, speaker_name)
        if rows:
            return rows
    if conflict.entity != "annotation":
        values = _plain(conflict.theirs)
        what = "delete it" if "delete" in command.label.lower() else command.label
        return [FieldRow(k, None, "", v) for k, v in values.items()] + [
            FieldRow("Your step", None, what, GONE if conflict.deleted else "")]
    start = seen if seen is not None and seen.version == conflict.expected else None
    before = annotation_fields(start, tag_name) if start is not None else None
    theirs_view = conflict.annotation
    theirs = annotation_fields(theirs_view, tag_name) if theirs_view is not None else None
    base: dict[str, str] = before or theirs or {}
    if isinstance(command, DeleteAnnotations):
        mine = {k: GONE for k in base}
    elif isinstance(command, EditAnnotation) and command.uuid == conflict.key:
        mine = edited_fields(base, command.new, tag_name, speaker_name)
    else:
        mine = {k: "" for k in base}
        mine["Your step"] = command.label
    names = list(dict.fromkeys([*base, *mine]))
    return [
        FieldRow(n, before.get(n, "") if before is not None else None, mine.get(n, ""),
                 theirs.get(n, "") if theirs is not None else GONE)
        for n in names
    ]


def independent(rows: list[FieldRow]) -> bool:
    """Both sides changed something, and never the same field: keeping mine on their
    version keeps both (a merge)."""
    known = [r for r in rows if r.seen is not None]
    return bool(known) and not any(r.both_changed for r in known) and \
        any(r.mine_changed for r in known) and any(r.theirs_changed for r in known)
