"""Work left for after a paint runs on the next turn of the event loop, and before any
input event that is already queued: a quick key after a highlight acts on fresh panes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from glossator.ui.common.after_paint import AfterPaint


def test_pending_work_runs_once_on_the_next_turn(qtbot):
    done: list[int] = []
    later = AfterPaint(lambda: done.append(1))
    later.schedule()
    later.schedule()
    assert later.pending() and done == []
    qtbot.waitUntil(lambda: done == [1])
    QApplication.processEvents()
    assert done == [1] and not later.pending()


def test_a_key_already_queued_sees_the_work_done_first(qtbot):
    box = QLineEdit()
    qtbot.addWidget(box)
    seen: list[str] = []
    state = {"value": "old"}
    box.textEdited.connect(lambda _text: seen.append(state["value"]))
    later = AfterPaint(lambda: state.update(value="new"))
    later.schedule()
    qtbot.keyClick(box, Qt.Key.Key_X)  # delivered before the timer could fire
    assert seen == ["new"]
    assert not later.pending()


def test_cancelled_work_never_runs(qtbot):
    done: list[int] = []
    later = AfterPaint(lambda: done.append(1))
    later.schedule()
    later.cancel()
    qtbot.wait(20)
    assert done == []


def test_a_tag_key_right_after_a_highlight_acts_on_the_new_one(qtbot, window, driver,
                                                                 workspace):
    """Press 1 on a selection, then 2 at once: the second key retags the new highlight
    (the inspector and the table were brought up to date before it was delivered)."""
    start = driver.highlight("Be prepared")
    new = window.selected
    qtbot.keyClick(window.report_view, Qt.Key.Key_2)  # no selection now: toggles tag 2
    tags = {t.shortcut: t.name for t in workspace.tags()}
    assert workspace.annotation(new).tags == (tags["1"], tags["2"])
    assert window.inspector.current_id() == new
    assert window.table.model.row_of(new) is not None
    assert window.report_view.highlight_at(start) == [new]
