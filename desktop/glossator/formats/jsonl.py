"""Annotation sets as JSON Lines: one JSON object per line, lossless.

The first line is a header, `{"type": "glossator-annotations", "version": 1, "label",
"codebook", "reports"}`; every other line is one annotation, `{"type": "annotation", "uuid",
"report_uuid", "report_title", "report_sha256", "start", "end", "quote", "prefix",
"suffix", "tags", "speaker", "stances", "note", "cites", "status", "author", "created",
"modified"}`; memos follow as `{"type": "memo", "uuid", "kind", "subject", "title",
"text", "author", "created", "modified"}` (see memo_json). Report texts are not included.
A file of annotation lines without a header reads too (with an empty codebook). Lines are
split on LF only, so a U+2028 inside a string never breaks a line.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from glossator.core.codebook import Codebook
from glossator.core.exchange import ExchangeAnnotation, ExchangeMemo, ExchangeReport, ExchangeSet
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.exchange_json import (
    Fields,
    annotation_from_dict,
    annotation_to_dict,
    check_uuid,
    codebook_from_dict,
    codebook_to_dict,
    decode,
    parse_json,
    read_limited,
)
from glossator.formats.memo_json import memo_from_dict, memo_to_dict
from glossator.safe_files import atomic_text

HEADER_TYPE = "glossator-annotations"
VERSION = 1


def _header(s: ExchangeSet) -> dict[str, Any]:
    return {
        "type": HEADER_TYPE,
        "version": VERSION,
        "label": s.label,
        "codebook": codebook_to_dict(s.codebook),
        "reports": [
            {"uuid": r.uuid, "title": r.title, "sha256": r.sha256, "source_name": r.source_name}
            for r in s.reports
        ],
    }


def write_jsonl(s: ExchangeSet, path: Path) -> None:
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    with atomic_text(path, newline="\n") as out:
        out.write(dumps(_header(s)) + "\n")
        speakers: dict[int, dict[str, Any]] = {}
        out.writelines(dumps(annotation_to_dict(a, speakers)) + "\n" for a in s.annotations)
        out.writelines(dumps(memo_to_dict(m)) + "\n" for m in s.memos)


def _read_header(raw: Any, where: str) -> tuple[str, Codebook, list[ExchangeReport]]:
    f = Fields(raw, where)
    version = f.raw.get("version")
    if version != VERSION or isinstance(version, bool):
        raise ExchangeFormatError(
            f"{where}: unsupported version {str(version)[:20]} (this Glossator reads {VERSION})"
        )
    codebook = codebook_from_dict(f.raw["codebook"], where) if f.has("codebook") else Codebook()
    reports = []
    for i, item in enumerate(f.items("reports")):
        r = Fields(item, f"{where}: reports[{i}]")
        reports.append(
            ExchangeReport(
                check_uuid(r.text("uuid"), r.where),
                r.text("title", ""),
                r.text("sha256", ""),
                None,
                r.text("source_name", ""),
            )
        )
    return f.text("label", "Glossator annotations"), codebook, reports


def read_jsonl(path: Path) -> ExchangeSet:
    text = decode(read_limited(path), path.name)
    label, codebook = "Glossator annotations", Codebook()
    reports: list[ExchangeReport] = []
    annotations: list[ExchangeAnnotation] = []
    memos: list[ExchangeMemo] = []
    seen: set[str] = set()
    seen_line = False
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        seen_line = True
        where = f"{path.name}: line {number}"
        raw = parse_json(line, path.name, number)
        kind = raw.get("type") if isinstance(raw, dict) else None
        if kind == HEADER_TYPE:
            if number != 1 and (annotations or reports):
                raise ExchangeFormatError(f"{where}: the header must be the first line")
            label, codebook, reports = _read_header(raw, where)
        elif kind == "annotation":
            a = annotation_from_dict(raw, where)
            if a.uuid in seen:
                raise ExchangeFormatError(f"{where}: annotation {a.uuid} appears twice")
            seen.add(a.uuid)
            annotations.append(a)
        elif kind == "memo":
            m = memo_from_dict(raw, where)
            if m.uuid in seen:
                raise ExchangeFormatError(f"{where}: memo {m.uuid} appears twice")
            seen.add(m.uuid)
            memos.append(m)
        else:
            raise ExchangeFormatError(
                f'{where}: expected an annotation object with "type": "annotation"'
            )
    if not seen_line:
        raise ExchangeFormatError(
            f"{path.name}: the file is empty (a JSON Lines set has a header line, then one "
            "line per annotation)"
        )
    known = {r.uuid for r in reports}
    for a in annotations:
        if a.report_uuid not in known:
            known.add(a.report_uuid)
            reports.append(ExchangeReport(a.report_uuid, a.report_title, a.report_sha256))
    return ExchangeSet(tuple(annotations), tuple(reports), codebook, label, tuple(memos))
