"""A tag's place in the codebook's tree, read from a map of each tag to its parent: its
ancestors, nearest first, and its path ("Parent / Child"). The map may be broken (a parent
it does not hold, or a loop): the walk up stops there, so every tag still has a path."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

PATH_SEPARATOR = " / "

K = TypeVar("K", bound=Hashable)


def ancestors(parent: Mapping[K, K | None], key: K) -> list[K]:
    """The ancestors of `key`, nearest first, up to the first parent the map does not hold
    or the first tag met before (a loop)."""
    chain: list[K] = []
    seen = {key}
    cur = parent[key]
    while cur is not None and cur in parent and cur not in seen:
        chain.append(cur)
        seen.add(cur)
        cur = parent[cur]
    return chain


def path_in_tree(name: Mapping[K, str], parent: Mapping[K, K | None], key: K) -> str:
    """The names from the farthest ancestor down to `key`'s own, joined by " / "."""
    names = [name[a] for a in reversed(ancestors(parent, key))]
    return PATH_SEPARATOR.join([*names, name[key]])
