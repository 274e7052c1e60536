"""Key combinations as a person reads them: "Ctrl + Shift + Z", "Page Down", "Ctrl + Plus",
and not the keys of no ordinary keyboard that platforms add to standard shortcuts (X11
gives Undo the Sun keyboard's F14 key, Copy F16, Find F19; some add the Undo media key)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence

_MODIFIERS = (
    (Qt.KeyboardModifier.ControlModifier, "Ctrl"),
    (Qt.KeyboardModifier.AltModifier, "Alt"),
    (Qt.KeyboardModifier.MetaModifier, "Meta"),
    (Qt.KeyboardModifier.ShiftModifier, "Shift"),
)
_KEY_NAMES = {
    Qt.Key.Key_PageDown: "Page Down", Qt.Key.Key_PageUp: "Page Up",
    Qt.Key.Key_Delete: "Delete", Qt.Key.Key_Backspace: "Backspace",
    Qt.Key.Key_Escape: "Esc", Qt.Key.Key_Return: "Enter", Qt.Key.Key_Enter: "Enter",
    Qt.Key.Key_Plus: "Plus", Qt.Key.Key_Minus: "Minus", Qt.Key.Key_Equal: "=",
    Qt.Key.Key_Slash: "/", Qt.Key.Key_Space: "Space", Qt.Key.Key_Tab: "Tab",
}  # fmt: skip
_UNUSUAL = range(int(Qt.Key.Key_F13), int(Qt.Key.Key_F35) + 1)
_MEDIA_KEYS = int(Qt.Key.Key_Back)  # from here on: browser, media and office keys


def usual(sequence: QKeySequence) -> bool:
    """False for an empty sequence and for keys ordinary keyboards do not have: F13-F35, and
    the media and office keys (Undo, Zoom In) some keyboards add."""
    if sequence.isEmpty():
        return False
    keys = [int(sequence[i].key()) for i in range(sequence.count())]  # type: ignore[index]
    return all(k not in _UNUSUAL and k < _MEDIA_KEYS for k in keys)


def readable(sequence: QKeySequence) -> str:
    """"Ctrl + Shift + Z"; chords of several keys joined by ", then "."""
    parts = []
    for i in range(sequence.count()):
        combination = sequence[i]  # type: ignore[index]  # QKeySequence::operator[]
        mods = combination.keyboardModifiers()
        names = [name for flag, name in _MODIFIERS if mods & flag]
        key = combination.key()
        names.append(_KEY_NAMES.get(key) or QKeySequence(key).toString(
            QKeySequence.SequenceFormat.NativeText))
        parts.append(" + ".join(names))
    return ", then ".join(parts)


def readable_keys(sequences: Iterable[QKeySequence]) -> str:
    """Every usual sequence of an action, readable, separated by " or "."""
    shown = list(dict.fromkeys(readable(s) for s in sequences if usual(s)))
    return " or ".join(shown)
