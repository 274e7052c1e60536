"""The passages a query found, as a table that reads only what it shows.

The model holds the selection (ids, in library order: cheap for a whole library) and reads
passages a block at a time: the blocks a paint asked for are read on the next turn of the
event loop (never while painting), then painted; the first block is read as soon as rows
arrive, so the first paint has them. At most `KEPT_BLOCKS` blocks are kept, those farthest
from the last one read are dropped first.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
)
from PySide6.QtGui import QColor, QIcon

from glossator.core.analysis import Passage
from glossator.services.passages import PassageSelection
from glossator.ui.common.tag_icon import tag_icon

Index = QModelIndex | QPersistentModelIndex
Reader = Callable[[PassageSelection, int, int], list[Passage]]
PassageRole = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("Quote", "Context", "Cites", "Tags", "Speaker", "Stances", "Report", "Date")
QUOTE, CONTEXT, CITES, TAGS, SPEAKER, STANCES, REPORT, DATE = range(len(COLUMNS))
BLOCK = 100
KEPT_BLOCKS = 60
SHOWN_CHARS = 400
WAITING = "\u2026"
GONE = "(deleted since it was found)"
_ROLES = frozenset({Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, PassageRole,
                    Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ForegroundRole})


def one_line(text: str, limit: int = SHOWN_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def cites_text(p: Passage) -> str:
    return "; ".join(f"[{c.label}] {one_line(c.text, 160)}" for c in p.cited)


def stances_text(p: Passage) -> str:
    return "; ".join(f"{s.target}: {s.label}" + (f" ({s.intensity})" if s.intensity else "")
                     for s in p.stances)


def speaker_text(p: Passage) -> str:
    if not p.speaker:
        return ""
    return p.speaker + (f" ({p.affiliation})" if p.affiliation else "")


def _display(p: Passage, column: int) -> str:
    if column == QUOTE:
        return one_line(p.quote)
    if column == CONTEXT:
        return one_line(f"{p.before}\u27e8{p.quote}\u27e9{p.after}")
    if column == CITES:
        return cites_text(p)
    if column == TAGS:
        return ", ".join(p.tag_paths)
    if column == SPEAKER:
        return speaker_text(p)
    if column == STANCES:
        return stances_text(p)
    if column == REPORT:
        return p.report_title
    return p.report_date.isoformat() if p.report_date else ""


class PassageTableModel(QAbstractTableModel):
    """One row per passage found; columns as `COLUMNS`."""

    def __init__(self, read: Reader, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._read = read
        self.selection: PassageSelection | None = None
        self._blocks: OrderedDict[int, list[Passage]] = OrderedDict()
        self._texts: dict[int, list[tuple[str, ...]]] = {}  # each block's cells, made once
        self._icons: dict[str, QIcon] = {}
        self._wanted: set[int] = set()
        self._fetch = QTimer(self)
        self._fetch.setSingleShot(True)
        self._fetch.setInterval(0)
        self._fetch.timeout.connect(self.fetch_wanted)
        self.reads = 0  # blocks read (for tests and benchmarks)

    # -- the selection ----------------------------------------------------------------------

    def set_selection(self, found: PassageSelection | None) -> None:
        """Show another selection (None: nothing), its first block read at once."""
        self.beginResetModel()
        self.selection = found
        self._blocks.clear()
        self._texts.clear()
        self._wanted.clear()
        self.endResetModel()
        if found is not None and len(found):
            self.ensure(0, min(len(found), BLOCK) - 1)

    def extend(self, found: PassageSelection) -> None:
        """The same query found more (a later slice): rows are added at the end."""
        old = len(self.selection) if self.selection is not None else 0
        if found.ids[:old] != (self.selection.ids if self.selection is not None else ()):
            self.set_selection(found)  # not a continuation: start again
            return
        if len(found) == old:
            self.selection = found
            return
        partial = (old - 1) // BLOCK if old else None  # its last block may grow
        self.beginInsertRows(QModelIndex(), old, len(found) - 1)
        self.selection = found
        if partial is not None:
            self._blocks.pop(partial, None)
            self._texts.pop(partial, None)
        self.endInsertRows()
        if old < BLOCK:
            self.ensure(0, min(len(found), BLOCK) - 1)

    def clear(self) -> None:
        self.set_selection(None)

    # -- reading blocks ---------------------------------------------------------------------

    def passage(self, row: int) -> Passage | None:
        """The passage on a row, if read (asking for it to be read if not)."""
        block = self._blocks.get(row // BLOCK)
        if block is None:
            self._want(row // BLOCK)
            return None
        at = row % BLOCK
        return block[at] if at < len(block) else None

    def _want(self, block: int) -> None:
        self._wanted.add(block)
        if not self._fetch.isActive():
            self._fetch.start()

    def ensure(self, first: int, last: int) -> None:
        """Read the blocks holding rows `first` to `last` now (those not read yet)."""
        for block in range(max(0, first) // BLOCK, max(0, last) // BLOCK + 1):
            self._load(block)

    def fetch_wanted(self) -> None:
        """Read the blocks a paint asked for, and repaint their rows."""
        wanted, self._wanted = sorted(self._wanted), set()
        for block in wanted:
            self._load(block)

    def _load(self, block: int) -> None:
        found = self.selection
        if found is None or block in self._blocks or block * BLOCK >= len(found):
            return
        start = block * BLOCK
        stop = min(len(found), start + BLOCK)
        passages = self._read(found, start, stop)  # fewer when some were deleted since
        self.reads += 1
        self._blocks[block] = passages
        self._texts[block] = [tuple(_display(p, c) for c in range(len(COLUMNS)))
                              for p in passages]
        self._blocks.move_to_end(block)
        while len(self._blocks) > KEPT_BLOCKS:
            far = max(self._blocks, key=lambda b: abs(b - block))
            del self._blocks[far]
            del self._texts[far]
        self.dataChanged.emit(self.index(start, 0), self.index(stop - 1, len(COLUMNS) - 1))

    # -- the model --------------------------------------------------------------------------

    def rowCount(self, parent: Index | None = None) -> int:
        if (parent is not None and parent.isValid()) or self.selection is None:
            return 0
        return len(self.selection)

    def columnCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return COLUMNS[section] if 0 <= section < len(COLUMNS) else None
        return section + 1

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():  # a paint asks for a dozen roles
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            texts = self._texts.get(row // BLOCK)
            if texts is not None and row % BLOCK < len(texts):
                return texts[row % BLOCK][column]
        p = self.passage(row)
        if p is None:
            if role != Qt.ItemDataRole.DisplayRole or column != QUOTE:
                return None
            return GONE if row // BLOCK in self._blocks else WAITING
        if role == PassageRole:
            return p
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (QUOTE, CONTEXT):
                return one_line(f"{p.before}[{p.quote}]{p.after}", 1200)
            if column == CITES:
                return "\n".join(f"[{c.label}] {c.text}" for c in p.cited) or None
            return _display(p, column) or None
        if role == Qt.ItemDataRole.DecorationRole and column == TAGS and p.tag_colors:
            icon = self._icons.get(p.color)
            if icon is None:
                icon = self._icons[p.color] = tag_icon(p.color)
            return icon
        if role == Qt.ItemDataRole.ForegroundRole and p.status == "rejected":
            return QColor("#8a8a8a")
        return None
