"""The stance matrix as a picture (PNG or SVG): the whole table, not just what is on screen.

One painting routine draws a title, the legend, target names along the top, speaker names
down the side and each cell with its colour, total and counts by label; it paints into a
QImage for PNG and into a QSvgGenerator for SVG (vector text and shapes).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPen

from glossator.services import CommandError
from glossator.services.destinations import save_bytes
from glossator.ui.attribution.stance_matrix_model import LEGEND, StanceMatrixModel
from glossator.ui.common.pictures import png_picture, svg_picture

PAD = 16.0
CELL_W, CELL_H = 132.0, 46.0
HEADER_H = 52.0
TITLE = "Stances by speaker and target"


def _fonts() -> tuple[QFont, QFont, QFont]:
    base = QFont()
    base.setFamilies(["Noto Sans", "DejaVu Sans", "Arial", "sans-serif"])
    base.setPointSizeF(9.0)
    bold, title = QFont(base), QFont(base)
    bold.setBold(True)
    title.setPointSizeF(13.0)
    title.setBold(True)
    return base, bold, title


def _name_width(model: StanceMatrixModel, font: QFont) -> float:
    metrics = QFontMetricsF(font)
    widest = max((metrics.horizontalAdvance(s) for s in model.matrix.speakers), default=60.0)
    return min(max(widest + 14.0, 110.0), 260.0)


def picture_size(model: StanceMatrixModel) -> QSize:
    _base, bold, _title = _fonts()
    width = PAD * 2 + _name_width(model, bold) + CELL_W * max(1, model.columnCount())
    height = PAD * 2 + 56.0 + HEADER_H + CELL_H * max(1, model.rowCount())
    return QSize(int(width), int(height))


def paint_matrix(painter: QPainter, model: StanceMatrixModel) -> None:
    """Paint the whole matrix from (0, 0); the area is `picture_size(model)`."""
    base, bold, title = _fonts()
    size = picture_size(model)
    painter.fillRect(QRectF(0, 0, size.width(), size.height()), QColor("#ffffff"))
    ink, grid = QColor("#202124"), QColor("#c8ccd2")
    painter.setPen(ink)
    painter.setFont(title)
    painter.drawText(QRectF(PAD, PAD, size.width() - 2 * PAD, 24), TITLE)
    painter.setFont(base)
    painter.setPen(QColor("#5f6368"))
    painter.drawText(QRectF(PAD, PAD + 26, size.width() - 2 * PAD, 22), LEGEND)
    top = PAD + 56.0
    left = PAD + _name_width(model, bold)
    rows, cols = model.rowCount(), model.columnCount()
    if rows == 0 or cols == 0:
        painter.setPen(ink)
        painter.drawText(QRectF(PAD, top, size.width() - 2 * PAD, HEADER_H),
                         "No stances recorded yet.")
        return
    painter.setFont(bold)
    painter.setPen(ink)
    flags = Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap
    for c in range(cols):
        rect = QRectF(left + c * CELL_W, top, CELL_W, HEADER_H).adjusted(4, 2, -4, -2)
        painter.drawText(rect, int(flags), model.target(c))
    for r in range(rows):
        y = top + HEADER_H + r * CELL_H
        painter.setFont(bold)
        painter.setPen(ink)
        painter.drawText(QRectF(PAD, y, left - PAD - 6, CELL_H),
                         int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft
                             | Qt.TextFlag.TextWordWrap), model.speaker(r))
        for c in range(cols):
            cell = model.cell(r, c)
            rect = QRectF(left + c * CELL_W, y, CELL_W, CELL_H)
            painter.fillRect(rect, QColor(cell.color))
            painter.setPen(QPen(grid, 1))
            painter.drawRect(rect)
            if not cell.total:
                continue
            painter.setPen(ink)
            painter.setFont(bold)
            painter.drawText(rect.adjusted(4, 3, -4, -CELL_H / 2),
                             int(Qt.AlignmentFlag.AlignCenter), str(cell.total))
            painter.setFont(base)
            painter.drawText(rect.adjusted(4, CELL_H / 2 - 2, -4, -3),
                             int(Qt.AlignmentFlag.AlignCenter), cell.text)


def write_picture(path: Path, data: bytes) -> None:
    """The picture written beside `path` and renamed into place (the save dialog has
    already asked before replacing a file)."""
    save_bytes(path, data, overwrite=True)


def save_png(model: StanceMatrixModel, path: Path, scale: float = 2.0) -> None:
    def paint(painter: QPainter) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        paint_matrix(painter, model)

    _write(path, png_picture(picture_size(model), paint, scale))


def save_svg(model: StanceMatrixModel, path: Path) -> None:
    data = svg_picture(picture_size(model), TITLE, lambda p: paint_matrix(p, model), LEGEND)
    _write(path, data)


def _write(path: Path, data: bytes | None) -> None:
    if data is None:
        raise CommandError(f"{path.name}: the picture could not be made")
    write_picture(path, data)
