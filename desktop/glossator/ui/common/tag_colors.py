"""How tags are coloured on screen: their codebook colours, or a high-contrast set (View ▸
High-contrast tag colours) for readers who need stronger, more distinct fills. The codebook
keeps its colours either way; only what the report, the tag palette, the inspector and the
menus draw changes. One choice for the whole window, as the palette itself is one.

The high-contrast set: nine saturated hues far apart on the colour wheel, each with a
contrast of at least 7:1 to the black text drawn over it (WCAG AAA).
"""

from __future__ import annotations

from collections.abc import Sequence

from glossator.services.values import TagView

HIGH_CONTRAST: tuple[str, ...] = (
    "#ffd400",  # yellow
    "#4dd2ff",  # cyan
    "#66e04d",  # green
    "#ff7a7a",  # red
    "#c79bff",  # violet
    "#ffa02e",  # orange
    "#2ee6c8",  # teal
    "#ff7ad0",  # pink
    "#d0d0d0",  # grey
)


class TagColors:
    """The colour each codebook colour is drawn in."""

    def __init__(self) -> None:
        self.high_contrast = False
        self._shown: dict[str, str] = {}

    def set(self, tags: Sequence[TagView], high_contrast: bool) -> None:
        """The tags in codebook order; in high contrast the n-th tag's colour is drawn as
        the n-th colour of the set (tags that share a colour share the drawn one)."""
        self.high_contrast = high_contrast
        self._shown = {}
        if high_contrast:
            for i, tag in enumerate(tags):
                self._shown.setdefault(tag.color.lower(), HIGH_CONTRAST[i % len(HIGH_CONTRAST)])

    def shown(self, color: str) -> str:
        return self._shown.get(color.lower(), color)


TAG_COLORS = TagColors()


def shown_color(color: str) -> str:
    """The colour to draw for a tag colour of the codebook."""
    return TAG_COLORS.shown(color)
