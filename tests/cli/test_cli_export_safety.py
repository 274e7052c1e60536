"""Exports never destroy anything: not the workspace, not a backup, not a file the user did
not agree to replace, and not the old file when the export fails half way."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from glossator import paths
from glossator.formats import jsonl
from tests.cli.helpers import annotate, run

FILE_FORMATS = ["w3c", "jsonl", "csv", "qdpx", "qdc", "brat"]


@pytest.fixture
def db(db: str, capsys: pytest.CaptureFixture[str]) -> Path:
    """The seeded workspace (conftest.py) with one annotation by ana."""
    code, _, err = annotate(capsys, db, "1", "Hamas and Hizbullah", "--tag", "Quote",
                            reviewer="ana")
    assert code == 0, err
    return Path(db)


def healthy(db: Path) -> tuple[str, int]:
    conn = sqlite3.connect(db)
    try:
        return (conn.execute("PRAGMA integrity_check").fetchone()[0],
                conn.execute("SELECT count(*) FROM annotations").fetchone()[0])
    finally:
        conn.close()


@pytest.mark.parametrize("fmt", FILE_FORMATS)
@pytest.mark.parametrize("companion", ["", "-wal", "-shm"])
def test_export_onto_the_workspace_or_its_companions_is_refused(
    capsys: pytest.CaptureFixture[str], db: Path, fmt: str, companion: str
) -> None:
    dest = db.with_name(db.name + companion)
    before = dest.read_bytes() if dest.exists() else None
    code, out, err = run(capsys, "--db", str(db), "export", fmt, str(dest), "--force")
    assert code == 2 and out == ""
    assert "not written" in err and "open workspace" in err and err.count("\n") == 1
    if before is not None and companion == "":
        assert dest.read_bytes() == before
    assert healthy(db) == ("ok", 1)


def test_export_onto_a_backup_or_another_database_is_refused(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    code, out, _ = run(capsys, "--db", str(db), "backup")
    assert code == 0
    backup = Path(out.split(": ", 1)[1].strip())
    assert backup.parent == paths.backup_dir().resolve()
    mine = tmp_path / "mine.sqlite3"
    assert run(capsys, "--db", str(db), "backup", str(mine))[0] == 0
    for dest in (backup, mine, paths.backup_dir() / "new.csv"):
        before = dest.read_bytes() if dest.exists() else None
        code, _, err = run(capsys, "--db", str(db), "export", "csv", str(dest), "--force")
        assert code == 2 and "not written" in err, dest
        assert (dest.read_bytes() if dest.exists() else None) == before
    assert healthy(mine) == ("ok", 1)


def test_an_existing_file_is_replaced_only_with_force(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "set.jsonl"
    dest.write_text("my own notes\n", "utf-8")
    code, _, err = run(capsys, "--db", str(db), "export", "jsonl", str(dest))
    assert code == 2 and "already exists" in err and "--force" in err
    assert dest.read_text("utf-8") == "my own notes\n"
    code, _, err = run(capsys, "--db", str(db), "export", "jsonl", str(dest), "--force")
    assert code == 0, err
    assert json.loads(dest.read_text("utf-8").splitlines()[1])["type"] == "annotation"


def test_a_failed_export_keeps_the_old_file_and_leaves_nothing_beside(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    dest = tmp_path / "out" / "set.jsonl"
    dest.parent.mkdir()
    dest.write_text("the previous export\n", "utf-8")

    def broken(*_args: object) -> dict[str, object]:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(jsonl, "annotation_to_dict", broken)
    code, _, err = run(capsys, "--db", str(db), "export", "jsonl", str(dest), "--force")
    assert code == 2 and "cannot be written" in err and "No space left" in err
    assert dest.read_text("utf-8") == "the previous export\n"
    assert [p.name for p in dest.parent.iterdir()] == ["set.jsonl"]


def test_a_brat_folder_replaces_only_an_earlier_brat_export(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "thesis.docx").write_bytes(b"PK\x03\x04 my thesis")
    code, _, err = run(capsys, "--db", str(db), "export", "brat", str(papers), "--force")
    assert code == 2 and "thesis.docx" in err
    assert (papers / "thesis.docx").exists()
    folder = tmp_path / "brat"
    assert run(capsys, "--db", str(db), "export", "brat", str(folder))[0] == 0
    (folder / "stale.ann").write_text("T1\tOld 0 1\tx\n", "utf-8")
    code, _, err = run(capsys, "--db", str(db), "export", "brat", str(folder))
    assert code == 2 and "already exists" in err
    assert run(capsys, "--db", str(db), "export", "brat", str(folder), "--force")[0] == 0
    names = sorted(p.name for p in folder.iterdir())
    assert "stale.ann" not in names and "annotation.conf" in names
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_importing_the_workspace_itself_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], db: Path
) -> None:
    code, _, err = run(capsys, "--db", str(db), "import-annotations", str(db), "--format",
                         "jsonl")
    assert code == 2 and "open workspace" in err and err.count("\n") == 1
    code, _, err = run(capsys, "--db", str(db), "codebook", "import", str(db))
    assert code == 2 and "open workspace" in err
    code, _, err = run(capsys, "--db", str(db), "import", str(db))
    assert code == 1 and "refused: this is the open workspace's database" in err
    assert healthy(db) == ("ok", 1)


def test_codebook_export_is_atomic_and_asks_before_replacing(
    capsys: pytest.CaptureFixture[str], db: Path, tmp_path: Path
) -> None:
    dest = tmp_path / "codebook.json"
    assert run(capsys, "--db", str(db), "codebook", "export", str(dest))[0] == 0
    first = dest.read_bytes()
    code, _, err = run(capsys, "--db", str(db), "codebook", "export", str(dest))
    assert code == 2 and "already exists" in err and dest.read_bytes() == first
    code, _, err = run(capsys, "--db", str(db), "codebook", "export", str(db), "--force")
    assert code == 2 and "not written" in err
    assert healthy(db) == ("ok", 1)
