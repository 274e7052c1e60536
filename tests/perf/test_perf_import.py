"""Benchmark: import 1,000 generated reports, beside a floor of reading and hashing them.

Run on demand: .venv/bin/pytest tests/perf/test_perf_import.py -s
"""

from __future__ import annotations

import hashlib
import random
import time
from pathlib import Path

import pytest

from glossator.services import Workspace

pytestmark = pytest.mark.perf

WORDS = [
    "militia",
    "officials",
    "accused",
    "Iran",
    "of",
    "abandoning",
    "its",
    "allies",
    "and",
    "warned",
    "that",
    "the",
    "resistance",
    "factions",
    "would",
    "lose",
    "hope",
    "while",
    "international",
    "elements",
    "conduct",
    "the",
    "transfer",
    "of",
    "power",
    "[sic]",
    "and",
    "the",
    "stability",
    "of",
    "the",
    "region",
]


def make_report(rng: random.Random, n: int) -> str:
    paragraphs, markers = [], []
    for p in range(12):
        words = [rng.choice(WORDS) for _ in range(rng.randint(40, 90))]
        if p % 2:
            label = len(markers) + 1
            markers.append(label)
            words[-1] += f".[{label}]"
        paragraphs.append(" ".join(words).capitalize())
    notes = [f"[{m}] X, December {m}, 2024." for m in markers if m % 4]
    return (
        f"Generated report number {n}\n\nDecember 9, 2024\n\n"
        + "\n\n".join(paragraphs + notes)
        + "\n"
    )


def test_import_1000_reports(tmp_path: Path) -> None:
    rng = random.Random(7)
    folder = tmp_path / "reports"
    folder.mkdir()
    for n in range(1000):
        (folder / f"report-{n:04}.txt").write_text(make_report(rng, n), encoding="utf-8")
    files = sorted(folder.iterdir())

    t0 = time.perf_counter()
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in files]
    floor = time.perf_counter() - t0
    assert len(set(digests)) == 1000

    ws = Workspace.open(tmp_path / "bench.sqlite3", reviewer="bench")
    try:
        t0 = time.perf_counter()
        outcomes = ws.import_paths([folder])
        elapsed = time.perf_counter() - t0
    finally:
        ws.close()
    assert [o.status for o in outcomes] == ["imported"] * 1000
    size = sum(p.stat().st_size for p in files) / 1e6
    print(
        f"\nimport 1,000 reports ({size:.1f} MB): {1000 / elapsed:,.0f} reports/s "
        f"({elapsed:.2f} s); floor read+hash: {1000 / floor:,.0f} reports/s ({floor:.3f} s); "
        f"ratio {elapsed / floor:,.0f}x"
    )
