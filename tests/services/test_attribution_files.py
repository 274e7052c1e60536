"""Codebook files (JSON and .qdc), the matrix as CSV, and a new speaker given in one step."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.codebook_files import read_codebook_path, write_codebook_path
from glossator.services.new_speaker import AttributeToNewSpeaker
from glossator.services.registry import EntryFields
from glossator.services.stance_matrix_csv import write_matrix_csv
from tests.conftest import SEEDS


@pytest.fixture
def seeded(ws: Workspace) -> tuple[Workspace, int]:
    ws.ensure_seeded(SEEDS)
    return ws, ws.find_report("Following").id


@pytest.mark.parametrize("suffix", [".json", ".qdc"])
def test_codebook_round_trips_through_a_file(
    seeded: tuple[Workspace, int], tmp_path: Path, suffix: str
) -> None:
    ws, _ = seeded
    path = tmp_path / f"codebook{suffix}"
    write_codebook_path(ws.codebook(), path)
    back = read_codebook_path(path)
    assert {t.name for t in back.tags} == {t.name for t in ws.codebook().tags}
    assert "Muhammad Al-Tamimi" in {s.name for s in back.speakers}
    assert "Iran" in {t.name for t in back.targets}


def test_a_broken_codebook_file_is_a_command_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(CommandError, match=r"bad\.json"):
        read_codebook_path(path)
    with pytest.raises(CommandError, match="cannot be read"):
        read_codebook_path(tmp_path / "missing.qdc")


def test_matrix_csv_counts_and_guards_formulas(
    seeded: tuple[Workspace, int], tmp_path: Path
) -> None:
    ws, rid = seeded
    ws.run(AttributeToNewSpeaker(_add(ws, rid), EntryFields("=HYPERLINK(1)")))
    path = tmp_path / "matrix.csv"
    write_matrix_csv(ws.stance_matrix(), path)
    with path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0] == ["speaker", "target", "favor", "against", "neutral", "none", "total"]
    assert rows[1] == ["'=HYPERLINK(1)", "Iran", "0", "1", "0", "0", "1"]


def _add(ws: Workspace, rid: int) -> str:
    add = AddAnnotation(rid, 0, 10, stances=[("Iran", "against", None)])
    ws.run(add)
    return add.uuid


def test_new_speaker_and_attribution_undo_and_redo_as_one(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    uuid = _add(ws, rid)
    command = AttributeToNewSpeaker(uuid, EntryFields("Hadi Al-Amiri", ("Al-Amiri",)))
    change = ws.run(command)
    assert change.codebook and uuid in change.annotations
    assert ws.annotation(uuid).speaker == "Hadi Al-Amiri"  # type: ignore[union-attr]
    ws.revert(command)
    assert ws.annotation(uuid).speaker is None  # type: ignore[union-attr]
    assert "Hadi Al-Amiri" not in {s.name for s in ws.speakers()}
    ws.run(command)
    assert ws.annotation(uuid).speaker == "Hadi Al-Amiri"  # type: ignore[union-attr]
    assert {s.name: s.uses for s in ws.speakers()}["Hadi Al-Amiri"] == 1


def test_a_new_speaker_that_clashes_changes_nothing(seeded: tuple[Workspace, int]) -> None:
    ws, rid = seeded
    uuid = _add(ws, rid)
    with pytest.raises(CommandError, match="already the speaker"):
        ws.run(AttributeToNewSpeaker(uuid, EntryFields("Tamimi")))
    assert ws.annotation(uuid).speaker is None  # type: ignore[union-attr]
