"""The codebook's tags as a palette: click one to highlight the selected text with it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator.services.values import TagView
from glossator.ui.common.tag_icon import tag_icon

TagIdRole = Qt.ItemDataRole.UserRole + 1


class TagPalette(QWidget):
    """Tags in codebook order, children under their parent, each with its shortcut key.

    The list never takes the keyboard focus, so the report's selection (and the number
    keys typed into the report) stay where the reader is.
    """

    tagChosen = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tagPalette")
        self._tags: dict[int, TagView] = {}
        self.hint = QLabel("Select text, then click a tag or press its key.", self)
        self.hint.setObjectName("tagPaletteHint")
        self.hint.setWordWrap(True)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("tagPaletteList")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels(["Tag", "Key"])
        self.tree.setHeaderHidden(True)
        self.tree.setRootIsDecorated(False)
        self.tree.setIndentation(14)
        self.tree.setUniformRowHeights(True)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.tree.setItemsExpandable(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.hint)
        layout.addWidget(self.tree, 1)
        self.tree.itemClicked.connect(self._clicked)

    def set_tags(self, tags: list[TagView]) -> None:
        self._tags = {t.id: t for t in tags}
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for tag in tags:
            parent = items.get(tag.parent_id) if tag.parent_id is not None else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            item.setText(0, tag.name)
            item.setIcon(0, tag_icon(tag.color))
            item.setText(1, tag.shortcut or "")
            item.setTextAlignment(1, Qt.AlignmentFlag.AlignCenter)
            item.setData(0, TagIdRole, tag.id)
            tip = tag.path + (f"  (key {tag.shortcut})" if tag.shortcut else "")
            item.setToolTip(0, tip + (f"\n{tag.description}" if tag.description else ""))
            items[tag.id] = item
        self.tree.expandAll()

    def tags(self) -> list[TagView]:
        return list(self._tags.values())

    def tag_for_key(self, key: str) -> TagView | None:
        return next((t for t in self._tags.values() if t.shortcut == key), None)

    def item_for(self, tag_id: int) -> QTreeWidgetItem | None:
        for item in self._all_items():
            if item.data(0, TagIdRole) == tag_id:
                return item
        return None

    def _all_items(self) -> list[QTreeWidgetItem]:
        out: list[QTreeWidgetItem] = []
        stack = [self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount())]
        while stack:
            item = stack.pop(0)
            if item is None:
                continue
            out.append(item)
            stack.extend(item.child(i) for i in range(item.childCount()))
        return out

    def _clicked(self, item: QTreeWidgetItem, _column: int) -> None:
        tag_id = item.data(0, TagIdRole)
        if tag_id is not None:
            self.tagChosen.emit(int(tag_id))
