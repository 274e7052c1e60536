"""The agreement dialog: choose reviewers and reports, read kappa, alpha and F1 per tag,
walk the disagreements (double-click jumps to one in the window) and settle each: keep A's
side, B's, both or none, one undo step per decision."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from glossator.core.agreement import AgreementResult, Disagreement
from glossator.services import Command, CommandError, Workspace
from glossator.services.review_settle import settle_agreed, settle_disagreement
from glossator.services.values import AnnotationView
from glossator.ui.agreement_models import AgreementModel, DisagreementModel
from glossator.ui.undo import UndoController

IdRole = Qt.ItemDataRole.UserRole + 1
UNIT_NOTE = ("Units: each code point of the chosen reports, coded or not with a tag by each "
             "reviewer (kappa: two reviewers; alpha: nominal, two or more). Spans pair when "
             "they share the tag and overlap with Jaccard \u2265 0.5; precision and recall are "
             "B's against A's.")


def settled_text(d: Disagreement, status: dict[str, str]) -> str:
    def side(spans: tuple[object, ...], ids: list[str]) -> str | None:
        states = {status.get(i, "") for i in ids}
        if states == {"accepted"}:
            return "kept"
        if states == {"rejected"}:
            return "dropped"
        return None

    a = side(d.a, [s.id for s in d.a]) if d.a else "dropped"
    b = side(d.b, [s.id for s in d.b]) if d.b else "dropped"
    if a is None or b is None:
        return ""
    return {("kept", "kept"): "both kept", ("kept", "dropped"): "A kept",
            ("dropped", "kept"): "B kept"}.get((a, b), "none kept")


class AgreementDialog(QDialog):
    #: (report id, annotation id): show it in the window
    passageActivated = Signal(int, str)

    def __init__(self, ws: Workspace, undo: UndoController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle("Agreement between reviewers")
        self.ws, self.undo = ws, undo
        self.result: AgreementResult | None = None
        self.reviewers = QListWidget(self)
        self.reviewers.setObjectName("agreementReviewers")
        self.reports = QListWidget(self)
        self.reports.setObjectName("agreementReports")
        self.compute_button = QPushButton("&Compute", self)
        self.compute_button.setObjectName("agreementCompute")
        self.message = QLabel(UNIT_NOTE, self)
        self.message.setObjectName("agreementMessage")
        self.message.setWordWrap(True)
        self.measures = AgreementModel(self)
        self.table = self._view("agreementTable", self.measures)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.disagreements = DisagreementModel(self)
        self.list = self._view("disagreementTable", self.disagreements)
        self.list.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.keep_buttons: dict[str, QPushButton] = {}
        settle_row = QHBoxLayout()
        settle_row.addWidget(QLabel("Settle the selected disagreement:", self))
        for choice, text in (("a", "Keep &A's"), ("b", "Keep &B's"), ("both", "Keep b&oth"),
                             ("none", "Keep &neither")):
            button = QPushButton(text, self)
            button.setObjectName(f"settle_{choice}")
            button.clicked.connect(lambda _c=False, ch=choice: self.settle(ch))
            settle_row.addWidget(button)
            self.keep_buttons[choice] = button
        self.agreed_button = QPushButton("Accept the a&greed passages", self)
        self.agreed_button.setObjectName("settleAgreed")
        self.agreed_button.setToolTip("Keep one annotation of every agreed pair, reject the copy")
        settle_row.addStretch(1)
        settle_row.addWidget(self.agreed_button)
        grid = QGridLayout()
        grid.addWidget(QLabel("Reviewers (A, B: the first two ticked)", self), 0, 0)
        grid.addWidget(QLabel("Reports", self), 0, 1)
        grid.addWidget(self.reviewers, 1, 0)
        grid.addWidget(self.reports, 1, 1)
        grid.setColumnStretch(1, 2)  # report titles are long; reviewer names short
        for chooser in (self.reviewers, self.reports):
            chooser.setMaximumHeight(120)  # the measures and disagreements get the room
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        layout.addWidget(self.compute_button)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        layout.addWidget(QLabel("Disagreements (double-click to see one in the report)", self))
        layout.addWidget(self.list, 1)
        layout.addLayout(settle_row)
        self.resize(900, 680)
        self.compute_button.clicked.connect(self.compute)
        self.agreed_button.clicked.connect(self.settle_agreed)
        self.list.doubleClicked.connect(self._activated)

    def _view(self, name: str, model: AgreementModel | DisagreementModel) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        return view

    # -- choosing -------------------------------------------------------------------------

    def reload(self, current_report: int | None) -> None:
        """Fill the lists: every reviewer (the first two ticked), every report (the open
        one ticked), keeping earlier ticks."""
        ticked = set(self.checked(self.reviewers))
        self.reviewers.clear()
        for n, name in enumerate(self.ws.reviewers()):
            on = name in ticked if ticked else n < 2
            self._add(self.reviewers, name, name, on)
        ticked_reports = set(self.checked(self.reports))
        self.reports.clear()
        for r in self.ws.reports():
            on = r.id in ticked_reports if ticked_reports else r.id == current_report
            self._add(self.reports, r.title, r.id, on)

    @staticmethod
    def _add(widget: QListWidget, text: str, value: object, on: bool) -> None:
        item = QListWidgetItem(text, widget)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        item.setData(IdRole, value)

    @staticmethod
    def checked(widget: QListWidget) -> list[object]:
        return [widget.item(i).data(IdRole) for i in range(widget.count())
                if widget.item(i).checkState() == Qt.CheckState.Checked]

    def tick(self, reviewers: list[str], reports: list[int]) -> None:
        for widget, values in ((self.reviewers, reviewers), (self.reports, reports)):
            for i in range(widget.count()):
                item = widget.item(i)
                on = item.data(IdRole) in values
                item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    # -- measuring ------------------------------------------------------------------------

    def compute(self) -> AgreementResult | None:
        names = [str(n) for n in self.checked(self.reviewers)]
        reports = [int(str(r)) for r in self.checked(self.reports)]
        try:
            if not reports:
                raise CommandError("Tick at least one report")
            self.result = self.ws.agreement(names, reports)
        except CommandError as exc:
            self.result = None
            self.message.setText(str(exc))
        else:
            a, b = [*names, "", ""][:2]
            self.message.setText(f"A = {a}, B = {b}. {UNIT_NOTE}")
        self.measures.set_result(self.result)
        self._fill_disagreements()
        return self.result

    def _fill_disagreements(self) -> None:
        rows = list(self.result.disagreements) if self.result is not None else []
        views: dict[str, AnnotationView] = {}
        for rid in {d.report_id for d in rows}:
            views.update((a.id, a) for a in self.ws.annotations(rid))
        status = {u: a.status for u, a in views.items()}
        quotes = [" ".join(views[d.annotation_ids[0]].quote.split())[:120]
                  if d.annotation_ids[0] in views else "" for d in rows]
        titles = {r.id: r.title for r in self.ws.reports()} if rows else {}
        self.disagreements.set_disagreements(rows, titles, quotes,
                                             [settled_text(d, status) for d in rows])

    # -- settling -------------------------------------------------------------------------

    def selected(self) -> Disagreement | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.disagreements.disagreement(index.row())

    def settle(self, choice: str) -> None:
        d = self.selected()
        if d is None:
            self.message.setText("Select a disagreement first")
            return
        row = self.list.currentIndex().row()
        self._push(settle_disagreement(d, choice))
        self.list.selectRow(min(row, self.disagreements.rowCount() - 1))

    def settle_agreed(self) -> None:
        if self.result is None or not self.result.matches:
            self.message.setText("No agreed passages to settle")
            return
        self._push(settle_agreed(self.result.matches, self.ws.reviewer))

    def _push(self, command: Command) -> None:
        errors: list[str] = []
        self.undo.failed.connect(errors.append)
        try:
            self.undo.push(command)
        finally:
            self.undo.failed.disconnect(errors.append)
        # Settling changes statuses only, and the measures count every status (they measure
        # the coding): the list's Settled column is read again, the measures are not.
        self._fill_disagreements()
        if errors:
            self.message.setText(errors[-1])

    def _activated(self, index: QModelIndex) -> None:
        d = self.disagreements.disagreement(index.row())
        self.passageActivated.emit(d.report_id, d.annotation_ids[0])
