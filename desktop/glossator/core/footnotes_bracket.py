"""Footnotes written as a list of note paragraphs: ``[3] note`` (bracket) and ``[^3]: note``
(Markdown), with markers ``[3]`` / ``[^3]`` in the body.

Bracket notes are every block of ``[n] note`` paragraphs (after each chapter, letter or at
the end: every block counts), plus the numbered lists (``1.``, ``1)``) under a notes
heading (see ``footnotes_sections``). Books also letter their notes (``[A] note``): those
count when their letters start at A and a ``[A]`` marker cites one of them.

Three or more ``[n]`` paragraphs that nothing cites and that make up most of the text are
numbered paragraphs, not notes.

A note may cite another (an explanatory note citing its source): markers inside a note's
text are markers too; only the note's own label is not. Code (``verbatim`` spans) holds no
markers and no notes, in either style.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence

from .footnotes_lines import is_blank, line_end, line_start, next_line, skip_space, trim_end
from .footnotes_markers import BRACKET_MARKER, LETTER_MARKER, bracket_markers
from .footnotes_model import FootnoteLayout, Marker, Note
from .footnotes_notes import NotesFound, NoteStart, collect_notes, merge_found
from .footnotes_sections import find_sections

__all__ = [
    "BRACKET_MARKER",
    "BRACKET_NOTE",
    "MARKDOWN_MARKER",
    "MARKDOWN_NOTE",
    "bracket_notes",
    "cites_bracket",
    "detect_bracket",
    "detect_markdown",
    "find_markers",
    "has_markdown_notes",
    "highest_number",
    "note_labels",
    "outside",
]

# A note paragraph starts a line with its label: `[3] X, December 8, 2024.`, or `[314]_Ras_`
# (its text opening with emphasis or a quote), never `[1] = Whole-note` (a key to symbols).
_NOTE_AFTER = r"(?=[ \t_*\"“‘'(«]|$)(?![ \t]*=)"
BRACKET_NOTE = re.compile(
    rf"^[ \t]*(?P<open>\[)(?P<label>\d{{1,4}}[a-z]?)\][.:]?{_NOTE_AFTER}[ \t]*", re.M
)
_LETTER_NOTE = re.compile(
    rf"^[ \t]*(?P<open>\[)(?P<label>\d{{1,4}}[a-z]?|[A-Z])\][.:]?{_NOTE_AFTER}[ \t]*", re.M
)
_LEADING_DIGITS = re.compile(r"\d+")
_NUMBERED_MIN = 3
# `[^label]`; labels are letters (any script), digits, `-`, `_` and `.`, a group's word and
# number (Wikipedia's `n 1`, `note 2`), or footnote symbols (`*`, `†`, `‡`). Other words with
# a space (`[^my note]`) are no label, as in Markdown.
_MARKDOWN_LABEL = r"[\w.-]+(?: \d{1,4})?|[*†‡§¶‖]{1,4}"
MARKDOWN_MARKER = re.compile(rf"\[\^({_MARKDOWN_LABEL})\]")
MARKDOWN_NOTE = re.compile(
    rf"^[ ]{{0,3}}(?P<open>\[\^)(?P<label>{_MARKDOWN_LABEL})\]:[ \t]*", re.M
)


def _continues_indented(text: str, pos: int, limit: int) -> int | None:
    """After a blank line at ``pos``: the start of an indented continuation line, if any."""
    while pos < limit:
        end = line_end(text, pos)
        if not is_blank(text, pos, end):
            if text.startswith(("    ", "\t"), pos):
                return pos
            return None
        pos = end + 1
    return None


def _markdown_note_end(text: str, line: int, limit: int) -> int:
    """End of a Markdown definition: its lines, and later paragraphs indented four spaces."""
    last = line_end(text, line)
    pos = next_line(text, line)
    while pos < limit:
        end = line_end(text, pos)
        if is_blank(text, pos, end):
            resume = _continues_indented(text, end + 1, limit)
            if resume is None:
                break
            pos = resume
            continue
        last = end
        pos = end + 1
    return min(last, limit)


def _in_spans(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    index = bisect_right(spans, (position, sys.maxsize)) - 1
    return index >= 0 and spans[index][0] <= position < spans[index][1]


def has_markdown_notes(text: str, verbatim: Sequence[tuple[int, int]] = ()) -> bool:
    """Whether ``text`` has a ``[^label]: note`` definition outside code."""
    return any(not _in_spans(m.start(), verbatim) for m in MARKDOWN_NOTE.finditer(text))


def _markdown_blocks(text: str, verbatim: Sequence[tuple[int, int]]) -> list[list[Note]]:
    """All definitions (none in code), grouped into blocks separated only by blank lines."""
    matches = [m for m in MARKDOWN_NOTE.finditer(text) if not _in_spans(m.start(), verbatim)]
    blocks: list[list[Note]] = []
    previous_end = -1
    for index, match in enumerate(matches):
        limit = matches[index + 1].start() if index + 1 < len(matches) else len(text)
        start = match.start("open")
        end = trim_end(text, start, _markdown_note_end(text, match.start(), limit))
        text_start = skip_space(text, min(match.end(), end), end)
        note = Note(match.group("label"), start, end, text_start, text[text_start:end])
        if blocks and is_blank(text, previous_end, match.start()):
            blocks[-1].append(note)
        else:
            blocks.append([note])
        previous_end = end
    return blocks


def outside(notes: Sequence[Note | Marker], length: int) -> Iterator[tuple[int, int]]:
    """The spans of the text not covered by ``notes`` (sorted by start; may overlap)."""
    pos = 0
    for note in notes:
        if note.start > pos:
            yield pos, note.start
        pos = max(pos, note.end)
    if pos < length:
        yield pos, length


def find_markers(
    text: str, pattern: re.Pattern[str], notes: Sequence[Note | Marker]
) -> list[Marker]:
    """Markers matching ``pattern`` (group 1 = label) outside the notes' spans."""
    markers: list[Marker] = []
    for start, end in outside(notes, len(text)):
        for match in pattern.finditer(text, start, end):
            markers.append(Marker(match.group(1), match.start(), match.end()))
    return markers


def note_labels(text: str, notes: Sequence[Note]) -> list[Marker]:
    """The span of each note's own label (``[3] ``, ``[^a]: ``, ``1. ``): the part of a note
    where no marker is; its text may cite other notes. A note whose text opens with its
    label again (``[3] [3] The note``) shows it twice: both are its label."""
    spans: list[Marker] = []
    for note in notes:
        end = max(note.text_start, note.start + 1)
        for again in (f"[{note.label}]", f"[^{note.label}]"):
            if text.startswith(again, note.text_start):
                end = note.text_start + len(again)
        spans.append(Marker(note.label, note.start, min(end, max(note.end, note.start + 1))))
    return spans


def cites_bracket(text: str, letters: bool = False) -> Callable[[int, int], bool]:
    """Whether a stretch of ``text`` holds a ``[n]`` marker (with ``letters``, or ``[A]``)."""

    def cites(start: int, end: int) -> bool:
        if BRACKET_MARKER.search(text, start, end) is not None:
            return True
        return letters and LETTER_MARKER.search(text, start, end) is not None

    return cites


def bracket_notes(
    text: str,
    *,
    sections: bool = True,
    letters: bool = False,
    verbatim: Sequence[tuple[int, int]] = (),
) -> NotesFound:
    """Every block of ``[n] note`` paragraphs (with ``letters``, ``[A] note`` too) and (with
    ``sections``) every numbered list under a notes heading, in text order, with their block
    numbers. No note starts in code (``verbatim``)."""
    cites = cites_bracket(text, letters)
    pattern = _LETTER_NOTE if letters else BRACKET_NOTE
    starts = [
        NoteStart(m.group("label"), m.start("open"), m.end(), m.start())
        for m in pattern.finditer(text)
        if not _in_spans(m.start("open"), verbatim)
    ]
    found = collect_notes(text, starts, cites)
    if not sections:
        return found
    return merge_found([found, *(section.found for section in find_sections(text, cites))])


def highest_number(notes: Sequence[Note]) -> int | None:
    """The highest number among the notes' labels (None when no label is a number)."""
    numbers = [int(m.group()) for n in notes if (m := _LEADING_DIGITS.match(n.label))]
    return max(numbers) if numbers else None


def _markers(text: str, found: NotesFound, verbatim: Sequence[tuple[int, int]]) -> list[Marker]:
    labels = {note.label for note in found.notes}
    letters = any(label.isalpha() for label in labels)
    candidates = bracket_markers(
        text,
        outside(note_labels(text, found.notes), len(text)),
        verbatim,
        highest_number(found.notes),
        letters,
    )
    return [marker for marker, doubtful in candidates if not doubtful or marker.label in labels]


def _found(
    text: str, verbatim: Sequence[tuple[int, int]], sections: bool
) -> tuple[NotesFound, list[Marker]]:
    """Notes and their markers; lettered notes only when their letters start at A and a
    lettered marker cites one."""
    found = bracket_notes(text, sections=sections, letters=True, verbatim=verbatim)
    markers = _markers(text, found, verbatim)
    lettered = {n.label for n in found.notes if n.label.isalpha()}
    cited = any(marker.label in lettered for marker in markers)
    if lettered and not (cited and "A" in lettered):
        found = bracket_notes(text, sections=sections, verbatim=verbatim)
        markers = _markers(text, found, verbatim)
    return found, markers


def _numbered_paragraphs(text: str, notes: Sequence[Note]) -> bool:
    """Three or more ``[n]`` paragraphs that nothing cites and that make up most of the text
    are the text's own numbered paragraphs (a blog numbering its argument), not notes."""
    covered = sum(note.end - note.start for note in notes)
    return len(notes) >= _NUMBERED_MIN and covered > len(text) / 2


def detect_bracket(text: str, verbatim: Sequence[tuple[int, int]] = ()) -> FootnoteLayout:
    """``[n]`` markers linked to the notes of ``bracket_notes``. A numbered list under a
    notes heading counts only when the body has ``[n]`` markers (else it is a list, such
    as a bibliography). ``body_end`` is the start of the last notes block (its heading,
    if it has one)."""
    found, markers = _found(text, verbatim, sections=True)
    if not markers:
        found, markers = _found(text, verbatim, sections=False)
    if not markers and _numbered_paragraphs(text, found.notes):
        return FootnoteLayout("bracket", (), (), len(text))
    body_end = line_start(text, found.block_starts[-1]) if found.notes else len(text)
    return FootnoteLayout(
        "bracket", tuple(markers), tuple(found.notes), body_end, tuple(found.blocks)
    )


def detect_markdown(text: str, verbatim: Sequence[tuple[int, int]] = ()) -> FootnoteLayout:
    """``[^label]`` markers; every ``[^label]: note`` definition is a note, and a marker
    links to the first definition of its label, as Markdown does - in the nearest block of
    definitions after it that has the label, when definitions come in blocks (a page whose
    ``*`` notes restart after each chapter). Code holds neither.

    ``body_end`` is the start of the last block of definitions.
    """
    blocks = _markdown_blocks(text, verbatim)
    notes = [note for block in blocks for note in block]
    body_end = line_start(text, blocks[-1][0].start) if blocks else len(text)
    markers = [
        marker
        for marker in find_markers(text, MARKDOWN_MARKER, note_labels(text, notes))
        if not _in_spans(marker.start, verbatim)
    ]
    numbers = tuple(index for index, block in enumerate(blocks) for _ in block)
    return FootnoteLayout("markdown", tuple(markers), tuple(notes), body_end, numbers)
