"""What the window remembers between runs: layout, zoom, the open report and its scroll
position (per workspace), and which report to open when there is nothing to remember."""

from __future__ import annotations

from typing import TYPE_CHECKING

from glossator.ui.app.pane_sizes import DEFAULT_SIZE, SPLITTER_SIZES
from glossator.ui.app.settings import restore_layout, save_layout

if TYPE_CHECKING:
    from glossator.ui.app.main_window import MainWindow



def default_size(w: MainWindow) -> tuple[int, int]:
    """1480 x 920, or what the screen has room for (a 1024 x 700 screen gets a window that
    fits it)."""
    screen = w.screen()
    if screen is None:
        return DEFAULT_SIZE
    room = screen.availableGeometry()
    return (min(DEFAULT_SIZE[0], room.width()), min(DEFAULT_SIZE[1], room.height()))


def restore_window(w: MainWindow) -> None:
    s = w.settings
    restore_layout(s, w, w.splitters, default_size(w), SPLITTER_SIZES)
    if s.zoom:
        w.zoom(s.zoom)
    location = w.ws.db.display_name
    report_id, top = s.last_report(location), s.scroll_position(location)
    if report_id is None or w.library.model.row_of(report_id) is None:
        report_id, top = first_report(w), 0
    if report_id is not None:
        w.open_report(report_id, top=top or None)


def first_report(w: MainWindow) -> int | None:
    """The seed report (its source name starts with "000_"), else the first listed."""
    model = w.library.model
    reports = [model.summary(r) for r in range(model.rowCount())]
    seed = next((r for r in reports if r.source_name.startswith("000_")), None)
    first = seed or (reports[0] if reports else None)
    return first.id if first else None


def save_window(w: MainWindow) -> None:
    s = w.settings
    save_layout(s, w, w.splitters)
    s.zoom = w.zoom_steps
    top = w.report_view.first_visible() if w.sync.shown_id is not None else 0
    s.set_open_report(w.ws.db.display_name, w.sync.shown_id, top)  # not read in full
    s.sync()
