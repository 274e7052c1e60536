"""Annotation sets as CSV for spreadsheets: one row per annotation, UTF-8 with a BOM so Excel
reads the encoding, and every text cell that a spreadsheet would take for a formula
(starting with = + - @, a tab or a carriage return) guarded by a leading apostrophe."""

from __future__ import annotations

import csv
from pathlib import Path

from glossator.core.exchange import ExchangeSet, ExchangeStance, tag_path, tag_paths
from glossator.formats.exchange_json import format_time
from glossator.safe_files import atomic_text

COLUMNS = (
    "report_title",
    "report_uuid",
    "start",
    "end",
    "page",
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
    tag_cells: dict[tuple[str, ...], str] = {}
    speakers: dict[int, tuple[str, str, str]] = {}
    shared: dict[str, str] = {}  # titles and authors: guarded once each
    no_speaker = ("", "", "")
    with atomic_text(path, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(COLUMNS)
        for a in s.annotations:
            tags = tag_cells.get(a.tags)
            if tags is None:
                tags = tag_cells[a.tags] = guard(
                    LIST_SEPARATOR.join(tag_path(paths, t) for t in a.tags)
                )
            who = no_speaker
            if a.speaker is not None:
                who = speakers.get(id(a.speaker)) or speakers.setdefault(
                    id(a.speaker),
                    (guard(a.speaker.name), guard(a.speaker.affiliation), guard(a.speaker.role)),
                )
            title = shared.get(a.report_title) or shared.setdefault(
                a.report_title, guard(a.report_title)
            )
            author = shared.get(a.author) or shared.setdefault(a.author, guard(a.author))
            created = format_time(a.created)
            writer.writerow(
                (
                    title,
                    a.report_uuid,
                    a.start,
                    a.end,
                    "" if a.page is None else a.page,
                    guard(a.quote),
                    tags,
                    *who,
                    guard(LIST_SEPARATOR.join(map(stance_text, a.stances))) if a.stances else "",
                    guard(a.note) if a.note else "",
                    guard(LIST_SEPARATOR.join(a.cites)) if a.cites else "",
                    a.status,
                    author,
                    created,
                    created if a.modified == a.created else format_time(a.modified),
                    a.uuid,
                )
            )
