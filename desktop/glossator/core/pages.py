"""Pages of a report read from a paged file (a PDF): where each page's text starts, so a
passage can be cited with its page.

A report's pages are pairs ``(start, page)`` in text order: the text from ``start`` (a code
point offset into the normalized text) up to the next pair's start is on page ``page``.
Starts increase; page numbers mostly do too, but a report's notes, listed after its body,
go back to the pages they were printed on. Reports from other formats have none.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Mapping, Sequence
from typing import Any

__all__ = [
    "META_KEY",
    "Pages",
    "page_at",
    "page_span",
    "pages_from_meta",
    "pages_label",
    "pages_to_meta",
]

Pages = tuple[tuple[int, int], ...]
META_KEY = "pages"


def pages_from_meta(meta: Mapping[str, Any] | None) -> Pages:
    """The pages kept in a report's metadata; () when there are none or they are not
    well formed (they are never trusted to be)."""
    raw = (meta or {}).get(META_KEY)
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        return ()
    out: list[tuple[int, int]] = []
    for item in raw:
        if not (isinstance(item, Sequence) and len(item) == 2):
            return ()
        start, page = item
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (start, page)):
            return ()
        if start < 0 or page < 1 or (out and start < out[-1][0]):
            return ()
        out.append((start, page))
    return tuple(out)


def pages_to_meta(pages: Pages) -> dict[str, Any]:
    """The metadata entry for a report's pages (nothing for a report without pages)."""
    return {META_KEY: [[start, page] for start, page in pages]} if pages else {}


def page_at(pages: Pages, offset: int) -> int | None:
    """The page the character at ``offset`` is printed on; None for a report without pages."""
    if not pages:
        return None
    k = bisect_right(pages, (offset, float("inf"))) - 1
    return pages[max(k, 0)][1]


def page_span(pages: Pages, start: int, end: int) -> tuple[int, int] | None:
    """The pages a passage [start, end) starts and ends on."""
    first = page_at(pages, start)
    if first is None:
        return None
    last = page_at(pages, max(start, end - 1))
    return first, last if last is not None else first


def pages_label(span: tuple[int, int] | None) -> str:
    """ "p. 3", "pp. 3–4", or "" for a report without pages."""
    if span is None:
        return ""
    first, last = span
    return f"p. {first}" if first == last else f"pp. {min(first, last)}\u2013{max(first, last)}"
