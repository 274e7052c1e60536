"""Who is reviewing: the status bar's button, the question asked on a switch, and the name
remembered for the next run. The switch itself is a workspace command (in the history)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QPushButton, QWidget

from glossator.services import Workspace
from glossator.ui.app.settings import AppSettings
from glossator.ui.common import dialogs


class ReviewerSwitch:
    """Ctrl+Shift+R and the status bar's reviewer button."""

    def __init__(self, ws: Workspace, settings: AppSettings, button: QPushButton,
                 say: Callable[[str, int], None], parent: QWidget) -> None:
        self.ws, self.settings, self.button = ws, settings, button
        self._say, self.parent = say, parent

    def show(self) -> None:
        self.button.setText(f"Reviewer: {self.ws.reviewer or 'nobody'}")

    def switch(self) -> None:
        ws = self.ws
        name = dialogs.ask_reviewer(self.parent, ws.reviewer or dialogs.system_user_name(),
                                    ws.reviewers())
        if name is None:
            return
        ws.set_reviewer(name)
        self.settings.reviewer = ws.reviewer
        self.show()
        self._say(f"Reviewing as {ws.reviewer}", 6000)
