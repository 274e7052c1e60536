"""Long lists of ids or UUIDs asked for in slices, so that no IN list binds more parameters
than a database takes (SQLite's and PostgreSQL's limits are far above CHUNK)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

CHUNK = 900  # bound parameters per IN list, well under every database's limit
_T = TypeVar("_T")


def chunks(items: Sequence[_T], size: int = CHUNK) -> Iterator[Sequence[_T]]:
    """`items` in consecutive slices of at most `size`, in order."""
    for at in range(0, len(items), size):
        yield items[at : at + size]
