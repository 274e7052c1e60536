"""Annotation sets as CSV for spreadsheets: one row per annotation, UTF-8 with a BOM so Excel
reads the encoding, and every text cell that a spreadsheet would take for a formula
(starting with = + - @, a tab or a carriage return) guarded by a leading apostrophe."""

from __future__ import annotations

import csv
from pathlib import Path

from glossator.core.exchange import ExchangeSet, ExchangeStance, tag_path, tag_paths
from glossator.formats.exchange_json import format_time

COLUMNS = (
    "report_title",
    "report_uuid",
    "start",
    "end",
    "quote",
    "tags",
    "speaker",
    "affiliation",
    "role",
    "stances",
    "note",
    "cites",
    "status",
    "author",
    "created",
    "modified",
    "uuid",
)
LIST_SEPARATOR = "; "
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def guard(cell: str) -> str:
    """The cell as text a spreadsheet shows and never evaluates."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell


def stance_text(s: ExchangeStance) -> str:
    intensity = f"({s.intensity})" if s.intensity is not None else ""
    return f"{s.target}={s.label}{intensity}"


def write_csv(s: ExchangeSet, path: Path) -> None:
    paths = tag_paths(s.codebook)
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for a in s.annotations:
            speaker = a.speaker
            writer.writerow(
                (
                    guard(a.report_title),
                    a.report_uuid,
                    a.start,
                    a.end,
                    guard(a.quote),
                    guard(LIST_SEPARATOR.join(tag_path(paths, t) for t in a.tags)),
                    guard(speaker.name) if speaker else "",
                    guard(speaker.affiliation) if speaker else "",
                    guard(speaker.role) if speaker else "",
                    guard(LIST_SEPARATOR.join(stance_text(x) for x in a.stances)),
                    guard(a.note),
                    guard(LIST_SEPARATOR.join(a.cites)),
                    a.status,
                    guard(a.author),
                    format_time(a.created),
                    format_time(a.modified),
                    a.uuid,
                )
            )
