"""Analysis run a few reports at a time gives what one query gives, on the seed with the
planted set (tests/services/planted.py): the window runs every query this way."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.analysis import Analysis
from glossator.services.analysis_slices import Sliced
from glossator.services.passage_filters import PassageQuery
from tests.services.planted import Planted, plant

EVERYTHING = PassageQuery()


@pytest.fixture
def planted(ws: Workspace) -> Planted:
    return plant(ws)


def run_out(sliced: Sliced[Any], size: int) -> Any:
    steps = 0
    result = sliced.step(size)
    steps += 1
    while not sliced.done:
        result = sliced.step(size)
        steps += 1
    assert steps >= min(1, sliced.total) and sliced.done_reports == sliced.total
    return result


def test_report_order_is_library_order_narrowed_by_the_query(ws: Workspace, planted: Planted):
    analysis = Analysis(ws)
    order = analysis.report_order()
    dated = [r for r in ws.reports() if r.date is not None]
    undated = [r for r in ws.reports() if r.date is None]
    assert list(order) == [r.id for r in sorted(dated, key=lambda r: (r.date, r.id))] + sorted(
        r.id for r in undated)
    r = planted.reports
    spring = PassageQuery(date_from=dt.date(2025, 3, 1), date_to=dt.date(2025, 6, 30))
    assert analysis.report_order(spring) == (r["H"], r["R"])
    assert analysis.report_order(PassageQuery(report_ids=(r["B"], r["A"]))) == (r["A"], r["B"])
    assert analysis.report_order(PassageQuery(words="fishermen Keshet")) == (r["H"],)


@pytest.mark.parametrize("size", [1, 2, 100])
def test_found_in_slices_as_in_one_query(ws: Workspace, planted: Planted, size: int):
    analysis = Analysis(ws)
    for query in (EVERYTHING, PassageQuery(tags=("Quote",)), PassageQuery(speakers=("Varga",)),
                  PassageQuery(words="accused")):
        whole = analysis.find(query)
        sliced = analysis.find_sliced(query)
        found = run_out(sliced, size)
        assert found.ids == whole.ids
        assert found.query == whole.query  # the whole query's reports, for bulk reads
        assert analysis.read(found, 0, 50) == analysis.read(whole, 0, 50)
    keys = planted.keys_of([p.id for p in analysis.read(run_out(analysis.find_sliced(), 1))])
    # library order: report date, then start (r2 lies inside r3)
    assert keys == ["a1", "a2", "a3", "a4", "h1", "h2", "h3", "h4", "r1", "r3", "r2", "b1"]


@pytest.mark.parametrize("size", [1, 3])
def test_counts_in_slices_as_in_one_query(ws: Workspace, planted: Planted, size: int):
    analysis = Analysis(ws)
    for roll_up in (False, True):
        assert run_out(analysis.frequencies_sliced(EVERYTHING, roll_up), size) == (
            analysis.frequencies(EVERYTHING, roll_up))
    for mode in ("overlap", "paragraph"):
        for by in ("tag", "speaker"):
            whole = analysis.cooccurrence(EVERYTHING, mode, by)
            merged = run_out(analysis.cooccurrence_sliced(EVERYTHING, mode, by), size)
            assert merged.rows == whole.rows and merged.columns == whole.columns
            assert dict(merged.counts) == dict(whole.counts)
            assert dict(merged.colors) == dict(whole.colors)
    cell = run_out(analysis.cell_sliced(EVERYTHING, "Quote", "Betrayal", "paragraph"), size)
    assert cell == analysis.cell(EVERYTHING, "Quote", "Betrayal", "paragraph")
    assert cell.count == 2  # A6 and H4, hand-counted in test_analysis_counts
    timeline = run_out(analysis.timeline_sliced(EVERYTHING, "Iran"), size)
    assert timeline == analysis.timeline(EVERYTHING, "Iran")
    assert timeline.series("against") == (1, 0, 0, 1, 0, 0, 0, 0, 0, 0)


def test_a_query_with_no_report_still_checks_its_names(ws: Workspace, planted: Planted):
    analysis = Analysis(ws)
    nowhere = PassageQuery(date_from=dt.date(1990, 1, 1), date_to=dt.date(1990, 2, 1))
    sliced = analysis.find_sliced(nowhere)
    assert sliced.total == 0 and not sliced.done
    assert len(sliced.step(10)) == 0 and sliced.done
    with pytest.raises(CommandError, match="No tag"):
        analysis.find_sliced(PassageQuery(tags=("Nonsense",), date_to=dt.date(1990, 1, 1))
                             ).step(1)
    with pytest.raises(CommandError, match="No tag"):
        analysis.find_sliced(PassageQuery(tags=("Nonsense",))).step(1)
