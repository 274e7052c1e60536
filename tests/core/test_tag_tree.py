"""A tag's ancestors and path, from a parent map that may be broken."""

from __future__ import annotations

from glossator.core.tag_tree import ancestors, path_in_tree

NAME = {1: "Accusation", 2: "Betrayal", 3: "Of allies", 4: "Orphan", 5: "Loop A", 6: "Loop B"}
PARENT: dict[int, int | None] = {1: None, 2: 1, 3: 2, 4: 99, 5: 6, 6: 5}


def test_ancestors_nearest_first_and_the_path_from_the_root_down():
    assert ancestors(PARENT, 3) == [2, 1]
    assert path_in_tree(NAME, PARENT, 3) == "Accusation / Betrayal / Of allies"
    assert ancestors(PARENT, 1) == [] and path_in_tree(NAME, PARENT, 1) == "Accusation"


def test_a_missing_parent_or_a_loop_ends_the_walk():
    assert ancestors(PARENT, 4) == [] and path_in_tree(NAME, PARENT, 4) == "Orphan"
    assert ancestors(PARENT, 5) == [6] and path_in_tree(NAME, PARENT, 5) == "Loop B / Loop A"
    assert ancestors({7: 7}, 7) == []
