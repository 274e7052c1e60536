"""File > Re-import from file…, as a reader uses it: highlight passages of the seed report,
re-import a changed copy of its file, find the highlights on the same words, the orphaned
one in italics and explained, then undo."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt

from glossator.ui.library.reimport import HINT, confirmation_text
from tests.conftest import SEED_REPORT

KEPT = "blamed it for the disintegration of the entire axis"
DELETED = "These officials expressed concern about the possible resurgence"
INSERTED = "A paragraph the new edition adds before the passage.\n\n"


def changed_seed(tmp_path: Path, text: str) -> Path:
    first = "On December 8, 2024, following"
    text = text.replace(first, INSERTED + first)
    sentence = text[text.index(DELETED) : text.index("They also expressed apprehension")]
    path = tmp_path / "000_93b5b4f369dc47da (2nd edition).txt"
    path.write_text(text.replace(sentence, ""), encoding="utf-8")
    return path


def row_of(window, annotation_id: str) -> int:
    model = window.table.model
    return next(r for r in range(model.rowCount())
                if model.annotation(r).id == annotation_id)


def test_reimport_keeps_highlights_on_their_words_and_undo_restores(
    qtbot, window, seed_report_id, driver, tmp_path, monkeypatch
):
    qtbot.waitUntil(lambda: window.report is not None and window.report.id == seed_report_id)
    old_text = window.report.text
    driver.highlight(KEPT)
    driver.highlight(DELETED)
    qtbot.waitUntil(lambda: len(window.annotations) == 2)
    ids = {a.quote: a.id for a in window.annotations.values()}
    path = changed_seed(tmp_path, SEED_REPORT.read_text(encoding="utf-8"))
    asked: list[str] = []

    def confirm(_parent, plan):
        asked.append(confirmation_text(plan))
        return True

    monkeypatch.setattr(window.reimport, "choose_file", lambda _parent, _title: str(path))
    monkeypatch.setattr(window.reimport, "confirm", confirm)
    window.menu_actions.reimport.trigger()

    (text,) = asked
    assert "0 highlights stay where they are, 1 move with their words" in text
    assert f"\u2022 \u201c{DELETED}\u201d" in text
    view_text = driver.view.toPlainText()
    assert INSERTED.strip() in view_text and DELETED not in view_text
    kept = window.annotations[ids[KEPT]]
    assert view_text[kept.start : kept.end] == KEPT and not kept.orphaned
    assert ids[KEPT] in window.report_view.highlight_at(kept.start + 3)
    orphan = window.annotations[ids[DELETED]]
    assert orphan.orphaned and orphan.quote == DELETED
    window.sync.flush_table()
    model = window.table.model
    font = model.data(model.index(row_of(window, orphan.id), 0), Qt.ItemDataRole.FontRole)
    assert font is not None and font.italic()
    assert model.data(model.index(row_of(window, kept.id), 0), Qt.ItemDataRole.FontRole) is None
    message = window.statusBar().currentMessage()
    assert message == f"Re-imported: 0 kept, 1 moved, 1 need attention \u2014 {HINT}"
    assert window.selected == orphan.id  # the first orphan is selected, and explained
    assert "the quoted text was not found; adjust the span" in window.inspector.meta.text()

    # fixing it: select the words it should cover, Ctrl+E
    start = view_text.index("They also expressed apprehension")
    driver.select(start, start + len("They also expressed apprehension"))
    window.menu_actions.span_to_selection.trigger()
    fixed = window.annotations[orphan.id]
    assert not fixed.orphaned and fixed.quote == "They also expressed apprehension"
    assert "not found" not in window.inspector.meta.text()

    window.undo.undo()  # the fix
    window.undo.undo()  # the re-import
    assert driver.view.toPlainText() == old_text
    for quote, uuid in ids.items():
        a = window.annotations[uuid]
        assert old_text[a.start : a.end] == quote and not a.orphaned
    window.undo.redo()
    assert driver.view.toPlainText() == view_text


def test_refused_and_identical_files_change_nothing(
    qtbot, window, seed_report_id, tmp_path, monkeypatch
):
    qtbot.waitUntil(lambda: window.report is not None and window.report.id == seed_report_id)
    warned: list[str] = []
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    monkeypatch.setattr(window.reimport, "warn", lambda _parent, message: warned.append(message))
    monkeypatch.setattr(window.reimport, "confirm", lambda *_: pytest_fail())
    monkeypatch.setattr(window.reimport, "choose_file", lambda *_: str(binary))
    assert window.reimport.run() is None
    assert warned and warned[0].startswith("binary.txt: refused: binary")
    monkeypatch.setattr(window.reimport, "choose_file", lambda *_: str(SEED_REPORT))
    assert window.reimport.run() is None
    assert window.statusBar().currentMessage().endswith(
        "the text is the same as the report's; nothing changed")
    assert window.undo.stack.count() == 0


def pytest_fail() -> bool:
    raise AssertionError("no confirmation is asked for a refused or identical file")
