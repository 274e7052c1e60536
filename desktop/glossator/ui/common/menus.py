"""What a feature needs to add its actions to the window's menus: the window's way of making
an action (shortcut, tips, icon, reachable while the menu bar is hidden) and its menus."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from PySide6.QtGui import QAction, QIcon, QKeySequence
from PySide6.QtWidgets import QMainWindow

Keys = str | QKeySequence.StandardKey | Sequence[str]


class MenuHost(Protocol):
    """The window's actions, as a feature sees them."""

    @property
    def window(self) -> QMainWindow: ...

    @property
    def menus(self) -> list[tuple[str, list[QAction]]]: ...

    def make(self, text: str, keys: Keys | None, tip: str, icon: QIcon | None = None
             ) -> QAction: ...
