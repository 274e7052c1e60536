"""View ▸ Passages…: every annotation across the library that matches a query, as a table
filled slice by slice (the window answers while a whole library is searched), the chosen
passage in full below it; double-click opens it in its report; the result exports as CSV,
JSON Lines, or an HTML or Markdown document grouped by tag or speaker."""

from __future__ import annotations

import time
from collections.abc import Callable
from html import escape
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from glossator.core.analysis import Passage
from glossator.services import CommandError, Workspace
from glossator.services.analysis import Analysis
from glossator.services.passage_filters import PassageQuery
from glossator.services.passages import PassageSelection
from glossator.ui.analysis.background import Background
from glossator.ui.analysis.dialog_parts import KeyedButtons, form_row, status_line
from glossator.ui.analysis.files import FileKind, ask_destination
from glossator.ui.analysis.passage_model import (
    PassageTableModel,
    speaker_text,
    stances_text,
)
from glossator.ui.analysis.passage_view import passage_table, size_columns
from glossator.ui.analysis.query_form import QueryForm
from glossator.ui.analysis.slices import SliceRunner

FILL_EVERY_S = 0.25
FIRST_ROWS = 100  # a table's first screen or so: shown as soon as found
KINDS = (FileKind("csv", "CSV", ".csv"), FileKind("jsonl", "JSON Lines", ".jsonl"),
         FileKind("html", "HTML document", ".html"), FileKind("md", "Markdown document", ".md"))


def passage_html(p: Passage) -> str:
    """The passage in full for the pane below the table."""
    when = p.report_date.isoformat() if p.report_date else "undated"
    lines = [
        f"<p><b>{escape(p.report_title)}</b> <span style='color:#666'>({when})</span></p>",
        f"<p><span style='color:#666'>{escape(p.before)}</span>"
        f"<b style='background-color:{escape(p.color)}'>{escape(p.quote)}</b>"
        f"<span style='color:#666'>{escape(p.after)}</span></p>",
    ]
    facts = [("Tags", ", ".join(p.tag_paths) or "(no tag)"), ("Speaker", speaker_text(p)),
             ("Stances", stances_text(p)), ("Status", f"{p.status}, by {p.author}"),
             ("Note", p.note)]
    lines += [f"<p><b>{k}:</b> {escape(v)}</p>" for k, v in facts if v]
    lines += [f"<p><b>Cites [{escape(c.label)}]:</b> {escape(c.text)}</p>" for c in p.cited]
    return "".join(lines)


class PassagesDialog(QDialog):
    """The query, the passages found, and their export."""

    passageActivated = Signal(int, str)  # report id, annotation uuid
    countRequested = Signal(object)  # the query, to count in the counts dialog

    def __init__(self, ws: Workspace, open_report: Callable[[], int | None],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("passagesDialog")
        self.setWindowTitle("Passages")
        self.analysis = Analysis(ws)
        self.query: PassageQuery | None = None  # what the table shows
        self.form = QueryForm(ws, open_report, self)
        self.model = PassageTableModel(self.analysis.read, self)
        self.table = passage_table(self, "passagesTable")
        self.table.setModel(self.model)
        size_columns(self.table)
        self.detail = QTextBrowser(self)
        self.detail.setObjectName("passageDetail")
        self.detail.setOpenLinks(False)
        self.status = status_line(self, "passagesStatus")
        self.group_by = QComboBox(self)
        self.group_by.addItem("grouped by tag", "tag")
        self.group_by.addItem("grouped by speaker", "speaker")
        self.group_by.setToolTip("How an HTML or Markdown document lists the passages")
        self.buttons = KeyedButtons(self, "passages", default="find")
        self.runner = SliceRunner(self)
        self.background = Background(self)
        self._progress: QProgressDialog | None = None
        self._filled_at = 0.0
        self._layout()
        self._connect()
        self.resize(1360, 760)

    def _layout(self) -> None:
        top = form_row(self.form, self.buttons.add("find", "&Find"),
                       self.buttons.add("count", "Cou&nt…"))
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.addWidget(self.table)
        split.addWidget(self.detail)
        split.setSizes([520, 140])
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(QLabel("Documents", self))
        bar.addWidget(self.group_by)
        bar.addWidget(self.buttons.add("export", "&Export…"))
        bar.addWidget(self.buttons.add("close", "Close"))
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(split, 1)
        layout.addLayout(bar)

    def _connect(self) -> None:
        self.form.submitted.connect(self.search)
        self.buttons["find"].clicked.connect(self.search)
        self.buttons["count"].clicked.connect(self._count)
        self.buttons["export"].clicked.connect(self._export)
        self.buttons["close"].clicked.connect(self.close)
        self.runner.progressed.connect(self._found_more)
        self.runner.finished.connect(self._found)
        self.runner.failed.connect(self._failed)
        self.table.activated.connect(self._activated)
        self.table.selectionModel().currentRowChanged.connect(self._current)
        self.model.dataChanged.connect(lambda *_: self._current(self.table.currentIndex()))
        self.background.done.connect(self._written)
        self.background.failed.connect(self._not_written)

    # -- finding ----------------------------------------------------------------------------

    def search(self) -> None:
        """Run the form's query; rows come slice by slice."""
        try:
            query = self.form.query()
        except CommandError as exc:
            self.status.setText(str(exc))
            return
        self.run(query)

    def run(self, query: PassageQuery) -> None:
        self.query = query
        self.model.clear()
        self.detail.clear()
        self.status.setText("Finding\u2026")
        self.runner.start(self.analysis.find_sliced(query))

    def _found_more(self, found: PassageSelection) -> None:
        """Rows found so far go into the table (every FILL_EVERY_S at most: each insert
        repaints the table), the first ones at once."""
        now = time.perf_counter()
        if self.model.selection is None:
            self.model.set_selection(found)
            self._filled_at = now
        elif (not self.runner.running or now - self._filled_at >= FILL_EVERY_S
              or self.model.rowCount() < FIRST_ROWS):
            self.model.extend(found)
            self._filled_at = now
        done, total = self.runner.progress()
        if self.runner.running:
            self.status.setText(f"Finding\u2026 {len(found):,} passage(s) so far, "
                                f"{done:,} of {total:,} report(s) searched")

    def _found(self, found: PassageSelection) -> None:
        n = len(found)
        self.status.setText(f"{n:,} passage{'s' if n != 1 else ''}, in library order "
                            "(report date, then position). Double-click one to open it."
                            if n else "No passage matches.")

    def _failed(self, message: str) -> None:
        self.query = None
        self.model.clear()
        self.status.setText(message)

    def reload_codebook(self) -> None:
        self.form.reload()

    def mark_stale(self) -> None:
        """The library changed since the query ran."""
        if self.query is not None and not self.runner.running:
            self.status.setText("The library has changed since: Find again to see it.")

    # -- the chosen passage -----------------------------------------------------------------

    def _current(self, index: QModelIndex, _previous: QModelIndex | None = None) -> None:
        p = self.model.passage(index.row()) if index.isValid() else None
        if p is None:
            self.detail.clear()
        else:
            self.detail.setHtml(passage_html(p))

    def _activated(self, index: QModelIndex) -> None:
        p = self.model.passage(index.row()) if index.isValid() else None
        if p is not None:
            self.passageActivated.emit(p.report_id, p.id)

    def _count(self) -> None:
        try:
            self.countRequested.emit(self.form.query())
        except CommandError as exc:
            self.status.setText(str(exc))

    # -- export -----------------------------------------------------------------------------

    def export(self, kind: str, dest: Path) -> None:
        """Write the passages the table shows (the form's query if none ran) to `dest` as
        `kind` (csv, jsonl, html, md); the outcome is said in the status line."""
        try:
            query = self.query or self.form.query()
        except CommandError as exc:
            self.status.setText(str(exc))
            return
        by = str(self.group_by.currentData())
        self.status.setText(f"Writing {dest.name}\u2026")
        self._progress = QProgressDialog(f"Writing {dest.name}\u2026", "", 0, 0, self)
        self._progress.setCancelButton(None)
        self._progress.setWindowModality(Qt.WindowModality.ApplicationModal)
        self._progress.setMinimumDuration(300)
        self.background.run(lambda: (self.analysis.export_passages(
            query, kind, dest, by=by, overwrite=True), dest))

    def _export(self) -> None:
        if self.background.busy:
            return
        if self.runner.running:
            self.status.setText("Still finding: export once every passage is found")
            return
        chosen = ask_destination(self, "Export the passages", "passages", KINDS)
        if chosen is not None:
            self.export(chosen[1].key, chosen[0])

    def _close_progress(self) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress.deleteLater()
            self._progress = None

    def _written(self, outcome: tuple[int, object]) -> None:
        self._close_progress()
        count, dest = outcome
        self.status.setText(f"Written: {count:,} passage{'s' if count != 1 else ''} to {dest}")

    def _not_written(self, message: str) -> None:
        self._close_progress()
        self.status.setText(message)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.runner.cancel()
        self.background.wait()
        super().closeEvent(event)
