"""The speaker x target stance matrix as CSV: one row per speaker and target with a count
per label and the total, every text cell guarded against spreadsheet formulas."""

from __future__ import annotations

import csv
from pathlib import Path

from glossator.formats.csv_export import guard
from glossator.safe_files import atomic_text
from glossator.services.commands import CommandError
from glossator.services.destinations import check_destination
from glossator.services.values import StanceMatrix


def matrix_rows(matrix: StanceMatrix) -> list[list[str | int]]:
    """Header, then one row per (speaker, target) pair with at least one stance."""
    rows: list[list[str | int]] = [["speaker", "target", *matrix.labels, "total"]]
    for speaker in matrix.speakers:
        for target in matrix.targets:
            cell = matrix.cell(speaker, target)
            total = sum(cell.values())
            if total:
                rows.append(
                    [guard(speaker), guard(target), *(cell[lbl] for lbl in matrix.labels), total]
                )
    return rows


def write_matrix_csv(matrix: StanceMatrix, path: Path, *, overwrite: bool = False) -> None:
    rows = matrix_rows(matrix)
    rows[0] = [guard(str(c)) for c in rows[0]]
    path = check_destination(path, overwrite=overwrite)
    try:
        with atomic_text(path, encoding="utf-8-sig", newline="") as out:
            csv.writer(out).writerows(rows)
    except OSError as exc:
        raise CommandError(f"{path.name}: cannot be written ({exc.strerror or exc})") from exc
