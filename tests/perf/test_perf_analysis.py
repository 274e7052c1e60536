"""Benchmarks: the passage query and the co-occurrence of 50 tags over 100,000 annotations in
1,000 reports, each beside a raw SQL floor measured on the same file in the same run.

Run on demand: .venv/bin/pytest tests/perf/test_perf_analysis.py -s -p no:randomly
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
import statistics
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from glossator.services import Workspace
from glossator.services.analysis import Analysis
from glossator.services.passage_filters import PassageQuery
from tests.perf.conftest import WORDS, print_table

pytestmark = pytest.mark.perf

REPORTS, PER_REPORT, TAGS, RUNS = 1_000, 100, 50, 5

# The same rows the passage query reads, in one raw select (plus the tag links).
RAW_PASSAGES = """
SELECT a.id, a.uuid, a.report_id, r.title, r.date, a.start, a."end", a.quote, a.prefix,
       a.suffix, s.name, s.affiliation, v.name, a.status, a.note, a.orphaned, a.created_at,
       a.modified_at
FROM annotations a JOIN reports r ON r.id = a.report_id JOIN reviewers v ON v.id = a.author_id
LEFT JOIN speakers s ON s.id = a.speaker_id WHERE a.status != 'rejected'
ORDER BY r.date, r.id, a.start, a."end", a.id
"""
RAW_LINKS = "SELECT annotation_id, tag_id FROM annotation_tags"
# The same matrix in SQL: overlapping pairs (a passage with itself too) per pair of tags,
# each pair once, through the (report_id, start, end) index.
RAW_MATRIX = """
SELECT min(x.tag_id, y.tag_id), max(x.tag_id, y.tag_id), count(DISTINCT p.id * 1000000 + q.id)
FROM annotations p
JOIN annotations q ON q.report_id = p.report_id AND q.start < p."end" AND q."end" > p.start
                  AND q.id >= p.id
JOIN annotation_tags x ON x.annotation_id = p.id
JOIN annotation_tags y ON y.annotation_id = q.id
WHERE p.status != 'rejected' AND q.status != 'rejected' AND x.tag_id != y.tag_id
GROUP BY 1, 2
"""
RAW_INPUTS = (
    "SELECT id, report_id, start, \"end\", speaker_id FROM annotations WHERE status != 'rejected'"
)


def populate(path: Path) -> None:
    """1,000 reports of about 4,000 characters in paragraphs, 100 annotations each (20-300
    characters, so each overlaps several others), one to three of 50 tags each, a speaker
    on half of them, a tenth rejected; straight into a migrated workspace."""
    rng = random.Random(14)
    con = sqlite3.connect(path)
    now = "2026-01-01 00:00:00"
    con.execute("INSERT INTO reviewers (id, name, created_at) VALUES (1, 'bench', ?)", (now,))
    con.execute("DELETE FROM annotation_tags")
    con.execute("DELETE FROM tags")
    con.executemany(
        "INSERT INTO tags (id, uuid, name, parent_id, color, shortcut, description, sort_order) "
        "VALUES (?, ?, ?, NULL, '#ffd966', NULL, '', ?)",
        [(t, str(uuid.uuid4()), f"Tag {t:02}", t) for t in range(1, TAGS + 1)],
    )
    con.executemany(
        "INSERT INTO speakers (id, uuid, name, kind, affiliation, role, description) "
        "VALUES (?, ?, ?, 'person', 'Group', '', '')",
        [(i, str(uuid.uuid4()), f"Speaker {i}") for i in range(1, 61)],
    )
    reports, annotations, links = [], [], []
    aid = 0
    for r in range(1, REPORTS + 1):
        paragraphs = []
        while sum(len(p) + 2 for p in paragraphs) < 4_000:
            paragraphs.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 90))))
        text = "\n\n".join(paragraphs)
        day = f"20{rng.randint(20, 25)}-{rng.randint(1, 12):02}-{rng.randint(1, 28):02}"
        reports.append((r, str(uuid.uuid4()), f"Report {r}", day, text, f"{r:064x}", now, now))
        for _ in range(PER_REPORT):
            aid += 1
            start = rng.randrange(0, len(text) - 320)
            end = start + rng.randint(20, 300)
            annotations.append((
                aid, str(uuid.uuid4()), r, start, end, text[start:end],
                text[max(0, start - 32) : start], text[end : end + 32],
                rng.randint(1, 60) if rng.random() < 0.5 else None,
                "rejected" if rng.random() < 0.1 else rng.choice(["proposed", "accepted"]),
                now, now,
            ))
            for tag in rng.sample(range(1, TAGS + 1), rng.randint(1, 3)):
                links.append((aid, tag))
    con.executemany(
        "INSERT INTO reports (id, uuid, title, date, source_name, source_format, encoding, "
        "encoding_guessed, text, sha256, original, body_end, footnote_style, meta, imported_at, "
        "modified_at) VALUES (?, ?, ?, ?, 'x.txt', 'text', 'utf-8', 0, ?, ?, x'', 0, 'none', "
        "'{}', ?, ?)",
        reports,
    )
    con.executemany(
        'INSERT INTO annotations (id, uuid, report_id, author_id, start, "end", quote, prefix, '
        "suffix, speaker_id, note, status, orphaned, created_at, modified_at) VALUES "
        "(?, ?, ?, 1, ?, ?, ?, ?, ?, ?, '', ?, 0, ?, ?)",
        annotations,
    )
    con.executemany("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", links)
    con.commit()
    con.close()


def timed(fn: Callable[[], Any], runs: int = RUNS) -> tuple[list[float], Any]:
    fn()  # warm the caches once
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return times, result


def fig(times: list[float]) -> str:
    low, high = min(times) * 1000, max(times) * 1000
    return f"{statistics.median(times) * 1000:.0f} ms ({low:.0f}-{high:.0f})"


def ratio(a: list[float], b: list[float]) -> float:
    return statistics.median(a) / statistics.median(b)


@pytest.fixture(scope="module")
def bench(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("analysis") / "bench.sqlite3"
    Workspace.open(path).close()
    populate(path)
    return path


def test_passages_over_100k(bench: Path) -> None:
    con = sqlite3.connect(bench)
    floor, raw = timed(lambda: (con.execute(RAW_PASSAGES).fetchall(),
                                con.execute(RAW_LINKS).fetchall()))
    ws = Workspace.open(bench, reviewer="bench")
    analysis = Analysis(ws)
    try:
        everything = PassageQuery()
        find, found = timed(lambda: analysis.find(everything))
        full, passages = timed(lambda: analysis.read(analysis.find(everything)))
        first, _ = timed(lambda: analysis.read(analysis.find(everything), 0, 200))
        narrow = PassageQuery(tags=("Tag 07", "Tag 21"), speakers=("Speaker 3", "Speaker 9"),
                              date_from=dt.date(2022, 1, 1))
        narrow_times, few = timed(lambda: analysis.read(analysis.find(narrow)))
    finally:
        ws.close()
        con.close()
    assert len(found) == len(passages) == len(raw[0])
    assert 0 < len(few) < len(passages)
    print_table(
        f"passage query, {REPORTS:,} reports / {REPORTS * PER_REPORT:,} annotations "
        f"({len(passages):,} not rejected), median (min-max) of {RUNS}",
        [
            ("find (ids in library order)", fig(find), fig(floor), f"{ratio(find, floor):.2f}x",
             ""),
            ("find + first 200 as values", fig(first), fig(floor),
             f"{ratio(first, floor):.2f}x", ""),
            ("find + all as values", fig(full), fig(floor), f"{ratio(full, floor):.2f}x",
             "<= 3x"),
            (f"2 tags, 2 speakers, date ({len(few)})", fig(narrow_times), fig(floor),
             f"{ratio(narrow_times, floor):.2f}x", ""),
        ],
    )
    assert ratio(full, floor) < 6  # target 3x; twice that fails (a shared, noisy machine)


def test_cooccurrence_of_50_tags_over_100k(bench: Path) -> None:
    con = sqlite3.connect(bench)
    floor, raw = timed(lambda: con.execute(RAW_MATRIX).fetchall())
    inputs, _ = timed(lambda: (con.execute(RAW_INPUTS).fetchall(),
                               con.execute(RAW_LINKS).fetchall()))
    names = {t: f"Tag {t:02}" for t in range(1, TAGS + 1)}
    ws = Workspace.open(bench, reviewer="bench")
    analysis = Analysis(ws)
    try:
        overlap, matrix = timed(lambda: analysis.cooccurrence(PassageQuery(), "overlap"))
        paragraph, _ = timed(lambda: analysis.cooccurrence(PassageQuery(), "paragraph"))
        speakers, _ = timed(lambda: analysis.cooccurrence(PassageQuery(), "overlap", "speaker"))
        cell, _ = timed(lambda: analysis.cell(PassageQuery(), "Tag 01", "Tag 02"))
    finally:
        ws.close()
        con.close()
    expected = {(names[x], names[y]): n for x, y, n in raw}
    got = {(r, c): n for (r, c), n in matrix.counts.items() if r < c}
    assert got == expected  # the same matrix as the SQL
    print_table(
        f"co-occurrence of {TAGS} tags, {REPORTS * PER_REPORT:,} annotations, "
        f"median (min-max) of {RUNS}; floor: the same matrix by a SQL self-join",
        [
            ("overlap, tag x tag", fig(overlap), fig(floor), f"{ratio(overlap, floor):.2f}x",
             "<= 1x"),
            ("paragraph, tag x tag", fig(paragraph), fig(floor),
             f"{ratio(paragraph, floor):.2f}x", ""),
            ("overlap, speaker x tag", fig(speakers), fig(floor),
             f"{ratio(speakers, floor):.2f}x", ""),
            ("one cell's pairs", fig(cell), fig(floor), f"{ratio(cell, floor):.2f}x", ""),
            ("(reading the inputs alone)", fig(inputs), fig(floor), f"{ratio(inputs, floor):.2f}x",
             ""),
        ],
    )
    assert ratio(overlap, floor) < 2  # target 1x; twice that fails
