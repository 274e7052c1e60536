"""What importing an annotation set would do, before it is done: the import itself, run in a
transaction that is rolled back (nothing written, not even the history), with the codebook
read before and after it in that transaction, so the preview says exactly what the import
will say. The same comparison of codebooks describes an import once it is done."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from glossator.core.codebook import Codebook
from glossator.core.exchange import ExchangeSet
from glossator.core.names import name_key
from glossator.services.codebook import read_codebook
from glossator.services.commands import Context
from glossator.services.exchange_import import ImportAnnotations, MergeReport

if TYPE_CHECKING:
    from glossator.services.workspace import Workspace


@dataclass(frozen=True, slots=True)
class CodebookDelta:
    """Codebook entries an import adds, and existing ones it completes (an alias, a blank
    description filled in), each as "kind name"."""

    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ImportPreview:
    merge: MergeReport
    codebook: CodebookDelta


class _Named(Protocol):
    @property
    def name(self) -> str: ...


def _compare(kind: str, before: Sequence[_Named], after: Sequence[_Named]
             ) -> tuple[list[str], list[str]]:
    old = {name_key(x.name): x for x in before}
    added, updated = [], []
    for entry in after:
        mine = old.get(name_key(entry.name))
        if mine is None:
            added.append(f"{kind} {entry.name}")
        elif mine != entry:
            updated.append(f"{kind} {entry.name}")
    return added, updated


def codebook_delta(before: Codebook, after: Codebook) -> CodebookDelta:
    added: list[str] = []
    updated: list[str] = []
    for kind, old, new in (
        ("tag", before.tags, after.tags),
        ("speaker", before.speakers, after.speakers),
        ("target", before.targets, after.targets),
        ("stance label", before.stance_labels, after.stance_labels),
    ):
        more, changed = _compare(kind, old, new)
        added += more
        updated += changed
    return CodebookDelta(tuple(added), tuple(updated))


def preview_import(ws: Workspace, s: ExchangeSet, source: str) -> ImportPreview:
    """The merge report of importing `s`, computed by the import and rolled back. Takes
    the write lock for as long as the import takes, like the import itself (a read-only
    workspace refuses, as it would refuse the import)."""
    command = ImportAnnotations(s, source)
    with ws.db.writing() as session:
        transaction = session.begin()
        try:
            ctx = Context(session, ws.reviewer, "apply", aliases=ws.aliases)
            if command.requires is not None:  # who may not merge a set is told so now
                ctx.access.require(command.requires)
            before = read_codebook(session)
            command.apply(ctx)
            session.flush()
            after = read_codebook(session)
        finally:
            transaction.rollback()
    assert command.report is not None
    return ImportPreview(command.report, codebook_delta(before, after))
