"""Running the command line in-process, and the set-up the CLI tests share."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossator.cli import main
from tests.conftest import SEED_REPORT

# A sentence of the seed report, found once in it: what the tests annotate.
HAMAS = "Hamas and Hizbullah were left alone in the arena facing an unknown fate"


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """Exit status, stdout and stderr of `glossator ARGS`."""
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def seeded(capsys: pytest.CaptureFixture[str], path: Path) -> str:
    """A new workspace at `path` with the seed report imported; its location."""
    code, _, err = run(capsys, "--db", str(path), "import", str(SEED_REPORT))
    assert code == 0, err
    return str(path)


def annotate(
    capsys: pytest.CaptureFixture[str],
    db: str,
    report: str,
    quote: str,
    *options: str,
    reviewer: str | None = None,
) -> tuple[int, str, str]:
    """`glossator --db DB [--reviewer WHO] annotate REPORT --quote QUOTE OPTIONS...`."""
    who = ("--reviewer", reviewer) if reviewer else ()
    return run(capsys, "--db", db, *who, "annotate", report, "--quote", quote, *options)
