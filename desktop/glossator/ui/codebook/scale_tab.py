"""The codebook editor's Stance scale tab: the labels in order, with their description,
whether they take an intensity, and uses; add, edit (rename), move, delete."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from glossator.services import Workspace
from glossator.services.stance_scale import (
    DeleteStanceLabel,
    MoveStanceLabel,
    SaveStanceLabel,
    StanceLabelFields,
    label_uses,
)
from glossator.services.values import StanceLabelView
from glossator.ui.codebook.forms import LabelForm
from glossator.ui.codebook.tab import CodebookTab, Push


def label_fields(lbl: StanceLabelView) -> StanceLabelFields:
    return StanceLabelFields(lbl.name, lbl.description, lbl.has_intensity)


class ScaleTab(CodebookTab):
    def __init__(self, ws: Workspace, push: Push) -> None:
        super().__init__(push)
        self.setObjectName("scaleTab")
        self.ws = ws
        self.labels: list[StanceLabelView] = []
        self.uses: dict[int, int] = {}
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("scaleTable")
        self.table.setHorizontalHeaderLabels(["Label", "Description", "Intensity", "Uses"])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.button("add", "&Add label…", self.add)
        self.button("edit", "&Edit…", self.edit)
        self.button("up", "Move &up", lambda: self.move_label(-1))
        self.button("down", "Move do&wn", lambda: self.move_label(1))
        self.button("delete", "&Delete", self.delete)
        self.finish(self.table)
        self.table.doubleClicked.connect(lambda _i: self.edit())

    def reload(self) -> None:
        keep = self.current()
        self.labels = self.ws.stance_labels()
        self.uses = label_uses(self.ws)
        self.table.setRowCount(len(self.labels))
        for row, lbl in enumerate(self.labels):
            cells = (lbl.name, lbl.description, "yes" if lbl.has_intensity else "",
                     str(self.uses.get(lbl.id, 0)))
            for col, text in enumerate(cells):
                self.table.setItem(row, col, QTableWidgetItem(text))
        if keep is not None:
            self.select(keep.id)

    def current(self) -> StanceLabelView | None:
        row = self.table.currentRow()
        return self.labels[row] if 0 <= row < len(self.labels) else None

    def select(self, label_id: int) -> None:
        for row, lbl in enumerate(self.labels):
            if lbl.id == label_id:
                self.table.selectRow(row)

    def add(self) -> None:
        fields = LabelForm.ask(self)
        if fields is not None:
            self.push(SaveStanceLabel(fields))

    def edit(self) -> None:
        lbl = self.current()
        if lbl is None:
            return
        fields = LabelForm.ask(self, label_fields(lbl))
        if fields is not None and fields != label_fields(lbl):
            self.push(SaveStanceLabel(fields, lbl.id))

    def move_label(self, step: int) -> None:
        lbl = self.current()
        if lbl is not None:
            self.push(MoveStanceLabel(lbl.id, step))

    def delete(self) -> None:
        lbl = self.current()
        if lbl is None:
            return
        if self.confirm_delete(f"\u201c{lbl.name}\u201d", self.uses.get(lbl.id, 0),
                               "The stances with this label are deleted too."):
            self.push(DeleteStanceLabel(lbl.id))
