"""How the window looks, beyond the system's palette (which it follows, light or dark):
View ▸ High-contrast tag colours, and View ▸ Interface size (the whole interface's text and
icons, 90% to 200%, beside the report's own zoom). Both are remembered."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QSize
from PySide6.QtGui import QAction, QActionGroup, QFont
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QToolBar

from glossator.services.values import TagView
from glossator.ui.app.settings import AppSettings
from glossator.ui.common.menus import MenuHost
from glossator.ui.common.tag_colors import TAG_COLORS

SIZES = (90, 100, 125, 150, 175, 200)
ICON = 18  # the toolbar's icon size at 100%
_SYSTEM_FONT: list[QFont] = []  # the application's font before any scaling (kept once)


def system_font() -> QFont:
    if not _SYSTEM_FONT:
        _SYSTEM_FONT.append(QFont(QApplication.font()))
    return QFont(_SYSTEM_FONT[0])


class Look:
    """The View menu's look entries; `retag` shows the tags again in their colours."""

    def __init__(self, host: MenuHost, settings: AppSettings, tags: Callable[[], list[TagView]],
                 retag: Callable[[], None], restyle_report: Callable[[], None]) -> None:
        self.window: QMainWindow = host.window
        self.settings, self._tags, self._retag = settings, tags, retag
        self._restyle_report = restyle_report
        self.high_contrast = host.make("&High-contrast tag colours", None,
                                       "Draw the tags in strong, distinct colours (the "
                                       "codebook keeps its own)")
        self.high_contrast.setCheckable(True)
        self.high_contrast.setChecked(settings.high_contrast_tags)
        self.high_contrast.toggled.connect(self.set_high_contrast)
        self.size_menu = QMenu("Interface &size", self.window)
        self.size_menu.setObjectName("interfaceSizeMenu")
        group = QActionGroup(self.size_menu)
        self.sizes: dict[int, QAction] = {}
        for percent in SIZES:
            action = self.size_menu.addAction(f"{percent}%")
            action.setCheckable(True)
            action.setData(percent)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, p=percent: self.set_scale(p))
            self.sizes[percent] = action
        self._add_to_menu(host)
        scale = settings.interface_scale if settings.interface_scale in SIZES else 100
        if scale != 100 or QApplication.font() != system_font():
            self.set_scale(scale)  # (at 100% a start changes nothing: no relayout to pay)
        else:
            self.sizes[100].setChecked(True)
        TAG_COLORS.set(tags(), self.high_contrast.isChecked())

    def _add_to_menu(self, host: MenuHost) -> None:
        menu = next((m for m in self.window.menuBar().findChildren(QMenu)
                     if m.objectName() == "viewMenu"), None)
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.high_contrast)
            menu.addMenu(self.size_menu)
        group = next((items for title, items in host.menus if title == "&View"), None)
        if group is not None:
            group.append(self.high_contrast)

    def follow_tags(self, tags: list[TagView]) -> None:
        """The codebook's tags changed: which colour each is drawn in follows."""
        TAG_COLORS.set(tags, self.high_contrast.isChecked())

    def set_high_contrast(self, on: bool) -> None:
        self.settings.high_contrast_tags = on
        TAG_COLORS.set(self._tags(), on)
        self._retag()
        self._restyle_report()

    def set_scale(self, percent: int) -> None:
        """The interface's text (and the toolbar's icons) at `percent` of the system's."""
        font = system_font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * percent / 100)
        else:
            font.setPixelSize(round(font.pixelSize() * percent / 100))
        QApplication.setFont(font)
        for bar in self.window.findChildren(QToolBar):
            side = round(ICON * percent / 100)
            bar.setIconSize(QSize(side, side))
        self.sizes[percent].setChecked(True)
        self.settings.interface_scale = percent
