"""Type-ahead over registered names and their aliases, for the speaker and target pickers.

Matching is the core's `NameIndex.lookup` (case, accents, the Arabic article and aliases
aside: "Tamimi" finds "Muhammad Al-Tamimi"); the popup lists the canonical names, each with
its details ("name — affiliation, role"), and picking one puts the canonical name in the field.
When what is typed names nobody, the last row offers to register it as a new entry; Enter
takes the best match when the text is part of a name or alias, else that last row (a close
spelling is offered above it, never taken silently).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit

from glossator.core.names import NameIndex, article_variants, name_key
from glossator.ui.common.widgets import popup

NameRole = Qt.ItemDataRole.UserRole + 1
NewRole = Qt.ItemDataRole.UserRole + 2
MAX_SHOWN = 12


@dataclass(frozen=True, slots=True)
class NameEntry:
    """A registered name: what the field shows, its aliases and a line of details."""

    name: str
    aliases: tuple[str, ...] = ()
    detail: str = ""


def shown(entry: NameEntry) -> str:
    return f"{entry.name} \u2014 {entry.detail}" if entry.detail else entry.name


class NameCompleter(QCompleter):
    """A popup of the best matches for what is typed into `line`, refreshed on each edit.

    `chosen` carries the canonical name of the entry picked from the popup, `createRequested`
    the text typed when the reviewer picks the row that registers it as a new `noun`.
    """

    chosen = Signal(str)
    createRequested = Signal(str)

    def __init__(self, line: QLineEdit, noun: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._line = line
        self._noun = noun
        self._entries: dict[str, NameEntry] = {}
        self._index = NameIndex(())
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompletionRole(NameRole)
        self.setMaxVisibleItems(MAX_SHOWN)
        self.setWidget(line)
        popup(self).setObjectName("nameCompleterPopup")
        line.textEdited.connect(self.refresh)
        self.activated[QModelIndex].connect(self._activated)  # type: ignore[index]  # the overload by index

    def set_entries(self, entries: Sequence[NameEntry]) -> None:
        self._entries = {e.name: e for e in entries}
        self._index = NameIndex((e.name, e.aliases) for e in entries)

    def entry(self, name: str) -> NameEntry | None:
        return self._entries.get(name)

    def matches(self, text: str) -> list[str]:
        """Canonical names for `text`, best first (every name when `text` is blank)."""
        return self._index.lookup(text)[:MAX_SHOWN] if text.strip() else []

    def exact(self, text: str) -> str | None:
        """The canonical name `text` spells exactly (a name or an alias, article or not)."""
        text = text.strip()
        if not text:
            return None
        found = self._index.find_all(text)
        if len(found) == 1 and found[0][0] == 0 and found[0][1] == len(text):
            return found[0][2]
        return None

    def contains(self, name: str, text: str) -> bool:
        """True when `text` is part of the name or of an alias (no fuzzy match)."""
        wanted = name_key(text)
        entry = self._entries.get(name, NameEntry(name))
        return any(wanted in name_key(variant) for spelling in (entry.name, *entry.aliases)
                   for variant in article_variants(spelling))

    def refresh(self, text: str) -> None:
        """Fill the popup with the matches for `text` and show it (hide it when none)."""
        self._model.clear()
        found = self.matches(text)
        for name in found:
            entry = self._entries.get(name, NameEntry(name))
            item = QStandardItem(shown(entry))
            item.setData(name, NameRole)
            item.setToolTip(", ".join(entry.aliases) if entry.aliases else name)
            self._model.appendRow(item)
        typed = " ".join(text.split())
        if typed and self.exact(typed) is None:
            item = QStandardItem(f"Add \u201c{typed}\u201d as a new {self._noun}")
            item.setData(typed, NameRole)
            item.setData(True, NewRole)
            self._model.appendRow(item)
        if self._model.rowCount() == 0:
            popup(self).hide()
            return
        self.setCompletionPrefix("")
        self.complete()
        best = 0 if found and self.contains(found[0], text) else self._model.rowCount() - 1
        popup(self).setCurrentIndex(self.completionModel().index(best, 0))

    def _activated(self, index: QModelIndex) -> None:
        name = index.data(NameRole)
        if not name:
            return
        self._line.setText(str(name))
        if index.data(NewRole):
            self.createRequested.emit(str(name))
        else:
            self.chosen.emit(str(name))
