"""The library's search results: ranked reports, each with its title and a snippet of the
text where the words were found, matched words in bold."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import QStyledItemDelegate, QStyleOptionViewItem, QWidget

from glossator.services.search import SearchHit, Span
from glossator.ui.common.item_paint import paint_item_frame
from glossator.ui.library.model import ReportIdRole

Index = QModelIndex | QPersistentModelIndex
HitRole = Qt.ItemDataRole.UserRole + 10
LEAD = 40  # characters of context kept before the first matched word of a snippet
SNIPPET_LINES = 2


def marked_html(
    text: str, spans: tuple[Span, ...], start: int = 0, end: int | None = None, bold: str = "<b>"
) -> str:
    """`text[start:end]` as HTML with the spans in bold (`bold`: the opening tag)."""
    end = len(text) if end is None else end
    out: list[str] = []
    at = start
    for s, e in spans:
        s, e = max(s, start), min(e, end)
        if e <= s or s < at:
            continue
        out += [escape(text[at:s]), bold, escape(text[s:e]), "</b>"]
        at = e
    out.append(escape(text[at:end]))
    return "".join(out)


def snippet_html(hit: SearchHit, bold: str = "<b>") -> str:
    """The snippet from a little before its first matched word, with ellipses where the
    report text goes on."""
    text, start = hit.snippet, 0
    if hit.matches and hit.matches[0][0] > LEAD:
        cut = hit.matches[0][0] - LEAD
        space = text.find(" ", cut)
        start = space + 1 if 0 <= space < hit.matches[0][0] else cut
    body = marked_html(text, hit.matches, start, bold=bold)
    if hit.snippet_start is None:
        return body
    head = "" if hit.starts_text and start == 0 else "…"
    return head + body + ("" if hit.ends_text else "…")


class SearchResultsModel(QAbstractListModel):
    """One row per report found, best first."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hits: list[SearchHit] = []

    def set_hits(self, hits: list[SearchHit]) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._hits[row]

    def row_of(self, report_id: int) -> int | None:
        return next((i for i, h in enumerate(self._hits) if h.report_id == report_id), None)

    def rowCount(self, parent: Index | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return hit.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{hit.title}\n\n{hit.snippet}"
        if role == ReportIdRole:
            return hit.report_id
        if role == HitRole:
            return hit
        return None


def _whole_lines(doc: QTextDocument, count: int, height: int) -> int:
    """The height of the document's first `count` lines (at most `height`), so a long
    snippet ends at a line's foot instead of showing half a line."""
    doc.documentLayout().documentSize()  # lays the document out
    seen, block = 0, doc.begin()
    while block.isValid():
        layout = block.layout()
        top = doc.documentLayout().blockBoundingRect(block).top()
        for i in range(layout.lineCount()):
            seen += 1
            if seen == count:
                line = layout.lineAt(i)
                return min(height, int(top + line.y() + line.height()))
        block = block.next()
    return height


class SearchResultDelegate(QStyledItemDelegate):
    """Paints a result as its title (matched words bold) over two lines of snippet."""

    def _lines(self, option: QStyleOptionViewItem) -> int:
        return option.fontMetrics.lineSpacing() * (1 + SNIPPET_LINES) + 8

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        return QSize(200, self._lines(option))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HitRole)
        if not isinstance(hit, SearchHit):
            super().paint(painter, option, index)
            return
        opt, selected = paint_item_frame(self, painter, option, index)
        group = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        text_color = opt.palette.color(group)
        dim = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.PlaceholderText)
        doc = QTextDocument()
        doc.setDefaultFont(opt.font)
        doc.setDocumentMargin(3)
        rect: QRect = opt.rect
        doc.setTextWidth(rect.width())
        title = marked_html(hit.title, hit.title_matches)
        snippet = snippet_html(hit, f'<b style="color: {text_color.name()}">')
        doc.setHtml(
            f'<div style="white-space: nowrap">{title}</div>'
            f'<div style="color: {dim.name()}">{snippet}</div>'
        )
        painter.save()
        painter.translate(rect.topLeft())
        painter.setClipRect(QRect(0, 0, rect.width(), _whole_lines(doc, 1 + SNIPPET_LINES,
                                                                rect.height())))
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, text_color)
        doc.documentLayout().draw(painter, context)
        painter.restore()
