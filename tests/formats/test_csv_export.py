"""CSV for spreadsheets: one row per annotation, UTF-8 with a BOM, formulas neutralized."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from glossator.formats.csv_export import COLUMNS, guard, write_csv
from tests.formats.test_jsonl import REPORT_A, sample_set


def rows(tmp_path: Path) -> list[dict[str, str]]:
    path = tmp_path / "set.csv"
    write_csv(sample_set(), path)
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads the encoding from the BOM
    reader = csv.reader(io.StringIO(data.decode("utf-8-sig"), newline=""))
    header, *body = list(reader)
    assert tuple(header) == COLUMNS
    return [dict(zip(header, row, strict=True)) for row in body]


def test_one_row_per_annotation_with_every_field(tmp_path: Path) -> None:
    first, second, third = rows(tmp_path)
    a = sample_set().annotations[0]
    assert first["report_title"] == REPORT_A.title and first["report_uuid"] == REPORT_A.uuid
    assert (int(first["start"]), int(first["end"])) == (a.start, a.end)
    assert first["quote"] == "Iran abandoned us"
    assert first["tags"] == "Politics / Blame; Quote"
    assert first["speaker"] == "Muhammad Al-Tamimi"
    assert first["affiliation"] == "Faylaq Al-Wa'ad Al-Sadiq" and first["role"] == "militia leader"
    assert first["stances"] == "Iran=against(2); ISIS=none"
    assert first["cites"] == "1" and first["status"] == "accepted" and first["author"] == "ana"
    assert first["created"] == "2026-03-01T09:30:15.123456Z"
    assert first["modified"] == "2026-03-01T10:30:15.123456Z"
    assert first["uuid"] == a.uuid
    assert third["speaker"] == "Iraqi officials" and third["stances"] == "ISIS=against"
    assert second["author"] == "R\u00e9viseur \u00c9"


def test_multi_line_cells_survive(tmp_path: Path) -> None:
    _, second, _ = rows(tmp_path)
    assert second["quote"] == sample_set().annotations[1].quote and "\n\n" in second["quote"]


def test_formula_cells_get_an_apostrophe(tmp_path: Path) -> None:
    first, second, _ = rows(tmp_path)
    assert first["note"].startswith("'=HYPERLINK(")
    assert second["note"].startswith("'@mention")
    assert first["report_title"] == REPORT_A.title  # plain text is left alone


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1", "'+1"),
        ("-1", "'-1"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a=1", "a=1"),
        ("", ""),
    ],
)
def test_guard(cell: str, expected: str) -> None:
    assert guard(cell) == expected


def test_empty_set_has_the_header_only(tmp_path: Path) -> None:
    from glossator.core.exchange import ExchangeSet

    path = tmp_path / "empty.csv"
    write_csv(ExchangeSet(), path)
    assert list(csv.reader(io.StringIO(path.read_text("utf-8-sig")))) == [list(COLUMNS)]
