"""Starting the window: the application object, the workspace, the reviewer, first start."""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from glossator import APP_NAME, __version__, paths
from glossator.ui.app.failures import configure_logging, install_excepthook
from glossator.ui.app.settings import ORGANIZATION, AppSettings
from glossator.ui.common.memory import settle_memory

if TYPE_CHECKING:
    from glossator.services import Workspace
    from glossator.ui.app.main_window import MainWindow


def app_icon() -> QIcon:
    icons = paths.resources_dir() / "icons"
    icon = QIcon(str(icons / "glossator.svg"))
    png = icons / "glossator-256.png"
    if png.is_file():
        icon.addFile(str(png))
    return icon


def application() -> QApplication:
    """The running QApplication, created with Glossator's names and icon if needed."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("glossator")
    app.setWindowIcon(app_icon())
    theme = paths.resources_dir() / "themes" / "glossator.qss"
    if theme.is_file():
        app.setStyleSheet(theme.read_text(encoding="utf-8"))
    return app


def choose_reviewer(given: str | None, settings: AppSettings, known: list[str]) -> str | None:
    """--reviewer, else the remembered name, else asked in the first-run dialog (name,
    initials, colour; the account's name only offered, never filled in); None when the
    reviewer chose to quit there."""
    from glossator.ui.app.reviewer_dialog import ask_reviewer
    from glossator.ui.common import dialogs

    if given and given.strip():
        if settings.reviewer is None:
            settings.reviewer = given.strip()
        return given.strip()
    if settings.reviewer:
        return settings.reviewer
    choice = ask_reviewer(None, known, account_name=dialogs.system_user_name(),
                          first_start=True)
    if choice is None:
        return None
    settings.reviewer = choice.name
    settings.set_reviewer_profile(choice.name, choice.initials, choice.color)
    return choice.name


def first_start(workspace: Workspace) -> None:
    """An empty workspace gets the sample reports, so there is something to read at once."""
    if not workspace.report_count():
        workspace.ensure_seeded()


def open_window(db: str | None, reviewer: str | None, settings: AppSettings,
                on_ready: Callable[[MainWindow], None] | None = None) -> MainWindow | None:
    """Show the window at once: a skeleton with the library's list, read in one statement
    through SQLAlchemy's Core (`LibraryReader`). Once that is painted, the services and the
    features are imported, the reviewer chosen and the window assembled (`on_ready` then).
    None when the workspace cannot be opened (said in a message box)."""
    from glossator.services.library import LibraryReader

    try:
        library = LibraryReader.open(db)
        first = library.first_list()
    except Exception as exc:  # a refused database: say why, do not show a broken window
        QMessageBox.critical(None, APP_NAME, f"The workspace cannot be opened:\n\n{exc}")
        return None

    def assemble() -> None:
        try:
            workspace = library.workspace()
            name = choose_reviewer(reviewer, settings, workspace.reviewers())
            if name is None:  # Quit in the first-run dialog
                library.close()
                window.close()
                return
            workspace.set_reviewer(name)
            first_start(workspace)
        except Exception as exc:
            library.close()
            QMessageBox.critical(window, APP_NAME, f"The workspace cannot be opened:\n\n{exc}")
            window.close()
            return
        window.assemble(workspace)
        install_excepthook(lambda message: window.statusBar().showMessage(message, 10000))
        QTimer.singleShot(0, settle_memory)
        if on_ready is not None:
            on_ready(window)

    from glossator.ui.app.main_window import MainWindow

    window = MainWindow(None, settings, first_list=first, after_first_paint=assemble)
    window.show()
    return window


def run_gui(db: str | None = None, reviewer: str | None = None, self_test: bool = False) -> int:
    """Open the window on a workspace; returns the process exit status."""
    app = application()
    configure_logging()
    settings = AppSettings()

    def ready(window: MainWindow) -> None:
        if self_test:
            QTimer.singleShot(0, window.close)

    window = open_window(db, reviewer, settings, ready)
    if window is None:
        return 2
    try:
        return int(app.exec())
    finally:
        if window.assembled:
            window.ws.close()
