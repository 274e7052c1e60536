"""Notes sections under a heading: ``Notes``, ``Endnotes``, ``Footnotes``, ``References``,
``Sources`` (or ``Notes and references``), alone on a line, optionally with a colon, then a
list of numbered notes right after it.

Labels a notes list may use: ``1.``, ``1)`` and ``[1]``; and, with superscript markers,
``1 note`` and ``¹ note``. Each note runs as ``footnotes_notes`` says; the section ends
with its list. Plain text in, plain offsets out (a PDF's text works as well).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from .footnotes_lines import line_start, next_line, skip_blank_lines
from .footnotes_notes import NotesFound, NoteStart, collect_notes

__all__ = [
    "ALL_FORMS",
    "NOTES_HEADING",
    "PLAIN_FORMS",
    "SUPERSCRIPT_DIGITS",
    "TO_ASCII",
    "NotesSection",
    "find_sections",
    "notes_headings",
]

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
TO_ASCII = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")

NOTES_HEADING = re.compile(
    r"^[ \t]*(?:(?:foot|end)?notes?|references|sources|notes and references"
    r"|references and notes)[ \t]*:?[ \t]*$",
    re.M | re.I,
)
PLAIN_FORMS = frozenset({"plain"})
ALL_FORMS = frozenset({"plain", "bracket", "loose", "sup"})
# Labels of a notes list: "1.", "1)", "[1]" (group plain); "1 " and "¹" (group loose).
_LIST_LABEL = re.compile(
    r"^[ \t]*(?:(?P<plain>\d{1,4})[.)][ \t]*|\[(?P<bracket>\d{1,4}[a-z]?)\][.:]?[ \t]*"
    rf"|(?P<loose>\d{{1,4}})[ \t]+|(?P<sup>[{SUPERSCRIPT_DIGITS}]+)[ \t]*)(?=\S)",
    re.M,
)


@dataclass(frozen=True, slots=True)
class NotesSection:
    """A heading and the notes listed under it."""

    heading_start: int
    heading: str
    found: NotesFound
    superscript_labels: bool


def _starts(
    text: str, start: int, end: int, forms: frozenset[str]
) -> tuple[list[NoteStart], bool]:
    """Label lines of a list between ``start`` and ``end`` in the label ``forms`` taken;
    and whether any label is in superscript digits."""
    starts: list[NoteStart] = []
    superscript = False
    for match in _LIST_LABEL.finditer(text, start, end):
        group = next(g for g in ("plain", "bracket", "loose", "sup") if match.group(g))
        if group not in forms:
            continue
        superscript = superscript or group == "sup"
        label = match.group(group).translate(TO_ASCII)
        label_start = match.start(group) - (1 if group == "bracket" else 0)
        starts.append(NoteStart(label, label_start, match.end(), line_start(text, label_start)))
    return starts, superscript


def notes_headings(text: str) -> list[re.Match[str]]:
    """Every notes heading of the text, in order."""
    return list(NOTES_HEADING.finditer(text))


def find_sections(
    text: str, cites: Callable[[int, int], bool], forms: frozenset[str] = PLAIN_FORMS
) -> list[NotesSection]:
    """Every notes heading directly followed by a list of notes, with that list.

    ``forms`` are the label forms taken: ``plain`` (``1.``, ``1)``), ``bracket``
    (``[1]``), ``loose`` (``1 note``) and ``sup`` (``¹ note``)."""
    headings = notes_headings(text)
    sections: list[NotesSection] = []
    for index, heading in enumerate(headings):
        limit = headings[index + 1].start() if index + 1 < len(headings) else len(text)
        first = skip_blank_lines(text, next_line(text, heading.end()), limit)
        if first >= limit:
            continue
        starts, superscript = _starts(text, first, limit, forms)
        if not starts or starts[0].line_start != first:
            continue
        found = collect_notes(text, starts, cites, first_block_only=True)
        if found.notes:
            name = " ".join(heading.group().split()).rstrip(":").strip()
            block = NotesFound(found.notes, found.blocks, [heading.start()])
            sections.append(NotesSection(heading.start(), name, block, superscript))
    return sections
