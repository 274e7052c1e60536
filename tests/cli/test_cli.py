"""The command line, in-process and as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import SEED_REPORT, SEEDS


@pytest.fixture
def db(tmp_path: Path) -> str:
    return str(tmp_path / "ws.sqlite3")


def test_import_prints_one_line_per_file_and_fails_on_refusal(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    code, out, err = run(capsys, "--db", db, "import", str(SEED_REPORT), str(bad))
    assert code == 1
    assert "000_93b5b4f369dc47da.txt: imported as report 1" in out
    assert err.strip().startswith("bad.txt: refused: binary")
    code, out, _ = run(capsys, "--db", db, "import", str(SEED_REPORT))
    assert code == 0 and "duplicate of report 1" in out


def test_reports_json_lists_counts_and_broken_links(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "import", str(SEEDS))
    code, out, _ = run(capsys, "--db", db, "reports", "--json")
    assert code == 0
    reports = {r["source"]: r for r in json.loads(out)}
    seed = reports["000_93b5b4f369dc47da.txt"]
    assert seed["markers"] == 6 and seed["notes"] == 4
    assert seed["missing_notes"] == ["1", "6"] and seed["uncited_notes"] == []
    harbor = reports["harbor-closure-reactions.txt"]
    assert harbor["missing_notes"] == ["7"] and harbor["uncited_notes"] == ["8"]
    assert {"id", "title", "date", "annotations"} <= set(seed)


def test_show_json_has_exactly_the_documented_shape(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    run(capsys, "--db", db, "import", str(SEED_REPORT))
    code, out, _ = run(capsys, "--db", db, "show", "Following", "--json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {
        "id",
        "title",
        "date",
        "text",
        "markers",
        "notes",
        "missing_notes",
        "uncited_notes",
    }
    assert data["date"] == "2024-12-09"
    text = data["text"]
    for m in data["markers"]:
        assert set(m) == {"label", "start", "end", "note"}
        assert text[m["start"] : m["end"]] == f"[{m['label']}]"
    assert [m["note"] for m in data["markers"]] == [None, "2", "3", "4", "5", None]
    note3 = next(n for n in data["notes"] if n["label"] == "3")
    assert set(note3) == {"label", "text", "start", "end", "cited_by"}
    assert note3["text"] == "X, December 8, 2024."
    assert [text[s:e] for s, e in note3["cited_by"]] == ["[3]"]
    assert data["missing_notes"] == ["1", "6"] and data["uncited_notes"] == []


def test_show_by_id_and_errors(capsys: pytest.CaptureFixture[str], db: str) -> None:
    run(capsys, "--db", db, "import", str(SEEDS))
    code, out, _ = run(capsys, "--db", db, "show", "1")
    assert code == 0 and out.startswith("Following The Fall")
    code, out, err = run(capsys, "--db", db, "show", "no such report")
    assert code == 2 and out == "" and err.count("\n") == 1 and "No report" in err


def test_check_and_backup(capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path) -> None:
    run(capsys, "--db", db, "import", str(SEED_REPORT))
    code, out, _ = run(capsys, "--db", db, "check")
    assert code == 0 and "ok (1 reports)" in out
    dest = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, "--db", db, "backup", str(dest))
    assert code == 0 and dest.exists()
    code, out, _ = run(capsys, "--db", str(dest), "reports", "--json")
    assert len(json.loads(out)) == 1


def test_a_corrupt_database_fails_cleanly(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "junk.sqlite3"
    path.write_bytes(b"this is not a database" * 50)
    code, _, err = run(capsys, "--db", str(path), "reports")
    assert code == 2 and "not a SQLite database" in err
    assert path.read_bytes() == b"this is not a database" * 50


def test_env_var_selects_the_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "from-env.sqlite3"
    monkeypatch.setenv("GLOSSATOR_DB", str(path))
    run(capsys, "import", str(SEED_REPORT))
    assert path.exists()
    url = f"sqlite+pysqlite:///{path}"
    code, out, _ = run(capsys, "--db", url, "reports", "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_real_process_exit_codes(tmp_path: Path) -> None:
    env = dict(os.environ, GLOSSATOR_DB=str(tmp_path / "p.sqlite3"))
    ok = subprocess.run(
        [sys.executable, "-m", "glossator", "import", str(SEED_REPORT)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert ok.returncode == 0, ok.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "glossator", "import", str(tmp_path / "nope.txt")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert missing.returncode == 1 and "nope.txt: refused: no such file" in missing.stderr
    version = subprocess.run(
        [sys.executable, "-m", "glossator", "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0 and version.stdout.startswith("Glossator ")


def test_import_docx_and_refuse_a_bad_one(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    from tests.formats.docx_builder import build_docx, en_ref, p, r

    good = tmp_path / "briefing.docx"
    good.write_bytes(build_docx(p("Briefing", en_ref(5), " text."), endnotes={5: r("Endnote.")}))
    code, out, err = run(capsys, "--db", db, "import", str(good))
    assert code == 0 and err == ""
    assert out.startswith("briefing.docx: imported as report 1")
    code, out, _ = run(capsys, "--db", db, "show", "1", "--json")
    data = json.loads(out)
    assert data["text"] == "Briefing[1] text.\n\n[1] Endnote."
    assert [(m["label"], m["note"]) for m in data["markers"]] == [("1", "1")]
    assert data["notes"][0]["text"] == "Endnote."

    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"PK\x03\x04" + bytes(64))
    code, out, err = run(capsys, "--db", db, "import", str(bad))
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert err.startswith("broken.docx: refused: damaged Word document (not a readable zip")
    code, out, _ = run(capsys, "--db", db, "reports", "--json")
    assert len(json.loads(out)) == 1


def test_import_line_and_reports_show_a_footnote_warning(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    path = tmp_path / "statement.txt"
    path.write_text("Report\n\nMade (1) twice.\n\nNotes\n\n(1) Of May 2.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", db, "import", str(path))
    assert code == 0
    assert "statement.txt: imported as report 1" in out
    assert "; warning: \u201cNotes\u201d (line 5) looks like a notes section" in out
    code, out, _ = run(capsys, "--db", db, "reports", "--json")
    assert "looks like a notes section" in json.loads(out)[0]["footnote_warning"]
    code, out, _ = run(capsys, "--db", db, "reports")
    assert "warning: \u201cNotes\u201d (line 5)" in out


def test_import_a_folder_with_a_pdf_and_refuse_an_encrypted_one(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    from tests.formats.pdf_builder import Book

    book = Book(title="Harbour digest")
    page = book.page()
    page.para("The port reopened^{1} on Monday.")
    page.note("1", "Harbour office notice.")
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "digest.pdf").write_bytes(book.pdf())
    (folder / "locked.pdf").write_bytes(book.pdf(encrypt=StandardEncryption("pw", "owner")))
    code, out, err = run(capsys, "--db", db, "import", str(folder))
    assert code == 1
    assert out.startswith("digest.pdf: imported as report 1 \u201cHarbour digest\u201d")
    assert err.strip().startswith("locked.pdf: refused: encrypted PDF: it needs a password")
    code, out, _ = run(capsys, "--db", db, "show", "1", "--json")
    data = json.loads(out)
    assert data["text"] == "The port reopened[1] on Monday.\n\n[1] Harbour office notice."
    assert [(m["label"], m["note"]) for m in data["markers"]] == [("1", "1")]
