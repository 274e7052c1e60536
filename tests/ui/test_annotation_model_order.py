"""The annotation table's model sorts and filters itself: whatever the order of additions
(batches landing in one block or scattered), edits, removals, sorts and filters, the rows
shown are exactly the annotations that pass the filter in the chosen column's order, and
every one is found at its row."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from glossator.services.values import AnnotationView, StanceView
from glossator.ui.annotations.columns import HEADERS, sort_key
from glossator.ui.annotations.table_model import AnnotationTableModel

SPEAKERS = [None, "Muhammad Al-Tamimi", "Shibl Al-Zaydi", "abu mahdi"]
WHEN = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def view(n: int, start: int, speaker: int, cites: tuple[str, ...], status: str) -> AnnotationView:
    return AnnotationView(
        f"a{n:04}", 1, start, start + 5 + n % 7, f"quote {n % 5} words", "", "",
        ("Claim",) if n % 2 else ("Threat", "Claim"), (1,), "#ffd966", "ana", status,
        SPEAKERS[speaker], (StanceView("Iran", "against"),) if n % 3 == 0 else (), cites,
        "note" if n % 4 == 0 else "", False, WHEN + dt.timedelta(minutes=n % 9),
        WHEN + dt.timedelta(minutes=n % 11))


views = st.builds(
    view, st.integers(0, 60), st.integers(0, 40), st.integers(0, 3),
    st.sampled_from([(), ("2",), ("10",), ("2", "10"), ("a",)]),
    st.sampled_from(["proposed", "accepted", "disputed"]))
operations = st.lists(st.one_of(
    st.tuples(st.just("add"), st.lists(views, max_size=12)),
    st.tuples(st.just("upsert"), st.lists(views, max_size=3)),
    st.tuples(st.just("remove"), st.lists(st.integers(0, 60), max_size=3)),
    st.tuples(st.just("sort"), st.integers(0, len(HEADERS) - 1), st.booleans()),
    st.tuples(st.just("text"), st.sampled_from(["", "claim", "speaker:tamimi", "cites:2",
                                                 "stance:against", "quote 3", "status:dis"])),
    st.tuples(st.just("tag"), st.sampled_from([None, "Threat"])),
), max_size=14)


def expected(held: dict[str, AnnotationView], model: AnnotationTableModel, col: int,
             descending: bool) -> list[str]:
    shown = [a for a in held.values() if model.accepts(a)]
    shown.sort(key=lambda a: (sort_key(a, col), a.id), reverse=descending)
    return [a.id for a in shown]


@settings(max_examples=250, deadline=None)
@given(operations)
def test_rows_are_always_the_filtered_annotations_in_column_order(qapp, ops):
    from PySide6.QtCore import Qt

    model = AnnotationTableModel()
    held: dict[str, AnnotationView] = {}
    col, descending = 8, False  # by position, as the table starts
    for op in ops:
        if op[0] == "add":
            model.add(op[1])
            held.update((a.id, a) for a in op[1])
        elif op[0] == "upsert":
            model.upsert(op[1])
            held.update((a.id, a) for a in op[1])
        elif op[0] == "remove":
            gone = [f"a{n:04}" for n in op[1]]
            model.remove(gone)
            for g in gone:
                held.pop(g, None)
        elif op[0] == "sort":
            col, descending = op[1], op[2]
            model.sort(col, Qt.SortOrder.DescendingOrder if descending
                       else Qt.SortOrder.AscendingOrder)
        elif op[0] == "text":
            model.set_text(op[1])
        else:
            model.set_tag(op[1])
        rows = [model.annotation(r).id for r in range(model.rowCount())]
        assert rows == expected(held, model, col, descending)
        assert model.total() == len(held)
        for r, annotation_id in enumerate(rows):
            assert model.row_of(annotation_id) == r
            assert model.annotation(r) == held[annotation_id]


def test_blocks_scattered_batches_and_edits_keep_the_model_consistent(qtmodeltester):
    from PySide6.QtCore import QPersistentModelIndex, Qt

    model = AnnotationTableModel()
    qtmodeltester.check(model, force_py=True)  # and watches every change that follows
    model.add([view(n, n * 3, n % 4, (), "proposed") for n in range(0, 20, 2)])
    model.sort(8, Qt.SortOrder.DescendingOrder)
    kept = [QPersistentModelIndex(model.index(r, 0)) for r in range(model.rowCount())]
    ids = [model.annotation(r).id for r in range(model.rowCount())]
    model.add([view(n, 200 + n, 0, (), "proposed") for n in range(20, 25)])  # one block
    assert [model.annotation(i.row()).id for i in kept] == ids  # told where the rows went
    model.add([view(n, n * 3, 1, ("2",), "accepted") for n in range(1, 20, 2)])  # scattered
    assert [model.annotation(i.row()).id for i in kept] == ids
    model.set_text("speaker:tamimi")
    model.add([view(n, n, 1, (), "proposed") for n in range(30, 36)])
    model.upsert([view(3, 500, 2, (), "disputed"), view(5, 15, 1, ("10",), "accepted")])
    model.remove(["a0001", "a0030"])
    model.set_text("")
    model.sort(1, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == model.total() == 29
