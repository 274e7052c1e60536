"""Look and accessibility, as a reader meets them: a dark system palette keeps the report
readable, the high-contrast tag colours and the interface size are chosen from the View menu
(and remembered), and every control the keyboard can reach has a name a screen reader says;
the ones Tab skips have their keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QToolBar,
    QWidget,
)

from glossator.ui.common.colors import contrast_with_black
from glossator.ui.reader.offsets import OffsetMap
from tests.ui.modal import menu_action

FIRST = "senior officials in the Iran-backed Iraqi militias accused Iran"


def luminance(color: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (0.2126 * channel(color.redF()) + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF()))


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def dark_palette() -> QPalette:
    p = QPalette()
    for role, color in ((QPalette.ColorRole.Window, "#202124"),
                        (QPalette.ColorRole.WindowText, "#e8eaed"),
                        (QPalette.ColorRole.Base, "#1b1b1f"),
                        (QPalette.ColorRole.AlternateBase, "#26262b"),
                        (QPalette.ColorRole.Text, "#e8eaed"),
                        (QPalette.ColorRole.Button, "#2d2e31"),
                        (QPalette.ColorRole.ButtonText, "#e8eaed"),
                        (QPalette.ColorRole.Highlight, "#8ab4f8"),
                        (QPalette.ColorRole.HighlightedText, "#202124")):
        p.setColor(role, QColor(color))
    return p


@pytest.fixture
def dark(qapp) -> Iterator[None]:
    """The system's palette turned dark (as a desktop's dark mode does), then back."""
    before = QPalette(QGuiApplication.palette())
    QApplication.setPalette(dark_palette())
    yield
    QApplication.setPalette(before)


def run_format(view, cp: int):
    """The character format the report view paints at code point `cp`."""
    view.format_visible_blocks()
    q = OffsetMap(view.text()).to_qt(cp)
    block = view.document().findBlock(q)
    at = q - block.position()
    for r in block.layout().formats():
        if r.start <= at < r.start + r.length:
            return QTextCharFormat(r.format)
    return None


def test_a_dark_palette_keeps_highlights_markers_and_statuses_readable(
        qtbot, dark, window, driver, workspace):
    driver.highlight(FIRST)
    view = window.report_view
    page = view.palette().color(QPalette.ColorRole.Base)
    assert page.lightness() < 128  # the window follows the system's dark palette
    start = view.text().index(FIRST)
    fmt = run_format(view, start + 3)
    assert fmt is not None
    assert contrast(fmt.foreground().color(), fmt.background().color()) >= 7
    marker = next(m for m in window.report.markers if m.note is not None)
    view.scroll_to(marker.start)
    marker_fmt = run_format(view, marker.start + 1)
    assert marker_fmt is not None and contrast(marker_fmt.foreground().color(), page) >= 4.5
    workspace.set_reviewer("Bea")
    window.review.actions.reject.trigger()
    status = window.inspector.review.status.text()
    color = QColor(status.split("color:")[1].split("'")[0])
    window_color = window.palette().color(QPalette.ColorRole.Window)
    assert contrast(color, window_color) >= 4.5


def test_high_contrast_tag_colours_are_chosen_from_the_view_menu_and_remembered(
        qtbot, window, driver, workspace, app_settings):
    from glossator.ui.common.tag_colors import HIGH_CONTRAST

    driver.highlight(FIRST)  # with tag 1
    tag = workspace.tags()[0]
    view = window.report_view
    start = view.text().index(FIRST)
    assert run_format(view, start + 2).background().color().name() == tag.color.lower()
    menu_action(window, "viewMenu", "High-contrast tag colours")()
    drawn = run_format(view, start + 2).background().color().name()
    assert drawn == HIGH_CONTRAST[0] and contrast_with_black(drawn) >= 7
    assert workspace.tags()[0].color == tag.color  # the codebook keeps its colours
    icon = window.tag_palette.item_for(tag.id).icon(0).pixmap(14, 14).toImage()
    assert icon.pixelColor(7, 7).name() == HIGH_CONTRAST[0]
    assert app_settings.high_contrast_tags
    menu_action(window, "viewMenu", "High-contrast tag colours")()
    assert run_format(view, start + 2).background().color().name() == tag.color.lower()


def test_the_interface_size_scales_the_whole_interface_not_only_the_report(
        qtbot, window, app_settings):
    from PySide6.QtWidgets import QMenu

    base = QApplication.font().pointSizeF()
    report = window.report_view.font().pointSizeF()
    size_menu = window.findChild(QMenu, "interfaceSizeMenu")
    assert size_menu is not None
    try:
        next(a for a in size_menu.actions() if a.text() == "150%").trigger()
        assert QApplication.font().pointSizeF() == pytest.approx(base * 1.5)
        qtbot.waitUntil(lambda: window.library.search.font().pointSizeF()
                        == pytest.approx(base * 1.5))  # every pane follows the font
        bar = window.findChild(QToolBar, "mainToolbar")
        assert bar.iconSize().width() == 27
        assert window.report_view.font().pointSizeF() == report  # the report has its zoom
        assert app_settings.interface_scale == 150
    finally:
        next(a for a in size_menu.actions() if a.text() == "100%").trigger()
    assert QApplication.font().pointSizeF() == pytest.approx(base)


CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractItemView, QAbstractSpinBox,
            QPlainTextEdit)


def accessible_name(widget: QWidget) -> str:
    face = QAccessible.queryAccessibleInterface(widget)
    return face.text(QAccessible.Text.Name) if face is not None else ""


def controls(root: QWidget) -> list[QWidget]:
    """The controls a person sees in `root` (parts of compound widgets aside)."""
    found = []
    for w in root.findChildren(QWidget):
        if not isinstance(w, CONTROLS) or not w.isVisible() or w.focusProxy() is not None:
            continue
        if w.objectName().startswith("qt_") or isinstance(w.parent(), QComboBox | QToolBar):
            continue
        if isinstance(w.parent(), QAbstractSpinBox | QLineEdit) or isinstance(w, QHeaderView):
            continue  # parts of a spin box or a line edit, an item view's header
        found.append(w)
    return found


#: controls Tab skips on purpose, and how the keyboard reaches what they do
KEYS_INSTEAD = {
    "tagPaletteList": "the tag keys 1..9 and Annotate \u25b8 Tag selection",
    "removeStanceButton": "Delete on the stance's label",
    "reviewerButton": "Ctrl+Shift+R",
}


def check(root: QWidget) -> list[str]:
    problems = []
    for w in controls(root):
        label = f"{type(w).__name__} {w.objectName()!r}"
        tab = (w.focusPolicy() & Qt.FocusPolicy.TabFocus) == Qt.FocusPolicy.TabFocus
        if not tab and w.objectName() not in KEYS_INSTEAD:
            problems.append(f"{label}: Tab never reaches it")
        if not accessible_name(w).strip():
            problems.append(f"{label}: no accessible name")
    return problems


def test_every_control_of_the_window_has_a_name_and_a_key(qtbot, window, driver):
    driver.highlight(FIRST)  # the inspector's fields and the review section shown
    qtbot.keyClick(window.report_view, Qt.Key.Key_T)  # and a stance row
    assert check(window) == []


def test_every_control_of_the_dialogs_has_a_name_and_a_key(qtbot, window, driver, tmp_path):
    driver.highlight(FIRST)
    dialogs = [window.exchange.open_export(), window.review.open_agreement(),
               window.show_shortcuts()]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        assert check(dialog) == [], dialog.objectName()

