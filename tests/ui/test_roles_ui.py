"""The window of an annotator: what their role does not allow is switched off with the
reason as its tooltip, the keys do nothing, and the services refuse it anyway; with blind
coding on they see only their own highlights. Roles and blind coding changed by a manager
in another process reach the open window."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from glossator.core.permissions import Role
from glossator.services.annotations import AddAnnotation
from glossator.services.team import SetBlindCoding, SetRole
from tests.ui.test_live_refresh_ui import glossator

BOSS_QUOTE = "senior officials in the Iran-backed Iraqi militias accused Iran"
OWN_QUOTE = "Hamas and Hizbullah were left alone in the arena facing an unknown fate"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def annotate(ws, report_id: int, quote: str) -> str:
    start = ws.report_text(report_id).text.index(quote)
    command = AddAnnotation(report_id, start, start + len(quote), note="n")
    ws.run(command)
    return command.uuid


def team(workspace, seed_report_id, *, blind: bool = False) -> tuple[str, str]:
    """Boss (the manager) highlights one passage and makes Tester an annotator, who
    highlights another."""
    workspace.set_reviewer("Boss")
    boss = annotate(workspace, seed_report_id, BOSS_QUOTE)
    workspace.run(SetRole("Tester", Role.ANNOTATOR))  # the first role: Boss is the manager
    if blind:
        workspace.run(SetBlindCoding(True))
    workspace.set_reviewer("Tester")
    own = annotate(workspace, seed_report_id, OWN_QUOTE)
    return boss, own


def open_window(qtbot, workspace, app_settings, seed_report_id):
    from glossator.ui.app.main_window import MainWindow

    win = MainWindow(workspace, settings=app_settings)
    qtbot.addWidget(win)
    win.resize(1400, 900)
    with qtbot.waitExposed(win):
        win.show()
    win.open_report(seed_report_id)
    win.state.annotations  # noqa: B018  (read in full)
    win.sync.flush_table()
    return win


@pytest.fixture
def annotator(qtbot, workspace, app_settings, seed_report_id):
    boss, own = team(workspace, seed_report_id)
    win = open_window(qtbot, workspace, app_settings, seed_report_id)
    yield win, boss, own
    win.close()


def test_an_annotator_cannot_open_the_codebook_to_change_it(qtbot, annotator):
    win, _boss, _own = annotator
    action = win.attribution.actions.codebook
    assert not action.isEnabled()
    assert "only a manager edits the codebook" in action.toolTip()
    win.report_view.setFocus()
    qtbot.keyClick(win.report_view, Qt.Key.Key_B, CTRL_SHIFT)
    assert win.codebook_dialog is None


def test_an_annotator_cannot_edit_or_delete_anothers_highlight(qtbot, annotator, workspace):
    win, boss, own = annotator
    win.select_annotation(boss)
    delete = win.menu_actions.delete
    assert not delete.isEnabled()
    assert "only a curator or a manager edits another reviewer's annotation" in delete.toolTip()
    assert not win.inspector.tags.isEnabled() and win.inspector.note.isReadOnly()
    assert "only a curator" in win.inspector.note.toolTip()
    panel = win.inspector.review
    for button in (panel.accept, panel.reject, panel.dispute):
        assert not button.isEnabled()
        assert "decides on another reviewer's annotation" in button.toolTip()
    assert panel.send.isEnabled()  # comments are anyone's
    qtbot.keyClick(win.report_view, Qt.Key.Key_A, Qt.KeyboardModifier.ShiftModifier)
    assert workspace.annotation(boss).status == "proposed"
    win.report_view.setFocus()
    qtbot.keyClick(win.report_view, Qt.Key.Key_Delete)
    assert workspace.annotation(boss) is not None
    win.editing.delete_selected()  # past the window: the services refuse
    assert workspace.annotation(boss) is not None
    assert "only a curator" in win.statusBar().currentMessage()
    win.select_annotation(own)  # one's own: everything allowed
    assert delete.isEnabled() and win.inspector.tags.isEnabled()
    assert not win.inspector.note.isReadOnly()
    assert panel.reject.isEnabled() and panel.dispute.isEnabled()
    qtbot.keyClick(win.report_view, Qt.Key.Key_Delete)
    assert workspace.annotation(own) is None


def test_an_annotator_cannot_settle_or_build_the_final_set(qtbot, annotator):
    win, _boss, _own = annotator
    win.report_view.setFocus()
    qtbot.keyClick(win.report_view, Qt.Key.Key_G, CTRL_SHIFT)
    dialog = win.review.dialog
    assert dialog is not None and dialog.isVisible()
    assert not dialog.agreed_button.isEnabled()
    assert "only a curator or a manager settles" in dialog.agreed_button.toolTip()
    if dialog.disagreements.rowCount():
        dialog.list.selectRow(0)
    for button in dialog.keep_buttons.values():
        assert not button.isEnabled()
        assert "settles and builds the final set" in button.toolTip()
    dialog.close()
    win.exchange.open_export()
    export = win.exchange.export_dialog
    assert not export.final_only.isEnabled() and not export.final_only.isChecked()
    assert "only a curator or a manager" in export.final_only.toolTip()
    export.close()


def test_blind_coding_shows_an_annotator_only_their_own(
        qtbot, workspace, app_settings, seed_report_id, db_path):
    boss, own = team(workspace, seed_report_id, blind=True)
    win = open_window(qtbot, workspace, app_settings, seed_report_id)
    try:
        assert set(win.state.annotations) == {own}
        assert win.table.model.row_of(boss) is None
        start = win.report_view.text().index(BOSS_QUOTE)
        assert boss not in win.report_view.highlight_at(start + 3)
        glossator(db_path, "Boss", "project", "blind", "off")  # comparison opens
        qtbot.waitUntil(lambda: win.table.model.row_of(boss) is not None
                        and boss in win.report_view.highlight_at(start + 3), timeout=2000)
    finally:
        win.close()


def test_a_role_given_elsewhere_reaches_the_open_window(qtbot, annotator, db_path):
    win, boss, _own = annotator
    win.select_annotation(boss)
    assert not win.menu_actions.delete.isEnabled()
    glossator(db_path, "Boss", "role", "set", "Tester", "curator")
    qtbot.waitUntil(lambda: win.menu_actions.delete.isEnabled(), timeout=2000)
    assert win.inspector.tags.isEnabled()
    assert not win.attribution.actions.codebook.isEnabled()  # still a manager's
