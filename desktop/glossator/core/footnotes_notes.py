"""Notes written as labelled paragraphs (``[3] note``, ``3. note``, ``³ note``), grouped
into notes blocks. Plain text in, plain offsets out: every reader (and a PDF's text) uses it.

The rules, as a reader of footnoted documents states them:

- a note starts at its label, at the start of a paragraph, or on the line right after a
  line of notes (notes may follow one another line by line);
- a note runs until the next note's label, over its wrapped lines, and over later
  paragraphs that are indented as its own text is (a hanging indent);
- between two notes of one list, unindented paragraphs belong to the first note when the
  labels run on (``4`` then ``5``) and none of those paragraphs cites a note or reads as a
  heading;
- after the last note of a list, only indented paragraphs are its own: what follows
  (share and subscription lines, the next chapter) is not note text;
- a label alone in its paragraph (``[85]``, then a letter quoted over many paragraphs) is a
  note when it continues a list of notes (``84`` before it, or ``86`` after it) or when no
  other note has its label; its text is every paragraph up to the next note of its list,
  headings included. Otherwise it is a marker standing alone (a reference in a table cell)
  whose note comes later;
- notes that follow one another that way form one notes block; any other text between
  two notes starts a new block.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .footnotes_lines import (
    indent_of,
    is_blank,
    line_end,
    looks_like_heading,
    next_line,
    paragraph_end,
    skip_blank_lines,
    starts_paragraph,
    trim_end,
)
from .footnotes_model import Note

__all__ = ["NoteStart", "NotesFound", "collect_notes", "labels_run_on", "merge_found"]

_NUMBERED = re.compile(r"(\d{1,4})([a-z]?)")


@dataclass(frozen=True, slots=True)
class NoteStart:
    """Where a note's label was seen: the label, the start of its span (the label's first
    character), where its text begins, and the start of its line."""

    label: str
    start: int
    text_start: int
    line_start: int


@dataclass(frozen=True, slots=True)
class NotesFound:
    """Notes in text order, the block number of each, and where each block begins."""

    notes: list[Note]
    blocks: list[int]
    block_starts: list[int]


def labels_run_on(previous: str, following: str) -> bool:
    """True when ``following`` is the label after ``previous`` in a list of notes
    (``4`` -> ``5``, ``12`` -> ``12a`` -> ``13``, ``a`` -> ``b``)."""
    first, second = _NUMBERED.fullmatch(previous), _NUMBERED.fullmatch(following)
    if first and second:
        a, b = int(first.group(1)), int(second.group(1))
        return b == a + 1 or (b == a and second.group(2) > first.group(2))
    if len(previous) == 1 and len(following) == 1:
        return ord(following) == ord(previous) + 1
    return False


def _accepted(text: str, starts: Sequence[NoteStart], lead: bool) -> list[NoteStart]:
    """The label lines that do start notes: at a paragraph start, or in the same paragraph
    as the note before (a line of notes); a label wrapped to the start of a body line is
    body text. With ``lead``, the first label starts a note wherever it is."""
    accepted: list[NoteStart] = list(starts[:1]) if lead else []
    previous: NoteStart | None = accepted[0] if accepted else None
    for start in starts[len(accepted) :]:
        same_paragraph = (
            previous is not None
            and accepted
            and accepted[-1] is previous
            and paragraph_end(text, previous.line_start, start.line_start) >= start.line_start - 1
        )
        if same_paragraph or starts_paragraph(text, start.line_start):
            accepted.append(start)
        previous = start
    return accepted


def _is_bare(text: str, start: NoteStart) -> bool:
    """A label alone in its paragraph: nothing after it on its line, then a blank line."""
    end = line_end(text, start.text_start)
    if not is_blank(text, start.text_start, end):
        return False
    following = line_end(text, end + 1) if end < len(text) else end
    return end >= len(text) or is_blank(text, end + 1, following)


def _drop_lone_markers(text: str, starts: list[NoteStart]) -> list[NoteStart]:
    """Labels alone in their paragraph that are markers, not notes (see the rules above)."""
    counts: dict[str, int] = {}
    for start in starts:
        counts[start.label] = counts.get(start.label, 0) + 1
    kept: list[NoteStart] = []
    for index, start in enumerate(starts):
        if counts[start.label] > 1 and _is_bare(text, start):
            before = kept[-1].label if kept else None
            after = starts[index + 1].label if index + 1 < len(starts) else None
            in_list = (before is not None and labels_run_on(before, start.label)) or (
                after is not None and labels_run_on(start.label, after)
            )
            if not in_list:
                continue
        kept.append(start)
    return kept


def _hanging_indent(text: str, note: NoteStart, first_end: int) -> int:
    """The indent of a note's wrapped lines, else the column its text starts at."""
    second = next_line(text, note.line_start)
    if second <= first_end:
        return indent_of(text, second)
    return note.text_start - note.line_start


def _gap(
    text: str,
    note: NoteStart,
    following: NoteStart | None,
    first_end: int,
    cites: Callable[[int, int], bool],
) -> tuple[int, bool]:
    """How far a note runs past its first paragraph, and whether the next note is in its
    block. ``first_end`` ends the first paragraph; the gap runs to the next note's line."""
    limit = following.line_start if following is not None else len(text)
    bare = _is_bare(text, note)
    indent = _hanging_indent(text, note, first_end)
    end, pos = first_end, skip_blank_lines(text, first_end, limit)
    while pos < limit:  # indented paragraphs are the note's own
        if indent < 2 or indent_of(text, pos) != indent:
            break
        end = paragraph_end(text, pos, limit)
        pos = skip_blank_lines(text, end, limit)
    if pos >= limit:
        return end, following is not None
    if following is None or not labels_run_on(note.label, following.label):
        return end, False
    sandwiched, probe = end, pos
    while probe < limit:  # unindented paragraphs up to the next note of the list
        stop = paragraph_end(text, probe, limit)
        if cites(probe, stop) or (not bare and looks_like_heading(text, probe, stop)):
            return end, False
        sandwiched = stop
        probe = skip_blank_lines(text, stop, limit)
    return sandwiched, True


def collect_notes(
    text: str,
    starts: Sequence[NoteStart],
    cites: Callable[[int, int], bool],
    *,
    first_block_only: bool = False,
) -> NotesFound:
    """Notes from label lines found in ``text`` (sorted by position). ``cites(start, end)``
    tells whether a stretch of text holds a footnote marker (then it is body text).
    With ``first_block_only``, the first label starts a note (it follows a heading) and
    collecting stops at the end of the first block."""
    kept = _drop_lone_markers(text, _accepted(text, starts, lead=first_block_only))
    found = NotesFound([], [], [])
    block = 0
    for index, note in enumerate(kept):
        following = kept[index + 1] if index + 1 < len(kept) else None
        limit = following.line_start if following is not None else len(text)
        first_end = paragraph_end(text, note.line_start, limit)
        if following is not None and first_end >= following.line_start - 1:
            end, same_block = first_end, True
        else:
            end, same_block = _gap(text, note, following, first_end, cites)
        end = trim_end(text, note.start, min(end, limit))
        text_start = min(note.text_start, end)
        while text_start < end and text[text_start].isspace():
            text_start += 1
        if not found.block_starts or found.blocks[-1] != block:
            found.block_starts.append(note.start)
        found.notes.append(Note(note.label, note.start, end, text_start, text[text_start:end]))
        found.blocks.append(block)
        if not same_block:
            if first_block_only:
                break
            block += 1
    return found



def merge_found(parts: Sequence[NotesFound]) -> NotesFound:
    """Notes of several lists in text order; a note overlapping one already taken is
    dropped. A block is a run of notes from one block of one list (renumbered in order)."""
    items = sorted(
        (note.start, part, part_found.blocks[index], note)
        for part, part_found in enumerate(parts)
        for index, note in enumerate(part_found.notes)
    )
    merged = NotesFound([], [], [])
    taken_end = -1
    previous: tuple[int, int] | None = None
    seen: set[tuple[int, int]] = set()
    for _, part, block, note in items:
        if note.start < taken_end:
            continue
        taken_end = note.end
        key = (part, block)
        if key != previous:
            first = key not in seen
            merged.block_starts.append(parts[part].block_starts[block] if first else note.start)
            seen.add(key)
            previous = key
        merged.notes.append(note)
        merged.blocks.append(len(merged.block_starts) - 1)
    return merged
