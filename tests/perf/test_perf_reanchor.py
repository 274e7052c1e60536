"""Benchmark: re-anchor 10,000 annotations of a 1 MB report on an edited copy of it, beside
floors of one difflib pass over the two texts: over their lines (the least any diff costs;
re-anchoring starts with it) and over their words (what a finer diff of the whole would cost).

Run on demand: .venv/bin/pytest tests/perf/test_perf_reanchor.py -s -p no:randomly
"""

from __future__ import annotations

import random
import re
import time
from collections import Counter
from difflib import SequenceMatcher

import pytest

from conftest import WORDS, GeneratedReport, median, print_table
from glossator.core.anchoring import Anchor, reanchor
from glossator.core.exchange import quote_context

pytestmark = pytest.mark.perf

TARGET_S = 1.0  # "well under a second"
_WORD = re.compile(r"\w+\s*|[^\w\s]\s*|\s+")


def edited(text: str, edits: int, seed: int = 11) -> str:
    """The text with `edits` changes spread over it: a sentence inserted, a word replaced,
    a few words deleted, a paragraph dropped (one of each in four)."""
    rng = random.Random(seed)
    cuts = sorted(rng.sample(range(len(text)), edits), reverse=True)
    for i, at in enumerate(cuts):
        kind = i % 4
        if kind == 0:
            text = text[:at] + " ".join(rng.choice(WORDS) for _ in range(12)) + ". " + text[at:]
        elif kind == 1:
            text = text[:at] + rng.choice(WORDS) + text[at + 6 :]
        elif kind == 2:
            text = text[:at] + text[at + rng.randint(10, 60) :]
        else:
            start = text.rfind("\n", 0, at) + 1
            end = text.find("\n", at)
            text = text[:start] + text[end + 1 :] if end > 0 else text[:start]
    return text


def anchors(report: GeneratedReport) -> list[Anchor]:
    out = []
    for _key, start, end, _color in report.highlights:
        quote, prefix, suffix = quote_context(report.text, start, end)
        out.append(Anchor(start, end, quote, prefix, suffix))
    return out


def timed(fn, runs: int = 3) -> tuple[float, object]:
    times, result = [], None
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return median(times), result


@pytest.mark.parametrize("edits", [0, 40, 400])
def test_reanchor_1mb_10000_annotations(report_1mb: GeneratedReport, edits: int) -> None:
    old = report_1mb.text
    new = edited(old, edits) if edits else old
    anns = anchors(report_1mb)
    floor, _ = timed(
        lambda: SequenceMatcher(None, old.splitlines(True), new.splitlines(True)).get_opcodes()
    )
    words, _ = timed(
        lambda: SequenceMatcher(None, _WORD.findall(old), _WORD.findall(new)).get_opcodes(), 1
    )
    figure, results = timed(lambda: reanchor(old, new, anns))
    counts = Counter(r.status for r in results)  # type: ignore[attr-defined]
    print_table(
        f"Re-anchor {len(anns):,} annotations, {len(old) / 1e6:.1f} MB, {edits} edits "
        f"({', '.join(f'{n} {s}' for s, n in sorted(counts.items()))})",
        [
            ("reanchor, median of 3", f"{figure * 1000:.0f} ms", f"{floor * 1000:.0f} ms",
             f"{figure / max(floor, 1e-6):.1f}×", f"< {TARGET_S * 1000:.0f} ms"),
            ("", "", f"{words * 1000:.0f} ms (words)", f"{figure / max(words, 1e-6):.2f}×", ""),
        ],
    )
    assert len(results) == len(anns)  # type: ignore[arg-type]
    assert figure < TARGET_S * 1.5
