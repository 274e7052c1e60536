"""`glossator reimport REPORT FILE [--dry-run] [--json]`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import annotate, run
from tests.conftest import SEED_REPORT, SEEDS

SEED = SEED_REPORT.read_text(encoding="utf-8")
DELETED = "These officials expressed concern about the possible resurgence"


@pytest.fixture
def db(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    """The seeded workspace (conftest.py) with two annotations."""
    for quote in (DELETED, "blamed it for the disintegration"):
        code, _, err = annotate(capsys, db, "1", quote)
        assert code == 0, err
    return db


@pytest.fixture
def changed(tmp_path: Path) -> Path:
    path = tmp_path / "changed.txt"
    first = "On December 8, 2024, following"
    text = SEED.replace(first, "A new paragraph.\n\n" + first)
    text = text.replace(DELETED, "They voiced fears about the likely return")
    path.write_text(text, encoding="utf-8")
    return path


def annotations(capsys: pytest.CaptureFixture[str], db: str) -> list[dict[str, object]]:
    code, out, _ = run(capsys, "--db", db, "annotations", "1", "--json")
    assert code == 0
    return list(json.loads(out))


def test_dry_run_prints_counts_and_orphans_and_writes_nothing(
    capsys: pytest.CaptureFixture[str], db: str, changed: Path
) -> None:
    before = annotations(capsys, db)
    code, out, err = run(capsys, "--db", db, "reimport", "1", str(changed), "--dry-run")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].endswith("0 kept, 1 moved, 0 matched approximately, 1 orphaned "
                             "(dry run: nothing written)")
    orphan = next(a for a in before if a["quote"] == DELETED)
    assert lines[-1] == f"orphaned: {orphan['id']}  \u201c{DELETED}\u201d"
    assert annotations(capsys, db) == before


def test_reimport_json_then_the_annotations_follow(
    capsys: pytest.CaptureFixture[str], db: str, changed: Path
) -> None:
    code, out, err = run(capsys, "--db", db, "reimport", "1", str(changed), "--json")
    assert code == 0, err
    result = json.loads(out)
    assert result["counts"] == {"kept": 0, "moved": 1, "fuzzy": 0, "orphaned": 1}
    assert result["dry_run"] is False and result["identical"] is False
    (orphan,) = result["orphaned"]
    assert orphan["quote"] == DELETED
    after = {a["id"]: a for a in annotations(capsys, db)}
    assert after[orphan["id"]]["quote"] == DELETED
    moved = next(a for a in result["annotations"] if a["status"] == "moved")
    assert moved["new"][0] == moved["old"][0] + len("A new paragraph.\n\n")
    code, out, _ = run(capsys, "--db", db, "reimport", "1", str(changed))
    assert code == 0 and "the same as the report's; nothing changed" in out


def test_refused_files_exit_1_and_bad_usage_exits_2(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    before = annotations(capsys, db)
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "--db", db, "reimport", "1", str(binary))
    assert code == 1 and out == "" and err.startswith("binary.txt: refused: binary")
    run(capsys, "--db", db, "import", str(SEEDS / "harbor-closure-reactions.txt"))
    other = SEEDS / "harbor-closure-reactions.txt"
    code, _, err = run(capsys, "--db", db, "reimport", "1", str(other))
    assert code == 1 and "its text is already report 2" in err
    code, _, err = run(capsys, "--db", db, "reimport", "99", str(other))
    assert code == 2 and err.startswith("glossator: No report has the id or title '99'")
    with pytest.raises(SystemExit) as usage:
        run(capsys, "--db", db, "reimport", "1")
    assert usage.value.code == 2
    assert annotations(capsys, db) == before
