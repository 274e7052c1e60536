"""Rows kept in key order with a parallel list of keys, so that a place is found by a
bisection in C and a batch of new rows is merged in one pass (no Python call per row
already there). What the annotation table's model is built on; no Qt here."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Hashable, Iterable
from typing import Any, Generic, TypeVar

T = TypeVar("T")
Key = tuple[Any, Hashable]  # the column's sort key, then the row's id: every key is unique


class OrderedRows(Generic[T]):
    """Rows in ascending key order."""

    __slots__ = ("keys", "rows")

    def __init__(self, pairs: Iterable[tuple[Key, T]] = (), *, ordered: bool = False) -> None:
        """`ordered`: the pairs come sorted already (no sort needed)."""
        listed = list(pairs) if ordered else sorted(pairs, key=lambda pair: pair[0])
        self.keys: list[Key] = [k for k, _ in listed]
        self.rows: list[T] = [r for _, r in listed]

    def __len__(self) -> int:
        return len(self.rows)

    def pairs(self) -> Iterable[tuple[Key, T]]:
        return zip(self.keys, self.rows, strict=True)

    def find(self, key: Key) -> int | None:
        """The index of the row with this key, or None."""
        i = bisect_left(self.keys, key)
        return i if i < len(self.keys) and self.keys[i] == key else None

    def place(self, key: Key) -> int:
        """Where a row with this key goes."""
        return bisect_left(self.keys, key)

    def insert(self, key: Key, row: T) -> int:
        """Insert one row; its index."""
        i = bisect_left(self.keys, key)
        self.keys.insert(i, key)
        self.rows.insert(i, row)
        return i

    def remove_at(self, i: int) -> T:
        del self.keys[i]
        return self.rows.pop(i)

    def places(self, pairs: list[tuple[Key, T]]) -> list[int]:
        """Where each of `pairs` (sorted by key, none here yet) goes, before any moves."""
        return [bisect_left(self.keys, k) for k, _ in pairs]

    def merge(self, pairs: list[tuple[Key, T]], places: list[int]) -> None:
        """Insert `pairs` at their `places` (from `places`) in one pass."""
        if not pairs:
            return
        if places[0] == places[-1]:  # one block: a slice assignment
            at = places[0]
            self.keys[at:at] = [k for k, _ in pairs]
            self.rows[at:at] = [r for _, r in pairs]
            return
        keys: list[Key] = []
        rows: list[T] = []
        last = 0
        for place, (k, r) in zip(places, pairs, strict=True):
            if place > last:
                keys += self.keys[last:place]
                rows += self.rows[last:place]
                last = place
            keys.append(k)
            rows.append(r)
        keys += self.keys[last:]
        rows += self.rows[last:]
        self.keys, self.rows = keys, rows
