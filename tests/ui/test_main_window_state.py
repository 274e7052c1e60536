"""What the window remembers, imports (menu, drop, recent list), the reviewer, first start."""

from __future__ import annotations

from pathlib import Path

from glossator.services import Workspace
from glossator.ui.app import run as app_module
from glossator.ui.app.main_window import MainWindow
from glossator.ui.app.settings import AppSettings, settings_file
from glossator.ui.library.imports import summarize
from tests.ui.dropping import drop_files
from tests.ui.modal import fill_reviewer_dialog

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def reopen(qtbot, workspace, app_settings) -> MainWindow:
    again = MainWindow(workspace, settings=app_settings)
    qtbot.addWidget(again)
    again.resize(1400, 900)
    with qtbot.waitExposed(again):
        again.show()
    return again


def test_settings_live_under_glossator_home(tmp_path_factory, app_settings):
    import os

    home = os.environ["GLOSSATOR_HOME"]
    assert str(settings_file()).startswith(home)
    app_settings.sync()
    assert settings_file().is_file()


def test_open_report_scroll_and_splitters_are_remembered(qtbot, window, workspace,
                                                          app_settings):
    other = next(r for r in workspace.reports() if r.source_name == "harbor-closure-reactions.txt")
    window.library.select_report(other.id)
    assert window.report is not None and window.report.id == other.id
    window.splitters["main"].setSizes([250, 800, 350])
    sizes = window.splitters["main"].sizes()
    window.close()
    again = reopen(qtbot, workspace, AppSettings())
    assert again.report is not None and again.report.id == other.id
    assert again.splitters["main"].sizes() == sizes
    again.close()


def test_scroll_position_is_restored(qtbot, workspace, app_settings, seed_report_id):
    """The first character in view is remembered (a scroll-bar value is not: it depends on
    the window's size and on how much of the text is laid out when it is applied)."""
    first = reopen(qtbot, workspace, app_settings)
    text = first.report.text
    target = text.index("These officials expressed concern")
    first.report_view.show_from(target)
    qtbot.waitUntil(lambda: first.report_view.first_visible() > 0)
    top = first.report_view.first_visible()
    assert text.rfind("\n", 0, target) < top <= target  # the line holding it, at the top
    first.close()
    again = reopen(qtbot, workspace, AppSettings())
    qtbot.waitUntil(lambda: again.report_view.first_visible() == top)
    again.resize(900, 600)  # a narrower window rewraps: the reader keeps their place
    qtbot.waitUntil(lambda: abs(again.report_view.first_visible() - top) < 200)
    assert again.report_view.first_visible() <= target
    again.close()
    third = reopen(qtbot, workspace, AppSettings())
    qtbot.waitUntil(lambda: abs(third.report_view.first_visible() - top) < 200)
    assert third.report_view.first_visible() <= target
    third.close()


def test_import_reports_refusals_in_the_status_bar(qtbot, window, tmp_path):
    (tmp_path / "a.txt").write_text("First report\n\nSome text.", encoding="utf-8")
    (tmp_path / "b.md").write_text("# Second\n\nMore text.", encoding="utf-8")
    (tmp_path / "c.txt").write_text("Third one\n\nAnd text.", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    outcomes = window.import_paths([str(tmp_path)])
    assert [o.status for o in outcomes].count("imported") == 3
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported 3 reports, 1 refused: ")
    assert window.library.model.rowCount() == 7
    assert window.settings.recent_imports()[0] == str(tmp_path)
    assert window.menu_actions.recent_menu.actions()[0].text().endswith(str(tmp_path))


def test_summarize_counts_duplicates_and_cancellation():
    from glossator.services.values import ImportOutcome

    outcomes = [ImportOutcome("a", "imported", 1, "A"), ImportOutcome("b", "duplicate", 1, "A"),
                ImportOutcome("c", "refused", reason="binary file")]
    assert summarize(outcomes) == \
        "Imported 1 report, 1 already in the workspace, 1 refused: binary file"
    assert summarize(outcomes[:1], cancelled=True) == "Imported 1 report (cancelled)"
    assert summarize([]) == "No report files found"


def test_cancelling_an_import_keeps_what_was_imported(qtbot, window, workspace, tmp_path,
                                                     monkeypatch):
    for i in range(4):
        (tmp_path / f"r{i}.txt").write_text(f"Report {i}\n\nText {i}.", encoding="utf-8")
    before = workspace.report_count()
    original = workspace.import_file

    def import_then_cancel(path, applied=None, prepare=None):
        outcome = original(path, applied, prepare)
        window.importer.cancel()
        return outcome

    monkeypatch.setattr(workspace, "import_file", import_then_cancel)
    outcomes = window.import_paths([str(tmp_path)])
    assert len(outcomes) == 1
    assert workspace.report_count() == before + 1
    assert window.statusBar().currentMessage() == "Imported 1 report (cancelled)"


def test_dropping_files_on_the_window_imports_them(qtbot, window, workspace, tmp_path):
    path = tmp_path / "dropped.txt"
    path.write_text("Dropped report\n\nIts text.", encoding="utf-8")
    drop_files(window, [path])  # dropped on the report: the window takes it
    qtbot.waitUntil(lambda: window.report is not None
                    and window.report.summary.source_name == "dropped.txt")
    assert any(r.source_name == "dropped.txt" for r in workspace.reports())


def test_switching_reviewer(qtbot, window, workspace, seed_report_id, monkeypatch, driver):
    filled = fill_reviewer_dialog("Second Reader")
    window.menu_actions.switch_reviewer.trigger()
    assert filled[0]["name"] == "Tester"  # who reviews now, to be typed over
    assert workspace.reviewer == "Second Reader"
    assert window.settings.reviewer == "Second Reader"
    assert window.reviewer_button.text() == "Reviewer: Second Reader (SR)"
    driver.highlight("Be prepared")
    assert workspace.annotations(seed_report_id)[0].author == "Second Reader"


def test_reviewer_is_asked_only_when_unknown(monkeypatch, qapp):
    from glossator.ui.app import reviewer_dialog

    asked = []
    monkeypatch.setattr(reviewer_dialog, "ask_reviewer", lambda *a, **k: (
        asked.append(a) or reviewer_dialog.ReviewerChoice("Asked Name", "AN", "#1f6feb")))
    settings = AppSettings()
    assert app_module.choose_reviewer("Given", settings, []) == "Given"
    assert settings.reviewer == "Given" and not asked
    settings.reviewer = None
    assert app_module.choose_reviewer(None, settings, []) == "Asked Name"
    assert len(asked) == 1
    assert app_module.choose_reviewer(None, settings, []) == "Asked Name"
    assert len(asked) == 1


def test_first_start_imports_the_seeds_and_opens_the_seed_report(qtbot, tmp_path, app_settings,
                                                                 monkeypatch):
    monkeypatch.setenv("GLOSSATOR_SEEDS", str(SEEDS))
    ws = Workspace.open(tmp_path / "fresh.sqlite3", reviewer="Tester")
    try:
        assert ws.report_count() == 0
        app_module.first_start(ws)
        assert ws.report_count() == len(list(SEEDS.glob("*.*"))) - 1  # all but the codebook
        window = reopen(qtbot, ws, app_settings)
        assert window.report is not None
        assert window.report.summary.source_name.startswith("000_")
        window.close()
    finally:
        ws.close()


def test_import_shows_a_footnote_warning_in_the_status_bar(qtbot, window, tmp_path):
    path = tmp_path / "statement.txt"
    path.write_text("Report\n\nMade (1) twice.\n\nNotes\n\n(1) Of May 2.\n", encoding="utf-8")
    window.import_paths([str(path)])
    message = window.statusBar().currentMessage()
    assert message.startswith("Imported 1 report, 1 footnote warning: statement.txt: ")
    assert "looks like a notes section" in message
