"""Re-importing the open report from a changed file: choose the file, see what will become
of each highlight (kept, moved, matched approximately, orphaned), confirm, apply as one
undoable command. The window then shows the new text with the highlights re-anchored,
selects the first orphaned one (italic in the table; the inspector says how to fix it).

The file dialog, the confirmation and the refusal message are attributes, so tests (and
other front ends) replace them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from glossator.services import Change, CommandError, Workspace
from glossator.services.reimport import ReimportPlan, prepare_reimport, read_replacement
from glossator.ui.common.undo import UndoController
from glossator.ui.library.imports import REPORT_FILTER
from glossator.ui.state import WindowState

SHOWN_ORPHANS = 12
HINT = "orphaned highlights are in italics in the table; adjust the span of each (Ctrl+E)"


def choose_file(parent: QWidget, title: str) -> str | None:
    path, _ = QFileDialog.getOpenFileName(parent, f"Re-import \u201c{title}\u201d from a file",
                                          "", REPORT_FILTER)
    return path or None


def _short(quote: str, limit: int = 90) -> str:
    quote = " ".join(quote.split())
    return quote if len(quote) <= limit else quote[: limit - 1] + "\u2026"


def confirmation_text(plan: ReimportPlan) -> str:
    """What the confirmation says: the counts, then the quotes that will be orphaned."""
    c = plan.counts
    lines = [
        f"The text goes from {plan.old_length:,} to {plan.new_length:,} characters"
        f" and the notes from {plan.notes[0]} to {plan.notes[1]}.",
        "",
        f"{c['kept']} highlights stay where they are, {c['moved']} move with their words,"
        f" {c['fuzzy']} are matched approximately and {c['orphaned']} are not found.",
    ]
    if plan.new_title != plan.title:
        lines.append(f"The title becomes \u201c{plan.new_title}\u201d.")
    if plan.dropped_cites:
        labels = ", ".join(sorted({label for _, label in plan.dropped_cites}))
        lines.append(f"{len(plan.dropped_cites)} citations of notes no longer in the file"
                     f" ({labels}) are dropped.")
    if plan.orphaned:
        lines += ["", "Not found (marked orphaned, left where they were, for you to fix):"]
        shown = plan.orphaned[:SHOWN_ORPHANS]
        lines += [f"\u2022 \u201c{_short(i.old_quote)}\u201d" for i in shown]
        if len(plan.orphaned) > SHOWN_ORPHANS:
            lines.append(f"\u2026 and {len(plan.orphaned) - SHOWN_ORPHANS} more")
    lines += ["", "Undo puts the old text and every highlight back."]
    return "\n".join(lines)


def confirm(parent: QWidget, plan: ReimportPlan) -> bool:
    box = QMessageBox(QMessageBox.Icon.Question, "Re-import from file",
                      f"Replace the text of \u201c{plan.title}\u201d with {plan.source_name}?",
                      QMessageBox.StandardButton.Cancel, parent)
    box.setInformativeText(confirmation_text(plan))
    apply = box.addButton("Re-import", QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(apply)
    box.exec()
    return box.clickedButton() is apply


def warn(parent: QWidget, message: str) -> None:
    QMessageBox.warning(parent, "Re-import from file", message)


class Reimport:
    """File > Re-import from file… for the open report (the window re-reads the report
    when the change comes back)."""

    choose_file: Callable[[QWidget, str], str | None] = staticmethod(choose_file)
    confirm: Callable[[QWidget, ReimportPlan], bool] = staticmethod(confirm)
    warn: Callable[[QWidget, str], None] = staticmethod(warn)

    def __init__(self, state: WindowState, ws: Workspace, undo: UndoController,
                 say: Callable[[str, int], None], parent: QWidget) -> None:
        self.state, self.ws, self.undo, self._say, self.parent = state, ws, undo, say, parent

    def run(self) -> Change | None:
        """Ask for the file and for confirmation, then re-import; the change, or None."""
        state, parent = self.state, self.parent
        report = state.report
        if report is None:
            self._say("Open a report to re-import it", 6000)
            return None
        path = self.choose_file(parent, report.title)
        if not path:
            return None
        try:
            command = prepare_reimport(self.ws, report.id, read_replacement(Path(path)))
            plan = command.plan
            assert plan is not None
        except CommandError as exc:
            self._say(str(exc), 8000)
            self.warn(parent, str(exc))
            return None
        if plan.identical:
            self._say(
                f"{plan.source_name}: the text is the same as the report's; nothing changed",
                8000)
            return None
        if not self.confirm(parent, plan):
            return None
        change = self.undo.push(command)  # the plan shown is applied, unless anything changed
        if change is not None and plan.orphaned:
            first = next((i.annotation for i in plan.orphaned
                          if i.annotation in state.annotations), None)
            if first is not None:
                state.select(first)
            self._say(f"{change.message} \u2014 {HINT}", 15000)
        return change
