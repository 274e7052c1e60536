"""The one error every report reader raises when it will not import a file."""

from __future__ import annotations

__all__ = ["ImportRefused"]


class ImportRefused(Exception):
    """A file was refused: ``str(exc)`` is one line naming the file and the reason.

    >>> str(ImportRefused("report.bin", "binary file (contains NUL bytes)"))
    'report.bin: refused: binary file (contains NUL bytes)'
    """

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(name, reason)
        self.name = name
        self.reason = reason

    def __str__(self) -> str:
        name = " ".join(self.name.split()) or "(unnamed file)"
        reason = " ".join(self.reason.split())
        return f"{name}: refused: {reason}"
