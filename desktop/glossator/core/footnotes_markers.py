"""Bracket markers in body text (``[3]``, ``[12a]``, ``[3–5]``), and brackets that are not.

A bracketed number is not a footnote marker when a reader sees it is something else:

- a page number in an index entry (``Banjo, [20]``, ``Harp, 5, [12], 40``): it follows a
  comma and a space, and only page numbers follow it to the end of the line;
- a subsection of a numbered section of law (``§ 5[1]``, ``section 12[3]``, ``Art. 3[2]``);
- an index in code (``a[0] = 1``, ``v[1].len()``, a line of code such as ``x = v[2];``),
  and anything the reader of the format knows to be code (``verbatim`` spans);
- a range that does not run upwards (``[5-3]``), spans more than 50 notes, or starts at 0
  (``[0-9]``: a class of characters in a pattern, as in ``sed -e 's/([0-9])//'``).

- a key to symbols (``[1] = Whole-note``, ``[C] = common time``): an equals sign follows it.

Doubtful brackets are markers only when the document has a note with their label:

- a bracketed year standing apart (``(2001) [1994]``, ``[1994] edition``);
- a number standing apart far beyond every note's number, over twice the highest and ten
  more (``this matter [337]`` in a book whose notes run 1 to 7: a cross-reference to letter
  337, not a footnote);
- a capital letter (``[A]``): books letter their notes so (``[A] note``), but a letter in
  brackets is as often an option, a grade or a symbol.

``[3–5]`` cites 3, 4 and 5: one marker per note, each over its own part of the brackets
(``[3``, ``–``, ``5]``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from .footnotes_lines import line_end, line_start
from .footnotes_model import Marker

__all__ = ["BRACKET_MARKER", "LETTER_MARKER", "Candidate", "bracket_markers"]

BRACKET_MARKER = re.compile(r"\[(\d{1,4}[a-z]?)(?:[-–](\d{1,4}))?\]")
LETTER_MARKER = re.compile(r"\[([A-Z])\]")
_KEY_AFTER = re.compile(r"[ \t]*=(?!=)")
_RANGE_MAX = 50
_WINDOW = 160  # characters looked at around a candidate (lines can be very long)
_PAGE = r"\[?\d{1,4}\]?[a-z]?(?:[-–]\d{1,4})?"
_INDEX_BEFORE = re.compile(rf",[ \t]+(?:{_PAGE}[ \t]*,[ \t]*)*$")
_INDEX_AFTER = re.compile(rf"(?:[ \t]*,[ \t]*{_PAGE})*[ \t]*$")
_SECTION_BEFORE = re.compile(
    r"(?:§|\b(?:sections?|secs?\.|ss?\.|art(?:icle)?s?\.?|paras?\.|paragraphs?|clauses?"
    r"|rules?|regs?\.|regulations?))[ \t]*\d+[a-z]?(?:\(\w{1,4}\))*$",
    re.I,
)
_CODE_AFTER = re.compile(r"[ \t]*(?:[-+*/%|&^]?=(?!=)|==|!=)|\.[A-Za-z_]|\[[A-Za-z_]")
_CODE_START = re.compile(
    r"[ \t]*(?:(?:let|fn|def|var|const|auto|int|pub|mut)[ \t]+[\w*&]+[ \t]*[=:(;,\[]"
    r"|//|#include|#define)"
)
_CODE_TOKEN = re.compile(r"->|=>|::|==|!=|\+=|-=|<<|>>|\][ \t]*[-+*/%|&^]?=(?!=)")
_IDENTIFIER_END = re.compile(r"[\w\])]")

Candidate = tuple[Marker, bool]  # a marker, and whether it is doubtful


def _is_index_entry(text: str, start: int, end: int, first: int, last: int) -> bool:
    before = max(first, start - _WINDOW)
    if not _INDEX_BEFORE.search(text, before, start):
        return False
    return last - end <= _WINDOW and _INDEX_AFTER.match(text, end, last) is not None


class _CodeLines:
    """Whether a line reads as code, remembered for the line last asked about."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line = -1
        self.code = False

    def __call__(self, first: int, last: int) -> bool:
        if first != self.line:
            self.line, self.code = first, self._is_code(first, last)
        return self.code

    def _is_code(self, first: int, last: int) -> bool:
        """Code keywords starting the line, operators, an index assigned to, or a line
        ending in a brace or in ``);``."""
        text = self.text
        if _CODE_START.match(text, first, last) or _CODE_TOKEN.search(text, first, last):
            return True
        end = last
        while end > first and text[end - 1] in " \t":
            end -= 1
        if end <= first:
            return False
        last_char, before = text[end - 1], text[end - 2 : end - 1]
        return last_char in "{}" or (last_char == ";" and before in (")", "]"))


def _is_code(text: str, start: int, end: int, code_line: bool) -> bool:
    if start == 0 or not _IDENTIFIER_END.match(text, start - 1):
        return False
    return code_line or _CODE_AFTER.match(text, end) is not None


def _split(label: str, upto: str, start: int, end: int) -> list[Marker]:
    """``[3–5]`` as markers 3, 4 and 5 (the middle ones over the dash)."""
    low, high = int(label), int(upto)
    dash = start + 1 + len(label)
    markers = [Marker(str(low), start, dash)]
    markers += [Marker(str(n), dash, dash + 1) for n in range(low + 1, high)]
    markers.append(Marker(str(high), dash + 1, end))
    return markers


def _in_verbatim(position: int, verbatim: Sequence[tuple[int, int]], cursor: list[int]) -> bool:
    """Whether ``position`` is inside a verbatim span; ``cursor`` walks the sorted spans
    forward as positions grow."""
    while cursor[0] < len(verbatim) and verbatim[cursor[0]][1] <= position:
        cursor[0] += 1
    return cursor[0] < len(verbatim) and verbatim[cursor[0]][0] <= position


def _far_beyond(highest: int) -> int:
    """The number past which a bracket standing apart is far beyond notes up to ``highest``."""
    return max(2 * highest, highest + 10)


def _letters(
    text: str, spans: Sequence[tuple[int, int]], verbatim: Sequence[tuple[int, int]]
) -> list[Candidate]:
    """``[A]`` letters, all doubtful; never in code nor before an equals sign."""
    found: list[Candidate] = []
    cursor = [0]
    for span_start, span_end in spans:
        for match in LETTER_MARKER.finditer(text, span_start, span_end):
            start, end = match.span()
            if verbatim and _in_verbatim(start, verbatim, cursor):
                continue
            if _KEY_AFTER.match(text, end) or _is_code(text, start, end, False):
                continue
            found.append((Marker(match.group(1), start, end), True))
    return found


def bracket_markers(
    text: str,
    outside: Iterable[tuple[int, int]],
    verbatim: Sequence[tuple[int, int]] = (),
    highest: int | None = None,
    letters: bool = False,
) -> list[Candidate]:
    """Bracket markers in the stretches ``outside`` (sorted spans, e.g. the text around
    the notes' labels), in text order, each with whether it is doubtful. ``highest`` is the
    highest note number of the document (None: it has no numbered notes); with ``letters``,
    ``[A]`` letters are candidates too."""
    found: list[Candidate] = []
    code_lines = _CodeLines(text)
    cursor = [0]
    spans = list(outside)
    for span_start, span_end in spans:
        for match in BRACKET_MARKER.finditer(text, span_start, span_end):
            start, end = match.span()
            label, upto = match.group(1), match.group(2)
            if verbatim and _in_verbatim(start, verbatim, cursor):
                continue
            if _KEY_AFTER.match(text, end):
                continue
            first, last = line_start(text, start), line_end(text, end)
            if _is_index_entry(text, start, end, first, last):
                continue
            if _SECTION_BEFORE.search(text, max(first, start - 40), start):
                continue
            if _is_code(text, start, end, code_lines(first, last)):
                continue
            if upto is not None:
                low = int(label) if label.isdigit() else 0
                if not 0 < low < int(upto) <= low + _RANGE_MAX:
                    continue
                found.extend((marker, False) for marker in _split(label, upto, start, end))
                continue
            detached = start == 0 or text[start - 1].isspace() or text[start - 1] == "("
            number = int(label) if label.isdigit() else None
            year = len(label) == 4 and number is not None and 1000 <= number <= 2199
            beyond = number is not None and highest is not None and number > _far_beyond(highest)
            found.append((Marker(label, start, end), detached and (year or beyond)))
    if letters:
        found.extend(_letters(text, spans, verbatim))
        found.sort(key=lambda candidate: candidate[0].start)
    return found
