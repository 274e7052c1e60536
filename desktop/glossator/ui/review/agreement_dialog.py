"""The agreement dialog: choose reviewers, reports and what counts; read the measures per
tag and per field (overall or per report), the confusion matrix of each field with its
passages, and walk the disagreements (double-click jumps to one in the window), settling
each in one undo step: a tag passage by keeping A's side, B's, both or none; a speaker or
stance by taking A's value, B's, or another."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from glossator.core.agreement import AgreementResult, FieldDisagreement
from glossator.core.agreement_units import NO_SPEAKER, NO_STANCE, SPEAKER
from glossator.core.exchange import STATUSES
from glossator.core.permissions import Action, refusal
from glossator.services import Command, CommandError, Workspace
from glossator.services.review_settle import settle_agreed, settle_disagreement
from glossator.services.review_settle_fields import settle_field
from glossator.ui.common.undo import UndoController
from glossator.ui.review.agreement_confusion import ConfusionPanel
from glossator.ui.review.agreement_field_models import FieldMeasuresModel
from glossator.ui.review.agreement_models import AgreementModel, DisagreementModel, QueueItem
from glossator.ui.review.agreement_options import (
    AgreementOptionsRow,
    add_checkable,
    checked_values,
    tick_values,
)
from glossator.ui.review.agreement_queue import queue_rows

UNIT_NOTE = ("Tags: units are code points, coded or not by each reviewer. Fields: units are "
             "the reviewers' annotations paired as spans (Jaccard \u2265 threshold); unpaired "
             "spans counted as \u201c(no annotation)\u201d and, on the second row, left out. "
             "See the README's methods section.")
CHOICES = (("a", "Keep/take &A's"), ("b", "Keep/take &B's"), ("both", "Keep b&oth"),
           ("none", "Keep &neither"), ("edit", "&Edit value\u2026"))


def counted_text(rejected: bool, orphaned: bool) -> str:
    """Which annotations the measures count, by status, in words."""
    statuses = [s for s in STATUSES if s != "rejected" or rejected]
    listed = ", ".join(statuses[:-1]) + f" and {statuses[-1]}"
    left = [] if rejected else ["rejected ones (tick Count rejected)"]
    if not orphaned:
        left.append("orphaned ones (tick Count orphaned)")
    out = f"Counts the {listed} annotations of the ticked reviewers"
    return out + (f"; leaves out {' and '.join(left)}." if left else ", orphaned ones too.")


def fit_columns(view: QTableView) -> None:
    """The first column (tag or field names) takes the room the numbers leave; the numbers
    are as wide as they need, so the table fits the dialog without scrolling sideways
    while it can."""
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    header.setMinimumSectionSize(40)
    for column in range(view.model().columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)


class AgreementDialog(QDialog):
    #: (report id, annotation id): show it in the window
    passageActivated = Signal(int, str)

    def __init__(self, ws: Workspace, undo: UndoController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementDialog")
        self.setWindowTitle("Agreement between reviewers")
        self.ws, self.undo = ws, undo
        self.outcome: AgreementResult | None = None
        self.titles: dict[int, str] = {}
        self.reviewers = QListWidget(self)
        self.reviewers.setObjectName("agreementReviewers")
        self.reviewers.setAccessibleName("Reviewers to compare")
        self.reports = QListWidget(self)
        self.reports.setObjectName("agreementReports")
        self.reports.setAccessibleName("Reports to compare")
        self.choices = AgreementOptionsRow(self)
        self.compute_button = QPushButton("&Compute", self)
        self.compute_button.setObjectName("agreementCompute")
        self.message = QLabel(UNIT_NOTE, self)
        self.message.setObjectName("agreementMessage")
        self.message.setWordWrap(True)
        self.scope = QComboBox(self)
        self.scope.setObjectName("agreementScope")
        self.scope.setAccessibleName("Show the measures of")
        self.measures = AgreementModel(self)
        self.table = self._view("agreementTable", self.measures)
        self.table.setAccessibleName("Agreement per tag")
        self.field_measures = FieldMeasuresModel(self)
        self.fields_table = self._view("agreementFields", self.field_measures)
        self.fields_table.setAccessibleName("Agreement per field")
        self.confusion = ConfusionPanel(self)
        self.disagreements = DisagreementModel(self)
        self.list = self._view("disagreementTable", self.disagreements)
        self.list.setAccessibleName("Disagreements to settle")
        header = self.list.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.ResizeToContents)
        self.keep_buttons: dict[str, QPushButton] = {}
        settle_row = QHBoxLayout()
        for choice, text in CHOICES:
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
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("agreementTabs")
        self.tabs.addTab(self._measures_tab(), "&Measures")
        self.tabs.addTab(self.confusion, "Confusion &matrix")
        queue = QWidget(self)
        column = QVBoxLayout(queue)
        column.addWidget(QLabel("Tag passages, speakers and stances the reviewers differ on "
                                "(double-click to see one in the report)", queue))
        column.addWidget(self.list, 1)
        column.addWidget(QLabel("Settle the selected one:", queue))
        column.addLayout(settle_row)
        self.tabs.addTab(queue, "&Disagreements")
        self.counted = QLabel(self)
        self.counted.setObjectName("agreementCounted")
        self.counted.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(self._choosers())
        layout.addLayout(self._options())
        layout.addWidget(self.counted)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 1)
        self._fit_screen()
        for table in (self.table, self.fields_table):
            fit_columns(table)
        for box in (self.choices.include_rejected, self.choices.include_orphaned):
            box.toggled.connect(self._show_counted)
        self._show_counted()
        self.compute_button.clicked.connect(self.compute)
        self.agreed_button.clicked.connect(self.settle_agreed)
        self.list.doubleClicked.connect(self._activated)
        self.list.selectionModel().currentRowChanged.connect(self._enable_buttons)
        self.scope.currentIndexChanged.connect(self._show_scope)
        self.confusion.passageActivated.connect(self.passageActivated)
        self.undo.stack.indexChanged.connect(self._stack_moved)
        self._enable_buttons()

    def _fit_screen(self) -> None:
        """1000 x 720, or nine tenths of a smaller screen (it must fit at 1024 x 700)."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry() if screen is not None else None
        width, height = 1000, 720
        if room is not None:
            width = min(width, int(room.width() * 0.9))
            height = min(height, int(room.height() * 0.9))
        self.resize(width, height)

    def _show_counted(self) -> None:
        self.counted.setText(counted_text(self.choices.include_rejected.isChecked(),
                                          self.choices.include_orphaned.isChecked()))

    def _view(self, name: str, model: object) -> QTableView:
        view = QTableView(self)
        view.setObjectName(name)
        view.setModel(model)  # type: ignore[arg-type]
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().hide()
        view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _choosers(self) -> QGridLayout:
        grid = QGridLayout()
        grid.addWidget(QLabel("Reviewers (A, B: the first two ticked)", self), 0, 0)
        grid.addWidget(QLabel("Reports", self), 0, 1)
        grid.addWidget(self.reviewers, 1, 0)
        grid.addWidget(self.reports, 1, 1)
        grid.setColumnStretch(1, 2)  # report titles are long; reviewer names short
        for chooser in (self.reviewers, self.reports):
            chooser.setMaximumHeight(110)  # the measures get the room
        return grid

    def _options(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self.choices, 1)
        row.addWidget(self.compute_button)
        return row

    def _measures_tab(self) -> QWidget:
        tab = QWidget(self)
        column = QVBoxLayout(tab)
        scope_row = QHBoxLayout()
        scope_row.addWidget(QLabel("Show:", tab))
        scope_row.addWidget(self.scope, 1)
        column.addLayout(scope_row)
        column.addWidget(QLabel("Tags (units: code points)", tab))
        column.addWidget(self.table, 1)
        column.addWidget(QLabel("Speaker, stances, cited notes (units: paired spans)", tab))
        column.addWidget(self.fields_table, 1)
        return tab

    # -- choosing -------------------------------------------------------------------------

    def reload(self, current_report: int | None) -> None:
        """Fill the lists: every reviewer (the first two ticked), every report (the open
        one ticked), keeping earlier ticks."""
        ticked = set(self.checked(self.reviewers))
        self.reviewers.clear()
        for n, name in enumerate(self.ws.reviewers()):
            on = name in ticked if ticked else n < 2
            add_checkable(self.reviewers, name, name, on)
        ticked_reports = set(self.checked(self.reports))
        self.reports.clear()
        for r in self.ws.reports():
            on = r.id in ticked_reports if ticked_reports else r.id == current_report
            add_checkable(self.reports, r.title, r.id, on)

    checked = staticmethod(checked_values)

    def tick(self, reviewers: list[str], reports: list[int]) -> None:
        tick_values(self.reviewers, reviewers)
        tick_values(self.reports, reports)

    # -- measuring ------------------------------------------------------------------------

    def compute(self) -> AgreementResult | None:
        names = [str(n) for n in self.checked(self.reviewers)]
        reports = [int(str(r)) for r in self.checked(self.reports)]
        options = self.choices.options()
        try:
            if not reports:
                raise CommandError("Tick at least one report")
            self.outcome = self.ws.agreement(
                names, reports, options=options,
                include_rejected=self.choices.include_rejected.isChecked(),
                include_orphaned=self.choices.include_orphaned.isChecked())
        except CommandError as exc:
            self.outcome = None
            self.message.setText(str(exc))
        else:
            a, b = [*names, "", ""][:2]
            left = ", ".join(f"{n} {why}" for why, n in self.outcome.counting.left_out if n)
            self.message.setText(
                f"A = {a}, B = {b}. Counted: {self.choices.counting_text()}"
                f"{f' ({left} left out)' if left else ''}; alpha intervals from "
                f"{options.resamples} bootstrap resamples, seed {options.seed}. {UNIT_NOTE}")
        self.titles = {r.id: r.title for r in self.ws.reports()}
        self.scope.blockSignals(True)
        self.scope.clear()
        self.scope.addItem("All chosen reports", None)
        for part in self.outcome.per_report if self.outcome is not None else ():
            self.scope.addItem(self.titles.get(part.report_id, str(part.report_id)),
                               part.report_id)
        self.scope.blockSignals(False)
        self._show_scope()
        self.confusion.set_result(self.outcome, self.titles)
        self._fill_disagreements()
        return self.outcome

    def _show_scope(self) -> None:
        r, report_id = self.outcome, self.scope.currentData()
        part = next((p for p in r.per_report if p.report_id == report_id), None) if r else None
        if r is None:
            self.measures.set_rows([])
            self.field_measures.set_fields([])
        elif part is None:
            self.measures.set_result(r)
            self.field_measures.set_fields(list(r.fields))
        else:
            self.measures.set_rows([*part.tags, part.overall])
            self.field_measures.set_fields(list(part.fields))
        for view in (self.table, self.fields_table):
            fit_columns(view)

    def _fill_disagreements(self) -> None:
        rows, quotes, settled = queue_rows(self.ws, self.outcome)
        self.disagreements.set_disagreements(rows, self.titles, quotes, settled)
        self._enable_buttons()

    # -- settling -------------------------------------------------------------------------

    def selected(self) -> QueueItem | None:
        index = self.list.currentIndex()
        if not index.isValid():
            return None
        return self.disagreements.disagreement(index.row())

    def _enable_buttons(self) -> None:
        """Settling is a curator's or a manager's work: for anyone else the buttons stay
        off and say why (the services would refuse anyway)."""
        d = self.selected()
        field = isinstance(d, FieldDisagreement)
        access = self.ws.access()
        why = refusal(access.role, Action.SETTLE, access.who)
        for choice, button in self.keep_buttons.items():
            button.setEnabled(why is None and d is not None and (
                choice in ("a", "b") or (choice == "edit") == field))
            button.setToolTip(why or "")
        self.agreed_button.setEnabled(why is None)
        self.agreed_button.setToolTip(
            why or "Keep one annotation of every agreed pair, reject the copy")

    def settle(self, choice: str, value: str | None = None) -> None:
        d = self.selected()
        if d is None:
            self.message.setText("Select a disagreement first")
            return
        row = self.list.currentIndex().row()
        try:
            if isinstance(d, FieldDisagreement):
                if choice == "edit" and value is None:
                    value = self._ask_value(d)
                    if value is None:
                        return
                command = settle_field(self.ws, d, choice, value)
            else:
                command = settle_disagreement(d, choice)
        except CommandError as exc:
            self.message.setText(str(exc))
            return
        self._push(command)
        self.list.selectRow(min(row, self.disagreements.rowCount() - 1))

    def _ask_value(self, d: FieldDisagreement) -> str | None:
        if d.field == SPEAKER:
            options = [s.name for s in self.ws.speakers()] + [NO_SPEAKER]
        else:
            options = [label.name for label in self.ws.stance_labels()] + [NO_STANCE]
        current = options.index(d.value_a) if d.value_a in options else 0
        value, ok = QInputDialog.getItem(self, "Settle the value", f"{d.field}:", options,
                                         current, False)
        return str(value) if ok else None

    def settle_agreed(self) -> None:
        if self.outcome is None or not self.outcome.matches:
            self.message.setText("No agreed passages to settle")
            return
        self._push(settle_agreed(self.outcome.matches, self.ws.reviewer))

    def _push(self, command: Command) -> None:
        errors: list[str] = []
        self.undo.failed.connect(errors.append)
        try:
            self.undo.push(command)
        finally:
            self.undo.failed.disconnect(errors.append)
        # The queue stays as computed (Compute measures again); its Settled column is
        # read again after every step, undo included.
        self._fill_disagreements()
        if errors:
            self.message.setText(errors[-1])

    def _stack_moved(self) -> None:
        """An undo or redo anywhere in the window: the Settled column is read again."""
        if self.isVisible() and self.outcome is not None:
            self._fill_disagreements()

    def _activated(self, index: QModelIndex) -> None:
        d = self.disagreements.disagreement(index.row())
        self.passageActivated.emit(d.report_id, d.annotation_ids[0])
