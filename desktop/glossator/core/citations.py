"""Which footnotes a passage cites.

A passage cites the footnote markers inside it. When it has none, it cites the next marker after
it in its paragraph: in "X wrote ''...'' and added ''...''[3]" both quotations cite note 3. A
marker that follows the passage directly (after closing quote marks and punctuation) is cited
as well, so "''... red bull[2] ... Bashar.''[3]" cites notes 2 and 3.

Given the report text, a marker standing inside another quotation is skipped when looking for
the next one: it annotates that quotation, not the passage before it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from glossator.core.suggestions import Quotation, quotations_in

if TYPE_CHECKING:
    from glossator.core.footnotes import FootnoteLayout, Marker

_ADJACENT_GAP = 4
_CLOSING = frozenset("\"'\u2019\u201d\u00bb\u300d\u300f)].,;:!?\u2026 ")


def _paragraph_of(position: int, paragraphs: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    return next((p for p in paragraphs if p[0] <= position < p[1]), None)


def _adjacent(end: int, marker: Marker, text: str | None) -> bool:
    """True when only closing marks and punctuation stand between `end` and the marker."""
    gap = marker.start - end
    if text is None:
        return gap <= _ADJACENT_GAP
    return all(char in _CLOSING for char in text[end : marker.start])


def _within_other_quote(marker: Marker, span: tuple[int, int], quotes: list[Quotation]) -> bool:
    return any(
        q.start <= marker.start and marker.end <= q.end and not (q.start <= span[0] < q.end)
        for q in quotes
    )


def cited_labels(
    span: tuple[int, int],
    layout: FootnoteLayout,
    paragraphs: Sequence[tuple[int, int]],
    *,
    text: str | None = None,
) -> tuple[str, ...]:
    """Labels of the footnotes the passage `span` cites, unique, in text order.

    `paragraphs` are the paragraph spans of the report; `text`, when given, lets markers inside
    other quotations be passed over.
    """
    start, end = span
    markers = sorted(layout.markers, key=lambda m: m.start)
    labels = [m.label for m in markers if start <= m.start and m.end <= end]
    paragraph = _paragraph_of(max(start, end - 1), paragraphs)
    if paragraph is not None:
        quotes: list[Quotation] = []
        if text is not None:
            quotes = quotations_in(text, paragraph[0], paragraph[1])
        following = [
            m
            for m in markers
            if m.start >= end and m.end <= paragraph[1] and not _within_other_quote(m, span, quotes)
        ]
        if following and (not labels or _adjacent(end, following[0], text)):
            labels.append(following[0].label)
    return tuple(dict.fromkeys(labels))
