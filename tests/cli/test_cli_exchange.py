"""Exporting and importing annotation sets from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import HAMAS, annotate, run
from tests.conftest import SEEDS


@pytest.fixture
def db(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The seeded workspace (conftest.py) with one annotation by ana."""
    path = db
    assert run(capsys, "--db", path, "target", "add", "Iran")[0] == 0
    code, _, err = annotate(
        capsys, path, "Following", HAMAS, "--tag", "Quote", "--speaker", "Muhammad Al-Tamimi",
        "--stance", "Iran=against", "--note", "=2+2", reviewer="ana",
    )
    assert code == 0, err
    return path


@pytest.mark.parametrize("fmt", ["w3c", "jsonl", "csv", "qdpx", "qdc", "brat"])
def test_export_every_format(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path, fmt: str
) -> None:
    dest = tmp_path / f"out-{fmt}"
    code, out, err = run(capsys, "--db", db, "export", fmt, str(dest), "--report", "Following")
    assert code == 0, err
    expected = "codebook written" if fmt == "qdc" else "1 annotation(s) of 1 report(s) written"
    assert expected in out
    assert dest.exists()


def test_import_into_another_workspace_prints_the_merge_report(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    dest = tmp_path / "set.jsonld"
    assert run(capsys, "--db", db, "export", "w3c", str(dest))[0] == 0
    other = str(tmp_path / "other.sqlite3")
    assert run(capsys, "--db", other, "import", str(SEEDS))[0] == 0
    code, out, err = run(capsys, "--db", other, "import-annotations", str(dest))
    assert code == 0, err
    assert "added: 1" in out and "conflicts: 0" in out
    code, out, _ = run(capsys, "--db", other, "import-annotations", str(dest), "--json")
    report = json.loads(out)
    assert report["added"] == 0 and report["unchanged"] == 1
    _, out, _ = run(capsys, "--db", other, "annotations", "Following", "--json")
    (annotation,) = json.loads(out)
    assert annotation["speaker"] == "Muhammad Al-Tamimi" and annotation["note"] == "=2+2"


def test_malformed_file_exits_non_zero_with_one_line(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"type": "annotation"}\n{oops\n', "utf-8")
    code, out, err = run(capsys, "--db", db, "import-annotations", str(bad))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "bad.jsonl: line 1" in err
    code, _, err = run(capsys, "--db", db, "import-annotations", str(tmp_path / "set.txt"))
    assert code == 2 and "cannot tell the format" in err


def test_export_to_an_unwritable_place(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", db, "export", "csv", str(tmp_path / "no" / "such" / "x.csv"))
    assert code == 2 and "cannot be written" in err and err.count("\n") == 1
