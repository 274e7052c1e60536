"""Text normalization: the one canonical form every report is stored and annotated in.

All offsets in Glossator are code points into the string returned by ``normalize_text``,
so the function is deterministic and idempotent: ``normalize_text(normalize_text(x)) ==
normalize_text(x)``.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["normalize_text", "paragraphs"]

# Characters that end a line in some convention become "\n" (CR and CRLF are handled
# first, so "\r\n" yields a single "\n"); a no-break space becomes a plain space.
_REPLACEMENTS = {
    "\x0b": "\n",  # vertical tab
    "\x0c": "\n",  # form feed (page break)
    "\x85": "\n",  # NEL
    "\u2028": "\n",  # LINE SEPARATOR
    "\u2029": "\n",  # PARAGRAPH SEPARATOR
    "\u00a0": " ",  # NO-BREAK SPACE
}
# C0 and C1 controls other than TAB and LF, DEL, NBSP and the two Unicode separators;
# the controls without a replacement above are dropped.
_SPECIAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\xa0\u2028\u2029]")
_BLANK_RUN = re.compile(r"\n{3,}")
_BLANK_LINE = re.compile(r"\n[^\S\n]*(?:\n|\Z)")
_BOM = "\ufeff"


def _replace_special(match: re.Match[str]) -> str:
    return _REPLACEMENTS.get(match.group(), "")


def normalize_text(raw: str) -> str:
    """Return ``raw`` in the canonical form reports are stored in.

    - a leading byte-order mark is removed (also one after leading blank lines);
    - CRLF and CR become LF; vertical tab, form feed, NEL, U+2028 and U+2029 become LF;
    - other control characters are dropped (TAB and LF are kept);
    - NFC composition; no-break spaces become plain spaces;
    - trailing whitespace is removed from every line;
    - two or more consecutive blank lines become one blank line;
    - leading and trailing blank lines are removed.

    Everything else (any script, emoji, combining marks, zero-width joiners) is kept.
    """
    text = raw[1:] if raw.startswith(_BOM) else raw
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Controls go before NFC so that removing one never leaves an uncomposed pair behind.
    text = _SPECIAL.sub(_replace_special, text)
    text = unicodedata.normalize("NFC", text)
    lines = [line.rstrip() for line in text.split("\n")]
    text = "\n".join(lines)
    text = _BLANK_RUN.sub("\n\n", text).strip("\n")
    # A BOM that only follows blank lines still starts the text once they are gone.
    while text.startswith(_BOM):
        text = text[1:].lstrip("\n")
    return text


def paragraphs(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the paragraph blocks of ``text``, end exclusive.

    A paragraph is a maximal run of non-blank lines; blank (empty or whitespace-only)
    lines separate paragraphs. A span starts at the first character of the block's
    first line and ends after the last non-whitespace character of its last line.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    length = len(text)
    while pos < length:
        # Skip blank lines (and any leading whitespace-only content).
        while pos < length:
            line_end = text.find("\n", pos)
            if line_end < 0:
                line_end = length
            if text[pos:line_end].strip():
                break
            pos = line_end + 1
        if pos >= length:
            break
        start = pos
        match = _BLANK_LINE.search(text, pos)
        block_end = match.start() if match else length
        end = block_end
        while end > start and text[end - 1].isspace():
            end -= 1
        spans.append((start, end))
        pos = match.end() if match else length
    return spans
