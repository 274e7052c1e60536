"""The side panes: the library (with the tags) on the left, the footnotes and inspector on
the right, each collapsible (View ▸ Library pane, F9; Notes and inspector pane, Shift+F9; or
by dragging its splitter handle to the edge), and the report keeping most of the width on
any screen from 1024 x 700 up.
"""

from __future__ import annotations

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QSplitter, QWidget

from glossator.ui.common.menus import MenuHost

#: the share of the window's width the side panes get by default, and at least (pixels)
LEFT_SHARE, RIGHT_SHARE = 0.17, 0.27
LEFT_MIN, RIGHT_MIN, REPORT_MIN = 170, 230, 420
REPORT_SHARE = 0.5  # below this share of the width, the panes are laid out again


def widths(total: int) -> list[int]:
    """Left, report, right for a window `total` pixels wide: the report gets the rest."""
    left = max(LEFT_MIN, round(total * LEFT_SHARE))
    right = max(RIGHT_MIN, round(total * RIGHT_SHARE))
    return [left, max(REPORT_MIN, total - left - right), right]


class SidePanes:
    """The two toggles and the width rule over the main splitter (left, report, right)."""

    def __init__(self, main: QSplitter, host: MenuHost) -> None:
        self.main = main
        main.setChildrenCollapsible(True)
        main.setCollapsible(1, False)  # the report never
        self._kept = [0, 0, 0]  # a collapsed pane's width, to open it again at that width
        self.left = host.make("Li&brary pane", "F9", "Show or hide the library and the tags")
        self.right = host.make("Notes and inspe&ctor pane", "Shift+F9",
                               "Show or hide the footnotes and the inspector")
        for index, action in ((0, self.left), (2, self.right)):
            action.setCheckable(True)
            action.triggered.connect(lambda _on=False, i=index: self.toggle(i))
        main.splitterMoved.connect(lambda _pos, _index: self._follow())
        self._add_to_menu(host)
        self._follow()

    def _add_to_menu(self, host: MenuHost) -> None:
        """At the top of the View menu (and of its group in the shortcuts sheet)."""
        menu = next((m for m in host.window.menuBar().findChildren(QMenu)
                     if m.objectName() == "viewMenu"), None)
        if menu is not None:
            first = menu.actions()[0] if menu.actions() else None
            if first is not None:
                menu.insertActions(first, self.actions)
                menu.insertSeparator(first)
            else:
                menu.addActions(self.actions)
        group = next((items for title, items in host.menus if title == "&View"), None)
        if group is not None:
            group[:0] = self.actions

    @property
    def actions(self) -> list[QAction]:
        return [self.left, self.right]

    def pane(self, index: int) -> QWidget:
        widget = self.main.widget(index)
        assert widget is not None  # the main splitter has its three panes
        return widget

    def shown(self, index: int) -> bool:
        return not self.pane(index).isHidden()

    def toggle(self, index: int) -> None:
        self.show_pane(index, not self.shown(index))

    def show_pane(self, index: int, on: bool) -> None:
        """Fold a side pane away (hidden: the keyboard cannot wander into it) or back at
        the width it had."""
        pane = self.pane(index)
        if on == self.shown(index):
            return
        sizes = self.main.sizes()
        if on:
            width = self._kept[index] or widths(sum(sizes))[index]
            pane.show()
            sizes[index] = width
            sizes[1] = max(REPORT_MIN, sizes[1] - width)
            self.main.setSizes(sizes)
        else:
            self._kept[index] = sizes[index]
            pane.hide()
        self._follow()

    def fit(self) -> None:
        """A window narrower than the layout remembered (another screen): the report gets
        most of the width again, the open side panes their share."""
        sizes, total = self.main.sizes(), sum(self.main.sizes())
        if not total or sizes[1] >= REPORT_SHARE * total:
            self._follow()
            return
        wanted = widths(total)
        left = wanted[0] if sizes[0] > 0 else 0
        right = wanted[2] if sizes[2] > 0 else 0
        self.main.setSizes([left, total - left - right, right])
        self._follow()

    def _follow(self) -> None:
        """The toggles say what is shown; a pane dragged to the edge (or remembered so) is
        folded away like one toggled off."""
        sizes = self.main.sizes()
        for index, action in ((0, self.left), (2, self.right)):
            pane = self.pane(index)
            if sum(sizes) and sizes[index] == 0 and not pane.isHidden():
                pane.hide()
            action.blockSignals(True)
            action.setChecked(self.shown(index))
            action.blockSignals(False)
