"""Mutants set aside in a session: those in type annotations (never evaluated in a module with
``from __future__ import annotations``) and, for a group too large to run in full, those left
out of a random sample. Both are recorded as cosmic-ray's SKIPPED results, so `exec` passes
them by; the reason is the result's output.

The sample is drawn with a fixed seed from the group's mutants in a fixed order (module,
then where the mutant starts, then operator and occurrence), never from cosmic-ray's job
ids, which are random at each `init`: the same seed picks the same mutants from the same
source. The score of a sample is reported with its Wilson 95% interval.
"""

from __future__ import annotations

import math
import random
import sqlite3
from pathlib import Path

ANNOTATION = "annotation: never evaluated"
NOT_SAMPLED = "not in the sample"

Key = tuple[str, int, int, str, str, int]


def mutants(module: str, session: Path) -> dict[Key, str]:
    """Every mutant of a session by its stable key: module, line, column, operator, args,
    occurrence."""
    with sqlite3.connect(session) as db:
        rows = db.execute(
            "SELECT start_pos_row, start_pos_col, operator_name, COALESCE(operator_args, ''),"
            " occurrence, job_id FROM mutation_specs"
        ).fetchall()
    return {(module, row, col, op, args, occ): job for row, col, op, args, occ, job in rows}


def skip(session: Path, jobs: list[str], why: str) -> int:
    """Mark jobs without a result as skipped for `why`; how many were marked."""
    with sqlite3.connect(session) as db:
        done = {j for (j,) in db.execute("SELECT job_id FROM work_results")}
        todo = [(why, j) for j in jobs if j not in done]
        db.executemany(
            "INSERT INTO work_results (worker_outcome, output, test_outcome, diff, job_id)"
            " VALUES ('SKIPPED', ?, NULL, '', ?)", todo)
    return len(todo)


def unskip_sample(session: Path) -> None:
    """Forget the mutants an earlier sample left out (a sample drawn again)."""
    with sqlite3.connect(session) as db:
        db.execute("DELETE FROM work_results WHERE worker_outcome = 'SKIPPED'"
                   " AND output LIKE ?", (NOT_SAMPLED + "%",))


def sampled(session: Path) -> str | None:
    """How the session's sample was drawn (its size, population and seed), if it was."""
    with sqlite3.connect(session) as db:
        row = db.execute("SELECT output FROM work_results WHERE worker_outcome = 'SKIPPED'"
                         " AND output LIKE ? LIMIT 1", (NOT_SAMPLED + "%",)).fetchone()
    return row[0][len(NOT_SAMPLED) + 2:] if row else None


def draw(population: list[Key], size: int, seed: int) -> set[Key]:
    """`size` keys of the population, the same ones for the same seed and population."""
    ordered = sorted(population)
    if size >= len(ordered):
        return set(ordered)
    return set(random.Random(seed).sample(ordered, size))


def wilson(successes: int, trials: int, z: float = 1.959964) -> tuple[float, float]:
    """The Wilson score interval (95% by default) of a proportion."""
    if trials == 0:
        return 0.0, 1.0
    p = successes / trials
    centre = p + z * z / (2 * trials)
    spread = z * math.sqrt(p * (1 - p) / trials + z * z / (4 * trials * trials))
    lower = (centre - spread) / (1 + z * z / trials)
    upper = (centre + spread) / (1 + z * z / trials)
    return max(0.0, lower), min(1.0, upper)
