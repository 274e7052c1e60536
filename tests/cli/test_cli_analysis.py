"""`glossator passages`, `counts`, `memo` and `export-report`, run as a user runs them, on the
seed with the planted set (tests/services/planted.py)."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from glossator.services import Workspace
from tests.cli.helpers import run
from tests.services.planted import QUOTES, Planted, plant


@pytest.fixture
def db(tmp_path: Path) -> tuple[str, Planted]:
    path = str(tmp_path / "ws.sqlite3")
    ws = Workspace.open(path, reviewer="ana")
    try:
        planted = plant(ws)
    finally:
        ws.close()
    return path, planted


def test_passages_printed_and_as_json(capsys: pytest.CaptureFixture[str], db) -> None:
    path, planted = db
    code, out, err = run(capsys, "--db", path, "passages", "--tag", "Accusation")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[-1] == "4 passage(s)"
    assert "[Al-Tamimi accused Iran of abandoning its allies]" in lines[1]
    code, out, _ = run(capsys, "--db", path, "passages", "--speaker", "Varga", "--json")
    found = json.loads(out)
    assert [p["id"] for p in found] == [planted.ids["h2"], planted.ids["h3"]]
    assert found[1]["stances"] == [{"target": "Iran", "label": "against", "intensity": None}]
    code, out, _ = run(capsys, "--db", path, "passages", "--affiliation", "river council",
                       "--stance", "against", "--json")
    assert code == 1 and json.loads(out) == []  # nothing matches: exit status 1
    code, out, _ = run(capsys, "--db", path, "passages", "--from", "2025-01-01", "--to",
                       "2025-06-30", "--reviewer", "ben", "--status", "proposed", "--json")
    assert [p["id"] for p in json.loads(out)] == [
        planted.ids[k] for k in ("h2", "r3", "r2")]
    code, out, _ = run(capsys, "--db", path, "passages", "--words", "abandoning allies",
                       "--report", "Port", "--context", "5", "--json")
    (h1,) = json.loads(out)
    assert h1["quote"] == QUOTES["h1"][1] and len(h1["before"]) == 5
    assert h1["cited_notes"] == [{"label": "1", "text": "Velmora Daily, March 2, 2025."}]
    code, out, _ = run(capsys, "--db", path, "passages", "--limit", "2")
    assert out.splitlines()[-1] == "12 passage(s) (the first 2 shown)"


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "html", "md"])
def test_passages_written_to_a_file(
    capsys: pytest.CaptureFixture[str], db, tmp_path: Path, fmt: str
) -> None:
    path, _ = db
    dest = tmp_path / f"out.{fmt}"
    code, out, err = run(capsys, "--db", path, "passages", "--tag", "Quote", "--format", fmt,
                         "--out", str(dest), "--group-by", "speaker", "--title", "Appendix B")
    assert code == 0, err
    assert out.strip() == f"6 passage(s) written to {dest}"
    data = dest.read_text("utf-8-sig")
    if fmt == "csv":
        assert len(list(csv.DictReader(data.splitlines()))) == 6
    elif fmt == "jsonl":
        assert len(data.splitlines()) == 7  # a header and six passages
    else:
        assert "Appendix B" in data and "Idris Varga" in data
    code, _, err = run(capsys, "--db", path, "passages", "--format", fmt, "--out", str(dest))
    assert code == 2 and "already exists" in err  # kept unless --force
    assert run(capsys, "--db", path, "passages", "--format", fmt, "--out", str(dest),
               "--force")[0] == 0


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["passages", "--tag", "Betrayl"], "No tag is called"),
        (["passages", "--from", "March"], "not a date like"),
        (["passages", "--format", "csv"], "--format and --out go together"),
        (["passages", "--context", "-1"], "--context must be between"),
        (["passages", "--report", "Nonesuch"], "No report has the id or title"),
        (["counts", "--over-time", "Mars"], "No stance target is called"),
        (["counts", "--cell", "Quote", "Event"], "--cell names a cell"),
        (["counts", "--over-time", "Iran", "--cooccurrence", "overlap"], "does not combine"),
        (["memo", "add", "--text", "x"], "say what the memo is about"),
        (["memo", "add", "--tag", "Quote", "--workspace", "--text", "x"], "one subject"),
        (["memo", "edit", "fff"], "at least 4 characters"),
        (["memo", "delete", "ffff"], "No memo has an id"),
        (["export-report", "Nonesuch", "x.html"], "No report has the id or title"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(
    capsys: pytest.CaptureFixture[str], db, args: list[str], message: str
) -> None:
    code, _, err = run(capsys, "--db", db[0], *args)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1
    assert "Traceback" not in err


def test_counts_frequencies_matrices_cells_and_time(
    capsys: pytest.CaptureFixture[str], db, tmp_path: Path
) -> None:
    path, planted = db
    code, out, _ = run(capsys, "--db", path, "counts", "--json")
    freq = {r["tag"]: (r["annotations"], r["reports"]) for r in json.loads(out)}
    assert freq["Quote"] == (6, 4) and freq["Betrayal"] == (3, 2) and freq["Threat"] == (0, 0)
    code, out, _ = run(capsys, "--db", path, "counts", "--per-report", "--json")
    assert {(r["report_id"], r["tag"]) for r in json.loads(out)} >= {
        (planted.reports["H"], "Event")}
    code, out, _ = run(capsys, "--db", path, "counts", "--cooccurrence", "overlap", "--json")
    rows = {r["tag \\ tag (overlap)"]: r for r in json.loads(out)}
    assert rows["Betrayal"]["Quote"] == 2 and rows["Quote"]["Event"] == 2
    code, out, _ = run(capsys, "--db", path, "counts", "--cooccurrence", "paragraph")
    header, *lines = out.splitlines()
    assert header.split()[:4] == ["tag", "\\", "tag", "(paragraph)"]
    assert any(line.split()[0] == "Quote" for line in lines)
    code, out, _ = run(capsys, "--db", path, "counts", "--by", "speaker", "--json")
    varga = next(r for r in json.loads(out) if r["speaker \\ tag (overlap)"] == "Idris Varga")
    assert varga["Quote"] == 3
    code, out, _ = run(capsys, "--db", path, "counts", "--cooccurrence", "overlap",
                       "--cell", "Quote", "Event", "--json")
    cell = json.loads(out)
    assert cell["count"] == 2 and [p["id"] for p in cell["passages"]] == [
        planted.ids["h3"], planted.ids["h4"]]
    code, out, _ = run(capsys, "--db", path, "counts", "--over-time", "Iran", "--json")
    months = {r["month"]: (r["favor"], r["against"]) for r in json.loads(out)}
    assert len(months) == 10 and months["2024-12"] == (0, 1) and months["2025-09"] == (1, 0)
    dest = tmp_path / "time.csv"
    code, out, _ = run(capsys, "--db", path, "counts", "--over-time", "Iran", "--csv", str(dest))
    assert code == 0 and out.strip() == f"10 row(s) written to {dest}"
    table = list(csv.reader(dest.read_text("utf-8-sig").splitlines()))
    assert table[0] == ["month", "favor", "against", "neutral", "none", "total"]
    assert table[1] == ["2024-12", "0", "1", "0", "0", "1"]


def test_memo_add_list_edit_show_delete(capsys: pytest.CaptureFixture[str], db,
                                        tmp_path: Path) -> None:
    path, _ = db
    code, out, err = run(capsys, "--db", path, "--reviewer", "ben", "memo", "add", "--report",
                         "River", "--title", "Dam", "--text", "Belisz *against* the chair")
    assert code == 0, err
    memo = out.split()[1]
    text = tmp_path / "memo.md"
    text.write_text("Quote is **overused**.\n\nSecond paragraph.\n", "utf-8")
    assert run(capsys, "--db", path, "memo", "add", "--tag", "Quote", "--file", str(text))[0] == 0
    assert run(capsys, "--db", path, "memo", "add", "--workspace", "--text", "All")[0] == 0
    code, out, _ = run(capsys, "--db", path, "memo", "list", "--json")
    listed = json.loads(out)
    assert [(m["kind"], m["author"]) for m in listed] == [
        ("report", "ben"), ("tag", "anonymous"), ("workspace", "anonymous")]
    assert listed[1]["text"] == "Quote is **overused**.\n\nSecond paragraph."
    code, out, _ = run(capsys, "--db", path, "memo", "list", "--tag", "Quote")
    assert len(out.splitlines()) == 1 and "tag Quote" in out
    code, out, _ = run(capsys, "--db", path, "memo", "list", "--search", "chair")
    assert code == 0 and memo[:8] in out
    assert run(capsys, "--db", path, "memo", "list", "--search", "nowhere")[0] == 1
    assert run(capsys, "--db", path, "memo", "edit", memo[:6], "--text", "Rewritten")[0] == 0
    code, out, _ = run(capsys, "--db", path, "memo", "show", memo, "--json")
    assert json.loads(out)["text"] == "Rewritten" and json.loads(out)["title"] == "Dam"
    code, out, _ = run(capsys, "--db", path, "memo", "show", memo)
    assert out.startswith("Dam\nreport River Council") and "Rewritten" in out
    assert run(capsys, "--db", path, "memo", "delete", memo)[0] == 0
    code, out, _ = run(capsys, "--db", path, "memo", "list", "--report", "River")
    assert out == ""


def test_export_report(capsys: pytest.CaptureFixture[str], db, tmp_path: Path) -> None:
    path, planted = db
    dest = tmp_path / "port.html"
    code, out, err = run(capsys, "--db", path, "export-report", "Port", str(dest))
    assert code == 0, err
    assert out.strip() == f"report {planted.reports['H']} written to {dest}"
    page = dest.read_text("utf-8")
    assert page.count('<li id="ann-') == 4 and "Coastal League" in page
    code, _, err = run(capsys, "--db", path, "export-report", "Port", str(dest))
    assert code == 2 and "already exists" in err
    code, _, _ = run(capsys, "--db", path, "export-report", "Port", str(dest), "--final",
                     "--force")
    assert code == 0 and dest.read_text("utf-8").count('<li id="ann-') == 1  # h1 accepted
    code, _, err = run(capsys, "--db", path, "export-report", "Port", path)
    assert code == 2 and "not written" in err  # never the workspace itself
