"""Benchmark: the stance matrix dialog opened and painted over 1,000 reports and 50,000
annotations, beside a floor of the same aggregate query in raw SQL on the same file.

The figure runs what Stance matrix in the View menu runs: the aggregate query through the
services, the table model, the dialog shown and its table painted (`grab` of the viewport).
Best of three, each on a new dialog; reopening the kept dialog is timed too.

Run on demand: .venv/bin/pytest tests/perf/test_perf_matrix_view.py -s -p no:randomly
"""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest
from test_perf_matrix import RAW, populate

from glossator.services import Workspace

pytestmark = pytest.mark.perf

ROUNDS = 3
CEILING = 1.0  # seconds: fails only far past anything a reviewer would notice


def best(times: list[float]) -> float:
    return min(times)


def test_stance_matrix_dialog_50k(tmp_path: Path, qapp) -> None:  # type: ignore[no-untyped-def]
    from glossator.ui.attribution.stance_matrix_dialog import StanceMatrixDialog

    path = tmp_path / "matrix.sqlite3"
    Workspace.open(path).close()
    populate(path)
    con = sqlite3.connect(path)
    raw_rows = con.execute(RAW).fetchall()
    floors = []
    for _ in range(ROUNDS):
        t0 = time.perf_counter()
        con.execute(RAW).fetchall()
        floors.append(time.perf_counter() - t0)
    con.close()
    ws = Workspace.open(path, reviewer="bench")
    opened, reopened, service = [], [], []
    try:
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            ws.stance_matrix()
            service.append(time.perf_counter() - t0)
        dialog = None
        for _ in range(ROUNDS):
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
                qapp.processEvents()
            t0 = time.perf_counter()
            dialog = StanceMatrixDialog(ws)
            dialog.reload()
            dialog.show()
            qapp.processEvents()
            dialog.view.viewport().grab()
            opened.append(time.perf_counter() - t0)
        assert dialog is not None
        for _ in range(ROUNDS):
            t0 = time.perf_counter()
            dialog.reload()
            qapp.processEvents()
            dialog.view.viewport().grab()
            reopened.append(time.perf_counter() - t0)
        model = dialog.model
        shown = sum(model.cell(r, c).total for r in range(model.rowCount())
                    for c in range(model.columnCount()))
        dialog.close()
    finally:
        ws.close()
    assert shown == sum(r[3] for r in raw_rows)
    floor = best(floors)
    print(
        f"\nstance matrix dialog, 1,000 reports / 50,000 annotations / {len(raw_rows)} cells "
        f"({model.rowCount()} speakers x {model.columnCount()} targets), best of {ROUNDS}:\n"
        f"  floor: raw SQL aggregate (sqlite3)      {floor * 1000:7.1f} ms\n"
        f"  services: Workspace.stance_matrix()     {best(service) * 1000:7.1f} ms  "
        f"({best(service) / floor:.2f}x)\n"
        f"  new dialog: query, model, shown, painted {best(opened) * 1000:6.1f} ms  "
        f"({best(opened) / floor:.2f}x)\n"
        f"  Refresh of an open dialog, painted       {best(reopened) * 1000:6.1f} ms  "
        f"({best(reopened) / floor:.2f}x)"
    )
    assert best(opened) < CEILING
