"""The passages table: the context column paints the quote in bold on its tag's colour with
the text around it dimmed, cut at both ends so the quote stays in view."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from glossator.core.analysis import Passage
from glossator.ui.analysis.passage_model import (
    CITES,
    CONTEXT,
    DATE,
    QUOTE,
    REPORT,
    SPEAKER,
    STANCES,
    TAGS,
    PassageRole,
    one_line,
)
from glossator.ui.common.item_paint import paint_item_frame

Index = QModelIndex | QPersistentModelIndex
WIDTHS = {QUOTE: 200, CONTEXT: 360, CITES: 140, TAGS: 150, SPEAKER: 130, STANCES: 110,
          REPORT: 160, DATE: 84}


class ContextDelegate(QStyledItemDelegate):
    """before <b>quote</b> after, on one line."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        p = index.data(PassageRole)
        if not isinstance(p, Passage):
            super().paint(painter, option, index)
            return
        opt, selected = paint_item_frame(self, painter, option, index)
        ink = opt.palette.color(QPalette.ColorRole.HighlightedText if selected
                                else QPalette.ColorRole.Text)
        dim = QColor(ink)
        dim.setAlphaF(0.6)
        rect: QRect = opt.rect.adjusted(4, 0, -4, 0)
        bold = QFont(opt.font)
        bold.setBold(True)
        plain_m, bold_m = QFontMetrics(opt.font), QFontMetrics(bold)
        quote = bold_m.elidedText(one_line(p.quote), Qt.TextElideMode.ElideMiddle,
                                  int(rect.width() * 0.45))
        qw = bold_m.horizontalAdvance(quote)
        rest = max(0, rect.width() - qw)
        before = plain_m.elidedText(one_line(p.before) + " ", Qt.TextElideMode.ElideLeft,
                                    rest // 2)
        bw = plain_m.horizontalAdvance(before)
        after = plain_m.elidedText(" " + one_line(p.after), Qt.TextElideMode.ElideRight,
                                   rest - bw)
        painter.save()
        painter.setClipRect(opt.rect)
        flags = int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft)
        x = rect.left()
        painter.setFont(opt.font)
        painter.setPen(dim)
        painter.drawText(QRect(x, rect.top(), bw, rect.height()), flags, before)
        x += bw
        box = QRect(x, rect.top() + 2, qw, rect.height() - 4)
        if not selected:
            tint = QColor(p.color)
            tint.setAlphaF(0.55)
            painter.fillRect(box, tint)
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(QRect(x, rect.top(), qw, rect.height()), flags, quote)
        x += qw
        painter.setFont(opt.font)
        painter.setPen(dim)
        painter.drawText(QRect(x, rect.top(), rect.right() - x, rect.height()), flags, after)
        painter.restore()


def passage_table(parent: QWidget, name: str) -> QTableView:
    """A table of passages as every analysis view shows them."""
    view = QTableView(parent)
    view.setObjectName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setItemDelegateForColumn(CONTEXT, ContextDelegate(view))
    rows = view.verticalHeader()
    rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no row is measured
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    rows.setVisible(False)
    return view


def size_columns(view: QTableView) -> None:
    header = view.horizontalHeader()
    header.setStretchLastSection(False)
    for column, width in WIDTHS.items():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(column, width)
