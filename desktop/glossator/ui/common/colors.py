"""Tag colours: the default palette and small helpers to blend and darken `#rrggbb` strings.

Pure Python on purpose (no Qt), so item models, tests and the codebook editor share it.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = [
    "DEFAULT_PALETTE",
    "blend",
    "contrast_with_black",
    "darken",
    "palette_color",
    "parse_hex",
    "to_hex",
]

# Nine pastels, distinct in hue, each readable with black text (contrast above 12:1).
DEFAULT_PALETTE: tuple[str, ...] = (
    "#ffe08a",  # yellow
    "#a8d8ff",  # sky blue
    "#b8e6b0",  # green
    "#ffb8b0",  # salmon
    "#d9c2f0",  # lavender
    "#ffcf99",  # apricot
    "#a6e3db",  # teal
    "#f5b8da",  # pink
    "#d8d0b0",  # sand
)

RGB = tuple[int, int, int]
RGBf = tuple[float, float, float]


def parse_hex(color: str) -> RGB:
    """`#rgb` or `#rrggbb` (leading `#` optional) to an (r, g, b) triple."""
    value = color.strip().removeprefix("#")
    if len(value) == 3:
        value = "".join(ch * 2 for ch in value)
    if len(value) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    number = int(value, 16)
    return (number >> 16) & 0xFF, (number >> 8) & 0xFF, number & 0xFF


def to_hex(rgb: RGB | RGBf) -> str:
    r, g, b = (max(0, min(255, round(c))) for c in rgb)
    return f"#{r:02x}{g:02x}{b:02x}"


def palette_color(index: int) -> str:
    """The palette colour for the index-th tag, cycling."""
    return DEFAULT_PALETTE[index % len(DEFAULT_PALETTE)]


def blend(colors: Sequence[str]) -> str:
    """The average of several colours (order does not matter)."""
    if not colors:
        raise ValueError("blend() needs at least one colour")
    triples = [parse_hex(c) for c in colors]
    n = len(triples)
    return to_hex(
        (
            sum(t[0] for t in triples) / n,
            sum(t[1] for t in triples) / n,
            sum(t[2] for t in triples) / n,
        )
    )


def darken(color: str, amount: float) -> str:
    """The colour moved `amount` (0..1) of the way towards black."""
    factor = 1.0 - max(0.0, min(1.0, amount))
    r, g, b = parse_hex(color)
    return to_hex((r * factor, g * factor, b * factor))


def _relative_luminance(rgb: RGB) -> float:
    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = rgb
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_with_black(color: str) -> float:
    """WCAG contrast ratio of black text on this background (1..21)."""
    return (_relative_luminance(parse_hex(color)) + 0.05) / 0.05
