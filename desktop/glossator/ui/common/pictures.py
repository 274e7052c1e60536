"""A chart or matrix made into the bytes of a picture file, in memory: a PNG on white at a
scale of device pixels per point, or an SVG with its title (and a description when given).
`paint` draws the picture with the painter it is given; None says it could not be made."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgGenerator

Paint = Callable[[QPainter], None]


def png_picture(size: QSize, paint: Paint, scale: float = 2.0) -> bytes | None:
    image = QImage(int(size.width() * scale), int(size.height() * scale),
                   QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    paint(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):  # type: ignore[call-overload]  # a str at run time
        return None
    return bytes(data.data())


def svg_picture(size: QSize, title: str, paint: Paint,
                description: str | None = None) -> bytes | None:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(size)
    generator.setViewBox(QRectF(0, 0, size.width(), size.height()))
    generator.setTitle(title)
    if description is not None:
        generator.setDescription(description)
    painter = QPainter()
    if not painter.begin(generator):
        return None
    paint(painter)
    painter.end()
    return bytes(data.data())
