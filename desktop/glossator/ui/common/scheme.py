"""Colours that carry meaning in text (a status, a warning), for the palette in use: the
system's light or dark one. A dark palette gets the lighter twin of each, so that both read
at 4.5:1 or more against the window."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QPalette

#: name: (on a light window, on a dark window)
INKS = {
    "accepted": ("#1e7b34", "#7ee2a0"),
    "rejected": ("#b3261e", "#ff9a90"),
    "disputed": ("#a85b00", "#ffc266"),
    "warning": ("#b3261e", "#ff9a90"),
    "uncited": ("#8a5300", "#f0b860"),
    "neutral": ("#555555", "#c8c8c8"),
}
DARK_TEXT = "#202124"  # on the light fills (tags, agreement cells) whatever the palette


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def ink(name: str, palette: QPalette | None = None) -> str:
    light, dark = INKS.get(name, INKS["neutral"])
    return dark if is_dark(palette) else light
