"""One PDF text line read as words and superscripts.

A superscript is a run of glyphs smaller than the line's own size (at most 85 %) whose
bottom sits a quarter of the line's size or more above the line's: a footnote marker
``word¹``, a note's label at the start of its line, an ordinal's ``st``. Small capitals and
subscripts stay on the baseline, so they are not superscripts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from .pdf_glyphs import Glyph, Line

__all__ = ["Piece", "Sup", "leading_label", "pieces", "sup_labels"]

_SMALLER = 0.85
_RAISED = 0.25
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# "12", "1,2", "3-5" in a superscript: the labels it cites.
_SUP_LABELS = re.compile(r"^\d{1,4}(?:[,–-]\d{1,4})*$")
# A note that starts with its label in plain text: "12 text", "12. text", "12) text", "[12] text".
_PLAIN_LABEL = re.compile(r"^\s*(?:\[(?P<bracket>\d{1,4})\]|(?P<digits>\d{1,4})(?:[.)]|(?=\s)))\s*")


@dataclass(frozen=True, slots=True)
class Sup:
    """A superscript run: its text and whether it follows a character on its line."""

    text: str
    attached: bool


Piece = str | Sup


def _is_sup(glyph: Glyph, line: Line) -> bool:
    return (
        not glyph.text.isspace()
        and glyph.size <= _SMALLER * line.size
        and glyph.y0 - line.base >= _RAISED * line.size
    )


def clean(text: str) -> str:
    """Glyph text as stored: no control characters, composed (NFC), a soft hyphen kept
    for the joiner to drop at a line's end."""
    return unicodedata.normalize("NFC", _CONTROLS.sub("", text))


def pieces(line: Line) -> list[Piece]:
    """The line as text and superscript runs, in order."""
    out: list[Piece] = []
    text: list[str] = []
    run: list[str] = []
    for glyph in line.glyphs:
        if _is_sup(glyph, line):
            if text:
                out.append(clean("".join(text)))
                text = []
            run.append(glyph.text)
            continue
        if run:
            attached = bool(out) and isinstance(out[-1], str) and not out[-1][-1:].isspace()
            out.append(Sup(clean("".join(run)), attached))
            run = []
        text.append(glyph.text)
    if run:
        attached = bool(out) and isinstance(out[-1], str) and not out[-1][-1:].isspace()
        out.append(Sup(clean("".join(run)), attached))
    if text:
        out.append(clean("".join(text)))
    return out


def sup_labels(sup: Sup) -> list[str]:
    """The note labels a superscript cites (``"1,2"`` -> 1 and 2; ``"3-5"`` -> 3, 4, 5),
    none when it is not a run of numbers."""
    text = "".join(sup.text.split())
    if not _SUP_LABELS.match(text):
        return []
    labels: list[str] = []
    for part in text.split(","):
        bounds = re.split("[–-]", part)
        if len(bounds) == 2 and int(bounds[0]) < int(bounds[1]) <= int(bounds[0]) + 20:
            labels.extend(str(n) for n in range(int(bounds[0]), int(bounds[1]) + 1))
        else:
            labels.extend(str(int(b)) for b in bounds)
    return labels


def leading_label(parts: list[Piece]) -> tuple[str, list[Piece], bool] | None:
    """A note label that starts a line: (label, the rest of the line, label in superscript).

    The label is a superscript run of digits, or digits in plain text followed by a space,
    ``.`` or ``)``, or ``[digits]``."""
    if not parts:
        return None
    first = parts[0]
    if isinstance(first, Sup):
        labels = sup_labels(first)
        if len(labels) == 1 and "".join(first.text.split()).isdigit():
            rest = list(parts[1:])
            if rest and isinstance(rest[0], str):
                rest[0] = rest[0].lstrip()
            return labels[0], [p for p in rest if p != ""], True
        return None
    match = _PLAIN_LABEL.match(first)
    if match is None or (match.end() == len(first) and len(parts) == 1):
        return None
    label = str(int(match.group("bracket") or match.group("digits")))
    rest = [first[match.end():], *parts[1:]]
    return label, [p for p in rest if p != ""], False
