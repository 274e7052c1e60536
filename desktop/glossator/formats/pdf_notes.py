"""Footnotes at the foot of PDF pages: where they start on a page, and the notes they hold.

The foot of a page (of each column, on a page set in two) is the run of lines at its
bottom set smaller than the body (at most 90 % of the body's size), or everything below
a short horizontal rule drawn under the text. A line there that starts with a label (a
superscript number, or ``12``, ``12.``, ``12)``, ``[12]``) starts a note; the lines after it
continue the note; lines before the first label continue the last note of the page
before (a note carried over). A plain number counts as a label only when the page cites
it, or when it follows the note before it, so that a wrapped line starting with a year
stays inside its note.

A foot is taken for notes only when the page (or the page before, for a note moved on)
cites one of its labels, with a superscript or a ``[12]`` in its text, or when it only
carries a note over: a small-print passage or a table under a rule stays text, and so
do pages of endnotes, which core's rules for text read like any text report's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .pdf_layout import Placed
from .pdf_lines import Piece, Sup, leading_label, pieces, sup_labels

__all__ = ["FootNote", "NoteCollector", "cited_labels", "foot_lines"]

_SMALL = 0.9
_BRACKET = re.compile(r"\[(\d{1,4})\]")


@dataclass(slots=True)
class FootNote:
    label: str
    page: int
    lines: list[tuple[Placed, list[Piece]]] = field(default_factory=list)


def _foot_of(flow: list[Placed], rules: list[tuple[float, float, float]], body: float,
             height: float) -> tuple[int, int]:
    """The lines of ``flow`` (top to bottom) that form its foot, as a range; empty when
    it has none. One line of body size under the notes (a running foot not recognized)
    is left out of the foot."""
    end = len(flow)
    if end >= 2 and flow[-1].line.size > _SMALL * body and flow[-1].line.y1 < height * 0.125:
        end -= 1
    start = end
    while start > 0 and 0 < flow[start - 1].line.size <= _SMALL * body:
        start -= 1
    if start == end:
        end = len(flow)
        start = end
    width = max(flow[0].right - flow[0].left, 1.0) if flow else 1.0
    for x0, x1, y in rules:
        if y > height / 2 or x1 - x0 > 0.6 * width:  # under a running head, or a table's
            continue
        if x1 < flow[0].left or x0 > flow[0].right:  # under another column
            continue
        below = [i for i, p in enumerate(flow) if p.line.y1 <= y + 1]
        if not below or below[0] == 0 or below[-1] - below[0] + 1 != len(below):
            continue
        if all(flow[i].line.size <= body + 0.5 for i in below) and below[0] < start:
            start, end = below[0], below[-1] + 1
    return start, end


def foot_lines(placed: list[Placed], rules: list[tuple[float, float, float]],
               body: float, height: float) -> set[int]:
    """The ids of the lines that form the page's foot (see the module's docstring)."""
    flows: dict[int, list[Placed]] = {}
    for p in placed:
        flows.setdefault(p.flow, []).append(p)
    columns_bottom = min((p.line.y0 for p in placed if p.flow), default=None)
    out: set[int] = set()
    for flow, items in flows.items():
        items = sorted(items, key=lambda p: -p.line.y1)
        if flow == 0 and columns_bottom is not None:  # only full-width lines under the columns
            items = [p for p in items if p.line.y1 <= columns_bottom + 1]
        start, end = _foot_of(items, rules, body, height)
        out.update(id(p) for p in items[start:end])
    return out


def cited_labels(body: list[tuple[Placed, list[Piece]]]) -> list[str]:
    """The labels the body of a page cites, in order: superscripts that follow a
    character, and ``[12]`` in its text."""
    out: list[str] = []
    for _placed, parts in body:
        for part in parts:
            if isinstance(part, Sup):
                if part.attached:
                    out.extend(sup_labels(part))
            else:
                out.extend(str(int(m)) for m in _BRACKET.findall(part))
    return out


class NoteCollector:
    """Reads the feet of the pages in order, carrying a note over from page to page."""

    def __init__(self) -> None:
        self.notes: list[FootNote] = []
        self.unresolved: set[str] = set()  # cited on the page before without a note there
        self.last_page = 0  # the last page whose foot held notes

    def no_notes(self, cited: list[str]) -> None:
        """A page whose foot holds no notes: what it cites may be on the next page."""
        self.unresolved = set(cited)

    def read_foot(self, page: int, foot: list[Placed], cited: list[str]) -> bool:
        """Take the foot's notes; False (nothing taken) when the foot holds no notes."""
        cited_here = set(cited)
        wanted = cited_here | self.unresolved
        last = self.notes[-1] if self.notes else None
        expected = int(last.label) + 1 if last is not None and last.label.isdigit() else None
        carried: list[tuple[Placed, list[Piece]]] = []
        found: list[FootNote] = []
        for placed in foot:
            parts = pieces(placed.line)
            label = leading_label(parts)
            if label is not None:
                name, rest, raised = label
                follows = expected is not None and int(name) == expected
                if raised or name in wanted or follows:
                    found.append(FootNote(name, page, [(placed, rest)]))
                    expected = int(name) + 1
                    continue
            if found:
                found[-1].lines.append((placed, parts))
            else:
                carried.append((placed, parts))
        if not found and not (carried and last is not None and self.last_page == page - 1):
            return False
        if found and not any(n.label in wanted for n in found):
            return False
        if carried:
            if last is None:
                return False
            last.lines.extend(carried)
        self.notes.extend(found)
        self.last_page = page
        labels = {n.label for n in found}
        self.unresolved = cited_here - labels
        return True
