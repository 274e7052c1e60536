"""Reviewing in the window: decisions and the thread in the inspector, the Review menu and
its keys, the author and status filters of the table and the report, and the agreement
dialog. Each decision, comment, edit or settlement is one command on the undo stack."""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossator.services.commands import Command
from glossator.services.review import DecideAnnotations
from glossator.services.review_comments import AddComment, DeleteComment, EditComment
from glossator.ui.annotations.table_model import AnnotationIdRole
from glossator.ui.app.actions_review import ReviewActions
from glossator.ui.review.filters import MINE, ReviewFilterBar

if TYPE_CHECKING:  # the dialog is imported when first opened
    from glossator.ui.app.main_window import MainWindow
    from glossator.ui.review.agreement_dialog import AgreementDialog


class ReviewWorkflow:
    """The window's review side."""

    def __init__(self, window: MainWindow) -> None:
        self.w = window
        self.dialog: AgreementDialog | None = None
        self.actions = ReviewActions(window.menu_actions)
        self.filters = ReviewFilterBar(window.ws.reviewers, window.table)
        window.table.add_filter(self.filters)
        panel = window.inspector.review
        window.inspector.annotationShown.connect(self.show_thread)
        panel.decisionRequested.connect(lambda decision, comment: self.decide(decision, comment))
        panel.commentRequested.connect(self.comment)
        panel.editRequested.connect(lambda rid, text: self.push(EditComment(rid, text)))
        panel.deleteRequested.connect(lambda rid: self.push(DeleteComment(rid)))
        self.filters.changed.connect(self.apply_filters)
        a = self.actions
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
        # "only mine" follows a change of reviewer (connected after the window's own slot)
        window.menu_actions.switch_reviewer.triggered.connect(self.apply_filters)
        window.reviewer_button.clicked.connect(self.apply_filters)

    def push(self, command: Command) -> None:
        self.w.undo.push(command)

    def _say(self, message: str) -> None:
        self.w.statusBar().showMessage(message, 5000)

    # -- the selected highlight -----------------------------------------------------------

    def show_thread(self, annotation_id: str | None) -> None:
        thread = self.w.ws.review_thread(annotation_id) if annotation_id else None
        self.w.inspector.review.show_thread(thread, self.w.ws.reviewer)

    def decide(self, decision: str, comment: str = "") -> None:
        if self.w.selected is None:
            self._say("Select a highlight first")
            return
        self.push(DecideAnnotations([self.w.selected], decision, comment))

    def decide_shown(self, decision: str) -> None:
        """Decide on every highlight the table shows (one's own skipped for acceptance)."""
        table = self.w.table
        ids = [str(table.proxy.index(r, 0).data(AnnotationIdRole))
               for r in range(table.proxy.rowCount())]
        if not ids:
            self._say("The table shows no highlight")
            return
        self.push(DecideAnnotations(ids, decision, skip_own=decision == "accepted"))

    def comment(self, text: str, reply_to: str | None) -> None:
        if self.w.selected is not None:
            self.push(AddComment(self.w.selected, text, reply_to))

    def focus_comment(self) -> None:
        if self.w.selected is None:
            self._say("Select a highlight first")
            return
        box = self.w.inspector.review.box
        if self.w.inspector_area is not None:
            self.w.inspector_area.ensureWidgetVisible(box)
        box.setFocus()

    # -- filters --------------------------------------------------------------------------

    def show_everything(self) -> None:
        self.filters.set_author("")
        self.filters.set_status("")

    def apply_filters(self) -> None:
        """The table and the report show the same annotations."""
        w = self.w
        shown = self.filters.predicate(lambda: w.ws.reviewer)
        w.table.set_shown(shown)
        if shown is None:
            w.report_view.set_highlight_filter(None)
            return

        def key_shown(key: str) -> bool:  # runs while painting: reads nothing
            found = w.sync.loaded(key)
            return found is None or shown(found)

        w.report_view.set_highlight_filter(key_shown)

    # -- agreement ------------------------------------------------------------------------

    def open_agreement(self) -> AgreementDialog:
        if self.dialog is None:
            from glossator.ui.review.agreement_dialog import AgreementDialog

            self.dialog = AgreementDialog(self.w.ws, self.w.undo, self.w)
            self.dialog.passageActivated.connect(self.w.attribution.show_passage)
        self.dialog.reload(self.w.report.id if self.w.report is not None else None)
        self.dialog.show()
        self.dialog.raise_()
        return self.dialog
