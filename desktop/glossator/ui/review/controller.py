"""Reviewing in the window: decisions and the thread in the inspector, the Review menu and
its keys, the author and status filters of the table and the report, and the agreement
dialog. Each decision, comment, edit or settlement is one command on the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QWidget

from glossator.services import Workspace
from glossator.services.commands import Command
from glossator.services.review import DecideAnnotations
from glossator.services.review_comments import AddComment, DeleteComment, EditComment
from glossator.ui.common.undo import UndoController
from glossator.ui.review.actions import ReviewActions
from glossator.ui.review.filters import MINE, ReviewFilterBar
from glossator.ui.review.panel import ReviewPanel
from glossator.ui.state import WindowState

if TYPE_CHECKING:  # the dialog is imported when first opened
    from glossator.ui.review.agreement_dialog import AgreementDialog


class ReviewWorkflow:
    """The window's review side. `shown_ids`: the annotations the table shows, in its
    order; `reveal`: scrolls the inspector to a widget; `show_passage`: opens a report at
    an annotation."""

    def __init__(self, state: WindowState, ws: Workspace, undo: UndoController,
                 actions: ReviewActions, panel: ReviewPanel,
                 shown_ids: Callable[[], list[str]], reveal: Callable[[QWidget], None],
                 show_passage: Callable[[int, str], None], say: Callable[[str, int], None],
                 parent: QWidget) -> None:
        self.state, self.ws, self.undo, self.actions, self.panel = (
            state, ws, undo, actions, panel)
        self._shown_ids, self._reveal, self._show_passage = shown_ids, reveal, show_passage
        self._status, self.parent = say, parent
        self.dialog: AgreementDialog | None = None
        self.filters = ReviewFilterBar(ws.reviewers, parent)
        panel.decisionRequested.connect(lambda decision, comment: self.decide(decision, comment))
        panel.commentRequested.connect(self.comment)
        panel.editRequested.connect(lambda rid, text: self.push(EditComment(rid, text)))
        panel.deleteRequested.connect(lambda rid: self.push(DeleteComment(rid)))
        self.filters.changed.connect(self.apply_filters)
        a = actions
        for action, slot in (
            (a.accept, lambda: self.decide("accepted")),
            (a.reject, lambda: self.decide("rejected")),
            (a.dispute, lambda: self.decide("disputed")),
            (a.comment, self.focus_comment),
            (a.accept_shown, lambda: self.decide_shown("accepted")),
            (a.reject_shown, lambda: self.decide_shown("rejected")),
            (a.show_all, self.show_everything),
            (a.only_mine, lambda: self.filters.set_author(MINE)),
            (a.agreement, self.open_agreement),
        ):
            action.triggered.connect(slot)
        for status, action in a.status_actions.items():
            action.triggered.connect(lambda _c=False, s=status: self.filters.set_status(s))

    def push(self, command: Command) -> None:
        self.undo.push(command)

    def _say(self, message: str) -> None:
        self._status(message, 5000)

    # -- the selected highlight -----------------------------------------------------------

    def show_thread(self, annotation_id: str | None) -> None:
        thread = self.ws.review_thread(annotation_id) if annotation_id else None
        self.panel.show_thread(thread, self.ws.reviewer)

    def decide(self, decision: str, comment: str = "") -> None:
        if self.state.selected is None:
            self._say("Select a highlight first")
            return
        self.push(DecideAnnotations([self.state.selected], decision, comment))

    def decide_shown(self, decision: str) -> None:
        """Decide on every highlight the table shows (one's own skipped for acceptance)."""
        ids = self._shown_ids()
        if not ids:
            self._say("The table shows no highlight")
            return
        self.push(DecideAnnotations(ids, decision, skip_own=decision == "accepted"))

    def comment(self, text: str, reply_to: str | None) -> None:
        if self.state.selected is not None:
            self.push(AddComment(self.state.selected, text, reply_to))

    def focus_comment(self) -> None:
        if self.state.selected is None:
            self._say("Select a highlight first")
            return
        box = self.panel.box
        self._reveal(box)
        box.setFocus()

    # -- filters --------------------------------------------------------------------------

    def show_everything(self) -> None:
        self.filters.set_author("")
        self.filters.set_status("")

    def apply_filters(self) -> None:
        """The table and the report show the same annotations."""
        self.state.set_shown(self.filters.predicate(lambda: self.ws.reviewer))

    # -- agreement ------------------------------------------------------------------------

    def open_agreement(self) -> AgreementDialog:
        if self.dialog is None:
            from glossator.ui.review.agreement_dialog import AgreementDialog

            self.dialog = AgreementDialog(self.ws, self.undo, self.parent)
            self.dialog.passageActivated.connect(self._show_passage)
        report = self.state.report
        self.dialog.reload(report.id if report is not None else None)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
