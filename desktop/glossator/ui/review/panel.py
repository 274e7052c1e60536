"""The inspector's review section: the annotation's status, Accept / Reject / Dispute, the
thread of decisions and comments with replies, and a box to comment, reply or edit.

It shows a `ReviewThread` value and emits what the reviewer asks for; the window turns
each request into one undoable command.
"""

from __future__ import annotations

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from glossator.services.review_values import ReviewEntry, ReviewThread
from glossator.ui.common.keys import claim_plain_keys
from glossator.ui.common.scheme import ink

ReviewIdRole = Qt.ItemDataRole.UserRole + 1


def entry_text(e: ReviewEntry) -> str:
    """Who and when on the first line (with the decision), what was said below it."""
    head = f"{e.reviewer} \u00b7 {e.created:%Y-%m-%d %H:%M}"
    if e.decision:
        head += f" \u00b7 {e.decision}"
    body = "(comment deleted)" if e.deleted else " ".join(e.body.split())
    return f"{head}\n{body}" if body else head


class _Wrapping(QStyledItemDelegate):
    """Row heights for text wrapped to the thread's width (a tree view asks its delegate
    for heights without telling it the width; this one reads it from the view)."""

    def __init__(self, view: QTreeWidget) -> None:
        super().__init__(view)
        self._view = view

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
                 ) -> QSize:
        depth, parent = 0, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        width = self._view.viewport().width() - self._view.indentation() * (depth + 1) - 8
        text = str(index.data() or "")
        bound = option.fontMetrics.boundingRect(
            QRect(0, 0, max(40, width), 100_000), int(Qt.TextFlag.TextWordWrap), text
        )
        return QSize(max(40, width), bound.height() + 6)


class ReviewPanel(QWidget):
    #: (decision: "accepted" | "rejected" | "disputed", comment)
    decisionRequested = Signal(str, str)
    #: (text, id of the comment answered or None)
    commentRequested = Signal(str, object)
    editRequested = Signal(str, str)
    deleteRequested = Signal(str)
    #: Esc in the comment box: back to the report, the comment kept for the decision
    leaveRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._decision_tips = {}
        self.setObjectName("reviewPanel")
        self._thread: ReviewThread | None = None
        self._me: str | None = None
        self._editing: str | None = None
        self.status = QLabel(self)
        self.status.setObjectName("reviewStatus")
        self.accept = QPushButton("Accept", self)
        self.reject = QPushButton("Reject", self)
        self.dispute = QPushButton("Dispute", self)
        for name, button, tip in (
            ("reviewAccept", self.accept, "Accept this highlight (Shift+A)"),
            ("reviewReject", self.reject, "Reject this highlight (Shift+R)"),
            ("reviewDispute", self.dispute, "Dispute this highlight (Shift+D)"),
        ):
            button.setObjectName(name)
            button.setToolTip(tip + "; a comment typed below goes with it")
        self.thread_tree = QTreeWidget(self)
        self.thread_tree.setObjectName("reviewThread")
        self.thread_tree.setHeaderHidden(True)
        self.thread_tree.setWordWrap(True)  # comments wrap to the pane's width, never elided
        self.thread_tree.setUniformRowHeights(False)
        self.thread_tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.thread_tree.header().setStretchLastSection(True)
        self.thread_tree.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.thread_tree.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.thread_tree.setMinimumHeight(90)
        self.thread_tree.setItemDelegate(_Wrapping(self.thread_tree))
        self.thread_tree.setAccessibleName("Decisions and comments")
        claim_plain_keys(self.thread_tree)  # Delete here is no highlight's deletion
        self.box = QPlainTextEdit(self)
        self.box.setObjectName("reviewComment")
        self.box.setPlaceholderText("A comment, a reply, or a reason for a decision "
                                    "(Esc, then Shift+A / R / D: decide with it; "
                                    "Ctrl+Enter: post it)")
        self.box.setAccessibleName("Comment")
        self.box.setToolTip("Typed here, a comment goes with the next decision (the buttons, "
                            "or Esc and Shift+A / Shift+R / Shift+D); Ctrl+Enter posts it "
                            "as a comment")
        self.box.setTabChangesFocus(True)
        self.box.installEventFilter(self)
        self.box.setMaximumHeight(70)
        self.send = QPushButton("Comment", self)
        self.send.setObjectName("reviewSend")
        self.reply = QPushButton("Reply", self)
        self.reply.setObjectName("reviewReply")
        self.edit = QPushButton("Edit", self)
        self.edit.setObjectName("reviewEdit")
        self.delete = QPushButton("Delete", self)
        self.delete.setObjectName("reviewDelete")
        self._build()
        self.accept.clicked.connect(lambda: self._decide("accepted"))
        self.reject.clicked.connect(lambda: self._decide("rejected"))
        self.dispute.clicked.connect(lambda: self._decide("disputed"))
        self.send.clicked.connect(self._send)
        self.reply.clicked.connect(self._reply)
        self.edit.clicked.connect(self._edit)
        self.delete.clicked.connect(self._delete)
        self.thread_tree.currentItemChanged.connect(lambda *_: self._update_buttons())
        self._update_buttons()

    def _build(self) -> None:
        """The status on a line of its own, the buttons sized to their words: the section
        fits a side pane of 230 pixels (a 1024 px screen)."""
        heading = QHBoxLayout()
        heading.setContentsMargins(0, 0, 0, 0)
        heading.addWidget(QLabel("Review", self))
        heading.addWidget(self.status, 1)
        decisions = QHBoxLayout()
        decisions.setContentsMargins(0, 0, 0, 0)
        for b in (self.accept, self.reject, self.dispute):
            decisions.addWidget(b)
        decisions.addStretch(1)
        comments = QHBoxLayout()
        comments.setContentsMargins(0, 0, 0, 0)
        comments.addStretch(1)
        for b in (self.send, self.reply, self.edit, self.delete):
            comments.addWidget(b)
        for b in (self.accept, self.reject, self.dispute, self.send, self.reply, self.edit,
                  self.delete):
            b.setMinimumWidth(b.fontMetrics().horizontalAdvance(b.text()) + 14)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(heading)
        layout.addLayout(decisions)
        layout.addWidget(self.thread_tree, 1)
        layout.addWidget(self.box)
        layout.addLayout(comments)

    def focus_order(self) -> list[QWidget]:
        """Tab's way through the section: the decisions, the thread, the box, its buttons."""
        return [self.accept, self.reject, self.dispute, self.thread_tree, self.box, self.send,
                self.reply, self.edit, self.delete]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.thread_tree.doItemsLayout()  # rows re-wrapped to the new width

    # -- showing --------------------------------------------------------------------------

    def show_thread(self, thread: ReviewThread | None, me: str | None) -> None:
        same = thread is not None and self._thread is not None and (
            thread.annotation_id == self._thread.annotation_id)
        chosen = self.selected_id() if same else None
        if not same:
            self.box.clear()
            self._editing = None
        self._thread, self._me = thread, me
        self.thread_tree.clear()
        if thread is None:
            self.status.setText("")
            self._update_buttons()
            return
        color = ink(thread.status, self.palette())
        self.status.setText(f"<b style='color:{color}'>{thread.status}</b>")
        self.status.setToolTip(f"by {thread.author}")
        items: dict[str, QTreeWidgetItem] = {}
        for _depth, e in thread.walk():
            parent = items.get(e.parent_id or "")
            item = (QTreeWidgetItem(parent) if parent is not None
                    else QTreeWidgetItem(self.thread_tree))
            item.setText(0, entry_text(e))
            item.setToolTip(0, e.body)
            item.setData(0, ReviewIdRole, e.id)
            items[e.id] = item
        self.thread_tree.expandAll()
        if chosen in items:
            self.thread_tree.setCurrentItem(items[chosen])
        self._update_buttons()

    _why_no_decision: str | None = None
    _decision_tips: dict[int, str]

    def refuse_decisions_on_others(self, why: str | None) -> None:
        """The acting reviewer may not decide on another's highlight (`why`; None: they
        may): the decision buttons are off for others' highlights, saying why."""
        self._why_no_decision = why
        self._update_buttons()

    def selected_id(self) -> str | None:
        item = self.thread_tree.currentItem()
        value = item.data(0, ReviewIdRole) if item is not None else None
        return str(value) if value else None

    def select(self, review_id: str) -> None:
        for item in self.thread_tree.findItems("*", Qt.MatchFlag.MatchWildcard
                                          | Qt.MatchFlag.MatchRecursive):
            if item.data(0, ReviewIdRole) == review_id:
                self.thread_tree.setCurrentItem(item)

    def entries(self) -> list[str]:
        """The lines of the thread as shown, replies after what they answer."""
        return [entry_text(e) for _d, e in self._thread.walk()] if self._thread else []

    def _selected_entry(self) -> ReviewEntry | None:
        chosen = self.selected_id()
        return self._thread.entry(chosen) if self._thread and chosen else None

    def _update_buttons(self) -> None:
        has = self._thread is not None
        entry = self._selected_entry()
        mine = entry is not None and entry.reviewer == self._me and not entry.deleted
        for b in (self.accept, self.reject, self.dispute, self.send, self.box):
            b.setEnabled(has)
        self.accept.setEnabled(has and self._thread is not None and self._thread.author != self._me)
        others = self._thread is not None and self._thread.author != self._me
        for b in (self.accept, self.reject, self.dispute):
            if self._why_no_decision is not None and others:
                b.setEnabled(False)
                b.setToolTip(self._why_no_decision)
            else:
                b.setToolTip(self._decision_tips.setdefault(id(b), b.toolTip()))
        self.reply.setEnabled(entry is not None)
        self.edit.setEnabled(mine)
        self.edit.setText("Save" if self._editing else "Edit")
        self.delete.setEnabled(mine and entry is not None and entry.decision is None)

    # -- requests -------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the comment box, Esc goes back to the report keeping what was typed (it does
        not clear the selection, which would drop the comment), Ctrl+Enter posts it."""
        if watched is self.box and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            is_escape = key == Qt.Key.Key_Escape and mods == Qt.KeyboardModifier.NoModifier
            is_post = (key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                       and bool(mods & Qt.KeyboardModifier.ControlModifier))
            if event.type() == QEvent.Type.ShortcutOverride and (is_escape or is_post):
                event.accept()  # ours, not the window's Esc (clear selection)
                return True
            if event.type() == QEvent.Type.KeyPress and is_escape:
                self.leaveRequested.emit()
                return True
            if event.type() == QEvent.Type.KeyPress and is_post:
                self._send()
                return True
        return super().eventFilter(watched, event)

    def _take_text(self) -> str:
        text = self.box.toPlainText().strip()
        return text

    def take_pending_comment(self) -> str:
        """What is typed in the box for a decision (nothing while a comment is being
        edited); the box is emptied."""
        if self._thread is None or self._editing:
            return ""
        text = self._take_text()
        self.box.clear()
        return text

    def _decide(self, decision: str) -> None:
        if self._thread is not None:
            comment = "" if self._editing else self._take_text()
            self.box.clear()
            self.decisionRequested.emit(decision, comment)

    def _send(self) -> None:
        text = self._take_text()
        if self._thread is not None and text:
            self.box.clear()
            self.commentRequested.emit(text, None)

    def _reply(self) -> None:
        text, parent = self._take_text(), self.selected_id()
        if parent is None:
            return
        if not text:
            self.box.setFocus()
            return
        self.box.clear()
        self.commentRequested.emit(text, parent)

    def _edit(self) -> None:
        entry = self._selected_entry()
        if entry is None:
            return
        if self._editing != entry.id:  # first press: the comment into the box
            self._editing = entry.id
            self.box.setPlainText(entry.body)
            self.box.setFocus()
        else:
            self._editing = None
            text = self._take_text()
            self.box.clear()
            self.editRequested.emit(entry.id, text)
        self._update_buttons()

    def _delete(self) -> None:
        chosen = self.selected_id()
        if chosen is not None:
            self.deleteRequested.emit(chosen)
