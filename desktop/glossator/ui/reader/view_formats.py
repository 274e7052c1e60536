"""Character formats of the report view: how a styled segment looks, as QTextLayout ranges.

- one highlight: its tag colour as background;
- overlapping highlights: the blend of their colours, darker with each extra layer;
- a footnote marker: blue and underlined, like a link;
- a marker whose note is missing: red text with an orange wavy underline.
Formats are cached per style, so a paragraph costs one FormatRange per segment.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextLayout

from glossator.ui.common.colors import blend, darken
from glossator.ui.reader.highlighting import Segment
from glossator.ui.reader.offsets import OffsetMap

__all__ = [
    "MARKER_COLOR",
    "MISSING_MARKER_COLOR",
    "MISSING_UNDERLINE_COLOR",
    "OUTLINE_COLOR",
    "FormatBuilder",
    "fill_color",
]

MARKER_COLOR = "#1a4fd6"
MISSING_MARKER_COLOR = "#b3261e"
MISSING_UNDERLINE_COLOR = "#f08c00"
OUTLINE_COLOR = "#202124"

# Darkening of the blended fill by number of overlapping highlights (2, 3, 4 or more).
_OVERLAP_DARKEN = (0.0, 0.0, 0.14, 0.24, 0.32)


def fill_color(colors: Sequence[str]) -> str:
    """Background for a run covered by these highlight colours (at least one)."""
    if len(colors) == 1:
        return colors[0]
    return darken(blend(colors), _OVERLAP_DARKEN[min(len(colors), len(_OVERLAP_DARKEN) - 1)])


class FormatBuilder:
    """Turns code-point segments of one block into QTextLayout format ranges."""

    def __init__(self) -> None:
        self._cache: dict[tuple[tuple[str, ...], int], QTextCharFormat] = {}

    def char_format(self, colors: tuple[str, ...], marker: int) -> QTextCharFormat:
        key = (colors, marker)
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._make(colors, marker)
            self._cache[key] = fmt
        return fmt

    @staticmethod
    def _make(colors: tuple[str, ...], marker: int) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if colors:
            fmt.setBackground(QColor(fill_color(colors)))
        if marker == 1:
            fmt.setForeground(QColor(MARKER_COLOR))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(MARKER_COLOR))
        elif marker == 2:
            fmt.setForeground(QColor(MISSING_MARKER_COLOR))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor(MISSING_UNDERLINE_COLOR))
        return fmt

    def ranges(
        self, offsets: OffsetMap, block_position: int, segs: Sequence[Segment]
    ) -> list[QTextLayout.FormatRange]:
        """Format ranges relative to a block starting at UTF-16 `block_position`."""
        out: list[QTextLayout.FormatRange] = []
        to_qt = offsets.to_qt
        for start, end, colors, marker in segs:
            qs = to_qt(start)
            r = QTextLayout.FormatRange()
            r.start = qs - block_position
            r.length = to_qt(end) - qs
            r.format = self.char_format(colors, marker)
            out.append(r)
        return out

    def clear(self) -> None:
        self._cache.clear()
