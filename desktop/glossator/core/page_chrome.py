"""What a web page's tool bar leaves at the top of a report copied from it: a line that is
nothing but "print", "share" or "email" (or a few of them), standing alone above the date.

Such a line is dropped only there: between the title and the report's date line (within the
lines the date is looked for in), alone on its line. The same words anywhere else, in a
sentence, or in a report with no date near its top are text and are kept.
"""

from __future__ import annotations

import re

from glossator.core.metadata import guess_date

__all__ = ["NAVIGATION_WORDS", "drop_navigation_lines"]

NAVIGATION_WORDS = ("print", "share", "email", "e-mail")
_DATE_LINES = 15  # as far as the date is looked for (core.metadata)
_NAVIGATION_LINE = re.compile(
    rf"[ \t]*(?:{'|'.join(NAVIGATION_WORDS)})(?:[ \t|\u00b7\u2022/]+"
    rf"(?:{'|'.join(NAVIGATION_WORDS)}))*[ \t]*",
    re.I,
)


def drop_navigation_lines(text: str) -> str:
    """`text` without the lone navigation lines above its date line (see the module)."""
    lines = text.split("\n", _DATE_LINES)
    date_at = next((i for i, line in enumerate(lines[:_DATE_LINES]) if guess_date(line)),
                   None)
    if date_at is None:
        return text
    kept = [line for i, line in enumerate(lines)
            if not (0 < i < date_at and _NAVIGATION_LINE.fullmatch(line))]
    return text if len(kept) == len(lines) else "\n".join(kept)
