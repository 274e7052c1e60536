"""Where things sit on a PDF page: the body's font size, running heads and feet with the
page numbers, one column or two, and the order a reader reads the lines in.

- Running heads and feet are the outermost rows of a page's top or bottom eighth, set
  apart from the text by a gap, that either repeat on other pages at the same height
  (digits aside: "Annual review 2024 | 7"), or are a page number alone ("12", "- 12 -",
  "Page 12 of 30", "xii"), or, outermost, start or end with the page's number as the
  other pages' heads do ("22 Chapter 4. Sources" on page 32); a row that holds the page
  number goes with it ("4.4. Changelog" beside "21").
- A page has two columns when most of its text sits in lines that stay on one side of
  the middle of the text area, with lines on both sides. Lines that cross the middle (a
  title, a full-width table or note) cut the page into bands; each band is read left
  column first, then right.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .pdf_glyphs import Glyph, Line, PageGlyphs

__all__ = [
    "Edges",
    "Placed",
    "body_size",
    "document_edges",
    "merge_rows",
    "reading_order",
    "running_lines",
    "split_columns",
]

_ZONE = 0.125  # the top and bottom eighth of a page hold its running heads and feet
_PAGE_NUMBER = re.compile(
    r"^\W{0,3}(?:(?:page|p\.|pg\.?|seite|página|pagina)\s*)?(?:\d{1,4}|[ivxlcdm]{1,7})"
    r"(?:\s*(?:of|/|de|von|sur)\s*\d{1,4})?\W{0,3}$",
    re.I,
)
_DIGITS = re.compile(r"\d+")
_EDGE_NUMBER = re.compile(r"^\W{0,3}(\d{1,4})\b(?!\.\d)|(?<![.\d])\b(\d{1,4})\W{0,3}$")


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


def _rows(page: PageGlyphs) -> list[list[int]]:
    """The page's lines grouped in rows (lines side by side), top to bottom."""
    order = sorted(range(len(page.lines)), key=lambda i: -page.lines[i].y1)
    rows: list[list[int]] = []
    for i in order:
        line = page.lines[i]
        middle = (line.y0 + line.y1) / 2
        if rows and page.lines[rows[-1][0]].y0 <= middle <= page.lines[rows[-1][0]].y1:
            rows[-1].append(i)
        else:
            rows.append([i])
    return rows


def _edge_rows(page: PageGlyphs) -> list[tuple[list[int], str, bool]]:
    """Up to two rows at the top and two at the bottom of the page, each inside its zone
    and set apart from the next row inward by a gap: (line indexes, "top" or "bottom",
    whether it is the outermost row)."""
    rows = _rows(page)
    out: list[tuple[list[int], str, bool]] = []
    for zone, seq in (("top", rows), ("bottom", rows[::-1])):
        for k, row in enumerate(seq[:2]):
            lines = [page.lines[i] for i in row]
            low, high = min(x.y0 for x in lines), max(x.y1 for x in lines)
            if zone == "top" and low < page.height * (1 - _ZONE):
                break
            if zone == "bottom" and high > page.height * _ZONE:
                break
            inner = [page.lines[i] for i in seq[k + 1]] if k + 1 < len(seq) else []
            size = max(x.size for x in lines)
            gap = size if not inner else (
                low - max(x.y1 for x in inner) if zone == "top" else min(x.y0 for x in inner) - high
            )
            numbered = any(_PAGE_NUMBER.match(x.text.strip()) for x in lines)
            if gap < 0.6 * max(size, 1.0) and not numbered:
                break
            out.append((row, zone, k == 0))
    return out


def _number_offset(line: Line, page: int) -> int | None:
    """How far the number that starts or ends the line is from the page's number."""
    match = _EDGE_NUMBER.search(line.text)
    if match is None:
        return None
    return page - int(match.group(1) or match.group(2))


def running_lines(pages: list[PageGlyphs]) -> list[set[int]]:
    """For each page, the indexes of its running heads, feet and page numbers: a row at
    the page's edge whose line is a page number, or holds the page's number at its start
    or end as other pages do (the same distance from the page's number), or repeats at the
    same height on two other pages, digits aside."""
    found = [_edge_rows(p) for p in pages]
    seen: Counter[tuple[str, str, int]] = Counter()
    offsets: Counter[int] = Counter()
    for page, rows in zip(pages, found, strict=True):
        keys = set()
        for row, zone, _outer in rows:
            for i in row:
                line = page.lines[i]
                keys.add((zone, _key(line), round(line.y0 / 3)))
                offset = _number_offset(line, page.number)
                if offset is not None:
                    offsets[offset] += 1
        seen.update(keys)
    need = min(3, len(pages))
    out: list[set[int]] = []
    for page, rows in zip(pages, found, strict=True):
        running: set[int] = set()
        for row, zone, outer in rows:
            for i in row:
                line = page.lines[i]
                y = round(line.y0 / 3)
                repeats = sum(seen[(zone, _key(line), y + d)] for d in (-1, 0, 1))
                offset = _number_offset(line, page.number) if outer else None
                if _PAGE_NUMBER.match(line.text.strip()) or (
                    offset is not None and offsets[offset] >= need and len(pages) >= 2
                ):
                    running.update(row)  # the row that holds the page number
                elif len(pages) >= 2 and repeats >= need:
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


def merge_rows(lines: list[Line]) -> list[Line]:
    """Lines of one flow, top to bottom, with the pieces of a line set on one baseline
    joined (wide justified spaces make pdfminer cut a line in two)."""
    out: list[Line] = []
    for line in sorted(lines, key=lambda x: (-x.y1, x.x0)):
        last = out[-1] if out else None
        if (last is not None and abs(last.base - line.base) <= 0.25 * max(line.size, 1.0)
                and abs(last.size - line.size) <= 1.0 and line.x0 >= last.x1 - 1.0):
            gap = Glyph(" ", last.x1, line.x0, last.y0, last.y1, last.size)
            out[-1] = Line([*last.glyphs, gap, *line.glyphs], last.x0, line.x1,
                           min(last.y0, line.y0), max(last.y1, line.y1))
        else:
            out.append(line)
    return out


def sides(lines: list[Line], gutter: float | None) -> dict[int, int]:
    """The flow of each line (by id): 0 across the page, 1 left column, 2 right."""
    if gutter is None:
        return {id(x): 0 for x in lines}
    return {id(x): 1 if x.x1 <= gutter + 2 else 2 if x.x0 >= gutter - 2 else 0 for x in lines}


Edges = dict[tuple[int, int], tuple[float, float]]  # (flow, page parity) -> left, right


def document_edges(pages: list[tuple[int, list[Line], float | None]]) -> Edges:
    """Each flow's edges over the whole document, for odd and even pages apart (their
    margins are often mirrored): what a page with few lines goes by."""
    found: dict[tuple[int, int], list[Line]] = {}
    for number, lines, gutter in pages:
        flows = sides(lines, gutter)
        for line in lines:
            found.setdefault((flows[id(line)], number % 2), []).append(line)
    return {key: _edges(lines) for key, lines in found.items()}


_FEW = 8


def reading_order(lines: list[Line], page: int, gutter: float | None,
                  known: Edges | None = None) -> list[Placed]:
    """The page's lines as a reader reads them (see the module's docstring); a flow of
    fewer than eight lines takes its edges from ``known`` (``document_edges``)."""
    flows = sides(lines, gutter)
    by_flow = {f: merge_rows([x for x in lines if flows[id(x)] == f]) for f in (0, 1, 2)}
    edges = {}
    for flow, items in by_flow.items():
        edges[flow] = _edges(items)
        if len(items) < _FEW and known and (flow, page % 2) in known:
            edges[flow] = known[(flow, page % 2)]
    merged = sorted((x for items in by_flow.values() for x in items), key=lambda x: (-x.y1, x.x0))
    flow_of = {id(x): f for f, items in by_flow.items() for x in items}
    if gutter is None:
        return [Placed(x, page, 0, *edges[0]) for x in merged]
    out: list[Placed] = []
    band: dict[int, list[Line]] = {1: [], 2: []}

    def flush() -> None:
        for flow in (1, 2):
            out.extend(Placed(x, page, flow, *edges[flow]) for x in band[flow])
            band[flow] = []

    for line in merged:
        flow = flow_of[id(line)]
        if flow == 0:
            flush()
            out.append(Placed(line, page, 0, *edges[0]))
        else:
            band[flow].append(line)
    flush()
    return out
