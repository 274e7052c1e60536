"""What the fault tests share: running Glossator in another process, reading a workspace
from a fresh process (so nothing this process caches can hide a loss)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def child_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT / "desktop"), str(ROOT)])
    env.update(extra)
    return env


def glossator(*args: str, timeout: float = 120, **env: str) -> subprocess.CompletedProcess[str]:
    """`glossator ARGS` in a new process; its exit status, stdout and stderr."""
    return subprocess.run(
        [sys.executable, "-m", "glossator", *args],
        capture_output=True, text=True, timeout=timeout, env=child_env(**env),
    )


def fresh_count(db: Path, sql: str) -> int:
    """One number read by a new process through SQLite alone."""
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute(sys.argv[2]).fetchone()[0]); c.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db), sql], capture_output=True, text=True, check=True
    )
    return int(out.stdout)


def fresh_rows(db: Path, sql: str) -> list[list[object]]:
    """Rows read by a new process through SQLite alone (as JSON lists)."""
    code = (
        "import json, sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(json.dumps([list(r) for r in c.execute(sys.argv[2])])); c.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db), sql], capture_output=True, text=True, check=True
    )
    rows: list[list[object]] = json.loads(out.stdout)
    return rows


def integrity(db: Path) -> str:
    code = (
        "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
        "print(c.execute('PRAGMA integrity_check').fetchone()[0]); c.close()"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(db)], capture_output=True, text=True, check=True
    )
    return out.stdout.strip()
