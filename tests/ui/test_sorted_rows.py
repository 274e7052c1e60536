"""SortedRowsModel: rows stay in key order and every row is found by its id, through
inserts, in-place changes, moves, removals and re-sorting (found by bisection, no index)."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt

from glossator.ui.common.sorted_rows import SortedRowsModel


@dataclass(frozen=True)
class Item:
    key: int
    name: str
    size: int


class ItemModel(SortedRowsModel[Item]):
    columns = ("name", "size")

    def __init__(self) -> None:
        super().__init__(None, 0, descending=False)

    def row_id(self, row: Item) -> int:
        return row.key

    def sort_key(self, row: Item, column: int) -> Any:
        return row.name if column == 0 else row.size

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        return None


def _expected(items: dict[int, Item], column: int, descending: bool) -> list[int]:
    def key(i: Item) -> tuple[Any, int]:
        return (i.name if column == 0 else i.size, i.key)

    return [i.key for i in sorted(items.values(), key=key, reverse=descending)]


def test_rows_stay_sorted_and_findable_through_random_edits(qtmodeltester) -> None:
    rng = random.Random(3)
    model = ItemModel()
    names = ["alpha", "beta", "gamma", "delta"]  # many equal keys: the id breaks ties
    items = {k: Item(k, rng.choice(names), rng.randrange(5)) for k in range(40)}
    model.set_rows(items.values())
    column, descending = 0, False
    for step in range(400):
        action = rng.random()
        if action < 0.5:  # insert or change (a changed name may move the row)
            k = rng.randrange(60)
            items[k] = Item(k, rng.choice(names), rng.randrange(5))
            model.upsert_rows([items[k]])
        elif action < 0.8:
            gone = rng.sample(sorted(items), min(2, len(items)))
            for k in gone:
                items.pop(k)
            model.remove_rows([*gone, 999])  # an unknown id is ignored
        else:
            column, descending = rng.randrange(2), rng.random() < 0.5
            model.sort(column, Qt.SortOrder.DescendingOrder if descending
                       else Qt.SortOrder.AscendingOrder)
        order = _expected(items, column, descending)
        assert [model._rows[r].key for r in range(model.rowCount())] == order, step
        assert all(model.row_of(k) == row for row, k in enumerate(order))
        assert model.row_of(999) is None
    qtmodeltester.check(model)
