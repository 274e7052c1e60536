"""Best guesses of a report's title and date from its text."""

from __future__ import annotations

import datetime
import re

__all__ = ["MAX_TITLE_CHARS", "guess_date", "guess_title"]

MAX_TITLE_CHARS = 300
_DATE_LINES = 15
_HEADER_LINES = 60
# A header line naming the title (Project Gutenberg, Pelican and MultiMarkdown metadata),
# with its indented continuation lines.
_TITLE_FIELD = re.compile(r"^Title:[ \t]*(\S[^\n]*(?:\n[ \t]+\S[^\n]*)*)", re.M)

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
# "December", "Dec", "Dec.", "Sept." ...: the first three letters name the month.
_MONTH = (
    r"(?:jan(?:uary|\.)?|feb(?:ruary|\.)?|mar(?:ch|\.)?|apr(?:il|\.)?|may|june?|july?"
    r"|aug(?:ust|\.)?|sep(?:tember|t\.?|\.)?|oct(?:ober|\.)?|nov(?:ember|\.)?|dec(?:ember|\.)?)"
)
_DATE = re.compile(
    rf"(?<![\w-])(?:"
    rf"(?P<md_month>{_MONTH})[ \t]+(?P<md_day>\d{{1,2}})(?:st|nd|rd|th)?,?[ \t]+"
    rf"(?P<md_year>\d{{4}})"
    rf"|(?P<dm_day>\d{{1,2}})(?:st|nd|rd|th)?[ \t]+(?:of[ \t]+)?(?P<dm_month>{_MONTH}),?[ \t]+"
    rf"(?P<dm_year>\d{{4}})"
    rf"|(?P<iso_year>\d{{4}})-(?P<iso_month>\d{{1,2}})-(?P<iso_day>\d{{1,2}})"
    rf")(?![\w-])",
    re.I,
)


# A footnote marker glued to the word or sign before it: [1], [12a], [^i], [^note-2], [*].
_ATTACHED_MARKER = re.compile(r"(?<=\S)(?:\[(?:\d{1,4}[a-z]?|[*†‡§¶]{1,3})\]|\[\^[^\]\s]{1,12}\])")
_ONLY_MARKERS = re.compile(r"(?:\[\^?[^\]\s]{1,12}\]\s*)+")


def guess_title(text: str) -> str | None:
    """The title a ``Title:`` line in the first 60 lines gives (with its indented
    continuation lines), else the first line with words; trimmed and cut to 300 characters;
    None for blank text. Footnote markers attached to its words (``Ouch[1].``,
    ``Test[^i]``) are not part of a title."""
    head = "\n".join(text.split("\n", _HEADER_LINES)[:_HEADER_LINES])
    field = _TITLE_FIELD.search(head)
    if field is not None:
        return " ".join(field.group(1).split())[:MAX_TITLE_CHARS].rstrip()
    for line in text.split("\n"):
        title = " ".join(_ATTACHED_MARKER.sub("", line).split())
        if title and not _ONLY_MARKERS.fullmatch(title):
            return title[:MAX_TITLE_CHARS].rstrip()
    return None


def _to_date(match: re.Match[str]) -> datetime.date | None:
    groups = match.groupdict()
    if groups["iso_year"]:
        year, month, day = groups["iso_year"], groups["iso_month"], groups["iso_day"]
        month_number = int(month)
    else:
        prefix = "md" if groups["md_month"] else "dm"
        year, day = groups[f"{prefix}_year"], groups[f"{prefix}_day"]
        month_number = _MONTHS[groups[f"{prefix}_month"][:3].lower()]
    try:
        return datetime.date(int(year), month_number, int(day))
    except ValueError:
        return None


def guess_date(text: str) -> datetime.date | None:
    """The first valid date in the first 15 lines, or None.

    Understood forms: ``December 9, 2024``, ``Dec. 9, 2024``, ``9 December 2024``,
    ``2024-12-09``.
    """
    lines = text.split("\n", _DATE_LINES)[:_DATE_LINES]
    head = "\n".join(lines)
    for match in _DATE.finditer(head):
        date = _to_date(match)
        if date is not None:
            return date
    return None
