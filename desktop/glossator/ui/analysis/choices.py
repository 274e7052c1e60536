"""A button that picks several values from a list (tags, speakers, targets...): its menu
holds a filter box over checkable items, and stays open while items are ticked; the
button says what is chosen ("any tag", "Betrayal, Quote", "3 tags")."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

ValueRole = Qt.ItemDataRole.UserRole + 1
SearchRole = Qt.ItemDataRole.UserRole + 2
SHOWN_NAMES = 2  # chosen values named on the button before it counts them


@dataclass(frozen=True, slots=True)
class Choice:
    value: str  # what the query gets (a name or a tag path)
    label: str  # what the list shows
    also: tuple[str, ...] = ()  # other words the filter finds it by (aliases)
    icon: QIcon | None = None
    indent: int = 0


class ChoiceButton(QToolButton):
    """Several values out of a list; none chosen means "any"."""

    changed = Signal()

    def __init__(self, noun: str, plural: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.noun, self.plural = noun, plural
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setMinimumWidth(120)
        self.menu_ = QMenu(self)
        holder = QWidget(self.menu_)
        box = QVBoxLayout(holder)
        box.setContentsMargins(4, 4, 4, 4)
        self.filter = QLineEdit(holder)
        self.filter.setPlaceholderText(f"Filter {plural}")
        self.filter.setClearButtonEnabled(True)
        self.list = QListWidget(holder)
        self.list.setUniformItemSizes(True)
        self.list.setMinimumSize(260, 220)
        box.addWidget(self.filter)
        box.addWidget(self.list)
        action = QWidgetAction(self.menu_)
        action.setDefaultWidget(holder)
        self.menu_.addAction(action)
        self.menu_.aboutToShow.connect(self.filter.setFocus)
        self.setMenu(self.menu_)
        self.filter.textChanged.connect(self._filter)
        self.list.itemChanged.connect(lambda _item: self._changed())
        self.list.itemActivated.connect(self._toggle)
        self._update_text()

    def set_choices(self, choices: Iterable[Choice]) -> None:
        """The values offered; those chosen before stay chosen if still offered."""
        keep = set(self.values())
        self.list.blockSignals(True)
        self.list.clear()
        for c in choices:
            item = QListWidgetItem(("    " * c.indent) + c.label, self.list)
            item.setData(ValueRole, c.value)
            item.setData(SearchRole, " ".join((c.label, *c.also)).casefold())
            if c.also:
                item.setToolTip("Also: " + ", ".join(c.also))
            if c.icon is not None:
                item.setIcon(c.icon)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if c.value in keep
                               else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._filter(self.filter.text())
        self._changed()

    def items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def offered(self) -> list[str]:
        return [str(i.data(ValueRole)) for i in self.items()]

    def values(self) -> tuple[str, ...]:
        return tuple(str(i.data(ValueRole)) for i in self.items()
                     if i.checkState() == Qt.CheckState.Checked)

    def set_values(self, values: Sequence[str]) -> None:
        """Tick these values (and only these), as clicks on them would."""
        wanted = set(values)
        for item in self.items():
            state = Qt.CheckState.Checked if item.data(ValueRole) in wanted else (
                Qt.CheckState.Unchecked)
            if item.checkState() != state:
                item.setCheckState(state)

    def _toggle(self, item: QListWidgetItem) -> None:
        checked = item.checkState() == Qt.CheckState.Checked
        item.setCheckState(Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked)

    def _filter(self, text: str) -> None:
        words = text.casefold().split()
        for item in self.items():
            haystack = str(item.data(SearchRole))
            item.setHidden(not all(w in haystack for w in words))

    def _changed(self) -> None:
        self._update_text()
        self.changed.emit()

    def _update_text(self) -> None:
        chosen = self.values()
        if not chosen:
            text = f"any {self.noun}"
        elif len(chosen) <= SHOWN_NAMES:
            text = ", ".join(v.rsplit(" / ", 1)[-1] for v in chosen)
        else:
            text = f"{len(chosen)} {self.plural}"
        self.setText(text.replace("&", "&&"))
        self.setToolTip("\n".join(chosen) if chosen else f"Any {self.noun}: click to choose")
