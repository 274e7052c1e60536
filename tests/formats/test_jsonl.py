"""JSON Lines annotation sets: lossless round trip, and clear refusals with line numbers.

`sample_set()` here is the set every format test writes: two reports with emoji, Arabic,
combining marks and line breaks; spans across lines; hierarchical tags; a speaker with
aliases; stances with and without intensity; notes that look like formulas or markup."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from glossator.core.codebook import (
    Codebook,
    SpeakerDef,
    SpeakerKind,
    StanceLabelDef,
    TagDef,
    TargetDef,
)
from glossator.core.exchange import (
    ExchangeAnnotation,
    ExchangeReport,
    ExchangeSet,
    ExchangeStance,
    quote_context,
    text_sha256,
)
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.jsonl import read_jsonl, write_jsonl

TEXT_A = (
    "Militia leader Muhammad Al-Tamimi said: \u201cIran abandoned us\u201d [1].\n"
    "\u0642\u0627\u0644 \u0627\u0644\u0645\u0633\u0624\u0648\u0644 \U0001f525 caf\u0065\u0301 "
    'line two <&> "quoted"\n\n[1] Statement on Telegram, 9 December 2024.'
)
TEXT_B = "A second report.\nISIS resurgence feared by \U0001f1ee\U0001f1f6 officials.\n"
REPORT_A = ExchangeReport(
    "3b3d8526-247b-4d3a-99c7-3071cff1305d",
    "Militias blame Iran",
    text_sha256(TEXT_A),
    TEXT_A,
    "a.txt",
)
REPORT_B = ExchangeReport(
    "88e48c42-d2f4-4fdf-ac0d-113b8fb0ab52", "Second = report", text_sha256(TEXT_B), TEXT_B, "b.md"
)
TAMIMI = SpeakerDef(
    "Muhammad Al-Tamimi",
    ("Al-Tamimi", "Tamimi"),
    SpeakerKind.PERSON,
    "Faylaq Al-Wa'ad Al-Sadiq",
    "militia leader",
    "Secretary-general",
)
CODEBOOK = Codebook(
    tags=(
        TagDef("Politics", None, "#a8d8ff", "1", "Political statements"),
        TagDef("Blame", "Politics", "#ffb8b0", None, ""),
        TagDef("Quote", None, "#ffd966", "2", ""),
    ),
    speakers=(TAMIMI, SpeakerDef("Iraqi officials", (), SpeakerKind.GROUP)),
    targets=(TargetDef("Iran", ("the Iranian regime",), "IR"), TargetDef("ISIS")),
    stance_labels=(
        StanceLabelDef("favor"),
        StanceLabelDef("against", "opposes", True),
        StanceLabelDef("neutral"),
        StanceLabelDef("none"),
    ),
)
WHEN = dt.datetime(2026, 3, 1, 9, 30, 15, 123456, tzinfo=dt.UTC)


def annotation(
    uuid: str, report: ExchangeReport, start: int, end: int, **fields: object
) -> ExchangeAnnotation:
    assert report.text is not None
    quote, prefix, suffix = quote_context(report.text, start, end)
    base: dict[str, object] = {
        "author": "ana",
        "created": WHEN,
        "modified": WHEN + dt.timedelta(hours=1),
    }
    base.update(fields)
    return ExchangeAnnotation(
        uuid,
        report.uuid,
        report.title,
        report.sha256,
        start,
        end,
        quote,
        prefix,
        suffix,
        **base,  # type: ignore[arg-type]
    )


def sample_set() -> ExchangeSet:
    a_text = REPORT_A.text or ""
    said = a_text.index("Iran abandoned")
    arabic = a_text.index("\u0642")
    b_text = REPORT_B.text or ""
    return ExchangeSet(
        (
            annotation(
                "1f0c3a52-8d4e-4f6b-9a1c-2b3d4e5f6a7b",
                REPORT_A,
                said,
                said + len("Iran abandoned us"),
                tags=("Blame", "Quote"),
                speaker=TAMIMI,
                stances=(ExchangeStance("Iran", "against", 2), ExchangeStance("ISIS", "none")),
                note='=HYPERLINK("http://x")\nsecond line\twith a tab',
                cites=("1",),
                status="accepted",
            ),
            annotation(
                "2a1b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
                REPORT_A,
                arabic,
                a_text.index("\n\n") + 5,  # crosses two line breaks
                tags=("Politics",),
                note="@mention +1 -1 <b>not markup</b> & \u2028 separator",
                author="R\u00e9viseur \u00c9",
                status="disputed",
            ),
            annotation(
                "3c2d1e0f-9a8b-4c7d-8e6f-5a4b3c2d1e0f",
                REPORT_B,
                b_text.index("ISIS"),
                b_text.index("officials"),
                speaker=SpeakerDef("Iraqi officials", (), SpeakerKind.GROUP),
                stances=(ExchangeStance("ISIS", "against"),),
                author="bob",
                status="proposed",
            ),
        ),
        (REPORT_A, REPORT_B),
        CODEBOOK,
        "Team set \u2013 March",
    )


def without_texts(s: ExchangeSet) -> ExchangeSet:
    reports = tuple(
        ExchangeReport(r.uuid, r.title, r.sha256, None, r.source_name) for r in s.reports
    )
    return ExchangeSet(s.annotations, reports, s.codebook, s.label)


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    s = sample_set()
    path = tmp_path / "set.jsonl"
    write_jsonl(s, path)
    assert read_jsonl(path) == without_texts(s)


def test_one_object_per_line_header_first(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    write_jsonl(sample_set(), path)
    lines = path.read_bytes().decode("utf-8").split("\n")
    assert lines[-1] == "" and len(lines) == 1 + 3 + 1
    objects = [json.loads(line) for line in lines[:-1]]
    assert objects[0]["type"] == "glossator-annotations" and objects[0]["version"] == 1
    assert [o["type"] for o in objects[1:]] == ["annotation"] * 3
    first = objects[1]
    assert first["stances"][0] == {"target": "Iran", "label": "against", "intensity": 2}
    assert first["created"] == "2026-03-01T09:30:15.123456Z"
    assert "\u2028" in objects[2]["note"]  # raw U+2028 inside a string does not split lines


def test_annotation_lines_without_header(tmp_path: Path) -> None:
    full = tmp_path / "set.jsonl"
    write_jsonl(sample_set(), full)
    bare = tmp_path / "bare.jsonl"
    bare.write_text("\n".join(full.read_text("utf-8").split("\n")[1:]), "utf-8")
    back = read_jsonl(bare)
    assert back.annotations == sample_set().annotations
    assert {r.uuid for r in back.reports} == {REPORT_A.uuid, REPORT_B.uuid}


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{not json", "line 3: not valid JSON"),
        ('{"type": "annotation", "uuid": "x"}', "line 3"),
        ('{"type": "other"}', "line 3: expected an annotation object"),
        ("[1, 2]", "line 3: expected an annotation object"),
        ('{"type": "annotation", "start": NaN}', "NaN is not valid JSON"),
    ],
)
def test_malformed_lines_are_reported_with_their_number(
    tmp_path: Path, line: str, message: str
) -> None:
    path = tmp_path / "set.jsonl"
    write_jsonl(sample_set(), path)
    lines = path.read_text("utf-8").split("\n")
    lines[2] = line
    path.write_text("\n".join(lines), "utf-8")
    with pytest.raises(ExchangeFormatError, match=message):
        read_jsonl(path)


def test_bad_fields_are_named(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    write_jsonl(sample_set(), path)
    lines = path.read_text("utf-8").split("\n")
    record = json.loads(lines[1])
    for key, value, message in (
        ("end", record["start"], "empty or reversed"),
        ("start", -1, "'start' must be a whole number"),
        ("status", "approved", "unknown status"),
        ("uuid", "not-a-uuid", "is not a UUID"),
        ("created", "yesterday", "not a date and time"),
        ("tags", "Blame", "'tags' must be a list of strings"),
    ):
        bad = dict(record, **{key: value})
        path.write_text("\n".join([lines[0], json.dumps(bad)]), "utf-8")
        with pytest.raises(ExchangeFormatError, match=message):
            read_jsonl(path)


def test_duplicate_uuid_and_version_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    write_jsonl(sample_set(), path)
    lines = path.read_text("utf-8").split("\n")
    path.write_text("\n".join([lines[0], lines[1], lines[1]]), "utf-8")
    with pytest.raises(ExchangeFormatError, match=r"line 3: annotation .* appears twice"):
        read_jsonl(path)
    header = dict(json.loads(lines[0]), version=99)
    path.write_text("\n".join([json.dumps(header), lines[1]]), "utf-8")
    with pytest.raises(ExchangeFormatError, match="unsupported version 99"):
        read_jsonl(path)


def test_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "set.jsonl"
    path.write_bytes(b'{"type": "annotation", "note": "\xff"}\n')
    with pytest.raises(ExchangeFormatError, match="not UTF-8"):
        read_jsonl(path)


def test_differences_compare_content_not_spelling() -> None:
    from dataclasses import replace

    a = sample_set().annotations[0]
    same = replace(
        a,
        tags=("quote", "BLAME"),
        speaker=SpeakerDef("muhammad al-tamimi"),
        stances=tuple(reversed(a.stances)),
        created=WHEN.replace(year=2020),
        quote="",  # a tool that gives positions only
    )
    assert a.differences(same) == ()
    other = replace(a, note="changed", status="rejected", stances=(), start=a.start + 1)
    assert a.differences(other) == ("start", "stances", "note", "status")
