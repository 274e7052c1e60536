"""Report texts this Workspace has handed out, kept by the SHA-256 of each.

A highlight's quote and context come from its report's text. Reading them from the
database (`substr` over the text column) makes SQLite load the whole value, a megabyte
for a long report, on every keypress; the window already holds that text, read through
this Workspace. So the Workspace remembers the last few texts it has read with their
`sha256` column (the hash of the text, rewritten with it by every import and re-import),
and a command inside its transaction reads only that column: when it matches, the text in
memory is the text in the database, whichever program wrote it last; when it does not, the
command reads from the database as before.
"""

from __future__ import annotations

from collections import OrderedDict

KEPT = 2  # texts kept: the open report and the one open before it


class ReportTexts:
    """The last `size` report texts read, by report id, each with its hash."""

    def __init__(self, size: int = KEPT) -> None:
        self._size = size
        self._texts: OrderedDict[int, tuple[str, str]] = OrderedDict()

    def remember(self, report_id: int, sha256: str, text: str) -> None:
        self._texts[report_id] = (sha256, text)
        self._texts.move_to_end(report_id)
        while len(self._texts) > self._size:
            self._texts.popitem(last=False)

    def holds(self, report_id: int) -> bool:
        return report_id in self._texts

    def text(self, report_id: int, sha256: str | None) -> str | None:
        """The remembered text when the database's hash is still `sha256`; else None
        (and a stale entry is dropped)."""
        found = self._texts.get(report_id)
        if found is None:
            return None
        if found[0] != sha256:
            del self._texts[report_id]
            return None
        return found[1]
