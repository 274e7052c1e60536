"""The codebook editor's Speakers and Targets tabs: a table of entries with their aliases,
details and uses; add, edit, merge into another, delete (asked first when in use)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from glossator.services import Workspace
from glossator.services.registry import (
    SPEAKERS,
    DeleteEntry,
    EntryFields,
    Kind,
    MergeEntries,
    SaveEntry,
)
from glossator.services.values import SpeakerView, TargetView
from glossator.ui.codebook.forms import EntryForm
from glossator.ui.codebook.tab import CodebookTab, Push

IdRole = Qt.ItemDataRole.UserRole + 1
Entry = SpeakerView | TargetView


def entry_fields(e: Entry) -> EntryFields:
    if isinstance(e, SpeakerView):
        return EntryFields(e.name, e.aliases, e.description, e.kind, e.affiliation, e.role)
    return EntryFields(e.name, e.aliases, e.description)


class EntriesTab(CodebookTab):
    """Speakers or targets, by `kind`."""

    def __init__(self, ws: Workspace, kind: Kind, push: Push) -> None:
        super().__init__(push)
        self.ws, self.kind = ws, kind
        self.is_speakers = kind is SPEAKERS
        self.setObjectName("speakersTab" if self.is_speakers else "targetsTab")
        self.entries: list[Entry] = []
        columns = (["Name", "Aliases", "Kind", "Affiliation", "Role", "Uses"]
                   if self.is_speakers else ["Name", "Aliases", "Description", "Uses"])
        self.table = QTableWidget(0, len(columns), self)
        self.table.setObjectName(f"{self.objectName()}Table")
        self.table.setHorizontalHeaderLabels(columns)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 190)
        noun = kind.noun
        self.button("add", f"&Add {noun}…", self.add)
        self.button("edit", "&Edit…", self.edit)
        self.button("merge", "&Merge into…", self.merge)
        self.button("delete", "&Delete", self.delete)
        self.finish(self.table)
        self.table.doubleClicked.connect(lambda _i: self.edit())

    def reload(self) -> None:
        keep = self.current()
        self.entries = list(self.ws.speakers() if self.is_speakers else self.ws.targets())
        self.table.setRowCount(len(self.entries))
        for row, e in enumerate(self.entries):
            if isinstance(e, SpeakerView):
                cells = [e.name, "; ".join(e.aliases), e.kind, e.affiliation, e.role]
            else:
                cells = [e.name, "; ".join(e.aliases), e.description]
            cells.append(str(e.uses))
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(IdRole, e.id)
                item.setToolTip(e.description or text)
                self.table.setItem(row, col, item)
        if keep is not None:
            self.select(keep.id)

    def current(self) -> Entry | None:
        row = self.table.currentRow()
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def select(self, entry_id: int) -> None:
        for row, e in enumerate(self.entries):
            if e.id == entry_id:
                self.table.selectRow(row)
                return

    def entry_named(self, name: str) -> Entry | None:
        return next((e for e in self.entries if e.name == name), None)

    def add(self) -> None:
        fields = EntryForm.ask(self, self.kind.noun)
        if fields is not None:
            self.push(SaveEntry(self.kind, fields))

    def edit(self) -> None:
        e = self.current()
        if e is None:
            return
        fields = EntryForm.ask(self, self.kind.noun, entry_fields(e))
        if fields is not None and fields != entry_fields(e):
            self.push(SaveEntry(self.kind, fields, e.id))

    def merge(self) -> None:
        e = self.current()
        if e is None:
            return
        others = [o.name for o in self.entries if o.id != e.id]
        name = self.choose_other(
            f"Merge {self.kind.noun}s",
            f"Merge \u201c{e.name}\u201d into (its name becomes an alias, its uses move):",
            others)
        into = self.entry_named(name) if name else None
        if into is not None:
            self.push(MergeEntries(self.kind, e.id, into.id))

    def delete(self) -> None:
        e = self.current()
        if e is None:
            return
        consequence = ("Its passages keep their text and lose their speaker."
                       if self.is_speakers else "The stances toward it are deleted too.")
        if self.confirm_delete(f"\u201c{e.name}\u201d", e.uses, consequence):
            self.push(DeleteEntry(self.kind, e.id))
