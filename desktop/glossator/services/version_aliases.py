"""Versions of a row known to hold the same values, so one user's own undo chain is no
conflict.

Versions only grow: an undo makes a new version even though it puts the row back exactly as
it was. Undo the last two edits of one annotation and the second undo expects the version
the first edit left (say 2), finds the version the first undo made (4), and would call it
someone else's change. It is not: the first undo restored version 2's values exactly (it
was only allowed because nobody had changed the row since). So each successful undo records
"the version it made holds the same values as the one its command was applied to", each
redo "the same values as its first apply made", and a check accepts any version known to
hold the expected values. A step that was forced on top of another's change ("keep mine")
records nothing: its result is a mix.

Kept per Workspace, in memory: what one window's undo stack knows.
"""

from __future__ import annotations

from glossator.services.version_guard import Key


class VersionAliases:
    def __init__(self) -> None:
        self._parent: dict[tuple[Key, int], tuple[Key, int]] = {}

    def _root(self, item: tuple[Key, int]) -> tuple[Key, int]:
        parent = self._parent.get(item, item)
        if parent == item:
            return item
        root = self._root(parent)
        self._parent[item] = root
        return root

    def same(self, key: Key, a: int | None, b: int | None) -> bool:
        if a is None or b is None:
            return a == b
        return a == b or self._root((key, a)) == self._root((key, b))

    def join(self, key: Key, a: int | None, b: int | None) -> None:
        if a is None or b is None or a == b:
            return
        ra, rb = self._root((key, a)), self._root((key, b))
        if ra != rb:
            self._parent[ra] = rb
