"""Benchmark: importing a 1 MB report with 1,000 footnotes costs at most twice the import of
the same text with no footnotes (the floor, measured in the same run), and detection grows
linearly with the number of notes.

The report: 20 chapters of English paragraphs, each followed by its own notes block of 50
notes whose labels restart at 1 (a tenth of them two paragraphs long, the second one
indented), a marker for every note in the chapter's body. The floor is the very same text
with the labels and markers taken out: the same characters to read, decode, normalize,
hash and store, and nothing to link.

Run on demand: .venv/bin/pytest tests/perf/test_perf_footnotes.py -s -p no:randomly
"""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from glossator.core.footnotes import detect_footnotes
from glossator.services import Workspace
from tests.perf.conftest import WORDS, median, print_table

pytestmark = pytest.mark.perf

RUNS = 5
TARGET = 2.0


def _sentence(rng: random.Random, low: int, high: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high))).capitalize()


def footnoted_text(size: int, notes: int, per_chapter: int = 50, seed: int = 3) -> tuple[str, str]:
    """(text with markers and notes, the same text without them), about ``size`` chars."""
    rng = random.Random(seed)
    chapters = notes // per_chapter
    note_chars = 0
    note_bodies = []
    for index in range(notes):
        body = _sentence(rng, 12, 30) + "."
        if index % 10 == 3:
            body += "\n\n     " + _sentence(rng, 10, 20) + "."
        note_bodies.append(body)
        note_chars += len(body) + 8
    body_chars = max(0, size - note_chars) // chapters
    with_notes, without = [], []
    for chapter in range(chapters):
        heading = f"CHAPTER {chapter + 1}"
        paragraphs, plain = [], []
        length, label = 0, 0
        while length < body_chars or label < per_chapter:
            words = _sentence(rng, 40, 120)
            if label < per_chapter:
                label += 1
                paragraphs.append(f"{words}.[{label}]")
            else:
                paragraphs.append(f"{words}.")
            plain.append(f"{words}.")
            length += len(words) + 2
        block = note_bodies[chapter * per_chapter : (chapter + 1) * per_chapter]
        labelled = [f"[{n + 1}]  {body}" for n, body in enumerate(block)]
        with_notes.append("\n\n".join([heading, *paragraphs, *labelled]))
        without.append("\n\n".join([heading, *plain, *block]))
    return "\n\n".join(with_notes) + "\n", "\n\n".join(without) + "\n"


def _import_seconds(tmp_path: Path, name: str, data: str, run: int) -> float:
    path = tmp_path / f"{name}-{run}.txt"
    path.write_text(data, encoding="utf-8")
    ws = Workspace.open(tmp_path / f"{name}-{run}.sqlite3", reviewer="bench")
    try:
        start = time.perf_counter()
        outcome = ws.import_file(path)
        elapsed = time.perf_counter() - start
        assert outcome.status == "imported", outcome.line()
        if name == "notes":
            summary = ws.reports()[0]
            assert (summary.marker_count, summary.note_count) == (1000, 1000)
            assert summary.missing_notes == () and summary.uncited_notes == ()
    finally:
        ws.close()
    return elapsed


def _spread(values: list[float]) -> str:
    return f"{median(values) * 1000:.0f} ms ({min(values) * 1000:.0f}–{max(values) * 1000:.0f})"


def test_import_with_1000_notes_costs_under_twice_the_same_text_without(tmp_path: Path) -> None:
    text, plain = footnoted_text(1_000_000, 1000)
    assert 0.95e6 < len(text.encode()) < 1.1e6
    layout = detect_footnotes(text)
    assert len(layout.markers) == len(layout.notes) == 1000
    assert all(layout.note_for(m) is not None for m in layout.markers)
    _import_seconds(tmp_path, "warm", plain, 0)  # imports and caches warmed once
    floor, notes = [], []
    for run in range(RUNS):  # alternated, so machine noise falls on both alike
        floor.append(_import_seconds(tmp_path, "plain", plain, run))
        notes.append(_import_seconds(tmp_path, "notes", text, run))
    ratio = median(notes) / median(floor)

    detection: dict[int, float] = {}
    for count in (1000, 4000):
        big, _ = footnoted_text(count * 1000, count)
        times = []
        for _ in range(RUNS):
            start = time.perf_counter()
            detect_footnotes(big)
            times.append(time.perf_counter() - start)
        detection[count] = median(times)
    growth = detection[4000] / detection[1000]

    verdict = "met" if ratio < TARGET else "NOT met"
    print_table(
        f"footnotes at import, median (min–max) of {RUNS} runs, {len(text) / 1e6:.2f} MB",
        [
            ("import, 1,000 notes", _spread(notes), _spread(floor), f"{ratio:.2f}×",
             f"< {TARGET}× — {verdict}"),
            ("detection, 1 MB / 1,000 notes", f"{detection[1000] * 1000:.0f} ms", "", "", ""),
            ("detection, 4 MB / 4,000 notes", f"{detection[4000] * 1000:.0f} ms", "",
             f"{growth:.2f}× for 4× the notes", "linear: about 4×"),
        ],
    )
    assert ratio < TARGET * 1.5
    assert growth < 4 * 1.5
