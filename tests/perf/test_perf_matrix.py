"""Benchmark: the speaker x target stance matrix over 1,000 reports and 50,000 annotations,
beside a floor of the same aggregate query in raw SQL on the same file.

Run on demand: .venv/bin/pytest tests/perf/test_perf_matrix.py -s
"""

from __future__ import annotations

import random
import sqlite3
import time
import uuid
from pathlib import Path

import pytest

from glossator.services import Workspace

pytestmark = pytest.mark.perf

RAW = """
SELECT s.name, t.name, l.name, count(*) FROM annotation_stances st
JOIN annotations a ON a.id = st.annotation_id JOIN speakers s ON s.id = a.speaker_id
JOIN targets t ON t.id = st.target_id JOIN stance_labels l ON l.id = st.label_id
WHERE a.status != 'rejected' GROUP BY s.name, t.name, l.name
"""


def populate(path: Path) -> None:
    """Bulk rows straight into a migrated workspace (the benchmark measures reading)."""
    rng = random.Random(3)
    con = sqlite3.connect(path)
    now = "2026-01-01 00:00:00"
    con.execute("INSERT INTO reviewers (id, name, created_at) VALUES (1, 'bench', ?)", (now,))
    con.executemany(
        "INSERT INTO speakers (id, uuid, name, kind, affiliation, role, description) "
        "VALUES (?, ?, ?, 'person', '', '', '')",
        [(i, str(uuid.uuid4()), f"Speaker {i}") for i in range(1, 61)],
    )
    con.executemany(
        "INSERT INTO targets (id, uuid, name, description) VALUES (?, ?, ?, '')",
        [(i, str(uuid.uuid4()), f"Target {i}") for i in range(1, 21)],
    )
    text = "word " * 400
    con.executemany(
        "INSERT INTO reports (id, uuid, title, source_name, source_format, encoding, "
        "encoding_guessed, text, sha256, original, body_end, footnote_style, meta, imported_at, "
        "modified_at) VALUES (?, ?, ?, 'x.txt', 'text', 'utf-8', 0, ?, ?, x'', 2000, 'none', "
        "'{}', ?, ?)",
        [
            (r, str(uuid.uuid4()), f"Report {r}", text, f"{r:064x}", now, now)
            for r in range(1, 1001)
        ],
    )
    labels = [row[0] for row in con.execute("SELECT id FROM stance_labels")]
    annotations, stances = [], []
    for a in range(1, 50_001):
        start = rng.randrange(0, 1900)
        annotations.append(
            (
                a,
                str(uuid.uuid4()),
                rng.randint(1, 1000),
                start,
                start + 20,
                rng.randint(1, 60),
                rng.choice(["proposed", "accepted", "rejected"]),
                now,
                now,
            )
        )
        for target in rng.sample(range(1, 21), rng.randint(1, 2)):
            stances.append((a, target, rng.choice(labels)))
    con.executemany(
        'INSERT INTO annotations (id, uuid, report_id, author_id, start, "end", quote, prefix, '
        "suffix, speaker_id, note, status, orphaned, created_at, modified_at) VALUES "
        "(?, ?, ?, 1, ?, ?, 'q', '', '', ?, '', ?, 0, ?, ?)",
        annotations,
    )
    con.executemany(
        "INSERT INTO annotation_stances (annotation_id, target_id, label_id) VALUES (?, ?, ?)",
        stances,
    )
    con.commit()
    con.close()


def best_of(n: int, fn) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(n):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return min(times)


def test_stance_matrix_50k(tmp_path: Path) -> None:
    path = tmp_path / "matrix.sqlite3"
    Workspace.open(path).close()
    populate(path)
    con = sqlite3.connect(path)
    raw_rows = con.execute(RAW).fetchall()
    floor = best_of(5, lambda: con.execute(RAW).fetchall())
    con.close()
    ws = Workspace.open(path, reviewer="bench")
    try:
        matrix = ws.stance_matrix()
        elapsed = best_of(5, ws.stance_matrix)
    finally:
        ws.close()
    assert sum(matrix.counts.values()) == sum(r[3] for r in raw_rows)
    print(
        f"\nstance matrix, 1,000 reports / 50,000 annotations / {len(raw_rows)} cells: "
        f"{elapsed * 1000:.1f} ms; floor raw SQL {floor * 1000:.1f} ms; "
        f"ratio {elapsed / floor:.2f}x"
    )
