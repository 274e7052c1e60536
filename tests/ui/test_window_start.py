"""Starting the window: a skeleton listing the library is shown and painted first; the
services and the features are imported and the window assembled on it after that paint,
which then shows the remembered report; closed before that, it closes cleanly."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget

from glossator.ui.app.run import open_window


def test_the_skeleton_lists_the_library_then_the_window_is_built_on_it(
        qtbot, workspace, db_path, app_settings, seed_report_id):
    titles = {r.title for r in workspace.reports()}
    ready = []
    window = open_window(str(db_path), "Tester", app_settings, ready.append)
    assert window is not None
    qtbot.addWidget(window)
    assert not window.assembled
    listed = window.centralWidget().findChild(QTreeWidget)
    assert listed is not None
    assert {listed.topLevelItem(i).text(0) for i in range(listed.topLevelItemCount())} == titles
    qtbot.waitUntil(lambda: bool(ready), timeout=15000)  # after the skeleton's paint
    assert ready == [window] and window.assembled
    assert window.library.model.rowCount() == len(titles)
    qtbot.waitUntil(lambda: window.sync.shown_id == seed_report_id)
    assert window.report is not None and window.report.id == seed_report_id
    assert window.ws.reviewer == "Tester"
    window.close()
    window.ws.close()


def test_closed_before_it_is_built_it_just_closes(qtbot, workspace, db_path, app_settings):
    ready = []
    window = open_window(str(db_path), "Tester", app_settings, ready.append)
    assert window is not None
    qtbot.addWidget(window)
    window.close()  # before any paint: nothing to save, nothing read
    qtbot.wait(700)  # past the time the build would start without a paint
    assert not window.assembled and not window.isVisible() and not ready


def test_a_workspace_that_cannot_be_opened_is_said_and_no_window_shown(
        qtbot, tmp_path, app_settings, monkeypatch):
    said = []
    monkeypatch.setattr("glossator.ui.app.run.QMessageBox.critical",
                        lambda _parent, _title, text: said.append(text))
    bad = tmp_path / "not-a-workspace.sqlite3"
    bad.write_bytes(b"this is not a database at all" * 100)
    assert open_window(str(bad), "Tester", app_settings) is None
    assert said and "cannot be opened" in said[0]
