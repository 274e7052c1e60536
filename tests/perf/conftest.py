"""Shared helpers for the benchmarks: generated reports, memory from /proc, fresh processes.

Benchmarks are not collected by a plain `pytest`; run them with
`.venv/bin/pytest tests/perf -s -p no:randomly` from the repository root.
"""

from __future__ import annotations

import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

WORDS = (  # noqa: SIM905
    "the of and to in a is that for on with as by at from said militia officials accused "
    "Iran Iraq abandoning allies resistance axis warned regime collapse Syria international "
    "elements transfer power stability region statement post account leader spokesman"
).split()
ARABIC = "قال المسؤول إن الميليشيات العراقية ستتحرك قريبا ضد العناصر الدولية في سوريا".split()  # noqa: SIM905
EMOJI = ["😀", "🇮🇶", "👨\u200d👩\u200d👧", "🔥"]
PALETTE = ["#ffe08a", "#a8d8ff", "#b8e6b0", "#ffb8b0", "#d9c2f0", "#ffcf99", "#a6e3db"]


@dataclass(frozen=True)
class GeneratedReport:
    text: str
    markers: list[tuple[str, int, int, bool]]  # label, start, end, missing
    highlights: list[tuple[str, int, int, str]]  # key, start, end, colour


def generate_report(size: int, n_highlights: int, seed: int = 7) -> GeneratedReport:
    """A report of about `size` characters: English paragraphs, one in twenty Arabic, an
    emoji now and then (so the text holds astral characters, the costlier case), a
    footnote marker every few paragraphs (one in ten without a note) and `n_highlights`
    highlights of a sentence or so, a tenth of them overlapping a neighbour."""
    rng = random.Random(seed)
    parts: list[str] = []
    markers: list[tuple[str, int, int, bool]] = []
    length = 0
    while length < size:
        vocabulary = ARABIC if rng.random() < 0.05 else WORDS
        words = [rng.choice(vocabulary) for _ in range(rng.randint(30, 160))]
        if rng.random() < 0.1:
            words.insert(rng.randrange(len(words)), rng.choice(EMOJI))
        paragraph = " ".join(words) + "."
        if rng.random() < 0.3:
            label = str(len(markers) + 1)
            start = length + len(paragraph)
            paragraph += f"[{label}]"
            markers.append((label, start, start + len(label) + 2, rng.random() < 0.1))
        parts.append(paragraph)
        length += len(paragraph) + 1
    text = "\n".join(parts)
    highlights: list[tuple[str, int, int, str]] = []
    step = max(1, len(text) // max(1, n_highlights))
    for i in range(n_highlights):
        start = min(len(text) - 1, i * step + rng.randrange(max(1, step // 2)))
        span = rng.randint(20, 240) if rng.random() > 0.1 else step * 2
        highlights.append((f"a{i:06}", start, min(len(text), start + span), rng.choice(PALETTE)))
    return GeneratedReport(text, markers, highlights)


def insert_annotations(
    con: sqlite3.Connection,
    rows: list[tuple[int, str, int, int, int, int]],
    links: list[tuple[int, int]],
) -> None:
    """Bulk annotations for a benchmark workspace, straight into SQLite (the app's own
    inserts are what some benchmarks measure): rows are (id, uuid, report id, author id,
    start, end), links (annotation id, tag id)."""
    con.executemany(
        'INSERT INTO annotations (id, uuid, report_id, author_id, start, "end", quote, prefix, '
        "suffix, note, status, orphaned, created_at, modified_at) VALUES "
        "(?, ?, ?, ?, ?, ?, 'q', '', '', '', 'proposed', 0, '2026-01-01', '2026-01-01')",
        rows,
    )
    con.executemany("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", links)


def memory_kb() -> dict[str, int]:
    """VmRSS (resident now) and VmHWM (peak resident) of this process, in kB."""
    values: dict[str, int] = {}
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            key, _, rest = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                values[key] = int(rest.split()[0])
    return values


def reset_peak_rss() -> bool:
    """Reset VmHWM to the current RSS (Linux 4.0+); False where not permitted."""
    try:
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")
    except OSError:
        return False
    return True


def run_fresh(code: str, timeout: float = 600) -> dict[str, float]:
    """Run `code` in a new Python process (offscreen Qt) and return the JSON it prints last."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "desktop"), str(ROOT / "tests" / "perf")])
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        check=False,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q / 100 * (len(ordered) - 1)))]


def median(values: list[float]) -> float:
    return statistics.median(values)


def print_table(title: str, rows: list[tuple[str, str, str, str, str]]) -> None:
    header = ("measure", "figure", "floor", "ratio", "target")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(5)]
    print(f"\n{title}")
    for row in [header, *rows]:
        print("  " + "  ".join(str(cell).ljust(w) for cell, w in zip(row, widths, strict=True)))


@pytest.fixture(scope="session")
def report_1mb() -> GeneratedReport:
    return generate_report(1_000_000, 10_000)
