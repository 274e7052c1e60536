"""Where Glossator keeps its data, configuration and backups.

`GLOSSATOR_HOME` moves everything under one folder (tests use it); otherwise the
platform's per-user directories are used.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from glossator import APP_NAME


def _home_override() -> Path | None:
    value = os.environ.get("GLOSSATOR_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    home = _home_override()
    path = home / "data" if home else Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    home = _home_override()
    path = (
        home / "config" if home else Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def backup_dir() -> Path:
    path = data_dir() / "backups"
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_file() -> Path:
    """Where the window writes what went wrong, with details (rotated at 1 MiB)."""
    return data_dir() / "glossator.log"


def default_database() -> Path:
    """The workspace used when neither `--db` nor `GLOSSATOR_DB` names one."""
    return data_dir() / "workspace.sqlite3"


def database_location(explicit: str | None = None) -> str:
    """The database path or SQLAlchemy URL: `--db`, then `GLOSSATOR_DB`, then the default."""
    if explicit:
        return explicit
    env = os.environ.get("GLOSSATOR_DB")
    if env:
        return env
    return str(default_database())


def _bundled(name: str) -> tuple[Path, ...]:
    """A data folder at the root of a frozen (PyInstaller) bundle, `sys._MEIPASS`."""
    root = getattr(sys, "_MEIPASS", None)
    return (Path(root) / name,) if root else ()


def resources_dir() -> Path:
    """The `resources/` folder: at the bundle root when frozen, else at the top of the checkout."""
    env = os.environ.get("GLOSSATOR_RESOURCES")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (*_bundled("resources"), here / "resources", here.parent.parent / "resources"):
        if candidate.is_dir():
            return candidate
    return here / "resources"


def seeds_dir() -> Path:
    """The sample reports imported into an empty workspace."""
    env = os.environ.get("GLOSSATOR_SEEDS")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent
    for candidate in (*_bundled("seeds"), here / "seeds", here.parent.parent / "seeds"):
        if candidate.is_dir():
            return candidate
    return here / "seeds"
