"""File ▸ Export annotations…: what to write (the format), which annotations (this report,
reports chosen from a list, or the whole library; their statuses, or the final set alone),
and how many that is, before the file is chosen."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from glossator.core.exchange import STATUSES
from glossator.formats.registry import EXPORTERS
from glossator.services.values import ReportSummary
from glossator.ui.exchange.destination import format_name_of

ReportIdRole = Qt.ItemDataRole.UserRole + 1
THIS, CHOSEN, LIBRARY = "this", "chosen", "library"
#: (report ids or None for all, statuses or None for any) -> how many annotations
Counter = Callable[[Sequence[int] | None, Sequence[str] | None], int]


@dataclass(frozen=True, slots=True)
class ExportChoice:
    """What the reviewer asked to export."""

    format: str
    report_ids: tuple[int, ...] | None  # None: the whole library
    statuses: tuple[str, ...] | None  # None: every status
    scope_text: str  # "this report", "3 reports", "the whole library"

    @property
    def codebook_only(self) -> bool:
        return not EXPORTERS[self.format].needs_annotations


class ExportDialog(QDialog):
    """The choices; Export… emits `exportRequested` (the window then asks for the file)."""

    exportRequested = Signal(object)  # ExportChoice

    def __init__(self, reports: Sequence[ReportSummary], open_report: int | None,
                 count: Counter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.setWindowTitle("Export annotations")
        self._count, self._open = count, open_report
        self._titles = {r.id: r.title for r in reports}
        self.format = QComboBox(self)
        self.format.setObjectName("exportFormat")
        self.format.setAccessibleName("Format")
        for name, exporter in EXPORTERS.items():
            self.format.addItem(f"{format_name_of(name)} ({exporter.suffix})", name)
            self.format.setItemData(self.format.count() - 1, exporter.description,
                                    Qt.ItemDataRole.ToolTipRole)
        self.about_format = QLabel(self)
        self.about_format.setObjectName("exportFormatAbout")
        self.about_format.setWordWrap(True)
        self._build_scope(reports)
        self._build_statuses()
        self.summary = QLabel(self)
        self.summary.setObjectName("exportSummary")
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(self)
        self.export_button = QPushButton("&Export\u2026", self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.AcceptRole)
        self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._export)
        self.buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Format", self.format)
        form.addRow("", self.about_format)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.scope_box, 1)
        self.report_filter.hide()
        self.report_list.hide()
        layout.addWidget(self.status_box)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self._connect()
        self.setMinimumWidth(520)
        self.refresh()
        self.adjustSize()

    def _connect(self) -> None:
        self.format.currentIndexChanged.connect(self.refresh)
        for button in (self.this_report, self.chosen_reports, self.whole_library,
                       self.final_only, *self.status_checks.values()):
            button.toggled.connect(self.refresh)
        self.report_list.itemChanged.connect(lambda _item: self.refresh())
        self.report_filter.textChanged.connect(self._filter_reports)

    # -- building ---------------------------------------------------------------------------

    def _build_scope(self, reports: Sequence[ReportSummary]) -> None:
        box = self.scope_box = QGroupBox("Annotations of", self)
        title = self._titles.get(self._open or -1)
        self.this_report = QRadioButton(
            f"&this report: \u201c{_short(title)}\u201d" if title else "&this report (none open)",
            box)
        self.chosen_reports = QRadioButton("reports I &choose\u2026", box)
        self.whole_library = QRadioButton(f"the &whole library ({len(reports)} reports)", box)
        self.scope_group = QButtonGroup(box)
        for button, key in ((self.this_report, THIS), (self.chosen_reports, CHOSEN),
                            (self.whole_library, LIBRARY)):
            button.setObjectName(f"exportScope_{key}")
            self.scope_group.addButton(button)
        self.this_report.setEnabled(title is not None)
        (self.this_report if title else self.whole_library).setChecked(True)
        self.report_filter = QLineEdit(box)
        self.report_filter.setObjectName("exportReportFilter")
        self.report_filter.setPlaceholderText("filter the reports by title")
        self.report_filter.setAccessibleName("Filter the reports by title")
        self.report_filter.setClearButtonEnabled(True)
        self.report_list = QListWidget(box)
        self.report_list.setObjectName("exportReports")
        self.report_list.setAccessibleName("Reports to export")
        self.report_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.report_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        for r in reports:
            item = QListWidgetItem(r.title, self.report_list)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if r.id == self._open
                               else Qt.CheckState.Unchecked)
            item.setData(ReportIdRole, r.id)
            item.setToolTip(f"{r.title}\n{r.annotation_count} annotations")
        column = QVBoxLayout(box)
        for button in (self.this_report, self.chosen_reports, self.whole_library):
            column.addWidget(button)
        column.addWidget(self.report_filter)
        column.addWidget(self.report_list, 1)

    def _build_statuses(self) -> None:
        box = self.status_box = QGroupBox("Statuses", self)
        self.status_checks: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        for status in STATUSES:
            check = QCheckBox(status, box)
            check.setObjectName(f"exportStatus_{status}")
            check.setChecked(True)
            self.status_checks[status] = check
            row.addWidget(check)
        row.addStretch(1)
        self.final_only = QCheckBox("&Final set only: the accepted annotations", box)
        self.final_only.setObjectName("exportFinalOnly")
        self.final_only.setToolTip("The final set is the accepted annotations (settled by "
                                   "review); the same as glossator export --final")
        column = QVBoxLayout(box)
        column.addLayout(row)
        column.addWidget(self.final_only)

    def allow_final(self, why_not: str | None) -> None:
        """The final set is built by a curator or a manager: for anyone else the choice is
        off, and its tooltip says why (`why_not`; None: allowed)."""
        if why_not is None:
            return
        self.final_only.setChecked(False)
        self.final_only.setEnabled(False)
        self.final_only.setToolTip(why_not)

    # -- reading the choices ----------------------------------------------------------------

    def format_name(self) -> str:
        return str(self.format.currentData())

    def set_format(self, name: str) -> None:
        self.format.setCurrentIndex(self.format.findData(name))

    def chosen_ids(self) -> list[int]:
        items = (self.report_list.item(i) for i in range(self.report_list.count()))
        return [int(item.data(ReportIdRole)) for item in items
                if item is not None and item.checkState() == Qt.CheckState.Checked]

    def choose_reports(self, report_ids: Sequence[int]) -> None:
        """Tick these reports (and no other) and export the reports chosen."""
        wanted = set(report_ids)
        for i in range(self.report_list.count()):
            item = self.report_list.item(i)
            on = int(item.data(ReportIdRole)) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.chosen_reports.setChecked(True)

    def choice(self) -> ExportChoice:
        fmt = self.format_name()
        if self.this_report.isChecked() and self._open is not None:
            ids: tuple[int, ...] | None = (self._open,)
            scope = "this report"
        elif self.chosen_reports.isChecked():
            ids = tuple(self.chosen_ids())
            scope = "1 report" if len(ids) == 1 else f"{len(ids)} reports"
        else:
            ids, scope = None, "the whole library"
        if self.final_only.isChecked():
            statuses: tuple[str, ...] | None = ("accepted",)
        else:
            ticked = tuple(s for s, c in self.status_checks.items() if c.isChecked())
            statuses = None if len(ticked) == len(STATUSES) else ticked
        return ExportChoice(fmt, ids, statuses, scope)

    # -- keeping the dialog in step ---------------------------------------------------------

    def _filter_reports(self, text: str) -> None:
        key = text.casefold().strip()
        for i in range(self.report_list.count()):
            item = self.report_list.item(i)
            item.setHidden(bool(key) and key not in item.text().casefold())

    def refresh(self) -> None:
        fmt = self.format_name()
        exporter = EXPORTERS[fmt]
        self.about_format.setText(exporter.description)
        codebook_only = not exporter.needs_annotations
        self.scope_box.setEnabled(not codebook_only)
        self.status_box.setEnabled(not codebook_only)
        chosen = self.chosen_reports.isChecked()
        if self.report_list.isHidden() == chosen:  # the list only while reports are chosen
            self.report_filter.setVisible(chosen)
            self.report_list.setVisible(chosen)
            self.adjustSize()
        final = self.final_only.isChecked()
        for check in self.status_checks.values():
            check.setEnabled(not final)
        c = self.choice()
        if codebook_only:
            self.summary.setText("The codebook alone (tags, speakers, targets, stance "
                                 "scale): no annotations are written.")
            self.export_button.setEnabled(True)
            return
        if c.statuses == ():
            self.summary.setText("Tick at least one status.")
            self.export_button.setEnabled(False)
            return
        if c.report_ids == ():
            self.summary.setText("Tick at least one report in the list.")
            self.export_button.setEnabled(False)
            return
        n = self._count(c.report_ids, c.statuses)
        which = ("accepted (the final set)" if final
                 else "of any status" if c.statuses is None else "/".join(c.statuses))
        noun = "annotation" if n == 1 else "annotations"
        self.summary.setText(f"{n:,} {noun} {which}, from {c.scope_text}.")
        self.export_button.setEnabled(True)

    def _export(self) -> None:
        if self.export_button.isEnabled():
            self.exportRequested.emit(self.choice())


def _short(title: str | None, limit: int = 48) -> str:
    title = " ".join((title or "").split())
    return title if len(title) <= limit else title[: limit - 1] + "\u2026"
