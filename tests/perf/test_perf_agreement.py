"""Agreement of two reviewers on a large report (DESIGN.md: bulk paths read with Core).

One 1 MB report, two reviewers with 5,000 annotations each (about half of B's copy one of
A's, shifted a little; the rest are B's own), one of nine tags each. The figure is
`Workspace.agreement` (kappa and alpha per tag over code points, span pairing, the
disagreements); the floor is the raw `sqlite3` select of the same spans and tags.

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

FLOOR_SQL = (
    "SELECT a.uuid, a.report_id, a.author_id, t.tag_id, a.start, a.\"end\" "
    "FROM annotations a JOIN annotation_tags t ON t.annotation_id = a.id"
)


def test_agreement_of_two_reviewers_on_10000_annotations(tmp_path: Path) -> None:
    from conftest import generate_report, insert_annotations
    from glossator.services import Workspace

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
    ws.close()
    con = sqlite3.connect(db)
    ids = dict(con.execute("SELECT name, id FROM reviewers WHERE name IN ('A', 'B')").fetchall())
    rng = random.Random(11)
    rows, links, n = [], [], 0
    for _ in range(5000):
        start = rng.randrange(0, length - 300)
        end, tag = start + rng.randint(20, 240), rng.choice(tags)
        spans = [("A", start, end, tag)]
        if rng.random() < 0.5:  # B marks the same passage, a few characters off
            spans.append(("B", start + rng.randint(-5, 5), end + rng.randint(-5, 5), tag))
        else:
            b = rng.randrange(0, length - 300)
            spans.append(("B", b, b + rng.randint(20, 240), rng.choice(tags)))
        for who, s, e, t in spans:
            n += 1
            rows.append((n, str(uuid.uuid4()), rid, ids[who], max(0, s), e))
            links.append((n, t))
    insert_annotations(con, rows, links)
    con.commit()

    ws = Workspace.open(db, reviewer="A")
    ours, floor = [], []
    result = None
    for _ in range(3):
        t0 = time.perf_counter()
        result = ws.agreement(["A", "B"], [rid])
        ours.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        con.execute(FLOOR_SQL).fetchall()
        floor.append(time.perf_counter() - t0)
    ws.close()
    con.close()
    assert result is not None and result.matches
    o, f = statistics.median(ours), statistics.median(floor)
    print(
        f"\nagreement of 2 reviewers, 10,000 annotations on 1 MB: {o * 1000:.0f} ms; "
        f"floor raw select of the spans {f * 1000:.1f} ms; ratio {o / f:.0f}x; "
        f"{len(result.matches)} pairs, {len(result.disagreements)} disagreements"
    )
    assert o < 10.0  # only a gross regression fails
