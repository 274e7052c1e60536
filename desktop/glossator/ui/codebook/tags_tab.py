"""The codebook editor's Tags tab: the tag tree with colour, key, description and uses;
add (at top level or under the chosen tag), edit, merge into another, delete."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QTreeWidget, QTreeWidgetItem

from glossator.services import Workspace
from glossator.services.tags import DeleteTag, MergeTags, SaveTag, TagFields, tag_uses
from glossator.services.values import TagView
from glossator.ui.codebook.forms import TagForm
from glossator.ui.codebook.tab import CodebookTab, Push
from glossator.ui.common.tag_icon import tag_icon

IdRole = Qt.ItemDataRole.UserRole + 1


def tag_fields(t: TagView) -> TagFields:
    return TagFields(t.name, t.parent_id, t.color, t.shortcut, t.description)


class TagsTab(CodebookTab):
    def __init__(self, ws: Workspace, push: Push) -> None:
        super().__init__(push)
        self.setObjectName("tagsTab")
        self.ws = ws
        self.tags: dict[int, TagView] = {}
        self.uses: dict[int, int] = {}
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("tagsTree")
        self.tree.setColumnCount(4)
        self.tree.setHeaderLabels(["Tag", "Key", "Description", "Uses"])
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(0, 200)
        header.resizeSection(1, 40)
        header.resizeSection(3, 50)
        self.button("add", "&Add tag…", lambda: self.add(None))
        self.button("child", "Add &child…", self.add_child)
        self.button("edit", "&Edit…", self.edit)
        self.button("merge", "&Merge into…", self.merge)
        self.button("delete", "&Delete", self.delete)
        self.finish(self.tree)
        self.tree.itemDoubleClicked.connect(lambda *_: self.edit())

    def reload(self) -> None:
        keep = self.current()
        self.tags = {t.id: t for t in self.ws.tags()}
        self.uses = tag_uses(self.ws)
        self.tree.clear()
        items: dict[int, QTreeWidgetItem] = {}
        for t in self.tags.values():
            parent = items.get(t.parent_id) if t.parent_id is not None else None
            item = QTreeWidgetItem(parent) if parent is not None else QTreeWidgetItem(self.tree)
            item.setIcon(0, tag_icon(t.color))
            for col, text in enumerate((t.name, t.shortcut or "", t.description,
                                        str(self.uses.get(t.id, 0)))):
                item.setText(col, text)
            item.setToolTip(2, t.description)
            item.setData(0, IdRole, t.id)
            items[t.id] = item
        self.tree.expandAll()
        if keep is not None and keep.id in items:
            self.tree.setCurrentItem(items[keep.id])

    def current(self) -> TagView | None:
        item = self.tree.currentItem()
        return self.tags.get(int(item.data(0, IdRole))) if item is not None else None

    def add(self, parent_id: int | None) -> None:
        fields = TagForm.ask(self, list(self.tags.values()), None, parent_id)
        if fields is not None:
            self.push(SaveTag(fields))

    def add_child(self) -> None:
        t = self.current()
        self.add(t.id if t else None)

    def edit(self) -> None:
        t = self.current()
        if t is None:
            return
        fields = TagForm.ask(self, list(self.tags.values()), t)
        if fields is not None and fields != tag_fields(t):
            self.push(SaveTag(fields, t.id))

    def merge(self) -> None:
        t = self.current()
        if t is None:
            return
        others = {o.path: o for o in self.tags.values() if o.id != t.id}
        name = self.choose_other(
            "Merge tags", f"Merge \u201c{t.path}\u201d into (its passages take that tag):",
            list(others))
        if name is not None:
            self.push(MergeTags(t.id, others[name].id))

    def delete(self) -> None:
        t = self.current()
        if t is None:
            return
        below = [o for o in self.tags.values() if o.parent_id == t.id]
        uses = self.uses.get(t.id, 0) + sum(self.uses.get(o.id, 0) for o in below)
        extra = f" Its {len(below)} child tag(s) go too." if below else ""
        if self.confirm_delete(f"\u201c{t.path}\u201d", uses,
                               "Its passages keep their text and lose the tag." + extra):
            self.push(DeleteTag(t.id))
