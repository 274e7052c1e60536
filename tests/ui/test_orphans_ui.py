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


def test_an_orphan_on_a_later_page_of_a_long_report_is_listed_once_the_pages_are_in(
        qtbot, window, workspace, seed_report_id, driver, tmp_path, monkeypatch):
    """A report's annotations come a page at a time (the first of a hundred): an orphan
    that comes in a later page is listed when it comes, not at the next edit."""
    from glossator.services.annotations import AddAnnotation

    qtbot.waitUntil(lambda: window.report is not None and window.report.id == seed_report_id)
    driver.highlight(DELETED)
    orphan_id = next(iter(window.annotations))
    path = changed_seed(tmp_path, SEED_REPORT.read_text(encoding="utf-8"))
    monkeypatch.setattr(window.reimport, "choose_file", lambda _parent, _title: str(path))
    monkeypatch.setattr(window.reimport, "confirm", lambda _parent, _plan: True)
    window.menu_actions.reimport.trigger()
    orphan = window.annotations[orphan_id]
    assert orphan.orphaned
    for start in range(150):  # before it in text order: it comes in a later page
        workspace.run(AddAnnotation(seed_report_id, start, start + 3))
    other = next(r.id for r in workspace.reports() if r.id != seed_report_id)
    window.open_report(other)
    qtbot.waitUntil(lambda: window.report is not None and window.report.id == other)
    tabs, panel = window.lower_tabs, window.panes.orphans
    index = tabs.indexOf(panel)
    assert not tabs.isTabVisible(index)
    window.open_report(seed_report_id)
    qtbot.waitUntil(lambda: window.state.report_id == seed_report_id
                    and len(window.state.annotations_so_far()) == 151
                    and not window.state.filling)
    assert panel.ids() == [orphan_id]
    assert tabs.isTabVisible(index) and tabs.tabText(index) == "Orphans (1)"
    start = window.report_view.text().index("officials")
    window.report_view.select_span(start, start + len("officials"))
    window.select_annotation(orphan_id)
    window.menu_actions.span_to_selection.trigger()  # an edit that mends it
    assert panel.ids() == [] and not tabs.isTabVisible(index)
