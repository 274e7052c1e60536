"""Plain-text reports, and ``Extracted``: what every format reader returns."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Extracted", "read_plain_text"]


@dataclass(frozen=True, slots=True)
class Extracted:
    """Readable text taken out of a report (not yet normalized) and the title, if the
    format names one (a Markdown heading, an HTML ``<title>``)."""

    text: str
    title: str | None = None


def read_plain_text(source: str) -> Extracted:
    """A plain-text report is its own text; the title is guessed later from the text."""
    return Extracted(source)
