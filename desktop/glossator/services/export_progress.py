"""Progress and cancelling of a long export, for a caller that shows a bar with a Stop button.

The caller gives a callback `(phase, done, total) -> keep going?`; the export calls it every
`STEP` annotations while it reads them from the workspace ("reading") and while the format
writes them ("writing"), and once at the start of each phase. When the callback answers
False the export raises `ExportCancelled` where it stands: every file is written beside its
destination and renamed into place only once complete (`glossator.safe_files`), so a
cancelled export leaves nothing behind and an existing destination as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import TypeVar

from glossator.core.exchange import ExchangeAnnotation, ExchangeSet
from glossator.services.commands import CommandError

#: (phase: "reading" | "writing", done, total) -> keep going?
ExportProgress = Callable[[str, int, int], bool]

STEP = 2000  # annotations between two calls of the callback
READING, WRITING = "reading", "writing"

_T = TypeVar("_T")


class ExportCancelled(CommandError):
    """The export was stopped by the user; nothing was written."""

    def __init__(self) -> None:
        super().__init__("Export cancelled; nothing was written")


def ask(progress: ExportProgress | None, phase: str, done: int, total: int) -> None:
    """Tell the caller where the export stands; raise ExportCancelled when it says stop."""
    if progress is not None and not progress(phase, done, total):
        raise ExportCancelled()


def watched(items: Sequence[_T], progress: ExportProgress | None, phase: str) -> Iterator[_T]:
    """The items, with the caller told every STEP of them (and asked whether to go on)."""
    total = len(items)
    ask(progress, phase, 0, total)
    if progress is None:
        yield from items
        return
    for at in range(0, total, STEP):
        yield from items[at : at + STEP]
        ask(progress, phase, min(total, at + STEP), total)


class WatchedAnnotations(tuple[ExchangeAnnotation, ...]):
    """A set's annotations that tell the caller how far a writer has gone each time the
    writer walks through them (a writer may walk them more than once: each walk counts from
    the start). Indexing, slicing and len() are a plain tuple's."""

    progress: ExportProgress | None = None

    def __iter__(self) -> Iterator[ExchangeAnnotation]:
        return watched(tuple.__getitem__(self, slice(None)), self.progress, WRITING)


def watching(s: ExchangeSet, progress: ExportProgress | None) -> ExchangeSet:
    """The same set, its annotations reporting their writing to `progress`."""
    if progress is None:
        return s
    annotations = WatchedAnnotations(s.annotations)
    annotations.progress = progress
    return replace(s, annotations=annotations)
