"""Benchmark: five writer processes on one workspace for 60 s, on each engine.

Each writer alternates adding an annotation of its own and editing the note of one of 20
shared annotations, based on the version it has just read (team_writer.py). Measured:
commits per second (all writers together), commit latency p50 / p95 (a SQLite busy wait is
latency), conflicts (expected: two writers editing the same annotation), errors (must be
0) and lost updates (must be 0):

- every acknowledged add is in the workspace with its note;
- for each shared annotation the acknowledged edits form one chain: each made version
  base + 1, no two on the same base (that would be a lost update), the last one's note is
  the note there now, and the history holds every one of them.

The floor: one writer alone for 15 s on the same engine (its commits per second and p95).

    .venv/bin/pytest tests/perf/test_perf_team.py -s -p no:randomly
    GLOSSATOR_TEST_POSTGRES=postgresql+psycopg://... (also the PostgreSQL run)
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.store.models import HistoryRow
from tests.conftest import SEED_REPORT
from tests.perf.conftest import percentile, print_table
from tests.postgres import fresh_database
from tests.reliability.helpers import child_env

WRITERS = 5
SECONDS = float(os.environ.get("GLOSSATOR_TEAM_SECONDS", "60"))
FLOOR_SECONDS = 15.0
SHARED = 20
POSTGRES = os.environ.get("GLOSSATOR_TEST_POSTGRES")


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield str(tmp_path / "team.sqlite3")
        return
    if not POSTGRES:
        pytest.skip("GLOSSATOR_TEST_POSTGRES is not set")
    with fresh_database(POSTGRES, "glossator_perf_", hex_digits=10) as url:
        yield url


def _prepare(location: str, folder: Path) -> Path:
    with Workspace.open(location, reviewer="setup") as ws:
        (outcome,) = ws.import_paths([SEED_REPORT])
        assert outcome.report_id is not None
        shared = []
        for i in range(SHARED):
            add = AddAnnotation(outcome.report_id, 100 + i * 50, 130 + i * 50, note="shared")
            ws.run(add)
            shared.append(add.uuid)
    path = folder / "shared.json"
    path.write_text(json.dumps(shared))
    return path


def _run_writers(location: str, folder: Path, count: int, seconds: float) -> list[dict]:
    shared = folder / "shared.json"
    procs = []
    for w in range(count):
        out = folder / f"writer-{seconds:g}-{w}.json"
        procs.append((out, subprocess.Popen(
            [sys.executable, "-m", "tests.perf.team_writer", location, str(w), str(seconds),
             str(shared), str(out)], env=child_env(),
        )))
    results = []
    for out, proc in procs:
        assert proc.wait(timeout=seconds + 300) == 0
        results.append(json.loads(out.read_text()))
    return results


def _check(location: str, results: list[dict]) -> int:
    """Lost acknowledged steps (0 expected); asserts the edit chains."""
    lost = 0
    with Workspace.open(location, default_codebook=False) as ws:
        for r in results:
            for add in r["adds"]:
                found = ws.annotation(add["uuid"])
                lost += found is None or found.note != add["note"]
        chains: dict[str, list[dict]] = {}
        for r in results:
            for e in r["edits"]:
                chains.setdefault(e["uuid"], []).append(e)
        with ws.db.session() as s:
            made = {(h.entity_id, h.version) for h in s.execute(
                select(HistoryRow.entity_id, HistoryRow.version)
                .where(HistoryRow.command == "EditAnnotation"))}
        for uuid, edits in chains.items():
            bases = [e["base"] for e in edits]
            assert len(bases) == len(set(bases)), f"two edits of {uuid} on one version"
            assert all(e["made"] == e["base"] + 1 for e in edits)
            last = max(edits, key=lambda e: e["made"])
            now = ws.annotation(uuid)
            assert now is not None
            lost += now.note != last["note"] or now.version != last["made"]
            lost += sum((uuid, e["made"]) not in made for e in edits)
    return lost


def test_five_writers_for_a_minute(location: str, tmp_path: Path) -> None:
    _prepare(location, tmp_path)
    floor = _run_writers(location, tmp_path, 1, FLOOR_SECONDS)
    floor_lat = floor[0]["latencies"]
    results = _run_writers(location, tmp_path, WRITERS, SECONDS)
    latencies = [x for r in results for x in r["latencies"]]
    errors = [e for r in results for e in r["errors"]]
    conflicts = sum(r["conflicts"] for r in results)
    lost = _check(location, results + floor)
    engine = "PostgreSQL" if "://" in location else "SQLite"
    rows = [
        ("commits / s", f"{len(latencies) / SECONDS:.0f}",
         f"{len(floor_lat) / FLOOR_SECONDS:.0f} (1 writer)", "", ""),
        ("commit p50", f"{percentile(latencies, 50) * 1000:.1f} ms",
         f"{percentile(floor_lat, 50) * 1000:.1f} ms", "", ""),
        ("commit p95", f"{percentile(latencies, 95) * 1000:.1f} ms",
         f"{percentile(floor_lat, 95) * 1000:.1f} ms", "", ""),
        ("acknowledged adds / edits", f"{sum(len(r['adds']) for r in results)} / "
         f"{sum(len(r['edits']) for r in results)}", "", "", ""),
        ("conflicts (refused, expected)", str(conflicts), "", "", ""),
        ("errors", str(len(errors)), "", "0", "met" if not errors else "NOT met"),
        ("lost", str(lost), "", "0", "met" if not lost else "NOT met"),
    ]
    print_table(f"{WRITERS} writers x {SECONDS:g} s on {engine}", rows)
    assert not errors, errors[:5]
    assert lost == 0
