"""Plain values of the review workflow: a thread of decisions and comments, frozen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ReviewEntry:
    """A decision (with an optional comment) or a comment, with its replies."""

    id: str  # the review's UUID
    reviewer: str
    decision: str | None  # "accepted" | "rejected" | "disputed" | None for a comment
    body: str
    created: dt.datetime
    parent_id: str | None
    replies: tuple[ReviewEntry, ...] = ()
    version: int = field(default=0, compare=False)  # the row's version when read (based_on)

    @property
    def version_key(self) -> tuple[str, str]:
        return ("reviews", self.id)

    @property
    def deleted(self) -> bool:
        """A comment deleted by its writer, kept because others replied to it."""
        return self.decision is None and not self.body


@dataclass(frozen=True, slots=True)
class ReviewThread:
    annotation_id: str
    author: str
    status: str
    entries: tuple[ReviewEntry, ...]  # top level, oldest first
    version: int = field(default=0, compare=False)  # the annotation's version when read

    @property
    def version_key(self) -> tuple[str, str]:
        return ("annotations", self.annotation_id)

    def walk(self) -> Iterator[tuple[int, ReviewEntry]]:
        """Every entry with its depth, replies right after what they answer."""
        stack = [(0, e) for e in reversed(self.entries)]
        while stack:
            depth, entry = stack.pop()
            yield depth, entry
            stack.extend((depth + 1, r) for r in reversed(entry.replies))

    def entry(self, review_id: str) -> ReviewEntry | None:
        return next((e for _d, e in self.walk() if e.id == review_id), None)

    def decisions(self) -> dict[str, str]:
        """Each reviewer's latest decision."""
        out: dict[str, str] = {}
        for _d, e in sorted(self.walk(), key=lambda pair: pair[1].created):
            if e.decision is not None:
                out[e.reviewer] = e.decision
        return out
