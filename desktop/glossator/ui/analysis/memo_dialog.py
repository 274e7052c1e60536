"""View ▸ Memos…: a researcher's memos on the workspace, a report, a tag or a speaker.

Choose what the memos are about, pick one (or New), write Markdown (the preview shows it
as it will read), and Save; Delete removes it. Each is one command on the window's undo
stack, so Ctrl+Z takes it back. The author and the times written and changed are shown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from glossator.core.analysis import Memo
from glossator.services import CommandError, Workspace
from glossator.services.analysis import Analysis
from glossator.services.memos import AddMemo, DeleteMemo, EditMemo
from glossator.ui.common.undo import UndoController

KINDS = (("workspace", "The workspace"), ("report", "A report"), ("tag", "A tag"),
         ("speaker", "A speaker"))
MemoRole = Qt.ItemDataRole.UserRole + 1


def when(memo: Memo) -> str:
    written = memo.created.astimezone().strftime("%Y-%m-%d %H:%M")
    changed = memo.modified.astimezone().strftime("%Y-%m-%d %H:%M")
    return f"by {memo.author}, written {written}" + (
        f", changed {changed}" if changed != written else "")


class MemoDialog(QDialog):
    def __init__(self, ws: Workspace, undo: UndoController,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memoDialog")
        self.setWindowTitle("Memos")
        self.ws, self.undo, self.analysis = ws, undo, Analysis(ws)
        self.kind = QComboBox(self)
        self.kind.setObjectName("memoKind")
        for key, text in KINDS:
            self.kind.addItem(text, key)
        self.subject = QComboBox(self)
        self.subject.setObjectName("memoSubject")
        self.subject.setMinimumContentsLength(28)
        self.list = QListWidget(self)
        self.list.setObjectName("memoList")
        self.title = QLineEdit(self)
        self.title.setObjectName("memoTitle")
        self.title.setPlaceholderText("Title (optional)")
        self.text = QPlainTextEdit(self)
        self.text.setObjectName("memoText")
        self.text.setPlaceholderText("Write the memo in Markdown: paragraphs, *emphasis*, "
                                     "lists, [links](https://example.org)…")
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("memoPreview")
        self.preview.setOpenLinks(False)
        self.editor_tabs = QTabWidget(self)
        self.editor_tabs.addTab(self.text, "&Write")
        self.editor_tabs.addTab(self.preview, "Pre&view")
        self.info = QLabel(self)
        self.info.setObjectName("memoInfo")
        self.status = QLabel(self)
        self.status.setObjectName("memoStatus")
        self.status.setWordWrap(True)
        self.buttons = {key: QPushButton(text, self) for key, text in (
            ("new", "&New"), ("save", "&Save"), ("delete", "&Delete"), ("close", "Close"))}
        for key, button in self.buttons.items():
            button.setObjectName(f"memo_{key}")
            button.setAutoDefault(False)
        self.editing: Memo | None = None  # the memo in the editor (None: a new one)
        self._loading = False
        self._layout()
        self._connect()
        self.resize(920, 600)
        self._fill_subjects()

    def _layout(self) -> None:
        left = QWidget(self)
        side = QVBoxLayout(left)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel("Memos about", left))
        side.addWidget(self.kind)
        side.addWidget(self.subject)
        side.addWidget(self.list, 1)
        right = QWidget(self)
        edit = QVBoxLayout(right)
        edit.setContentsMargins(0, 0, 0, 0)
        edit.addWidget(self.title)
        edit.addWidget(self.editor_tabs, 1)
        edit.addWidget(self.info)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([300, 620])
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        for key in ("new", "save", "delete", "close"):
            bar.addWidget(self.buttons[key])
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bar)

    def _connect(self) -> None:
        self.kind.currentIndexChanged.connect(lambda _i: self._fill_subjects())
        self.subject.currentIndexChanged.connect(lambda _i: self.reload())
        self.list.currentItemChanged.connect(self._picked)
        self.editor_tabs.currentChanged.connect(self._preview)
        self.buttons["new"].clicked.connect(self.new_memo)
        self.buttons["save"].clicked.connect(self.save)
        self.buttons["delete"].clicked.connect(self.delete)
        self.buttons["close"].clicked.connect(self.close)

    # -- what the memos are about -----------------------------------------------------------

    def _fill_subjects(self, keep: int | None = None) -> None:
        kind = str(self.kind.currentData())
        self._loading = True
        self.subject.clear()
        if kind == "report":
            for r in sorted(self.ws.reports(), key=lambda r: r.title.casefold()):
                self.subject.addItem(r.title, r.id)
        elif kind == "tag":
            for t in self.ws.tags():
                self.subject.addItem(t.path, t.id)
        elif kind == "speaker":
            for s in self.ws.speakers():
                self.subject.addItem(s.name, s.id)
        self.subject.setEnabled(kind != "workspace")
        if keep is not None:
            self.subject.setCurrentIndex(max(0, self.subject.findData(keep)))
        self._loading = False
        self.reload()

    def reload_subjects(self) -> None:
        """The reports, tags or speakers changed: list them again, keeping the one shown."""
        data = self.subject.currentData()
        self._fill_subjects(int(data) if data is not None else None)

    def choose(self, kind: str, subject: int | None = None) -> None:
        """Show the memos about one subject (a report, tag or speaker id)."""
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(kind)))
        self.kind.blockSignals(False)
        self._fill_subjects(subject)

    def show_subject_of(self, report_id: int | None) -> None:
        """The open report's memos (the workspace's when none is open)."""
        if report_id is None:
            self.choose("workspace")
        else:
            self.choose("report", report_id)

    def show_memo(self, memo_id: str) -> None:
        """Show a memo (from a search hit): its subject's memos, it selected."""
        try:
            memo = self.analysis.memo(memo_id)
        except CommandError as exc:
            self.status.setText(str(exc))
            return
        subject: int | None = None
        if memo.kind == "report":
            subject = next((r.id for r in self.ws.reports() if r.uuid == memo.subject), None)
        elif memo.kind == "tag":
            subject = next((t.id for t in self.ws.tags() if t.uuid == memo.subject), None)
        elif memo.kind == "speaker":
            subject = next((s.id for s in self.ws.speakers() if s.uuid == memo.subject), None)
        self.choose(memo.kind, subject)
        self.select(memo.id)

    def _subject(self) -> tuple[str, int | None]:
        kind = str(self.kind.currentData())
        data = self.subject.currentData()
        return kind, (int(data) if kind != "workspace" and data is not None else None)

    # -- the list of memos ------------------------------------------------------------------

    def reload(self) -> None:
        """Read the subject's memos again, keeping the one being edited selected."""
        if self._loading:
            return
        kind, subject = self._subject()
        keep = self.editing.id if self.editing is not None else None
        dirty = self._dirty()
        try:
            memos = (self.analysis.memos("workspace") if kind == "workspace"
                     else self.analysis.memos(kind, subject) if subject is not None else [])
        except CommandError as exc:
            memos = []
            self.status.setText(str(exc))
        self.list.blockSignals(True)
        self.list.clear()
        for m in memos:
            item = QListWidgetItem(f"{m.heading}\n{when(m)}", self.list)
            item.setData(MemoRole, m)
            item.setToolTip(m.text[:600])
        self.list.blockSignals(False)
        if keep is not None and self.select(keep, keep_text=dirty):
            return
        if dirty and self.editing is None:  # a new memo being written stays in the editor
            return
        if self.list.count():
            self.list.setCurrentRow(0)
        else:
            self._edit(None)

    def memos_listed(self) -> list[Memo]:
        items = (self.list.item(i) for i in range(self.list.count()))
        return [item.data(MemoRole) for item in items if item is not None]

    def select(self, memo_id: str, *, keep_text: bool = False) -> bool:
        """Select a listed memo; `keep_text`: leave what is typed in the editor."""
        for i, m in enumerate(self.memos_listed()):
            if m.id == memo_id:
                self.list.blockSignals(True)
                self.list.setCurrentRow(i)
                self.list.blockSignals(False)
                if keep_text:
                    self.editing = m
                    self.info.setText(when(m))
                else:
                    self._edit(m)
                return True
        return False

    def _dirty(self) -> bool:
        """Whether the editor holds text not saved."""
        text, title = self.text.toPlainText(), self.title.text()
        if self.editing is None:
            return bool(text.strip() or title.strip())
        return text != self.editing.text or title != self.editing.title

    def _picked(self, item: QListWidgetItem | None, _previous: object) -> None:
        self._edit(item.data(MemoRole) if item is not None else None)

    def _edit(self, memo: Memo | None) -> None:
        self.editing = memo
        self.title.setText(memo.title if memo else "")
        self.text.setPlainText(memo.text if memo else "")
        self.info.setText(when(memo) if memo else "A new memo")
        self.buttons["delete"].setEnabled(memo is not None)
        self._preview()

    def _preview(self, _index: int = 0) -> None:
        if self.editor_tabs.currentWidget() is self.preview:
            self.preview.setMarkdown(self.text.toPlainText())

    # -- changes (each one undoable) --------------------------------------------------------

    def new_memo(self) -> None:
        self.list.setCurrentRow(-1)
        self._edit(None)
        self.editor_tabs.setCurrentWidget(self.text)
        self.text.setFocus()

    def save(self) -> None:
        text, title = self.text.toPlainText(), self.title.text()
        try:
            if self.editing is None:
                kind, subject = self._subject()
                if kind != "workspace" and subject is None:
                    raise CommandError(f"Choose the {kind} the memo is about")
                command: AddMemo | EditMemo = AddMemo(kind, subject, text, title)
            else:
                if text == self.editing.text and title == self.editing.title:
                    self.status.setText("Nothing changed")
                    return
                command = EditMemo(self.editing.id, text=text, title=title)
        except CommandError as exc:
            self.status.setText(str(exc))
            return
        if self.undo.push(command) is None:
            self.status.setText("The memo was not saved (see the status bar)")
            return
        uuid = command.uuid
        self.editing = None
        self.reload()
        self.select(uuid)
        self.status.setText("Memo saved (Ctrl+Z takes it back)")

    def delete(self) -> None:
        if self.editing is None:
            return
        if self.undo.push(DeleteMemo(self.editing.id)) is not None:
            self.editing = None
            self.reload()
            self.status.setText("Memo deleted (Ctrl+Z brings it back)")
