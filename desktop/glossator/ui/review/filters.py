"""The author and status filters of the annotation table and the report view."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from glossator.services.annotations import STATUSES
from glossator.ui.state import Reviewed

MINE = "\x00mine"  # the author filter's "only mine": whoever is reviewing at the time


class ReviewerCombo(QComboBox):
    """Asks for the current list of reviewers each time it opens."""

    def __init__(self, names: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._names = names
        self.refresh()

    def refresh(self) -> None:
        chosen = self.currentData()
        self.blockSignals(True)
        self.clear()
        self.addItem("All reviewers", "")
        self.addItem("Only mine", MINE)
        for name in self._names():
            self.addItem(name, name)
        self.setCurrentIndex(max(self.findData(chosen), 0))
        self.blockSignals(False)

    def showPopup(self) -> None:
        self.refresh()
        super().showPopup()


class ReviewFilterBar(QWidget):
    """Author (everyone, only mine, one reviewer) and status; `changed` on every choice."""

    changed = Signal()

    def __init__(self, names: Callable[[], list[str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.author = ReviewerCombo(names, self)
        self.author.setObjectName("annotationAuthorFilter")
        self.author.setToolTip("Whose highlights to show, in the table and the report")
        self.status = QComboBox(self)
        self.status.setObjectName("annotationStatusFilter")
        self.status.setToolTip("Which statuses to show, in the table and the report")
        self.status.addItem("All statuses", "")
        for status in STATUSES:
            self.status.addItem(status.capitalize(), status)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.author)
        layout.addWidget(self.status)
        self.author.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.status.currentIndexChanged.connect(lambda _i: self.changed.emit())

    def set_author(self, value: str) -> None:
        """"" everyone, MINE, or a reviewer's name."""
        if self.author.findData(value) < 0:
            self.author.refresh()
        self.author.setCurrentIndex(max(self.author.findData(value), 0))

    def set_status(self, value: str) -> None:
        self.status.setCurrentIndex(max(self.status.findData(value), 0))

    def predicate(self, me: Callable[[], str | None]) -> Callable[[Reviewed], bool] | None:
        """The test an annotation must pass to be shown; None when nothing is filtered."""
        author, status = self.author.currentData() or "", self.status.currentData() or ""
        if not author and not status:
            return None

        def shown(a: Reviewed) -> bool:
            who = me() if author == MINE else author
            return (not author or a.author == who) and (not status or a.status == status)

        return shown
