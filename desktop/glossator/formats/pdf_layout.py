"""Where things sit on a PDF page: the body's font size, running heads and feet with the
page numbers, one column or two, and the order a reader reads the lines in.

- Running heads and feet are the outermost lines of a page's top or bottom eighth, set
  apart from the text by a gap, that either repeat on other pages at the same height
  (digits aside: "Annual review 2024 | 7") or are a page number alone ("12", "- 12 -",
  "Page 12 of 30", "xii").
- A page has two columns when most of its text sits in lines that stay on one side of
  the middle of the text area, with lines on both sides. Lines that cross the middle (a
  title, a full-width table or note) cut the page into bands; each band is read left
  column first, then right.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .pdf_glyphs import Line, PageGlyphs

__all__ = ["Placed", "body_size", "reading_order", "running_lines", "split_columns"]

_ZONE = 0.125  # the top and bottom eighth of a page hold its running heads and feet
_PAGE_NUMBER = re.compile(
    r"^\W{0,3}(?:(?:page|p\.|pg\.?|seite|página|pagina)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:of|/|de|von|sur)\s*\d{1,4})?\W{0,3}$",
    re.I,
)
_DIGITS = re.compile(r"\d+")


@dataclass(slots=True)
class Placed:
    """A line in reading order: its page, its flow (0 the whole width, 1 the left column,
    2 the right one) and the flow's left and right edges."""

    line: Line
    page: int
    flow: int
    left: float
    right: float


def body_size(pages: list[PageGlyphs]) -> float:
    """The font size most characters of the document have."""
    weights: Counter[float] = Counter()
    for page in pages:
        for line in page.lines:
            weights[line.size] += len(line.text)
    return weights.most_common(1)[0][0] if weights else 10.0


def _key(line: Line) -> str:
    return _DIGITS.sub("#", " ".join(line.text.split()).lower())


def _edge_candidates(page: PageGlyphs) -> list[tuple[int, str]]:
    """Up to two lines at the top and two at the bottom of the page, each in its zone and
    set apart from the next line inward by a gap: (index, "top" or "bottom")."""
    order = sorted(range(len(page.lines)), key=lambda i: -page.lines[i].y1)
    out: list[tuple[int, str]] = []
    for zone, seq in (("top", order), ("bottom", order[::-1])):
        for k, i in enumerate(seq[:2]):
            line = page.lines[i]
            inside = (line.y0 >= page.height * (1 - _ZONE) if zone == "top"
                      else line.y1 <= page.height * _ZONE)
            if not inside:
                break
            inner = page.lines[seq[k + 1]] if k + 1 < len(seq) else None
            gap = (line.y0 - inner.y1) if zone == "top" and inner else (
                (inner.y0 - line.y1) if inner else line.size)
            if gap < 0.6 * max(line.size, 1.0) and not _PAGE_NUMBER.match(line.text.strip()):
                break
            out.append((i, zone))
    return out


def running_lines(pages: list[PageGlyphs]) -> list[set[int]]:
    """For each page, the indexes of its running heads, feet and page numbers."""
    candidates = [_edge_candidates(p) for p in pages]
    seen: Counter[tuple[str, str, int]] = Counter()
    for page, found in zip(pages, candidates, strict=True):
        for key in {(zone, _key(page.lines[i]), round(page.lines[i].y0 / 3)) for i, zone in found}:
            seen[key] += 1
    need = max(2, round(0.3 * len(pages)))
    out: list[set[int]] = []
    for page, found in zip(pages, candidates, strict=True):
        running = set()
        for i, zone in found:
            line = page.lines[i]
            y = round(line.y0 / 3)
            repeats = sum(seen[(zone, _key(line), y + d)] for d in (-1, 0, 1))
            if _PAGE_NUMBER.match(line.text.strip()) or (len(pages) >= 3 and repeats >= need):
                running.add(i)
        out.append(running)
    return out


def split_columns(lines: list[Line]) -> float | None:
    """The x of the gutter when the lines are set in two columns, else None."""
    if len(lines) < 6:
        return None
    left_edge = min(line.x0 for line in lines)
    right_edge = max(line.x1 for line in lines)
    middle = (left_edge + right_edge) / 2
    slack = 0.02 * (right_edge - left_edge)
    left = [line for line in lines if line.x1 <= middle + slack]
    right = [line for line in lines if line.x0 >= middle - slack]
    narrow = sum(len(line.text) for line in (*left, *right))
    if len(left) < 3 or len(right) < 3 or narrow < 0.6 * sum(len(x.text) for x in lines):
        return None
    top = min(max(x.y1 for x in left), max(x.y1 for x in right))
    bottom = max(min(x.y0 for x in left), min(x.y0 for x in right))
    if top <= bottom:  # the two sides never stand beside each other
        return None
    gutter = (max(x.x1 for x in left) + min(x.x0 for x in right)) / 2
    return gutter if max(x.x1 for x in left) < min(x.x0 for x in right) else middle


def _edges(lines: list[Line]) -> tuple[float, float]:
    """A flow's left edge (where most of its lines start) and right edge (where nine lines
    in ten end before)."""
    if not lines:
        return 0.0, 0.0
    rights = sorted(line.x1 for line in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    if len(lines) < 3:
        return min(line.x0 for line in lines), right
    lefts = Counter(round(line.x0) for line in lines)
    most = max(lefts.values())
    return float(min(k for k, n in lefts.items() if n == most)), right


def reading_order(lines: list[Line], page: int, gutter: float | None) -> list[Placed]:
    """The page's lines as a reader reads them (see the module's docstring)."""
    lines = sorted(lines, key=lambda x: (-x.y1, x.x0))
    if gutter is None:
        left, right = _edges(lines)
        return [Placed(x, page, 0, left, right) for x in lines]
    sides = {id(x): 1 if x.x1 <= gutter + 2 else 2 if x.x0 >= gutter - 2 else 0 for x in lines}
    edges = {flow: _edges([x for x in lines if sides[id(x)] == flow]) for flow in (0, 1, 2)}
    out: list[Placed] = []
    band: dict[int, list[Line]] = {1: [], 2: []}

    def flush() -> None:
        for flow in (1, 2):
            out.extend(Placed(x, page, flow, *edges[flow]) for x in band[flow])
            band[flow] = []

    for line in lines:
        flow = sides[id(line)]
        if flow == 0:
            flush()
            out.append(Placed(line, page, 0, *edges[0]))
        else:
            band[flow].append(line)
    flush()
    return out
