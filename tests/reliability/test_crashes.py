"""kill -9 in the middle of work: annotating, reviewing, re-importing, undoing and exporting,
ten rounds each. A child process works in a loop and acknowledges each step once it has
returned (committed); it is killed after a varying number of acknowledgements, usually in
the middle of the next step. Every acknowledged step must be in the workspace, the
workspace must pass SQLite's integrity check, and an export's destination must always hold
a whole file (the old one or the new one), never part of one."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.commands import Batch
from glossator.services.reports import PreparedReport
from tests.conftest import SEED_REPORT
from tests.reliability.helpers import child_env, fresh_rows, integrity

# A longer run: GLOSSATOR_CRASH_ROUNDS=50 GLOSSATOR_CRASH_ACKS=300 pytest tests/reliability -s
ROUNDS = int(os.environ.get("GLOSSATOR_CRASH_ROUNDS", "10"))
MOST = int(os.environ.get("GLOSSATOR_CRASH_ACKS", "40"))  # acknowledgements per round, at most
CHILD = Path(__file__).with_name("crash_child.py")


def killed_after(args: list[str], wanted: int, until: str = "") -> list[str]:
    """Start the worker, read `wanted` acknowledgements (and then the line `until`, when
    given), kill -9 it; what it acknowledged."""
    child = subprocess.Popen([sys.executable, str(CHILD), *args], stdout=subprocess.PIPE,
                             stdin=subprocess.PIPE,
                             text=True, env=child_env())
    assert child.stdout is not None
    try:
        assert child.stdout.readline() == "READY\n"
        acks: list[str] = []
        while len(acks) < wanted:
            line = child.stdout.readline()
            if not line:
                break
            if line.startswith("ACK "):
                acks.append(line[4:].rstrip("\n"))
        while until and child.stdout.readline() not in (f"{until}\n", ""):
            pass
    finally:
        child.kill()
        child.wait(timeout=30)
    assert child.returncode == -9
    return acks


def workspace(tmp_path: Path, annotations: int = 0) -> tuple[Path, int]:
    db = tmp_path / "ws.sqlite3"
    with Workspace.open(db, reviewer="ana") as ws:
        (outcome,) = ws.import_paths([SEED_REPORT])
        assert outcome.report_id is not None
        if annotations:
            ws.run(Batch("planted", [AddAnnotation(outcome.report_id, i % 3000, i % 3000 + 20)
                                     for i in range(annotations)]))
    return db, outcome.report_id


def uuids(db: Path) -> set[str]:
    return {str(r[0]) for r in fresh_rows(db, "SELECT uuid FROM annotations")}


@pytest.fixture
def rng() -> random.Random:
    return random.Random(20261206)


@pytest.fixture
def tally() -> Iterator[dict[str, int]]:
    counts = {"rounds": 0, "acknowledged": 0, "lost": 0, "partial": 0}
    yield counts
    print(f"\n{counts}")


def test_killed_while_annotating(tmp_path: Path, rng: random.Random, tally) -> None:
    db, _ = workspace(tmp_path)
    acknowledged: set[str] = set()
    for _ in range(ROUNDS):
        acknowledged |= set(killed_after(["annotate", str(db)], rng.randint(1, MOST)))
        lost = acknowledged - uuids(db)
        tally["rounds"] += 1
        tally["lost"] += len(lost)
        assert not lost, f"{len(lost)} acknowledged annotations lost"
        assert integrity(db) == "ok"
    tally["acknowledged"] = len(acknowledged)
    assert len(acknowledged) >= ROUNDS


def test_killed_while_reviewing(tmp_path: Path, rng: random.Random, tally) -> None:
    db, _ = workspace(tmp_path, annotations=max(500, ROUNDS * MOST + 100))
    accepted: set[str] = set()
    for _ in range(ROUNDS):
        accepted |= set(killed_after(["review", str(db)], rng.randint(1, MOST)))
        rows = fresh_rows(db, "SELECT uuid, status FROM annotations")
        status = {str(u): str(s) for u, s in rows}
        decided = {str(r[0]) for r in fresh_rows(
            db, "SELECT a.uuid FROM reviews r JOIN annotations a ON a.id = r.annotation_id")}
        lost = {u for u in accepted if status.get(u) != "accepted" or u not in decided}
        tally["rounds"] += 1
        tally["lost"] += len(lost)
        assert not lost, f"{len(lost)} acknowledged decisions lost"
        assert integrity(db) == "ok"
    tally["acknowledged"] = len(accepted)


def test_killed_while_reimporting(tmp_path: Path, rng: random.Random, tally) -> None:
    db, report = workspace(tmp_path, annotations=200)
    seed = SEED_REPORT.read_text("utf-8")
    versions = []
    for i, change in enumerate(["", "Edited once. ", "Edited twice, longer. "]):
        path = tmp_path / f"version-{i}.txt"
        path.write_text(seed.replace("Following ", f"{change}Following ", 1), "utf-8")
        versions.append(path)
    texts = {p.name: PreparedReport.from_file(p).parsed.text for p in versions}
    assert len(set(texts.values())) == 3
    before = len(uuids(db))
    for _ in range(ROUNDS):
        acks = killed_after(["reimport", str(db), *map(str, versions)], rng.randint(1, 6))
        tally["rounds"] += 1
        tally["acknowledged"] += len(acks)
        (text,) = fresh_rows(db, f"SELECT text FROM reports WHERE id = {report}")[0]
        last = acks[-1]
        nxt = versions[(int(last.split("-")[1].split(".")[0]) + 1) % 3].name
        if text not in (texts[last], texts[nxt]):
            tally["lost"] += 1
        assert text in (texts[last], texts[nxt]), "the last acknowledged re-import is gone"
        assert len(uuids(db)) == before, "a re-import never deletes annotations"
        assert integrity(db) == "ok"


def test_killed_while_undoing(tmp_path: Path, rng: random.Random, tally) -> None:
    db, _ = workspace(tmp_path)
    for _ in range(ROUNDS):
        acks = [a.split() for a in killed_after(["undo", str(db)], rng.randint(1, MOST))]
        added = {u for kind, u in acks if kind == "add"}
        undone = {u for kind, u in acks if kind == "undo"}
        in_flight = {acks[-1][1]} if acks[-1][0] == "add" else set()
        present = uuids(db)
        wrong = (undone & present) | (added - undone - in_flight - present)
        tally["rounds"] += 1
        tally["acknowledged"] += len(acks)
        tally["lost"] += len(wrong)
        assert not wrong, f"{len(wrong)} acknowledged adds or undos not in the workspace"
        assert integrity(db) == "ok"


def test_killed_while_exporting(tmp_path: Path, rng: random.Random, tally) -> None:
    db, _ = workspace(tmp_path, annotations=3000)
    dest = tmp_path / "out" / "set.jsonl"
    dest.parent.mkdir()
    for _ in range(ROUNDS):
        whole = rng.randint(1, 3)
        acks = killed_after(["export", str(db), str(dest), str(whole)], whole, until="MIDWAY")
        tally["rounds"] += 1
        tally["acknowledged"] += len(acks)
        lines = dest.read_text("utf-8").split("\n")
        try:
            header, rows = json.loads(lines[0]), [json.loads(x) for x in lines[1:] if x]
            whole = header["type"] == "glossator-annotations" and len(rows) == 3000
        except (ValueError, KeyError):
            whole = False
        tally["partial"] += 0 if whole else 1
        assert whole, "the destination holds part of an export"
        leftovers = [p.name for p in dest.parent.iterdir() if p.name != dest.name]
        assert len(leftovers) <= 1, leftovers  # at most the one the kill interrupted
    assert integrity(db) == "ok"
