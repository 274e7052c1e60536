"""The window's side of importing reports: the recent list, the status line, the report to
open once the files are in."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from glossator.services.values import ImportOutcome
from glossator.ui.app.actions import WindowActions
from glossator.ui.app.settings import AppSettings
from glossator.ui.library.imports import ImportRunner, summarize
from glossator.ui.state import WindowState


class WindowImports:
    """Runs imports for the window; `refresh_library` lists the reports again."""

    def __init__(self, state: WindowState, runner: ImportRunner, settings: AppSettings,
                 actions: WindowActions, refresh_library: Callable[[], None],
                 say: Callable[[str, int], None]) -> None:
        self.state, self.runner, self.settings, self.actions = state, runner, settings, actions
        self._refresh_library, self._say = refresh_library, say
        runner.finished.connect(self._finished)

    def import_paths(self, items: Sequence[str]) -> list[ImportOutcome]:
        if not items:
            return []
        outcomes = self.runner.run(items)
        self.settings.add_recent_imports([str(Path(i)) for i in items])
        self.update_recent()
        return outcomes

    def _finished(self, outcomes: list[ImportOutcome], cancelled: bool) -> None:
        self._refresh_library()
        self._say(summarize(outcomes, cancelled), 12000)
        first = next((o.report_id for o in outcomes if o.status == "imported"), None)
        if first is not None:
            self.state.open_report(first)

    def update_recent(self) -> None:
        self.actions.update_recent(self.settings.recent_imports(),
                                   lambda path: self.import_paths([path]))

    def clear_recent(self) -> None:
        self.settings.clear_recent_imports()
        self.update_recent()
