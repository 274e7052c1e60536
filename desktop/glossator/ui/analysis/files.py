"""Choosing where an export goes: a save dialog offering the formats, the format taken from
the suffix typed (or the filter chosen, its suffix added), and the usual question before
replacing a file the dialog did not already ask about."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

from glossator.ui.common.dialogs import confirm


@dataclass(frozen=True, slots=True)
class FileKind:
    key: str  # what the writer is told ("csv", "html"...)
    label: str  # "CSV", "HTML document"
    suffix: str  # ".csv"

    @property
    def filter(self) -> str:
        return f"{self.label} (*{self.suffix})"


def ask_destination(parent: QWidget, title: str, name: str, kinds: Sequence[FileKind],
                    chosen: FileKind | None = None) -> tuple[Path, FileKind] | None:
    """Where to write, and as what; None when the user cancels. A file that exists is only
    given back once the user agreed to replace it (the dialog asks; so do we, when the
    suffix was added after it)."""
    filters = [k.filter for k in kinds]
    first = chosen or kinds[0]
    picked, picked_filter = QFileDialog.getSaveFileName(
        parent, title, name + first.suffix, ";;".join(filters), first.filter)
    if not picked:
        return None
    path = Path(picked)
    by_filter = kinds[filters.index(picked_filter)] if picked_filter in filters else None
    fitting = [k for k in kinds if k.suffix == path.suffix.lower()]
    kind = by_filter if by_filter in fitting else (fitting[0] if fitting else None)
    if kind is None:
        kind = by_filter or first
        path = path.with_name(path.name + kind.suffix)
        if path.exists() and not confirm(parent, title,
                                         f"{path.name} already exists. Replace it?"):
            return None
    return path, kind
