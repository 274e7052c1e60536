"""Character formats of the report view: how a styled segment looks, as QTextLayout ranges.

- one highlight: its tag colour as background;
- overlapping highlights: the blend of their colours, darker with each extra layer;
- a footnote marker: blue and underlined, like a link;
- a marker whose note is missing: red text with an orange wavy underline;
- text on a highlight is dark, on any palette (tag colours are light fills); markers on a
  dark page take lighter colours.
Formats are cached per style, so a paragraph costs one FormatRange per segment.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QColor, QTextCharFormat, QTextLayout

from glossator.ui.common.colors import blend, darken
from glossator.ui.common.tag_colors import shown_color
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


HIGHLIGHT_TEXT = "#202124"  # tag colours are light fills: their text is dark, whatever the palette
DARK_MARKER_COLOR = "#8ab4f8"  # on a dark page, the marker and warning colours are lighter
DARK_MISSING_MARKER_COLOR = "#ff8a80"


def fill_color(colors: Sequence[str]) -> str:
    """Background for a run covered by these highlight colours (at least one), as drawn
    (the high-contrast set when it is chosen)."""
    drawn = [shown_color(c) for c in colors]
    if len(drawn) == 1:
        return drawn[0]
    return darken(blend(drawn), _OVERLAP_DARKEN[min(len(drawn), len(_OVERLAP_DARKEN) - 1)])


class FormatBuilder:
    """Turns code-point segments of one block into QTextLayout format ranges."""

    def __init__(self) -> None:
        self._cache: dict[tuple[tuple[str, ...], int], QTextCharFormat] = {}
        self.dark = False  # the page is dark (the palette's base): lighter marker colours

    def char_format(self, colors: tuple[str, ...], marker: int) -> QTextCharFormat:
        key = (colors, marker)
        fmt = self._cache.get(key)
        if fmt is None:
            fmt = self._make(colors, marker)
            self._cache[key] = fmt
        return fmt

    def _make(self, colors: tuple[str, ...], marker: int) -> QTextCharFormat:
        fmt = QTextCharFormat()
        if colors:
            fmt.setBackground(QColor(fill_color(colors)))
            fmt.setForeground(QColor(HIGHLIGHT_TEXT))
        on_page = self.dark and not colors  # a marker on the page, not on a fill
        marker_color = DARK_MARKER_COLOR if on_page else MARKER_COLOR
        missing_color = DARK_MISSING_MARKER_COLOR if on_page else MISSING_MARKER_COLOR
        if marker == 1:
            fmt.setForeground(QColor(marker_color))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
            fmt.setUnderlineColor(QColor(marker_color))
        elif marker == 2:
            fmt.setForeground(QColor(missing_color))
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
