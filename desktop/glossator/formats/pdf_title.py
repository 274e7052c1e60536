"""The title of a PDF report: the one its document information gives, when it is a real
title, else the largest type at the top of its first page."""

from __future__ import annotations

import re

from glossator.core.metadata import MAX_TITLE_CHARS

from .pdf_glyphs import PdfDocumentText

__all__ = ["pdf_title"]

# What word processors and converters write when nobody gave a title.
_PLACEHOLDER = re.compile(
    r"^(?:untitled\b.*|microsoft (?:word|powerpoint|excel)\b.*|document\s*\d*|title|"
    r"powerpoint presentation|slide \d+|.*\.(?:docx?|pdf|indd|rtf|odt|pages|tex|qxd|pptx?))$",
    re.I,
)


def _plain(text: str) -> str:
    return " ".join(text.split())[:MAX_TITLE_CHARS].rstrip()


def pdf_title(doc: PdfDocumentText, body: float) -> str | None:
    if doc.title and len(doc.title) >= 3 and not _PLACEHOLDER.match(doc.title.strip()):
        return _plain(doc.title)
    if not doc.pages:
        return None
    first = doc.pages[0]
    top = [x for x in first.lines if x.y0 >= first.height * 0.4 and x.size >= body * 1.2]
    if not top:
        return None
    largest = max(x.size for x in top)
    lines = sorted((x for x in top if x.size >= largest - 0.5), key=lambda x: -x.y1)
    picked = [lines[0]]
    for line in lines[1:]:  # a title set on two or three lines, one under the other
        if picked[-1].y0 - line.y1 > largest or len(picked) == 3:
            break
        picked.append(line)
    title = _plain(" ".join(x.text for x in picked))
    return title or None
