"""Full-text search of the library: ranked reports with a snippet of each, as plain values."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy.orm import Session

from glossator.store.search import (
    MARK_CLOSE,
    MARK_OPEN,
    TOKEN,
    fold,
    prefix_wanted,
    query_words,
    search_reports,
)

Span = tuple[int, int]
_MARKERS = re.compile(f"([{MARK_OPEN}{MARK_CLOSE}])")
_ONE_LINE = str.maketrans({"\n": " ", "\r": " ", "\t": " ", "\u2028": " ", "\u2029": " "})


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One report found: its snippet is plain text on one line, `matches` the spans of the
    matched words in it (code points, end exclusive), `title_matches` those in the title."""

    report_id: int
    title: str
    rank: float
    snippet: str
    matches: tuple[Span, ...]
    title_matches: tuple[Span, ...]
    snippet_start: int | None  # where the snippet starts in the report text; None: not found
    text_length: int

    @property
    def match(self) -> Span | None:
        """The first matched word of the snippet as a span of the report text."""
        if self.snippet_start is None or not self.matches:
            return None
        start, end = self.matches[0]
        return self.snippet_start + start, self.snippet_start + end

    @property
    def starts_text(self) -> bool:
        return self.snippet_start == 0

    @property
    def ends_text(self) -> bool:
        return (
            self.snippet_start is not None
            and self.snippet_start + len(self.snippet) >= self.text_length
        )


def _through_marks(value: str, end: int) -> int:
    """Extend a span over the combining marks that follow it (Arabic tanwin, accents)."""
    while end < len(value) and unicodedata.combining(value[end]):
        end += 1
    return end


def unmark(marked: str) -> tuple[str, tuple[Span, ...]]:
    """Plain text and the spans that were between the match markers."""
    plain: list[str] = []
    spans: list[Span] = []
    length, opened = 0, None
    for piece in _MARKERS.split(marked):
        if piece == MARK_OPEN:
            opened = length
        elif piece == MARK_CLOSE:
            if opened is not None and length > opened:
                spans.append((opened, length))
            opened = None
        else:
            plain.append(piece)
            length += len(piece)
    text = "".join(plain)
    return text, tuple((s, _through_marks(text, e)) for s, e in spans)


def word_spans(value: str, query: str) -> tuple[Span, ...]:
    """Spans of the tokens of `value` that match a word of the query (for short texts:
    titles). The last word matches as a prefix while it is being typed."""
    words = query_words(query)
    if not words:
        return ()
    exact = {fold(t) for w in words for t in w}
    prefix = fold(words[-1][-1]) if prefix_wanted(query) else None
    spans: list[Span] = []
    for found in TOKEN.finditer(value):
        token = fold(found.group())
        if token in exact or (prefix is not None and token.startswith(prefix)):
            spans.append((found.start(), _through_marks(value, found.end())))
    return tuple(spans)


def search_library(session: Session, query: str, limit: int = 20) -> list[SearchHit]:
    """The best `limit` reports holding every word of `query`, best first."""
    hits: list[SearchHit] = []
    for found in search_reports(session, query, limit):
        snippet, matches = unmark(found.snippet)
        hits.append(
            SearchHit(
                found.report_id,
                found.title,
                found.rank,
                snippet.translate(_ONE_LINE),
                matches,
                word_spans(found.title, query),
                found.snippet_start,
                found.text_length,
            )
        )
    return hits
