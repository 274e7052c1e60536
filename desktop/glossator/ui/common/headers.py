"""A table's column headers: each column's title, and its tooltip saying what it holds."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt


def column_header(titles: Sequence[str], tips: Sequence[str], section: int,
                  orientation: Qt.Orientation, role: int) -> Any:
    """What a model's headerData gives for these columns (rows have no header)."""
    if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(titles):
        return None
    if role == Qt.ItemDataRole.DisplayRole:
        return titles[section]
    return tips[section] if role == Qt.ItemDataRole.ToolTipRole else None
