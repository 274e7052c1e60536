"""File dialogs that start where the reviewer last was: the folder of the last file chosen
in any of them (kept between runs), else the home folder. Every dialog of the window that
opens or saves a file goes through here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QWidget

from glossator import paths

LAST_FOLDER = "dialogs/last_folder"


def settings_file() -> Path:
    """The window's INI file (under the config folder; `GLOSSATOR_HOME` moves it)."""
    return paths.config_dir() / "glossator.ini"


def _settings() -> QSettings:
    return QSettings(str(settings_file()), QSettings.Format.IniFormat)


def start_folder() -> Path:
    """The folder the next file dialog opens in."""
    saved = str(_settings().value(LAST_FOLDER, "") or "")
    if saved and Path(saved).is_dir():
        return Path(saved)
    return Path.home()


def remember(chosen: str | Path) -> None:
    """Keep the folder of a chosen file (or the chosen folder itself) for the next dialog."""
    path = Path(chosen)
    folder = path if path.is_dir() else path.parent
    if str(folder):
        settings = _settings()
        settings.setValue(LAST_FOLDER, str(folder))
        settings.sync()


def open_file(parent: QWidget | None, title: str, file_filter: str) -> Path | None:
    name, _chosen = QFileDialog.getOpenFileName(parent, title, str(start_folder()), file_filter)
    if not name:
        return None
    remember(name)
    return Path(name)


def open_files(parent: QWidget | None, title: str, file_filter: str) -> list[str]:
    names, _chosen = QFileDialog.getOpenFileNames(parent, title, str(start_folder()),
                                                  file_filter)
    if names:
        remember(names[0])
    return list(names)


def open_folder(parent: QWidget | None, title: str) -> str | None:
    folder = QFileDialog.getExistingDirectory(parent, title, str(start_folder()))
    if not folder:
        return None
    remember(folder)
    return folder


def save_file(parent: QWidget | None, title: str, name: str, file_filter: str,
              *, confirm_overwrite: bool = True) -> tuple[Path | None, str]:
    """The path to write and the filter chosen (None: cancelled). `name` is the proposed
    file name, in the last folder. With `confirm_overwrite` False the caller asks itself
    (after settling the suffix)."""
    options = QFileDialog.Option(0)
    if not confirm_overwrite:
        options |= QFileDialog.Option.DontConfirmOverwrite
    chosen_name, chosen_filter = QFileDialog.getSaveFileName(
        parent, title, str(start_folder() / name), file_filter, "", options)
    if not chosen_name:
        return None, chosen_filter
    remember(chosen_name)
    return Path(chosen_name), chosen_filter
