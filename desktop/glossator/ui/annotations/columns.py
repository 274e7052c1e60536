"""The annotation table's columns: what each shows, how it sorts, what the filter matches.

Plain functions of an `AnnotationView` (no Qt), so the model and its tests share them.
"""

from __future__ import annotations

from typing import Any

from glossator.services.values import AnnotationView

QUOTE, TAGS, SPEAKER, STANCES, AUTHOR, STATUS, NOTE, CITES, POSITION, MODIFIED = range(10)
HEADERS = ("Quote", "Tags", "Speaker", "Stances", "Author", "Status", "Note", "Cites",
           "Position", "Modified")
TIPS = ("The highlighted passage", "Tags from the codebook", "Who speaks in the passage",
        "Stances of the speaker: target and label", "Who made the annotation",
        "Review status", "The annotator's note", "Labels of the notes the passage cites",
        "Code points in the report, start\u2013end", "Last changed")
#: default widths in average character widths (the quote takes what is left)
WIDTHS = {TAGS: 16, SPEAKER: 18, STANCES: 20, AUTHOR: 11, STATUS: 11, NOTE: 14, CITES: 7,
          POSITION: 12, MODIFIED: 16}

#: `name:words` in the filter box looks in that column only
FIELD_NAMES = {
    "quote": QUOTE, "tag": TAGS, "tags": TAGS, "speaker": SPEAKER, "stance": STANCES,
    "stances": STANCES, "author": AUTHOR, "status": STATUS, "note": NOTE, "cite": CITES,
    "cites": CITES,
}
#: the columns a word without a field name is looked for in
SEARCHED = (QUOTE, TAGS, SPEAKER, STANCES, AUTHOR, STATUS, NOTE, CITES)


def one_line(text: str, limit: int = 160) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def stances_text(a: AnnotationView) -> str:
    parts = []
    for s in a.stances:
        label = s.label if s.intensity is None else f"{s.label} ({s.intensity})"
        parts.append(f"{s.target}: {label}")
    return "; ".join(parts)


def display(a: AnnotationView, col: int) -> str:
    """What a cell shows."""
    if col == QUOTE:
        return one_line(a.quote)
    if col == TAGS:
        return ", ".join(a.tags)
    if col == SPEAKER:
        return a.speaker or ""
    if col == STANCES:
        return stances_text(a)
    if col == AUTHOR:
        return a.author
    if col == STATUS:
        return a.status + (" (orphaned)" if a.orphaned else "")
    if col == NOTE:
        return one_line(a.note, 80)
    if col == CITES:
        return ", ".join(a.cites)
    if col == POSITION:
        return f"{a.start}\u2013{a.end}"
    return a.modified.strftime("%Y-%m-%d %H:%M")


def _label_key(label: str) -> tuple[int, int, str]:
    """Note labels in number order (2 before 10), other labels after them."""
    return (0, int(label), label) if label.isdigit() else (1, 0, label.casefold())


def sort_key(a: AnnotationView, col: int) -> Any:
    """What a column sorts by (empty cells first); every key of a column has one type."""
    if col == POSITION:
        return (a.start, a.end)
    if col == MODIFIED:
        return a.modified
    if col == CITES:
        return tuple(_label_key(label) for label in a.cites)
    return display(a, col).casefold()


def searched_text(a: AnnotationView, col: int) -> str:
    """What the filter looks in (whole, not cut to one line), case-folded."""
    if col == QUOTE:
        text = a.quote
    elif col == NOTE:
        text = a.note
    elif col == STANCES:
        text = " ".join(f"{s.target} {s.label}" for s in a.stances)
    elif col == CITES:
        text = " ".join(a.cites)
    else:
        text = display(a, col)
    return text.casefold()


def filter_words(text: str) -> list[tuple[int | None, str]]:
    """The filter text as (column or None for any, word) pairs: `speaker:tamimi` looks in
    the Speaker column only; an unknown name before a colon is part of the word."""
    words: list[tuple[int | None, str]] = []
    for piece in text.casefold().split():
        name, colon, rest = piece.partition(":")
        if colon and name in FIELD_NAMES:
            if rest:
                words.append((FIELD_NAMES[name], rest))
        else:
            words.append((None, piece))
    return words
