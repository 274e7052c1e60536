"""Opens the window on a seeded workspace, the size of one screen, and prints what the layout
test checks, as JSON: the report's share of the width, what of the panes, the table's filters
and the toolbar is cut off, and whether the dialogs fit the screen. Run in a process of its
own, so that the screen (offscreen, from a config file) and QT_SCALE_FACTOR are its own:

    QT_QPA_PLATFORM=offscreen:configfile=screen.json python -m tests.ui.layout_probe
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]


def clipped(widget: Any, within: Any) -> bool:
    """True when a shown widget does not fit inside `within` (a pane, the window)."""
    from PySide6.QtCore import QPoint, QRect

    if not widget.isVisible():
        return False
    top_left = widget.mapTo(within, QPoint(0, 0))
    return not QRect(QPoint(0, 0), within.size()).contains(QRect(top_left, widget.size()))


def measure() -> dict[str, Any]:
    os.environ.setdefault("GLOSSATOR_HOME", tempfile.mkdtemp())
    from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QToolBar, QToolButton

    from glossator.services import Workspace
    from glossator.ui.app.main_window import MainWindow
    from glossator.ui.app.settings import AppSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    ws = Workspace.open(Path(tempfile.mkdtemp()) / "probe.sqlite3", reviewer="Probe")
    ws.set_reviewer("Probe")
    ws.ensure_seeded(ROOT / "seeds")
    from glossator.services.annotations import AddAnnotation

    report_id = ws.find_report("Following").id
    shown = AddAnnotation(report_id, 100, 160, tag_ids=[ws.tags()[0].id],
                          speaker="Muhammad Al-Tamimi", stances=[("Iran", "against", None)])
    ws.run(shown)
    settings = AppSettings()
    settings.reviewer = "Probe"
    window = MainWindow(ws, settings)
    window.show()
    room = window.screen().availableGeometry()
    window.setGeometry(room)  # the whole screen, as a maximised window
    for _ in range(5):
        app.processEvents()
    window.open_report(report_id)
    window.select_annotation(shown.uuid)  # the inspector's fields and review section shown
    for _ in range(5):
        app.processEvents()
    main = window.splitters["main"].sizes()
    table = window.table
    filters = [w for w in table.findChildren(QLineEdit) + table.findChildren(QComboBox)
               if w.isVisible() and w.parent() is not None and w.window() is window]
    bar = window.findChild(QToolBar, "mainToolbar")
    hidden_tools = [b.text() for b in bar.findChildren(QToolButton)
                    if b.objectName() != "qt_toolbar_ext_button" and not b.isVisible()
                    and b.text()] if bar is not None else []
    extension = bar.findChild(QToolButton, "qt_toolbar_ext_button") if bar else None
    out: dict[str, Any] = {
        "screen": [room.width(), room.height()],
        "window": [window.width(), window.height()],
        "splitter": main,
        "report_width": window.report_view.width(),
        "filters_clipped": [w.objectName() or type(w).__name__ for w in filters
                            if clipped(w, table)],
        "toolbar_overflow": bool(extension is not None and extension.isVisible()),
        "toolbar_hidden": hidden_tools,
        "inspector_width": window.inspector.width(),
        "inspector_scrolls_sideways": (window.inspector.minimumSizeHint().width()
                                       > window.inspector_area.viewport().width()
                                       if window.inspector_area is not None else False),
    }
    export = window.exchange.open_export()
    app.processEvents()
    agreement = window.review.open_agreement()
    app.processEvents()
    out["dialogs"] = {
        name: {"size": [d.width(), d.height()],
               "fits": d.width() <= room.width() and d.height() <= room.height()}
        for name, d in (("export", export), ("agreement", agreement))}
    window.side_panes.left.trigger()
    app.processEvents()
    out["report_width_without_library"] = window.report_view.width()
    window.close()
    ws.close()
    return out


if __name__ == "__main__":
    print(json.dumps(measure()))
