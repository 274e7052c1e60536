"""A speaker typed in for the first time: registered and given to an annotation in one step."""

from __future__ import annotations

from glossator.services.annotations import AnnotationFields, EditAnnotation
from glossator.services.commands import Change, Command, Context
from glossator.services.registry import SPEAKERS, EntryFields, SaveEntry


class AttributeToNewSpeaker(Command):
    """Register a speaker and attribute an annotation to it: one transaction, one undo step.

    The annotation's edit is built once the speaker has its id (on the first apply); undo
    clears the attribution and removes the speaker, redo brings both back with the same id.
    """

    def __init__(self, uuid: str, fields: EntryFields) -> None:
        self.uuid = uuid
        self.save = SaveEntry(SPEAKERS, fields)
        self.edit: EditAnnotation | None = None
        self.label = f"attribute to new speaker \u201c{self.save.name}\u201d"

    def parts(self) -> tuple[Command, ...]:
        return (self.save,) if self.edit is None else (self.save, self.edit)

    def apply(self, ctx: Context) -> Change:
        saved = self.save.apply(ctx)
        if self.edit is None:
            assert self.save.entry_id is not None
            fields = AnnotationFields(speaker_id=self.save.entry_id)
            self.edit = EditAnnotation(self.uuid, fields, self.label)
        edited = self.edit.apply(ctx)
        return Change(
            f"Added speaker \u201c{self.save.name}\u201d and attributed the passage",
            reports=edited.reports,
            annotations=edited.annotations,
            codebook=saved.codebook,
        )

    def revert(self, ctx: Context) -> Change:
        assert self.edit is not None
        edited = self.edit.revert(ctx)
        self.save.revert(ctx)
        return Change(
            f"Undone: {self.label}",
            reports=edited.reports,
            annotations=edited.annotations,
            codebook=True,
        )
