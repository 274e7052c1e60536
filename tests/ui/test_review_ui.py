"""Reviewing in the window as a team does: two reviewers annotate the seed report, one
accepts the other's highlight by key, they discuss it, filter each other's work, undo a
decision, and measure their agreement."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from glossator.core.agreement import AgreementResult, CodedSpan, measure
from glossator.services import Workspace
from glossator.ui.annotations.table_model import STATUS
from glossator.ui.app.main_window import MainWindow
from glossator.ui.review.agreement_models import AgreementModel, DisagreementModel

FIRST = "senior officials in the Iran-backed Iraqi militias accused Iran"
SECOND = "Hamas and Hizbullah were left alone in the arena facing an unknown fate"


def table_status(window, uuid: str) -> str:
    window.sync.flush_table()
    model = window.table.model
    row = next(r for r in range(model.rowCount()) if model.annotation(r).id == uuid)
    return str(model.index(row, STATUS).data())


@pytest.fixture
def two_reviewers(window, driver, workspace, seed_report_id):
    """Tester highlights FIRST, then Bea highlights SECOND; Bea is reviewing."""
    driver.highlight(FIRST)
    first = window.selected
    workspace.set_reviewer("Bea")
    driver.highlight(SECOND, Qt.Key.Key_2)
    second = window.selected
    assert first and second and first != second
    return first, second


def test_the_accept_key_accepts_the_others_highlight_and_undo_takes_it_back(
        qtbot, window, driver, workspace, two_reviewers):
    first, _second = two_reviewers
    start = window.report_view.text().index(FIRST)
    driver.click(start + 5)
    assert window.selected == first
    qtbot.keyClick(window.report_view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert workspace.annotation(first).status == "accepted"
    assert table_status(window, first) == "accepted"
    assert "accepted" in window.inspector.review.status.text()
    assert window.inspector.review.entries()[0].startswith("Bea \u00b7 ")
    assert window.menu_actions.undo.text() == "&Undo accept highlight"
    window.menu_actions.undo.trigger()
    assert workspace.annotation(first).status == "proposed"
    assert table_status(window, first) == "proposed"
    assert window.inspector.review.entries() == []


def test_nobody_accepts_their_own_highlight_in_the_window(qtbot, window, workspace, two_reviewers):
    _first, second = two_reviewers  # Bea's own
    window.select_annotation(second)
    assert not window.inspector.review.accept.isEnabled()
    window.review.actions.accept.trigger()
    assert workspace.annotation(second).status == "proposed"
    assert "own annotation" in window.statusBar().currentMessage()
    window.review.actions.dispute.trigger()  # disputing one's own is allowed
    assert workspace.annotation(second).status == "disputed"


def test_a_comment_and_its_reply_survive_a_restart(qtbot, window, workspace, db_path,
                                                   app_settings, two_reviewers):
    first, _second = two_reviewers
    window.select_annotation(first)
    panel = window.inspector.review
    panel.box.setPlainText("Is the accusation Iran's or the militias'?")
    qtbot.mouseClick(panel.send, Qt.MouseButton.LeftButton)
    assert len(panel.entries()) == 1 and panel.box.toPlainText() == ""
    workspace.set_reviewer("Tester")
    window.select_annotation(first)
    panel.thread_tree.setCurrentItem(panel.thread_tree.topLevelItem(0))
    panel.box.setPlainText("The militias', see note 2.")
    qtbot.mouseClick(panel.reply, Qt.MouseButton.LeftButton)
    assert panel.thread_tree.topLevelItem(0).childCount() == 1
    window.close()
    workspace.close()
    reopened = Workspace.open(db_path, reviewer="Tester")
    try:
        again = MainWindow(reopened, settings=app_settings)
        qtbot.addWidget(again)
        again.select_annotation(first)
        lines = again.inspector.review.entries()
        assert lines[0].startswith("Bea \u00b7 ") and lines[0].endswith("militias'?")
        assert lines[1].startswith("Tester \u00b7 ") and lines[1].endswith("see note 2.")
        top = again.inspector.review.thread_tree.topLevelItem(0)
        assert top.childCount() == 1  # the reply sits under the comment it answers
        again.close()
    finally:
        reopened.close()


def test_only_mine_hides_the_others_highlights_in_the_table_and_the_report(
        qtbot, window, workspace, two_reviewers):
    first, second = two_reviewers
    window.sync.flush_table()
    assert window.table.model.rowCount() == 2
    window.review.actions.only_mine.trigger()  # Bea's own work only
    assert window.table.model.rowCount() == 1
    view = window.report_view
    text = view.text()
    assert view.highlight_at(text.index(FIRST) + 3) == []
    assert view.highlight_at(text.index(SECOND) + 3) == [second]
    window.review.filters.set_author("Tester")
    assert window.table.model.rowCount() == 1
    assert view.highlight_at(text.index(FIRST) + 3) == [first]
    window.review.actions.status_actions["accepted"].trigger()
    assert window.table.model.rowCount() == 0
    window.review.actions.show_all.trigger()
    assert window.table.model.rowCount() == 2
    assert view.highlight_at(text.index(FIRST) + 3) == [first]


def test_the_agreement_dialog_shows_the_kappa_and_settles_a_disagreement(
        qtbot, window, workspace, seed_report_id, two_reviewers):
    first, second = two_reviewers
    dialog = window.review.open_agreement()
    qtbot.addWidget(dialog)
    dialog.tick(["Tester", "Bea"], [seed_report_id])
    result = dialog.compute()
    assert result is not None
    assert result.coders == ("Bea", "Tester")  # A, B: in the list's (alphabetical) order
    # By hand, for Tester's tag: n code points, Tester coded len(FIRST) of them, Bea none.
    # p_o = (n - len(FIRST)) / n; p_e = (n - len(FIRST)) / n * 1 + len(FIRST) / n * 0 = p_o,
    # so kappa = 0. Over both tags pooled (2n units, A coded len(SECOND), B len(FIRST)):
    n, a, b = len(window.report_view.text()), len(SECOND), len(FIRST)
    first_tag, second_tag = (workspace.annotation(u).tags[0] for u in (first, second))
    tag_row = next(r for r in range(dialog.measures.rowCount())
                   if dialog.measures.row(r).tag == first_tag)
    assert dialog.measures.row(tag_row).kappa == pytest.approx(0.0)
    assert dialog.measures.index(tag_row, 1).data() == "0.000"
    p_o = (2 * n - a - b) / (2 * n)
    p_e = (a / (2 * n)) * (b / (2 * n)) + (1 - a / (2 * n)) * (1 - b / (2 * n))
    overall = dialog.measures.row(dialog.measures.rowCount() - 1)
    assert overall.kappa == pytest.approx((p_o - p_e) / (1 - p_e))
    assert second_tag != first_tag and dialog.disagreements.rowCount() == 2
    row = next(r for r in range(dialog.disagreements.rowCount())
               if dialog.disagreements.disagreement(r).annotation_ids == (first,))
    dialog.list.selectRow(row)
    dialog.settle("b")  # Bea keeps Tester's (B's) passage: accepted, in one undo step
    assert workspace.annotation(first).status == "accepted"
    assert "B kept" in [dialog.disagreements.index(r, 5).data()
                        for r in range(dialog.disagreements.rowCount())]
    window.menu_actions.undo.trigger()
    assert workspace.annotation(first).status == "proposed"
    dialog.list.doubleClicked.emit(dialog.disagreements.index(row, 0))
    assert window.selected == first


def _result() -> AgreementResult:
    spans = [CodedSpan("a1", 1, "a", "T", 0, 10), CodedSpan("b1", 1, "b", "T", 5, 20),
             CodedSpan("b2", 1, "b", "U", 30, 40)]
    return measure({1: 50}, spans, ["a", "b"])


def test_agreement_models_pass_the_model_tester(qtmodeltester):
    measures = AgreementModel()
    measures.set_result(_result())
    qtmodeltester.check(measures, force_py=True)
    assert measures.rowCount() == 3 and measures.index(2, 0).data() == "(all tags)"
    listed = DisagreementModel()
    result = _result()
    listed.set_disagreements(list(result.disagreements), {1: "Report"},
                             ["q"] * len(result.disagreements), [""] * len(result.disagreements))
    qtmodeltester.check(listed, force_py=True)
    assert listed.rowCount() == 2
