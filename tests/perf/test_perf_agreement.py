"""Agreement of two reviewers on a large report (DESIGN.md: bulk paths read with Core).

One 1 MB report, two reviewers with 10,000 annotations each (about half of B's copy one of
A's, shifted a little; the rest are B's own), each with one of nine tags, a speaker (one of
twelve; B's copies differ a fifth of the time), a stance toward one of four targets and a
cited note now and then. The figure is `Workspace.agreement` with every field and 1,000
bootstrap resamples (tags per code point with kappa, Fleiss, alpha and alpha-u; span
pairing; fields over paired spans both ways; per-field confusion matrices; the queue);
the floor is the raw `sqlite3` select of the same rows (spans with tags, stances, cites).
Seven runs each, median and min-max.

Run on demand: .venv/bin/pytest tests/perf/test_perf_agreement.py -s -p no:randomly
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.perf

PER_REVIEWER = 10_000
RUNS = 7
FLOOR_SQL = [
    'SELECT a.id, a.uuid, a.report_id, a.author_id, a.start, a."end", a.speaker_id, a.status, '
    "a.orphaned, a.quote FROM annotations a",
    "SELECT t.annotation_id, t.tag_id FROM annotation_tags t",
    "SELECT s.annotation_id, s.target_id, s.label_id FROM annotation_stances s",
    "SELECT f.annotation_id, f.footnote_id FROM annotation_footnotes f",
]


def test_agreement_of_two_reviewers_on_10000_annotations_each(tmp_path: Path) -> None:
    from conftest import generate_report, insert_annotations
    from glossator.core.agreement import AgreementOptions
    from glossator.services import Workspace
    from glossator.services.registry import SPEAKERS, TARGETS, EntryFields, SaveEntry

    source = tmp_path / "big.txt"
    source.write_text(generate_report(1_000_000, 0).text, encoding="utf-8")
    db = tmp_path / "agreement.sqlite3"
    ws = Workspace.open(db, reviewer="A")
    ws.set_reviewer("A")
    ws.set_reviewer("B")
    (outcome,) = ws.import_paths([source])
    rid = outcome.report_id or 0
    length = len(ws.report_text(rid).text)
    tags = [t.id for t in ws.tags()[:9]]
    for n in range(12):
        ws.run(SaveEntry(SPEAKERS, EntryFields(f"Speaker {n}")))
    for n in range(4):
        ws.run(SaveEntry(TARGETS, EntryFields(f"Target {n}")))
    speakers = [s.id for s in ws.speakers()]
    targets = [t.id for t in ws.targets()]
    labels = [lbl.id for lbl in ws.stance_labels()]
    ws.close()
    con = sqlite3.connect(db)
    ids = dict(con.execute("SELECT name, id FROM reviewers WHERE name IN ('A', 'B')").fetchall())
    con.executemany(
        'INSERT INTO footnotes (id, report_id, label, start, "end", text_start, text) '
        "VALUES (?, ?, ?, 0, 1, 0, 'note')",
        [(9000 + n, rid, str(n + 1)) for n in range(20)],
    )
    rng = random.Random(11)
    rows, links, stances, cites, speaker_of, n = [], [], [], [], [], 0
    for _ in range(PER_REVIEWER):
        start = rng.randrange(0, length - 300)
        end, tag = start + rng.randint(20, 240), rng.choice(tags)
        fields = (rng.choice(speakers), rng.choice(targets), rng.choice(labels),
                  rng.randrange(20) if rng.random() < 0.2 else None)
        spans = [("A", start, end, tag, fields)]
        if rng.random() < 0.5:  # B marks the same passage, a few characters off
            speaker = fields[0] if rng.random() < 0.8 else rng.choice(speakers)
            label = fields[2] if rng.random() < 0.7 else rng.choice(labels)
            spans.append(("B", start + rng.randint(-5, 5), end + rng.randint(-5, 5), tag,
                          (speaker, fields[1], label, fields[3])))
        else:
            b = rng.randrange(0, length - 300)
            spans.append(("B", b, b + rng.randint(20, 240), rng.choice(tags),
                          (rng.choice(speakers), rng.choice(targets), rng.choice(labels), None)))
        for who, s, e, t, (speaker, target, label, note) in spans:
            n += 1
            rows.append((n, str(uuid.uuid4()), rid, ids[who], max(0, s), e))
            links.append((n, t))
            stances.append((n, target, label))
            speaker_of.append((speaker, n))
            if note is not None:
                cites.append((n, 9000 + note))
    insert_annotations(con, rows, links)
    con.executemany("UPDATE annotations SET speaker_id = ? WHERE id = ?", speaker_of)
    con.executemany("INSERT INTO annotation_stances (annotation_id, target_id, label_id) "
                    "VALUES (?, ?, ?)", stances)
    con.executemany("INSERT INTO annotation_footnotes (annotation_id, footnote_id) "
                    "VALUES (?, ?)", cites)
    con.commit()

    ws = Workspace.open(db, reviewer="A")
    options = AgreementOptions(resamples=1000, seed=1)
    ours, floor = [], []
    result = None
    for _ in range(RUNS):
        t0 = time.perf_counter()
        result = ws.agreement(["A", "B"], [rid], options=options)
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        for sql in FLOOR_SQL:
            con.execute(sql).fetchall()
        floor.append(time.perf_counter() - t0)
    ws.close()
    con.close()
    assert result is not None and result.matches and len(result.fields) == 6
    assert all(f.with_unpaired.alpha_ci is not None for f in result.fields[:5])
    o, f = statistics.median(ours), statistics.median(floor)
    print(
        f"\nagreement of 2 reviewers x {PER_REVIEWER:,} annotations on 1 MB, all fields, "
        f"1,000 resamples: median {o * 1000:.0f} ms (min {min(ours) * 1000:.0f}, max "
        f"{max(ours) * 1000:.0f}); floor raw select of the same rows median {f * 1000:.1f} ms "
        f"(min {min(floor) * 1000:.1f}, max {max(floor) * 1000:.1f}); ratio {o / f:.0f}x; "
        f"{len(result.units):,} units, {len(result.matches):,} tag pairs, "
        f"{len(result.disagreements):,} tag and {len(result.field_disagreements):,} field "
        f"disagreements, {RUNS} runs"
    )
    assert o < 30.0  # only a gross regression fails
