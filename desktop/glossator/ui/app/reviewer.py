"""Who is reviewing: the status bar's button (name, initials, colour), the dialog asked on a
switch, and the name remembered for the next run. The switch itself is a workspace command
(in the history)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from glossator.services import Workspace
from glossator.ui.app.reviewer_dialog import ask_reviewer, swatch
from glossator.ui.app.settings import AppSettings


class ReviewerSwitch:
    """Ctrl+Shift+R and the status bar's reviewer button."""

    def __init__(self, ws: Workspace, settings: AppSettings, button: QPushButton,
                 say: Callable[[str, int], None], parent: QWidget) -> None:
        self.ws, self.settings, self.button = ws, settings, button
        self._say, self.parent = say, parent

    def show(self) -> None:
        name = self.ws.reviewer
        initials, color = self.settings.reviewer_profile(name) if name else ("", "")
        self.button.setText(f"Reviewer: {name or 'nobody'}"
                            + (f" ({initials})" if initials else ""))
        if color:
            self.button.setIcon(swatch(color, 12))
        self.button.setAccessibleName(f"Reviewer: {name or 'nobody'}; switch reviewer")

    def switch(self) -> None:
        ws = self.ws
        current = ws.reviewer or ""
        initials, color = self.settings.reviewer_profile(current) if current else ("", "")
        choice = ask_reviewer(self.parent, ws.reviewers(), current=current,
                              initials=initials, color=color)
        if choice is None:
            return
        ws.set_reviewer(choice.name)
        self.settings.reviewer = ws.reviewer
        if ws.reviewer:
            self.settings.set_reviewer_profile(ws.reviewer, choice.initials, choice.color)
        self.show()
        self._say(f"Reviewing as {ws.reviewer}", 6000)
