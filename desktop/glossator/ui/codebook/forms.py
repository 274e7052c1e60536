"""Small forms of the codebook editor: a tag, a speaker or target, a stance label.

Each form's `ask` shows it and returns the fields typed (a services value), or None when
cancelled; the editor turns them into a command.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QColorDialog,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from glossator.services.registry import EntryFields
from glossator.services.stance_scale import StanceLabelFields
from glossator.services.tags import TagFields
from glossator.services.values import TagView
from glossator.ui.common.colors import DEFAULT_PALETTE
from glossator.ui.common.tag_icon import tag_icon


def split_aliases(text: str) -> tuple[str, ...]:
    """Aliases typed one per line or separated by semicolons."""
    parts = text.replace(";", "\n").splitlines()
    return tuple(dict.fromkeys(" ".join(p.split()) for p in parts if p.strip()))


class _Form(QDialog):
    def __init__(self, title: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.name = QLineEdit(self)
        self.name.setObjectName("formName")
        self.form.addRow("&Name", self.name)
        self.description = QPlainTextEdit(self)
        self.description.setObjectName("formDescription")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(70)

    def finish(self) -> None:
        self.form.addRow("&Description", self.description)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.form.addRow(buttons)
        self.resize(420, self.sizeHint().height())


class TagForm(_Form):
    def __init__(self, tags: Sequence[TagView], tag: TagView | None, parent_id: int | None,
                 parent: QWidget | None = None) -> None:
        super().__init__("Edit tag" if tag else "New tag", parent)
        self.parent_tag = QComboBox(self)
        self.parent_tag.addItem("(top level)", None)
        for t in tags:
            if tag is None or t.id != tag.id:
                self.parent_tag.addItem(tag_icon(t.color), t.path, t.id)
        self.color = DEFAULT_PALETTE[len(tags) % len(DEFAULT_PALETTE)]
        self.color_button = QPushButton(self)
        self.color_button.clicked.connect(self._pick_color)
        self.shortcut = QComboBox(self)
        self.shortcut.addItem("none", None)
        for key in "123456789":
            self.shortcut.addItem(key, key)
        self.form.addRow("&Parent", self.parent_tag)
        self.form.addRow("&Colour", self.color_button)
        self.form.addRow("&Key", self.shortcut)
        self.finish()
        if tag is not None:
            self.name.setText(tag.name)
            self.color = tag.color
            self.shortcut.setCurrentIndex(max(0, self.shortcut.findData(tag.shortcut)))
            self.description.setPlainText(tag.description)
            parent_id = tag.parent_id
        self.parent_tag.setCurrentIndex(max(0, self.parent_tag.findData(parent_id)))
        self._show_color()

    def _show_color(self) -> None:
        self.color_button.setIcon(tag_icon(self.color, 16))
        self.color_button.setText(self.color)

    def _pick_color(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.color), self, "Tag colour")
        if chosen.isValid():
            self.color = chosen.name()
            self._show_color()

    def fields(self) -> TagFields:
        return TagFields(self.name.text(), self.parent_tag.currentData(), self.color,
                         self.shortcut.currentData(), self.description.toPlainText().strip())

    @classmethod
    def ask(cls, parent: QWidget, tags: Sequence[TagView], tag: TagView | None = None,
            parent_id: int | None = None) -> TagFields | None:
        form = cls(tags, tag, parent_id, parent)
        return form.fields() if form.exec() == QDialog.DialogCode.Accepted else None


class EntryForm(_Form):
    """A speaker (with kind, affiliation and role) or a target."""

    def __init__(self, noun: str, entry: EntryFields | None, parent: QWidget | None = None
                 ) -> None:
        super().__init__(f"Edit {noun}" if entry else f"New {noun}", parent)
        self.is_speaker = noun == "speaker"
        self.aliases = QPlainTextEdit(self)
        self.aliases.setObjectName("formAliases")
        self.aliases.setTabChangesFocus(True)
        self.aliases.setPlaceholderText("one per line, e.g. Al-Tamimi")
        self.aliases.setFixedHeight(64)
        self.form.addRow("&Aliases", self.aliases)
        self.kind = QComboBox(self)
        self.kind.addItems(["person", "group"])
        self.affiliation = QLineEdit(self)
        self.role = QLineEdit(self)
        if self.is_speaker:
            self.form.addRow("&Kind", self.kind)
            self.form.addRow("A&ffiliation", self.affiliation)
            self.form.addRow("&Role", self.role)
        self.finish()
        if entry is not None:
            self.name.setText(entry.name)
            self.aliases.setPlainText("\n".join(entry.aliases))
            self.kind.setCurrentText(entry.kind)
            self.affiliation.setText(entry.affiliation)
            self.role.setText(entry.role)
            self.description.setPlainText(entry.description)

    def fields(self) -> EntryFields:
        return EntryFields(self.name.text(), split_aliases(self.aliases.toPlainText()),
                           self.description.toPlainText().strip(),
                           self.kind.currentText() if self.is_speaker else "person",
                           self.affiliation.text().strip(), self.role.text().strip())

    @classmethod
    def ask(cls, parent: QWidget, noun: str, entry: EntryFields | None = None
            ) -> EntryFields | None:
        form = cls(noun, entry, parent)
        return form.fields() if form.exec() == QDialog.DialogCode.Accepted else None


class LabelForm(_Form):
    def __init__(self, label: StanceLabelFields | None, parent: QWidget | None = None) -> None:
        super().__init__("Edit stance label" if label else "New stance label", parent)
        self.intensity = QCheckBox("takes an &intensity (1 to 5)", self)
        self.form.addRow("", self.intensity)
        self.finish()
        if label is not None:
            self.name.setText(label.name)
            self.description.setPlainText(label.description)
            self.intensity.setChecked(label.has_intensity)

    def fields(self) -> StanceLabelFields:
        return StanceLabelFields(self.name.text(), self.description.toPlainText().strip(),
                                 self.intensity.isChecked())

    @classmethod
    def ask(cls, parent: QWidget, label: StanceLabelFields | None = None
            ) -> StanceLabelFields | None:
        form = cls(label, parent)
        return form.fields() if form.exec() == QDialog.DialogCode.Accepted else None
