"""Plain keys for the widget that has the focus, not the window's single-key shortcuts.

The window's one-key shortcuts (tag keys 1..9, A, R, F, J, K, N, S, T, Delete) are meant for
the report. Text fields claim printable keys by themselves; lists and drop-down lists do not,
so without this a letter typed to pick a stance label would accept a suggestion, and Delete
on a stance would delete the highlight. `claim_plain_keys(widget)` makes such a widget take
every key pressed without Ctrl, Alt or Meta (Shift is allowed) before any shortcut sees it.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Protocol, runtime_checkable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget

_COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                      | Qt.KeyboardModifier.MetaModifier)


class _PlainKeys(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and not event.modifiers() & _COMMAND_MODIFIERS
                and event.key() not in (Qt.Key.Key_Escape, Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
                and not Qt.Key.Key_F1 <= event.key() <= Qt.Key.Key_F35):
            event.accept()  # the widget gets the key press; no shortcut fires
        return False


def claim_plain_keys(widget: QWidget) -> None:
    """Let `widget` have the plain keys typed while it has the focus (see the module)."""
    claimer = _PlainKeys(widget)
    widget.installEventFilter(claimer)


@runtime_checkable
class FocusOrdered(Protocol):
    """A section that says in which order Tab goes through its controls."""

    def focus_order(self) -> list[QWidget]: ...


def chain_focus(widgets: Sequence[QWidget]) -> None:
    """Tab goes through `widgets` in this order (each call of setTabOrder moves one
    widget, so the whole sequence is given)."""
    for first, second in pairwise(widgets):
        QWidget.setTabOrder(first, second)
