"""A bar above the panes for what the user must know about the storage: edits kept while
the workspace could not be written (and why, and that they will be saved), or a workspace
opened read-only. It stays until the situation ends; the status bar's messages fade."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget


class StorageBanner(QFrame):
    retryRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("storageBanner")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet(
            "#storageBanner { background: #fff4ce; border: 1px solid #e0b600; }"
            "#storageBanner QLabel { color: #3b2f00; }"
        )
        self.message = QLabel(self)
        self.message.setObjectName("storageMessage")
        self.message.setWordWrap(True)
        self.retry = QPushButton("Retry now", self)
        self.retry.setObjectName("storageRetry")
        self.retry.setAccessibleName("Retry saving the kept edits now")
        self.retry.clicked.connect(self.retryRequested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.retry)
        self._read_only = ""
        self.hide()

    def show_pending(self, count: int, reason: str) -> None:
        """`count` edits wait to be saved because of `reason` (0: all saved)."""
        if count == 0:
            self._show_read_only_or_hide()
            return
        edits = "1 edit is" if count == 1 else f"{count} edits are"
        self.message.setText(
            f"<b>{edits} kept, not yet saved.</b> {reason} Glossator keeps trying every "
            "few seconds and saves them in order; keep working, or press Retry now."
        )
        self.retry.show()
        self.show()

    def show_read_only(self, reason: str) -> None:
        self._read_only = reason
        self._show_read_only_or_hide()

    def _show_read_only_or_hide(self) -> None:
        if not self._read_only:
            self.hide()
            return
        self.message.setText(f"<b>Read-only.</b> {self._read_only}")
        self.retry.hide()
        self.show()
