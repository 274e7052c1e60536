"""The passages table model reads only the blocks shown, follows a query found slice by
slice, and passes the model tester; the slice runner runs a query out between turns of
the event loop and says in one sentence why one cannot run."""

from __future__ import annotations

import pytest

from glossator.services.analysis import Analysis
from glossator.services.passage_filters import PassageQuery
from glossator.ui.analysis import passage_model
from glossator.ui.analysis.passage_model import GONE, QUOTE, WAITING, PassageTableModel
from glossator.ui.analysis.slices import SliceRunner
from tests.ui.analysis_fixtures import planted, quote

__all__ = ["planted"]  # fixture


@pytest.fixture
def analysis(workspace, planted) -> Analysis:
    return Analysis(workspace)


def test_the_model_passes_the_model_tester(qtmodeltester, analysis):
    model = PassageTableModel(analysis.read)
    model.set_selection(analysis.find())
    qtmodeltester.check(model, force_py=True)
    model.clear()
    qtmodeltester.check(model, force_py=True)


def test_blocks_are_read_when_a_paint_asks_for_them(qtbot, analysis, monkeypatch):
    monkeypatch.setattr(passage_model, "BLOCK", 3)
    model = PassageTableModel(analysis.read)
    model.set_selection(analysis.find())
    assert model.reads == 1  # the first block, for the first paint
    assert model.index(0, QUOTE).data() == quote("a1")
    assert model.index(7, QUOTE).data() == WAITING  # asked for, read on the next turn
    assert model.reads == 1
    with qtbot.waitSignal(model.dataChanged):
        pass
    assert model.reads == 2 and model.index(7, QUOTE).data() == quote("h4")
    assert model.index(11, QUOTE).data() == WAITING


def test_at_most_the_kept_blocks_stay_read(analysis, monkeypatch):
    monkeypatch.setattr(passage_model, "BLOCK", 1)
    monkeypatch.setattr(passage_model, "KEPT_BLOCKS", 4)
    model = PassageTableModel(analysis.read)
    model.set_selection(analysis.find())
    model.ensure(0, 11)
    assert model.reads == 12 and len(model._blocks) == 4
    assert sorted(model._blocks) == [8, 9, 10, 11]  # those nearest the last read


def test_rows_found_later_are_appended(qtbot, analysis, planted):
    model = PassageTableModel(analysis.read)
    sliced = analysis.find_sliced()
    model.set_selection(sliced.step(1))  # the earliest report: A (a1..a4)
    assert model.rowCount() == 4
    with qtbot.waitSignal(model.rowsInserted) as inserted:
        model.extend(sliced.step(1))  # then H
    assert inserted.args[1:] == [4, 7]
    assert [model.index(r, QUOTE).data() for r in (3, 4)] == [quote("a4"), quote("h1")]


def test_a_passage_deleted_since_it_was_found_says_so(workspace, analysis, planted):
    from glossator.services.annotations import DeleteAnnotations

    found = analysis.find()
    workspace.run(DeleteAnnotations([planted.ids["b1"]]))
    model = PassageTableModel(analysis.read)
    model.set_selection(found)
    assert model.index(11, QUOTE).data() == GONE


def test_the_runner_runs_a_query_out_in_slices(qtbot, analysis, planted):
    runner = SliceRunner(budget=0.0, first=1)  # one report a slice
    seen: list[int] = []
    runner.progressed.connect(lambda found: seen.append(len(found)))
    sliced = analysis.find_sliced()
    with qtbot.waitSignal(runner.finished, timeout=10_000) as finished:
        runner.start(sliced)
        assert runner.running and seen == [4]  # the first slice (report A) ran at once
    assert len(finished.args[0]) == 12 and not runner.running
    assert seen[-1] == 12 and len(seen) == sliced.total  # a signal for every report


def test_a_query_that_cannot_run_is_one_sentence(qtbot, analysis):
    runner = SliceRunner()
    with qtbot.waitSignal(runner.failed) as failed:
        runner.start(analysis.find_sliced(PassageQuery(tags=("Nonsense",))))
    assert failed.args == ["No tag is called \u201cNonsense\u201d"]
    assert not runner.running
