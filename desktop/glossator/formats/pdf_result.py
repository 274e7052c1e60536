"""What reading a PDF gives back: its text, title and where each page starts."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["PdfText"]


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str  # normalized
    title: str | None
    pages: tuple[tuple[int, int], ...]  # (offset where the page's text starts, page number)
    page_count: int
