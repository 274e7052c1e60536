"""Scripting who-said-what from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import HAMAS, annotate, run
from tests.conftest import SEEDS


def test_speaker_target_and_annotate(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "speaker",
        "add",
        "Muhammad Al-Tamimi",
        "--alias",
        "Al-Tamimi",
        "--alias",
        "Tamimi",
        "--affiliation",
        "Faylaq Al-Wa'ad Al-Sadiq",
        "--role",
        "militia leader",
    )
    assert code == 0 and "Muhammad Al-Tamimi" in out
    assert run(capsys, "--db", db, "target", "add", "Iran", "--alias", "the Iranian regime")[0] == 0
    code, out, err = annotate(
        capsys, db, "Following", HAMAS, "--tag", "Quote", "--speaker", "Al-Tamimi",
        "--stance", "Iran=against", "--stance", "international elements=neutral",
        "--note", "key line", "--reviewer", "bea",
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "annotations", "Following", "--json")
    (a,) = json.loads(out)
    assert a["quote"] == HAMAS and a["speaker"] == "Muhammad Al-Tamimi"
    assert a["stances"] == [
        {"target": "Iran", "label": "against"},
        {"target": "international elements", "label": "neutral"},
    ]
    assert a["cites"] == ["3"] and a["note"] == "key line" and a["author"] == "bea"
    assert a["tags"] == ["Quote"] and a["status"] == "proposed"
    code, out, _ = run(capsys, "--db", db, "stances", "--json")
    matrix = json.loads(out)
    cell = next(c for c in matrix["cells"] if c["target"] == "Iran")
    assert cell["speaker"] == "Muhammad Al-Tamimi" and cell["counts"]["against"] == 1


def test_annotate_errors_are_clear_and_write_nothing(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    cases = [
        (["--quote", "not in this report at all"], "not in the report"),
        (["--quote", "Al-Tamimi"], "occurs"),
        (["--quote", "Al-Tamimi", "--occurrence", "99"], "occurrence 99"),
        (["--quote", HAMAS, "--stance", "Iran=hostile"], "unknown stance label"),
        (["--quote", HAMAS, "--stance", "Iran"], "TARGET=LABEL"),
        (["--quote", HAMAS, "--tag", "No such tag"], "unknown tag"),
    ]
    for extra, message in cases:
        code, out, err = run(
            capsys, "--db", db, "annotate", "Following", *extra, "--speaker", "New Person"
        )
        assert code == 2 and message in err, (extra, err)
        assert err.count("\n") == 1
    code, out, _ = run(capsys, "--db", db, "annotations", "Following", "--json")
    assert json.loads(out) == []
    code, out, _ = run(capsys, "--db", db, "codebook", "export", str(Path(db).with_suffix(".json")))
    exported = json.loads(Path(db).with_suffix(".json").read_text())
    assert "New Person" not in {s["name"] for s in exported["speakers"]}


def test_occurrence_picks_the_nth_match(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, _, err = annotate(
        capsys, db, "Following", "Al-Tamimi", "--occurrence", "2",
        "--speaker", "Muhammad Al-Tamimi",
    )
    assert code == 0, err
    _, out, _ = run(capsys, "--db", db, "show", "Following", "--json")
    text = json.loads(out)["text"]
    second = text.index("Al-Tamimi", text.index("Al-Tamimi") + 1)
    _, out, _ = run(capsys, "--db", db, "annotations", "Following", "--json")
    (a,) = json.loads(out)
    assert (a["start"], a["end"]) == (second, second + len("Al-Tamimi"))


def test_suggest_and_codebook_round_trip(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", db, "codebook", "import", str(SEEDS / "codebook.json"))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "suggest", "Following", "--json")
    items = json.loads(out)
    assert {"kind", "start", "end", "quote", "speaker"} <= set(items[0])
    hamas = [s for s in items if s["kind"] == "quote" and HAMAS in s["quote"]]
    assert hamas and hamas[0]["speaker"] == "Muhammad Al-Tamimi"
    out_file = tmp_path / "cb.json"
    assert run(capsys, "--db", db, "codebook", "export", str(out_file))[0] == 0
    other = str(tmp_path / "other.sqlite3")
    assert run(capsys, "--db", other, "codebook", "import", str(out_file))[0] == 0
    run(capsys, "--db", other, "codebook", "export", str(tmp_path / "cb2.json"))
    first, second = (
        json.loads(out_file.read_text()),
        json.loads((tmp_path / "cb2.json").read_text()),
    )
    assert first["speakers"] == second["speakers"] and first["targets"] == second["targets"]
    assert [t["name"] for t in first["tags"]] == [t["name"] for t in second["tags"]]


def test_malformed_codebook_is_refused(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "glossator-codebook", "version": 1, "speakers": [{"name": 3}]')
    code, _, err = run(capsys, "--db", db, "codebook", "import", str(bad))
    assert code == 2 and "bad.json" in err and err.count("\n") == 1
