"""The merge report of an annotation set, before the import (what it would do: Import or
Cancel) and after it (what it did: Close): added, updated, unchanged, conflicts and refused,
each with its details (the conflicting fields, the reports this workspace lacks, the quotes
not found)."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator.services.exchange_preview import ImportPreview

PREVIEW, DONE = "preview", "done"


def _plural(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def counts(p: ImportPreview) -> list[tuple[str, str, str]]:
    """(row name, count, what it means) for each line of the report."""
    m, cb = p.merge, p.codebook
    refused = m.skipped + len(m.unanchored)
    extra = f", and {_plural(len(cb.added), 'codebook entry')}" if cb.added else ""
    return [
        ("Added", f"{m.added:,}", f"new annotations{extra}"),
        ("Updated", f"{len(cb.updated):,}",
         "codebook entries completed (aliases, blank fields); an annotation both sets "
         "have is never overwritten"),
        ("Unchanged", f"{m.unchanged:,}", "annotations this workspace has already, the same"),
        ("Conflicts", f"{len(m.conflicts):,}",
         "annotations this workspace has with other values: yours are kept"),
        ("Refused", f"{refused:,}", "annotations not imported, with the reason below"),
    ]


def _quoted(quotes: Mapping[str, str], uuid: str) -> str:
    quote = " ".join(quotes.get(uuid, "").split())
    if len(quote) > 60:
        quote = quote[:59] + "\u2026"
    return f"\u201c{quote}\u201d ({uuid[:8]})" if quote else uuid


def details(p: ImportPreview, quotes: Mapping[str, str]) -> list[tuple[str, list[str]]]:
    """Groups of detail lines: the conflicts, what was refused and why, the codebook;
    `quotes`: the set's quotes by annotation id, to name the annotations."""
    m, cb = p.merge, p.codebook
    groups: list[tuple[str, list[str]]] = []
    if m.conflicts:
        groups.append((f"Conflicts ({len(m.conflicts):,}): yours are kept", [
            f"{_quoted(quotes, c.uuid)} differs in {', '.join(c.fields)}"
            for c in m.conflicts]))
    if m.skipped:
        groups.append((f"Refused: the report is not in this workspace ({m.skipped:,})", [
            f"{title} (import the report first)" for title in m.unknown_reports]))
    if m.unanchored:
        groups.append((f"Refused: the quote is not in the report's text "
                       f"({len(m.unanchored):,})", [_quoted(quotes, u) for u in m.unanchored]))
    if cb.added:
        groups.append((f"Codebook entries added ({len(cb.added):,})", list(cb.added)))
    if cb.updated:
        groups.append((f"Codebook entries completed ({len(cb.updated):,})", list(cb.updated)))
    return groups


class MergeDialog(QDialog):
    """One annotation set's merge report; in PREVIEW mode, Import accepts the dialog."""

    def __init__(self, source: str, preview: ImportPreview, mode: str,
                 quotes: Mapping[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.mode = mode
        before = mode == PREVIEW
        self.setWindowTitle(f"Import {source}" if before else f"Imported {source}")
        m = preview.merge
        heading = (f"Importing \u201c{source}\u201d would do this (nothing is written until "
                   "you press Import; the import is one step to undo):" if before else
                   f"\u201c{source}\u201d was imported (Edit \u25b8 Undo takes it back "
                   "in one step):")
        if before and not (m.added or preview.codebook.added or preview.codebook.updated):
            heading += "\nIt adds nothing to this workspace."
        self.heading = QLabel(heading, self)
        self.heading.setObjectName("mergeHeading")
        self.heading.setWordWrap(True)
        grid = QGridLayout()
        self.count_labels: dict[str, QLabel] = {}
        for row, (name, number, meaning) in enumerate(counts(preview)):
            title = QLabel(f"<b>{name}</b>", self)
            value = QLabel(number, self)
            value.setObjectName(f"merge{name}")
            value.setAccessibleName(f"{name}: {number}")
            about = QLabel(meaning, self)
            about.setWordWrap(True)
            about.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            title.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            value.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            grid.addWidget(title, row, 0)
            grid.addWidget(value, row, 1)
            grid.addWidget(about, row, 2)
            self.count_labels[name] = value
        grid.setColumnStretch(2, 1)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("mergeDetails")
        self.tree.setAccessibleName("Details of the merge")
        self.tree.setHeaderHidden(True)
        self.tree.setWordWrap(True)
        for group, lines in details(preview, quotes):
            top = QTreeWidgetItem(self.tree, [group])
            for line in lines:
                QTreeWidgetItem(top, [line]).setToolTip(0, line)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.tree.expandAll()
        self.tree.setVisible(self.tree.topLevelItemCount() > 0)
        self.buttons = QDialogButtonBox(self)
        if before:
            self.import_button = QPushButton("&Import", self)
            self.import_button.setObjectName("mergeImport")
            self.import_button.setDefault(True)
            self.buttons.addButton(self.import_button, QDialogButtonBox.ButtonRole.AcceptRole)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.adjustSize()
        if self.tree.isVisible():
            self.resize(self.width(), max(self.height(), 420))

    def count(self, name: str) -> int:
        return int(self.count_labels[name].text().replace(",", ""))

    def detail_lines(self) -> list[str]:
        out: list[str] = []
        for i in range(self.tree.topLevelItemCount()):
            top = self.tree.topLevelItem(i)
            if top is None:
                continue
            out.append(top.text(0))
            children = (top.child(j) for j in range(top.childCount()))
            out += [f"  {child.text(0)}" for child in children if child is not None]
        return out
