"""The error every annotation-set reader raises on a file it will not read."""

from __future__ import annotations

__all__ = ["ExchangeFormatError"]


class ExchangeFormatError(ValueError):
    """An annotation-set file that cannot be read (or a set that cannot be written in a
    format); ``str(exc)`` is one line fit to show a user: what is wrong, and where."""
