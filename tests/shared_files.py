"""Files the tests read from `../shared` (beside the repository): the W3C and REFI-QDA
conformance suites. Locally a missing suite skips the tests that need it, with the reason;
under CI (`CI` set to true, as CI services and .ci/run set it) it fails them, so a build
that lost the suites cannot pass by running none of them."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FORMATS = SHARED / "formats"


def under_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1", "yes")


def require(path: Path, what: str) -> Path:
    """`path`, or a skip (locally) / a failure (under CI) naming what is missing."""
    if path.is_file():
        return path
    reason = f"{what} is not at {path} (shared/ beside the repo)"
    if under_ci():
        pytest.fail(f"{reason}: CI must provide it", pytrace=False)
    pytest.skip(reason)
