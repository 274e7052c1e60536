"""What the window remembers between runs, kept in an INI file under the config folder.

`glossator.paths.config_dir()` honours `GLOSSATOR_HOME`, so tests never touch the user's
real configuration. Per-workspace values (the open report, its scroll position) are
stored under a key derived from the database location.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings
from PySide6.QtWidgets import QMainWindow, QSplitter

from glossator import APP_NAME, paths

ORGANIZATION = APP_NAME
RECENT_LIMIT = 10


def settings_file() -> Path:
    return paths.config_dir() / "glossator.ini"


def _workspace_key(location: str) -> str:
    return "workspace-" + hashlib.sha1(location.encode("utf-8")).hexdigest()[:16]


class AppSettings:
    """Typed access to the few values Glossator remembers."""

    def __init__(self, qsettings: QSettings | None = None) -> None:
        self.q = qsettings or QSettings(str(settings_file()), QSettings.Format.IniFormat)

    def sync(self) -> None:
        self.q.sync()

    # -- reviewer ---------------------------------------------------------------------------

    @property
    def reviewer(self) -> str | None:
        value = self.q.value("reviewer/name", "")
        return str(value).strip() or None

    @reviewer.setter
    def reviewer(self, name: str | None) -> None:
        self.q.setValue("reviewer/name", name or "")

    # -- window layout ----------------------------------------------------------------------

    def _bytes(self, key: str) -> QByteArray | None:
        value = self.q.value(key)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def geometry(self) -> QByteArray | None:
        return self._bytes("window/geometry")

    def set_geometry(self, value: QByteArray) -> None:
        self.q.setValue("window/geometry", value)

    def splitter_state(self, name: str) -> QByteArray | None:
        return self._bytes(f"splitters/{name}")

    def set_splitter_state(self, name: str, value: QByteArray) -> None:
        self.q.setValue(f"splitters/{name}", value)

    @property
    def zoom(self) -> int:
        return self._int("view/zoom", 0)

    @zoom.setter
    def zoom(self, steps: int) -> None:
        self.q.setValue("view/zoom", int(steps))

    def _int(self, key: str, default: int) -> int:
        value = self.q.value(key, default)
        try:
            return int(str(value))
        except (TypeError, ValueError):
            return default

    # -- per workspace ----------------------------------------------------------------------

    def last_report(self, location: str) -> int | None:
        value = self._int(f"{_workspace_key(location)}/report", -1)
        return value if value >= 0 else None

    def scroll_position(self, location: str) -> int:
        """The code point that began the top line in view (not a scroll-bar value, which
        changes with the window's size and the text's layout)."""
        return self._int(f"{_workspace_key(location)}/first_visible", 0)

    def set_open_report(self, location: str, report_id: int | None, scroll: int) -> None:
        key = _workspace_key(location)
        self.q.setValue(f"{key}/location", location)
        self.q.setValue(f"{key}/report", -1 if report_id is None else report_id)
        self.q.setValue(f"{key}/first_visible", max(0, scroll))

    # -- recent imports ---------------------------------------------------------------------

    def recent_imports(self) -> list[str]:
        value = self.q.value("imports/recent", [])
        if isinstance(value, str):
            value = [value]
        items = value if isinstance(value, (list, tuple)) else []
        return [str(v) for v in items if str(v)]

    def add_recent_imports(self, items: list[str]) -> None:
        recent = [i for i in items if i]
        recent += [r for r in self.recent_imports() if r not in recent]
        self.q.setValue("imports/recent", recent[:RECENT_LIMIT])

    def clear_recent_imports(self) -> None:
        self.q.setValue("imports/recent", [])


def restore_layout(settings: AppSettings, window: QMainWindow, splitters: dict[str, QSplitter],
                   default_size: tuple[int, int], default_sizes: dict[str, list[int]]) -> None:
    """Window geometry and splitter positions as they were, else the defaults."""
    geometry = settings.geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(*default_size)
    for name, split in splitters.items():
        state = settings.splitter_state(name)
        if state is None or not split.restoreState(state):
            split.setSizes(default_sizes.get(name, []))


def save_layout(settings: AppSettings, window: QMainWindow,
                splitters: dict[str, QSplitter]) -> None:
    settings.set_geometry(window.saveGeometry())
    for name, split in splitters.items():
        settings.set_splitter_state(name, split.saveState())
