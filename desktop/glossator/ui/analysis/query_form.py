"""The passage query as a form: tags (with their children), speakers (found by alias too)
and their affiliation, stance targets and labels, who annotated, status, the reports' dates,
one report, and words of the quote. `query()` gives the `PassageQuery`; Enter in a text
field, or the form's button, asks for it to run."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QDate, QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from glossator.core.exchange import STATUSES
from glossator.services import CommandError, Workspace
from glossator.services.passage_filters import NOT_REJECTED, PassageQuery
from glossator.services.values import ReportSummary
from glossator.ui.analysis.choices import Choice, ChoiceButton
from glossator.ui.common.tag_icon import tag_icon
from glossator.ui.common.widgets import line_edit

ALL_REPORTS, OPEN_REPORT = "(all reports)", "(the open report)"


def _date_edit(parent: QWidget, name: str) -> tuple[QCheckBox, QDateEdit]:
    check = QCheckBox(name, parent)
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate.currentDate())
    edit.setEnabled(False)
    check.toggled.connect(edit.setEnabled)
    return check, edit


class QueryForm(QWidget):
    """What to retrieve or count; every field left empty does not filter."""

    submitted = Signal()

    def __init__(self, ws: Workspace, open_report: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passageQuery")
        self.ws, self.open_report = ws, open_report
        self.tags = ChoiceButton("tag", "tags", self)
        self.children_ = QCheckBox("with their children", self)
        self.children_.setChecked(True)
        self.speakers = ChoiceButton("speaker", "speakers", self)
        self.affiliation = QLineEdit(self)
        self.affiliation.setPlaceholderText("words of the affiliation")
        self.targets = ChoiceButton("target", "targets", self)
        self.labels = ChoiceButton("label", "labels", self)
        self.authors = ChoiceButton("reviewer", "reviewers", self)
        self.statuses = ChoiceButton("status", "statuses", self)
        self.from_check, self.date_from = _date_edit(self, "from")
        self.to_check, self.date_to = _date_edit(self, "to")
        self.report = QComboBox(self)
        self.report.setEditable(True)
        self.report.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.report.addItems([ALL_REPORTS, OPEN_REPORT])
        self.report.setMinimumContentsLength(24)
        self._reports: list[ReportSummary] | None = None
        self.words = QLineEdit(self)
        self.words.setPlaceholderText("words of the quote (abandon* for a prefix)")
        for edit in (self.affiliation, self.words, line_edit(self.report)):
            edit.returnPressed.connect(self.submitted)
        line_edit(self.report).installEventFilter(self)
        self.report.view().installEventFilter(self)
        self._layout()
        self.reload()
        self.statuses.set_values(NOT_REJECTED)

    def _layout(self) -> None:
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)

        def label(text: str, buddy: QWidget) -> QLabel:
            found = QLabel(text, self)
            found.setBuddy(buddy)
            return found

        def row(*widgets: QWidget) -> QHBoxLayout:
            box = QHBoxLayout()
            for w in widgets:
                box.addWidget(w)
            box.addStretch(1)
            return box

        grid.addWidget(label("&Tags", self.tags), 0, 0)
        grid.addLayout(row(self.tags, self.children_), 0, 1)
        grid.addWidget(label("S&peaker", self.speakers), 0, 2)
        grid.addLayout(row(self.speakers, QLabel("affiliation", self), self.affiliation), 0, 3)
        grid.addWidget(label("St&ance", self.targets), 1, 0)
        grid.addLayout(row(self.targets, QLabel("label", self), self.labels), 1, 1)
        grid.addWidget(label("&By", self.authors), 1, 2)
        grid.addLayout(row(self.authors, QLabel("status", self), self.statuses), 1, 3)
        grid.addWidget(label("&Dated", self.from_check), 2, 0)
        grid.addLayout(row(self.from_check, self.date_from, self.to_check, self.date_to), 2, 1)
        grid.addWidget(label("&Report", self.report), 2, 2)
        grid.addWidget(self.report, 2, 3)
        grid.addWidget(label("&Words", self.words), 3, 0)
        grid.addWidget(self.words, 3, 1, 1, 3)
        grid.setColumnStretch(3, 1)

    def reload(self) -> None:
        """The codebook's current names (after a change to it)."""
        self.tags.set_choices(
            Choice(t.path, t.name, (t.path,), tag_icon(t.color), t.path.count(" / "))
            for t in self.ws.tags())
        self.speakers.set_choices(
            Choice(s.name, s.name + (f"  ({s.affiliation})" if s.affiliation else ""),
                   s.aliases) for s in self.ws.speakers())
        self.targets.set_choices(Choice(t.name, t.name, t.aliases) for t in self.ws.targets())
        self.labels.set_choices(Choice(s.name, s.name) for s in self.ws.stance_labels())
        self.authors.set_choices(Choice(r, r) for r in self.ws.reviewers())
        self.statuses.set_choices(Choice(s, s) for s in STATUSES)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.Show):
            self._load_reports()
        return super().eventFilter(watched, event)

    def _load_reports(self) -> None:
        """The report titles, read once the report field is first used."""
        if self._reports is not None:
            return
        self._reports = self.ws.reports()
        text = self.report.currentText()
        self.report.blockSignals(True)
        self.report.addItems([f"{r.id}: {r.title}" for r in self._reports])
        self.report.setEditText(text)
        self.report.blockSignals(False)
        completer = QCompleter([f"{r.id}: {r.title}" for r in self._reports], self.report)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.report.setCompleter(completer)

    def _report_ids(self) -> tuple[int, ...]:
        text = self.report.currentText().strip()
        if not text or text == ALL_REPORTS:
            return ()
        if text == OPEN_REPORT:
            open_id = self.open_report()
            if open_id is None:
                raise CommandError("No report is open")
            return (open_id,)
        self._load_reports()
        reports = self._reports or []
        head = text.split(":", 1)[0].strip()
        if head.isdigit() and any(r.id == int(head) for r in reports):
            return (int(head),)
        key = text.casefold()
        found = [r for r in reports if r.title.casefold().startswith(key)]
        if len(found) == 1:
            return (found[0].id,)
        if not found:
            raise CommandError(f"No report has the id or title \u201c{text}\u201d")
        raise CommandError(f"{len(found)} reports start with \u201c{text}\u201d: choose one")

    def set_report(self, report_id: int | None) -> None:
        """Limit the query to one report (None: all reports)."""
        if report_id is None:
            self.report.setEditText(ALL_REPORTS)
            return
        self._load_reports()
        found = next((r for r in self._reports or [] if r.id == report_id), None)
        self.report.setEditText(f"{report_id}: {found.title}" if found else str(report_id))

    @staticmethod
    def _day(check: QCheckBox, edit: QDateEdit) -> dt.date | None:
        if not check.isChecked():
            return None
        d = edit.date()
        return dt.date(d.year(), d.month(), d.day())

    def set_dates(self, first: dt.date | None, last: dt.date | None) -> None:
        for check, edit, day in ((self.from_check, self.date_from, first),
                                 (self.to_check, self.date_to, last)):
            check.setChecked(day is not None)
            if day is not None:
                edit.setDate(QDate(day.year, day.month, day.day))

    def query(self) -> PassageQuery:
        """The query the form shows; a CommandError says what is wrong with it."""
        statuses = self.statuses.values()
        if not statuses:
            raise CommandError("Tick at least one status")
        first = self._day(self.from_check, self.date_from)
        last = self._day(self.to_check, self.date_to)
        if first and last and first > last:
            raise CommandError("The date range ends before it starts")
        return PassageQuery(
            tags=self.tags.values(), include_children=self.children_.isChecked(),
            speakers=self.speakers.values(),
            affiliations=tuple(w for w in [self.affiliation.text().strip()] if w),
            targets=self.targets.values(), labels=self.labels.values(),
            authors=self.authors.values(), statuses=statuses, date_from=first, date_to=last,
            report_ids=self._report_ids(), words=self.words.text().strip(),
        )

    def set_query(self, q: PassageQuery) -> None:
        """Show a query (the same one in another dialog)."""
        self.tags.set_values(q.tags)
        self.children_.setChecked(q.include_children)
        self.speakers.set_values(q.speakers)
        self.affiliation.setText(" ".join(q.affiliations))
        self.targets.set_values(q.targets)
        self.labels.set_values(q.labels)
        self.authors.set_values(q.authors)
        self.statuses.set_values(q.statuses)
        self.set_dates(q.date_from, q.date_to)
        self.set_report(q.report_ids[0] if len(q.report_ids) == 1 else None)
        self.words.setText(q.words)
