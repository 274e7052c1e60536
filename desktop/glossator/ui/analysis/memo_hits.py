"""Memos found by the library search: a section below the reports found, listing the memos
holding every word typed (title or text), best first; picking one opens it."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from glossator.core.analysis import Memo
from glossator.services import Workspace
from glossator.services.analysis import Analysis

log = logging.getLogger(__name__)
LIMIT = 10
MemoIdRole = Qt.ItemDataRole.UserRole + 1
ABOUT = {"workspace": "the workspace", "report": "report", "tag": "tag", "speaker": "speaker"}


def about(memo: Memo) -> str:
    if memo.kind == "workspace":
        return "about the workspace"
    name = memo.subject_name if memo.subject_name is not None else "(deleted)"
    return f"about {ABOUT[memo.kind]} {name}"


class MemoHits(QWidget):
    """The memo half of the library search; hidden when no memo matches."""

    memoActivated = Signal(str)

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoHits")
        self.analysis = Analysis(ws)
        self.query = ""
        self.heading = QLabel(self)
        self.heading.setObjectName("memoHitsHeading")
        self.list = QListWidget(self)
        self.list.setObjectName("memoHitList")
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.list.setMaximumHeight(self.fontMetrics().lineSpacing() * 10)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.list)
        self.list.itemActivated.connect(self._activated)
        self.list.itemClicked.connect(self._activated)
        self.hide()

    def search(self, query: str) -> None:
        """List the memos holding the words (nothing, and hidden, for an empty query)."""
        self.query = query
        self.list.clear()
        hits = []
        if query.strip():
            try:
                hits = self.analysis.search_memos(query, LIMIT)
            except Exception:  # the report search says what failed; memos stay quiet
                log.exception("the memo search failed")
        for hit in hits:
            m = hit.memo
            item = QListWidgetItem(f"{m.heading} \u2014 {about(m)}\n{hit.snippet}", self.list)
            item.setData(MemoIdRole, m.id)
            item.setToolTip(f"{m.heading}\n{about(m)}, by {m.author}\n\n{m.text[:600]}")
        count = len(hits)
        more = f" (the best {LIMIT})" if count >= LIMIT else ""
        self.heading.setText(f"<b>Memos</b>: {count} matching{more}")
        self.setVisible(bool(hits))

    def refresh(self) -> None:
        if self.query:
            self.search(self.query)

    def _activated(self, item: QListWidgetItem) -> None:
        self.memoActivated.emit(str(item.data(MemoIdRole)))
