"""The notes of a report, on the right of the window, and where each note is cited.

Plain values in (`NoteItem`), Qt signals out. Markers whose note is missing and notes that
no marker cites are data too: they are listed, flagged, never dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QVBoxLayout,
    QWidget,
)

__all__ = ["FootnoteListModel", "FootnotePanel", "NoteItem"]

_WARNING_COLOR = "#b3261e"
_UNCITED_COLOR = "#8a5300"
_CONTEXT = 40

ModelIndex = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class NoteItem:
    """One note of a report. `missing`: a marker without a note (start/end None);
    `cited_by`: spans (code points) of the markers citing it, empty when uncited."""

    label: str
    text: str
    start: int | None
    end: int | None
    cited_by: tuple[tuple[int, int], ...]
    missing: bool

    @property
    def uncited(self) -> bool:
        return not self.missing and not self.cited_by


class FootnoteListModel(QAbstractListModel):
    """A flat list of `NoteItem`s; warning rows for missing and uncited notes."""

    NoteRole = Qt.ItemDataRole.UserRole + 1
    LabelRole = Qt.ItemDataRole.UserRole + 2
    MissingRole = Qt.ItemDataRole.UserRole + 3
    UncitedRole = Qt.ItemDataRole.UserRole + 4

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: list[NoteItem] = []
        self._rows: dict[str, int] = {}
        self._warning_icon: QIcon | None = None

    def set_notes(self, notes: Sequence[NoteItem]) -> None:
        self.beginResetModel()
        self._notes = list(notes)
        self._rows = {}
        for row, note in enumerate(self._notes):
            self._rows.setdefault(note.label, row)
        self.endResetModel()

    def note(self, row: int) -> NoteItem:
        return self._notes[row]

    def row_of(self, label: str) -> int | None:
        return self._rows.get(label)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._notes)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._notes):
            return None
        note = self._notes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(note)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(note)
        if role == Qt.ItemDataRole.ForegroundRole:
            if note.missing:
                return QColor(_WARNING_COLOR)
            return QColor(_UNCITED_COLOR) if note.uncited else None
        if role == Qt.ItemDataRole.DecorationRole:
            return self._warning() if note.missing or note.uncited else None
        if role == Qt.ItemDataRole.FontRole and note.missing:
            font = QFont()
            font.setItalic(True)
            return font
        if role == self.NoteRole:
            return note
        if role == self.LabelRole:
            return note.label
        if role == self.MissingRole:
            return note.missing
        if role == self.UncitedRole:
            return note.uncited
        return None

    @staticmethod
    def _display(note: NoteItem) -> str:
        if note.missing:
            return f"[{note.label}] — note missing"
        text = " ".join(note.text.split())
        if note.uncited:
            return f"[{note.label}] {text}\n⚠ not cited in the text"
        return f"[{note.label}] {text}"

    @staticmethod
    def _tooltip(note: NoteItem) -> str:
        if note.missing:
            return f"The text cites [{note.label}], but no note carries this label"
        if note.uncited:
            return f"Note [{note.label}] is not cited in the text"
        count = len(note.cited_by)
        return f"Note [{note.label}], cited {count} time{'s' if count != 1 else ''}"

    def _warning(self) -> QIcon:
        if self._warning_icon is None:
            style = QApplication.style()
            self._warning_icon = style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        return self._warning_icon


class _Picks(QObject):
    """One call per user pick in an item view, by mouse or keyboard.

    A newly selected row (arrow keys, or a click on another row) is a pick; so is a click
    on the row already selected. The click that selected a row is not counted twice: the
    change is remembered until the event loop turns, which the press and release outlast.
    Focus alone (which makes the first row current without selecting it) picks nothing.
    """

    def __init__(self, view: QAbstractItemView, on_pick: Callable[[QModelIndex], None]) -> None:
        super().__init__(view)
        self._on_pick = on_pick
        self._just_changed = False
        self._changed_by_press = False
        self.quiet = False
        view.selectionModel().selectionChanged.connect(self._selection_changed)
        view.pressed.connect(self._pressed)
        view.clicked.connect(self._clicked)

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if self.quiet or not indexes:
            return
        self._just_changed = True
        QTimer.singleShot(0, self._forget_change)
        self._on_pick(indexes[0])

    def _forget_change(self) -> None:
        self._just_changed = False

    def _pressed(self, _index: QModelIndex) -> None:
        self._changed_by_press = self._just_changed

    def _clicked(self, index: QModelIndex) -> None:
        if not self._changed_by_press and index.isValid():
            self._on_pick(index)
        self._changed_by_press = False


class FootnotePanel(QWidget):
    """Notes list above, and below it "Cited at:" the markers citing the selected note."""

    noteActivated = Signal(str)
    citationActivated = Signal(str, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = FootnoteListModel(self)
        self._report_text: str | None = None

        self._list = QListView(self)
        self._list.setObjectName("footnoteList")
        self._list.setModel(self._model)
        self._list.setWordWrap(True)
        self._list.setUniformItemSizes(False)
        # Wrapped notes differ in height, so the list measures every row; a report with
        # thousands of notes is measured a hundred rows per turn of the event loop.
        self._list.setLayoutMode(QListView.LayoutMode.Batched)
        self._list.setBatchSize(100)
        self._list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._list.setAlternatingRowColors(True)

        self._cited_header = QLabel("Cited at:", self)
        self._cited_header.setObjectName("citationHeader")
        self._citations = QListWidget(self)
        self._citations.setObjectName("citationList")
        self._citations.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._list, 3)
        layout.addWidget(self._cited_header)
        layout.addWidget(self._citations, 1)

        self._note_picks = _Picks(self._list, self._note_picked)
        self._citation_picks = _Picks(self._citations, self._citation_picked)
        self._show_citations(None)

    def model(self) -> FootnoteListModel:
        return self._model

    def set_notes(self, notes: Sequence[NoteItem]) -> None:
        self._model.set_notes(notes)
        self._show_citations(None)

    def set_report_text(self, text: str | None) -> None:
        """Optional: the report text, to show each citation in its context."""
        self._report_text = text

    def select_note(self, label: str) -> None:
        """Select the note `label` and scroll to it, without emitting `noteActivated`."""
        row = self._model.row_of(label)
        self._note_picks.quiet = True
        try:
            if row is None:
                self._list.clearSelection()
                self._list.setCurrentIndex(QModelIndex())
                self._show_citations(None)
                return
            index = self._model.index(row, 0)
            self._list.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            )
            self._list.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
            self._show_citations(self._model.note(row))
        finally:
            self._note_picks.quiet = False

    def selected_label(self) -> str | None:
        index = self._list.currentIndex()
        if not index.isValid() or not self._list.selectionModel().isSelected(index):
            return None
        return self._model.note(index.row()).label

    def _note_picked(self, index: QModelIndex) -> None:
        note = self._model.note(index.row())
        self._show_citations(note)
        self.noteActivated.emit(note.label)

    def _citation_picked(self, index: QModelIndex) -> None:
        label = index.data(Qt.ItemDataRole.UserRole)
        start = index.data(Qt.ItemDataRole.UserRole + 1)
        if label is not None and start is not None:
            self.citationActivated.emit(label, start)

    def _show_citations(self, note: NoteItem | None) -> None:
        self._citation_picks.quiet = True
        try:
            self._citations.clear()
            self._cited_header.setVisible(note is not None)
            self._citations.setVisible(note is not None)
            if note is None:
                return
            if not note.cited_by:
                item = QListWidgetItem("Not cited in the text")
                item.setFlags(Qt.ItemFlag.NoItemFlags)
                self._citations.addItem(item)
            for number, (start, end) in enumerate(note.cited_by, 1):
                item = QListWidgetItem(f"{number}. {self._context(start, end)}")
                item.setData(Qt.ItemDataRole.UserRole, note.label)
                item.setData(Qt.ItemDataRole.UserRole + 1, start)
                item.setToolTip(f"Show citation {number} of note [{note.label}] in the report")
                self._citations.addItem(item)
        finally:
            self._citation_picks.quiet = False

    def _context(self, start: int, end: int) -> str:
        text = self._report_text
        if text is None or not 0 <= start <= end <= len(text):
            return f"at character {start:,}"
        lo, hi = max(0, start - _CONTEXT), min(len(text), end + _CONTEXT)
        before, after = text[lo:start], text[end:hi]
        if lo > 0:  # drop the word cut by the window
            before = "…" + before.partition(" ")[2]
        if hi < len(text):
            after = after.rpartition(" ")[0] + "…"
        return " ".join(f"{before}{text[start:end]}{after}".split())
