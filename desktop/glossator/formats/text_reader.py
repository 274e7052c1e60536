"""Plain-text reports, and ``Extracted``: what every format reader returns."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

__all__ = ["Extracted", "locate_verbatim", "read_plain_text"]


@dataclass(frozen=True, slots=True)
class Extracted:
    """Readable text taken out of a report (not yet normalized), the title and the date if
    the format names them (Markdown front matter or heading, an HTML ``<title>``), and
    ``verbatim``: sorted spans of ``text`` that are code, where no footnote marker is."""

    text: str
    title: str | None = None
    date: datetime.date | None = None
    verbatim: tuple[tuple[int, int], ...] = ()


def read_plain_text(source: str) -> Extracted:
    """A plain-text report is its own text; the title is guessed later from the text."""
    return Extracted(source)


def locate_verbatim(text: str, snippets: list[str]) -> tuple[tuple[int, int], ...]:
    """Spans of ``text`` holding the code ``snippets``, found in order (each line of a
    snippet on its own: a reader may indent code in a list). Only code holding a ``[``
    matters (footnote markers are bracketed), so only such lines are looked for; a line
    not found is skipped."""
    spans: list[tuple[int, int]] = []
    cursor = 0
    for snippet in snippets:
        for line in snippet.split("\n"):
            line = line.strip()
            if "[" not in line:
                continue
            found = text.find(line, cursor)
            if found >= 0:
                spans.append((found, found + len(line)))
                cursor = found + len(line)
    return tuple(spans)
