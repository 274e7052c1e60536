"""Stance toward a target month by month, drawn with QPainter (QtCharts is not part of
PySide6-Essentials): for every month from the first to the last, a group of bars, one per
label of the scale that occurs (counts are few and discrete: bars read better than lines),
a legend, and the undated stances said below. The same routine paints the widget,
a PNG (QImage) and an SVG (QSvgGenerator, vector text and lines)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from glossator.core.analysis import StanceTimeline
from glossator.ui.common.colors import palette_color
from glossator.ui.common.pictures import Paint, png_picture, svg_picture

LABEL_COLORS = {"favor": "#2e7d32", "against": "#c62828", "neutral": "#6d6d6d",
                "none": "#9aa9b3"}
PICTURE = QSize(960, 440)
PAD = 14.0
INK, GRID, DIM = QColor("#202124"), QColor("#e0e3e7"), QColor("#5f6368")


def label_color(label: str, index: int) -> str:
    return LABEL_COLORS.get(label.casefold(), palette_color(index + 3))


def title_of(t: StanceTimeline) -> str:
    return f"Stances toward {t.target}, by month of the report"


def _fonts() -> tuple[QFont, QFont]:
    base = QFont()
    base.setFamilies(["Noto Sans", "DejaVu Sans", "Arial", "sans-serif"])
    base.setPointSizeF(9.0)
    title = QFont(base)
    title.setPointSizeF(12.0)
    title.setBold(True)
    return base, title


def _ticks(largest: int) -> list[int]:
    """Whole numbers from 0 to at least `largest`, at most six of them."""
    step = 1
    while largest / step > 5:
        step = step * 2 if str(step)[0] in "15" else step * 5 // 2
    top = max(step, -(-largest // step) * step)
    return list(range(0, top + 1, step))


def paint_timeline(painter: QPainter, t: StanceTimeline | None, width: float,
                   height: float) -> None:
    """Paint the chart into (0, 0, width, height)."""
    base, bold = _fonts()
    painter.fillRect(QRectF(0, 0, width, height), QColor("#ffffff"))
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(INK)
    painter.setFont(bold)
    if t is None:
        painter.drawText(QRectF(PAD, PAD, width - 2 * PAD, 24), "Choose a target and Count.")
        return
    painter.drawText(QRectF(PAD, PAD, width - 2 * PAD, 24), title_of(t))
    painter.setFont(base)
    metrics = QFontMetricsF(base)
    line_h = metrics.height()
    undated = sum(t.undated.values())
    foot = line_h * 2.4 + (line_h if undated else 0)
    ticks = _ticks(t.largest)
    ticks = ticks if ticks[-1] > t.largest or t.largest == 0 else [*ticks, ticks[-1] + (
        ticks[1] - ticks[0])]  # room above the highest bar for its number
    left = PAD + metrics.horizontalAdvance(str(ticks[-1])) + 10
    plot = QRectF(left, PAD + 40, width - left - PAD - 130, height - PAD - 40 - foot)
    if not t.months:
        painter.setPen(DIM)
        painter.drawText(plot, int(Qt.AlignmentFlag.AlignCenter),
                         f"No dated stance toward {t.target}.")
    else:
        _axes(painter, t, plot, ticks, metrics)
        _bars(painter, t, plot, ticks[-1])
    _legend(painter, t, QRectF(plot.right() + 16, plot.top(), 120, plot.height()), metrics)
    if undated:
        painter.setPen(DIM)
        shown = ", ".join(f"{n} {label}" for label, n in t.undated.items() if n)
        painter.drawText(QRectF(PAD, height - PAD - line_h, width - 2 * PAD, line_h),
                         f"Undated reports: {shown} (not on the chart).")


def _x(plot: QRectF, months: int, i: int) -> float:
    """The middle of month i's group of bars."""
    return plot.left() + plot.width() * (i + 0.5) / months


def _axes(painter: QPainter, t: StanceTimeline, plot: QRectF, ticks: list[int],
          metrics: QFontMetricsF) -> None:
    top = ticks[-1]
    for v in ticks:
        y = plot.bottom() - plot.height() * v / top
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(DIM)
        painter.drawText(QRectF(0, y - 8, plot.left() - 6, 16),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                         str(v))
    painter.setPen(QPen(DIM, 1))
    painter.drawLine(plot.bottomLeft(), plot.bottomRight())
    label_w = metrics.horizontalAdvance("0000-00") + 10
    n = len(t.months)
    every = max(1, int(-(-label_w * n // max(plot.width(), 1))))
    for i, month in enumerate(t.months):
        x = _x(plot, n, i)
        painter.drawLine(QPointF(x, plot.bottom()), QPointF(x, plot.bottom() + 4))
        if i % every == 0:
            painter.drawText(QRectF(x - label_w / 2, plot.bottom() + 5, label_w, 18),
                             int(Qt.AlignmentFlag.AlignHCenter), month)


def _bars(painter: QPainter, t: StanceTimeline, plot: QRectF, top: int) -> None:
    n = len(t.months)
    used = [(k, label) for k, label in enumerate(t.labels) if any(t.series(label))]
    if not used:
        return
    group = plot.width() / n * 0.8
    bar = min(group / len(used), 40.0)
    for i in range(n):
        left = _x(plot, n, i) - bar * len(used) / 2
        for j, (k, label) in enumerate(used):
            v = t.count(t.months[i], label)
            if not v:
                continue
            h = plot.height() * v / top
            rect = QRectF(left + j * bar, plot.bottom() - h, max(1.0, bar - 1), h)
            painter.fillRect(rect, QColor(label_color(label, k)))
            if bar >= 14:
                painter.setPen(INK)
                painter.drawText(QRectF(rect.left() - 6, rect.top() - 16, rect.width() + 12, 15),
                                 int(Qt.AlignmentFlag.AlignCenter), str(v))


def _legend(painter: QPainter, t: StanceTimeline, area: QRectF,
            metrics: QFontMetricsF) -> None:
    y = area.top()
    for k, label in enumerate(t.labels):
        total = sum(t.series(label))
        color = QColor(label_color(label, k))
        painter.fillRect(QRectF(area.left(), y + 3, 14, 11), color)
        painter.setPen(INK if total else DIM)
        painter.drawText(QRectF(area.left() + 24, y, area.width() - 24, 18),
                         int(Qt.AlignmentFlag.AlignVCenter), f"{label} ({total})")
        y += metrics.height() + 6


class TimelineChart(QWidget):
    """The chart, drawn to the widget's size."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stanceTimeline")
        self.timeline: StanceTimeline | None = None
        self.setMinimumSize(480, 260)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_timeline(self, timeline: StanceTimeline | None) -> None:
        self.timeline = timeline
        self.update()

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        paint_timeline(painter, self.timeline, self.width(), self.height())
        painter.end()


def _painter_of(t: StanceTimeline | None) -> Paint:
    return lambda painter: paint_timeline(painter, t, PICTURE.width(), PICTURE.height())


def png_bytes(t: StanceTimeline | None, scale: float = 2.0) -> bytes:
    return png_picture(PICTURE, _painter_of(t), scale) or b""


def svg_bytes(t: StanceTimeline | None) -> bytes:
    title = title_of(t) if t else "Stance over time"
    return svg_picture(PICTURE, title, _painter_of(t)) or b""
