"""What a delegate that draws an item's text itself paints first: the item's background,
focus and selection as the style draws them, with no text of its own."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


def paint_item_frame(
    delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem,
    index: QModelIndex | QPersistentModelIndex,
) -> tuple[QStyleOptionViewItem, bool]:
    """Paint the item without its text; its style option (the text emptied) and whether it
    is selected, for the delegate to draw the text over it."""
    opt = QStyleOptionViewItem(option)
    delegate.initStyleOption(opt, index)
    opt.text = ""
    widget = opt.widget
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
    return opt, bool(opt.state & QStyle.StateFlag.State_Selected)
