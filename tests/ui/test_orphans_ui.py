"""Orphans after a re-import, as a reader meets them: the orphaned highlight is not painted
over the text now at its old place, the Orphans tab lists it, and choosing it there selects
it for fixing (Ctrl+E on the right words)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.conftest import SEED_REPORT
from tests.ui.test_reimport_ui import DELETED, KEPT, changed_seed


def test_an_orphan_is_listed_not_painted_and_chosen_from_its_tab(
        qtbot, window, workspace, seed_report_id, driver, tmp_path, monkeypatch):
    qtbot.waitUntil(lambda: window.report is not None and window.report.id == seed_report_id)
    driver.highlight(KEPT)
    driver.highlight(DELETED)
    ids = {a.quote: a.id for a in window.annotations.values()}
    path = changed_seed(tmp_path, SEED_REPORT.read_text(encoding="utf-8"))
    monkeypatch.setattr(window.reimport, "choose_file", lambda _parent, _title: str(path))
    monkeypatch.setattr(window.reimport, "confirm", lambda _parent, _plan: True)
    window.menu_actions.reimport.trigger()
    orphan = window.annotations[ids[DELETED]]
    assert orphan.orphaned
    view = window.report_view
    covered = range(orphan.start, orphan.end)
    assert all(orphan.id not in view.highlight_at(cp) for cp in covered)  # not painted
    kept = window.annotations[ids[KEPT]]
    assert kept.id in view.highlight_at(kept.start + 2)
    tabs = window.lower_tabs
    index = tabs.indexOf(window.panes.orphans)
    assert tabs.isTabVisible(index) and tabs.tabText(index) == "Orphans (1)"
    panel = window.panes.orphans
    assert panel.ids() == [orphan.id]
    assert DELETED[:40] in panel.list.item(0).text()
    window.select_annotation(None)
    tabs.setCurrentIndex(index)
    panel.list.setFocus()
    panel.list.setCurrentRow(0)
    qtbot.keyClick(panel.list, Qt.Key.Key_Return)
    assert window.selected == orphan.id
    assert view.selected_rects() == []  # no outline over the text now there
    assert "not found" in window.inspector.meta.text()
    start = view.text().index("officials")  # the words it should now cover
    view.select_span(start, start + len("officials"))
    window.menu_actions.span_to_selection.trigger()
    fixed = window.annotations[orphan.id]
    assert not fixed.orphaned and fixed.quote == "officials"
    assert orphan.id in view.highlight_at(start + 1)
    assert not tabs.isTabVisible(index)  # no orphan left: no tab
