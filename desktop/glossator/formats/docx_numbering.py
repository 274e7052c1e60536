"""Word list numbering (``word/numbering.xml``) as text prefixes, and number formats.

A numbered paragraph gets the prefix Word draws before it: ``"3. "``, ``"(b) "``,
``"1.2. "`` from the level's text pattern, counting per list; a bulleted one gets
``"- "``, as the other readers write list items.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .docx_package import XmlEvent
from .docx_text import local_name, w_attr

__all__ = ["ListNumbering", "format_number"]

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip
_MAX_LEVELS = 9


def _roman(number: int) -> str:
    out: list[str] = []
    for value, letters in _ROMAN:
        count, number = divmod(number, value)
        out.append(letters * count)
    return "".join(out)


_CHICAGO = "*†‡§"


def format_number(number: int, fmt: str) -> str:
    """``number`` in a Word number format; unknown formats fall back to decimal. Word's
    ``chicago`` symbols run *, †, ‡, §, then doubled (**, ††...), tripled..."""
    if number < 1 or fmt in ("decimal", "decimalZero"):
        return str(number)
    if fmt == "chicago":
        return _CHICAGO[(number - 1) % 4] * ((number - 1) // 4 + 1)
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(number) if number < 4000 else str(number)
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt in ("lowerLetter", "upperLetter"):  # a..z, then aa..zz, as Word counts
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if fmt == "upperLetter" else letter
    return str(number)


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1


class ListNumbering:
    """Prefixes for numbered paragraphs, in document order (counters advance per call)."""

    def __init__(self, events: Iterator[XmlEvent] | None = None) -> None:
        self.abstract: dict[str, dict[int, _Level]] = {}
        self.nums: dict[str, str] = {}  # numId -> abstractNumId
        self.counters: dict[str, list[int]] = {}
        if events is not None:
            self._load(events)

    def _load(self, events: Iterator[XmlEvent]) -> None:
        for event, element in events:
            if event != "end":
                continue
            tag = local_name(element.tag)
            if tag == "abstractNum":
                levels: dict[int, _Level] = {}
                for lvl in element:
                    level = w_attr(lvl, "ilvl") or ""
                    if local_name(lvl.tag) == "lvl" and level.isdigit():
                        levels[int(level)] = self._level(lvl)
                self.abstract[w_attr(element, "abstractNumId") or ""] = levels
                element.clear()
            elif tag == "num":
                ref = next((c for c in element if local_name(c.tag) == "abstractNumId"), None)
                if ref is not None:
                    self.nums[w_attr(element, "numId") or ""] = w_attr(ref, "val") or ""
                element.clear()

    @staticmethod
    def _level(lvl: Element) -> _Level:
        values: dict[str, str] = {}
        for child in lvl:
            name = local_name(child.tag)
            if name in ("numFmt", "lvlText", "start"):
                values[name] = w_attr(child, "val") or ""
        start = values.get("start", "1")
        return _Level(
            values.get("numFmt", "decimal"),
            values.get("lvlText", "%1."),
            int(start) if start.isdigit() else 1,
        )

    def __call__(self, num_id: str, level: int) -> str:
        levels = self.abstract.get(self.nums.get(num_id, ""), {})
        level = min(max(level, 0), _MAX_LEVELS - 1)
        spec = levels.get(level, _Level())
        if spec.fmt == "none":
            return ""
        if spec.fmt == "bullet":
            return "- "
        counters = self.counters.setdefault(num_id, [0] * _MAX_LEVELS)
        counters[level] = counters[level] + 1 if counters[level] else spec.start
        for deeper in range(level + 1, _MAX_LEVELS):
            counters[deeper] = 0
        text = spec.text
        for index in range(level + 1):
            other = levels.get(index, _Level())
            value = counters[index] or other.start
            text = text.replace(f"%{index + 1}", format_number(value, other.fmt))
        return f"{text.strip()} " if text.strip() else ""
