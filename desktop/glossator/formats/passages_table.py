"""Retrieved passages as tables: CSV (one row per passage, spreadsheet-safe) and JSON Lines
(a header line, then one object per passage). Both are written from an iterable, so a
hundred thousand passages stream through in batches."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from glossator.core.analysis import Passage
from glossator.formats.csv_export import LIST_SEPARATOR, guard, stance_text
from glossator.formats.exchange_json import format_time, stance_to_dict
from glossator.safe_files import atomic_text

CSV_COLUMNS = (
    "report_title", "report_date", "start", "end", "before", "quote", "after", "tags",
    "speaker", "affiliation", "stances", "author", "status", "note", "cited_notes",
    "orphaned", "created", "modified", "id", "report_id",
)
HEADER_TYPE = "glossator-passages"
VERSION = 1


def _cited(p: Passage) -> str:
    return LIST_SEPARATOR.join(f"[{c.label}] {c.text}" for c in p.cited)


def write_passages_csv(passages: Iterable[Passage], path: Path) -> int:
    """Rows in the order given; returns how many were written."""
    count = 0
    with atomic_text(path, encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_COLUMNS)
        for p in passages:
            writer.writerow((
                guard(p.report_title), p.report_date.isoformat() if p.report_date else "",
                p.start, p.end, guard(p.before), guard(p.quote), guard(p.after),
                guard(LIST_SEPARATOR.join(p.tag_paths)), guard(p.speaker or ""),
                guard(p.affiliation), guard(LIST_SEPARATOR.join(map(stance_text, p.stances))),
                guard(p.author), p.status, guard(p.note), guard(_cited(p)),
                "yes" if p.orphaned else "", format_time(p.created), format_time(p.modified),
                p.id, p.report_id,
            ))
            count += 1
    return count


def passage_to_dict(p: Passage) -> dict[str, Any]:
    return {
        "type": "passage",
        "id": p.id,
        "report_id": p.report_id,
        "report_title": p.report_title,
        "report_date": p.report_date.isoformat() if p.report_date else None,
        "start": p.start,
        "end": p.end,
        "before": p.before,
        "quote": p.quote,
        "after": p.after,
        "tags": list(p.tags),
        "tag_paths": list(p.tag_paths),
        "speaker": p.speaker,
        "affiliation": p.affiliation,
        "stances": [stance_to_dict(s) for s in p.stances],
        "author": p.author,
        "status": p.status,
        "note": p.note,
        "cited_notes": [{"label": c.label, "text": c.text} for c in p.cited],
        "orphaned": p.orphaned,
        "created": format_time(p.created),
        "modified": format_time(p.modified),
    }


def write_passages_jsonl(passages: Iterable[Passage], path: Path, description: str = "") -> int:
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    count = 0
    with atomic_text(path, newline="\n") as out:
        out.write(dumps({"type": HEADER_TYPE, "version": VERSION, "query": description}) + "\n")
        for p in passages:
            out.write(dumps(passage_to_dict(p)) + "\n")
            count += 1
    return count
