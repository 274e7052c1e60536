"""Answering the window's questions as a reviewer does: a modal message box is found once
it is up and one of its buttons pressed; file dialogs answer with the name typed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

TRIES = 2000  # polls of the event loop (each a turn of it) before giving up


def answer(name: str, button: str) -> list[str]:
    """Press `button` (its text, without "&") on the next modal QMessageBox whose object
    name is `name`; the returned list gets the box's text once it was answered."""
    seen: list[str] = []
    tries = [0]

    def poll() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == name:
            for b in box.buttons():
                if b.text().replace("&", "") == button:
                    seen.append(box.text())
                    b.click()
                    return
            raise AssertionError(f"{name} has no button {button!r}: "
                                 f"{[b.text() for b in box.buttons()]}")
        tries[0] += 1
        if tries[0] < TRIES:
            QTimer.singleShot(5, poll)

    QTimer.singleShot(0, poll)
    return seen


class FileDialogs:
    """QFileDialog's static functions answered with the names a test types; each call's
    start folder is kept (`starts`)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.answers: list[str] = []
        self.starts: list[str] = []
        for name in ("getSaveFileName", "getOpenFileName"):
            monkeypatch.setattr(QFileDialog, name, staticmethod(self._one))
        monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(self._many))
        monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(self._folder))

    def type(self, *names: str | Path) -> None:
        self.answers += [str(n) for n in names]

    def _next(self, start: str) -> str:
        self.starts.append(start)
        return self.answers.pop(0) if self.answers else ""

    def _one(self, _parent: object, _title: str, start: str = "", *_rest: object
             ) -> tuple[str, str]:
        return self._next(start), ""

    def _many(self, _parent: object, _title: str, start: str = "", *_rest: object
              ) -> tuple[list[str], str]:
        chosen = self._next(start)
        return ([chosen] if chosen else []), ""

    def _folder(self, _parent: object, _title: str, start: str = "", *_rest: object) -> str:
        return self._next(start)


@pytest.fixture
def file_dialogs(monkeypatch: pytest.MonkeyPatch) -> FileDialogs:
    return FileDialogs(monkeypatch)


def menu_action(window: object, menu_name: str, text: str) -> Callable[[], None]:
    """The trigger of a menu's action, found by its text as the reviewer reads it."""
    from PySide6.QtWidgets import QMainWindow, QMenu

    assert isinstance(window, QMainWindow)
    menu = window.menuBar().findChild(QMenu, menu_name)
    assert menu is not None, menu_name
    for action in menu.actions():
        if action.text().replace("&", "") == text:
            return action.trigger
    raise AssertionError(f"{menu_name} has no {text!r}: {[a.text() for a in menu.actions()]}")


def fill_reviewer_dialog(name: str, *, initials: str | None = None,
                         color: str | None = None, use_account: bool = False,
                         press: str = "ok") -> list[dict[str, object]]:
    """When the reviewer dialog is up: type `name` (or press the account's button), the
    initials and pick a colour (by its word) if given, then press OK (or "cancel"). The
    list gets what the dialog showed when it opened (name, account button, OK enabled)."""
    seen: list[dict[str, object]] = []
    tries = [0]

    def poll() -> None:
        try:
            from glossator.ui.app.reviewer_dialog import ReviewerDialog
        except ImportError:  # a Glossator without it: whatever asks is another dialog
            ReviewerDialog = type(None)

        dialog = QApplication.activeModalWidget()
        if dialog is not None and not isinstance(dialog, ReviewerDialog):
            seen.append({"another dialog": type(dialog).__name__})
            dialog.close()  # not the dialog this test is about: nothing to fill
            return
        if not isinstance(dialog, ReviewerDialog):
            tries[0] += 1
            if tries[0] < TRIES:
                QTimer.singleShot(5, poll)
            return
        seen.append({"name": dialog.name.currentText(), "account": dialog.account.text(),
                     "account shown": not dialog.account.isHidden(),
                     "ok": dialog.ok.isEnabled(), "title": dialog.windowTitle()})
        line = dialog.name.lineEdit()
        assert line is not None
        if use_account:
            dialog.account.click()
        else:
            line.selectAll()
            QTest.keyClicks(line, name)
        if initials is not None:
            dialog.initials.selectAll()
            QTest.keyClicks(dialog.initials, initials)
        if color is not None:
            from PySide6.QtWidgets import QToolButton

            button = dialog.findChild(QToolButton, f"reviewerColor_{color}")
            assert button is not None
            button.click()
        target = dialog.ok if press == "ok" else dialog.findChild(QWidget, "reviewerCancel")
        assert target is not None
        target.click()

    QTimer.singleShot(0, poll)
    return seen
