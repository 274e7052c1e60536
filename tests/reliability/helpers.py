"""What the fault tests share: running Glossator in another process, reading a workspace
from a fresh process (so nothing this process caches can hide a loss)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

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


class WriteLock:
    """Another process holding the workspace's write lock (BEGIN IMMEDIATE) until released:
    what a colleague's long import or a stuck program looks like to us."""

    SCRIPT = (
        "import sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1], isolation_level=None)\n"
        "c.execute('BEGIN IMMEDIATE')\n"
        "print('locked', flush=True)\n"
        "sys.stdin.readline()\n"
        "c.execute('ROLLBACK')\n"
        "c.close()\n"
    )

    def __init__(self, db: Path) -> None:
        self.db = db
        self.process: subprocess.Popen[str] | None = None

    def __enter__(self) -> WriteLock:
        self.process = subprocess.Popen(
            [sys.executable, "-c", self.SCRIPT, str(self.db)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        )
        assert self.process.stdout is not None
        assert self.process.stdout.readline().strip() == "locked"
        return self

    def release(self) -> None:
        if self.process is not None and self.process.poll() is None:
            assert self.process.stdin is not None
            self.process.stdin.write("\n")
            self.process.stdin.flush()
            self.process.wait(timeout=30)

    def __exit__(self, *_: object) -> None:
        self.release()


def mount_tmpfs(folder: Path, size: str) -> bool:
    """Mount a small tmpfs on `folder` (root only); False where the machine does not allow it."""
    folder.mkdir(parents=True, exist_ok=True)
    if os.geteuid() != 0:
        return False
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                          capture_output=True)
    return done.returncode == 0


@contextmanager
def tmpfs_or_skip(folder: Path, size: str, unchecked: str) -> Iterator[Path]:
    """`folder` as a tmpfs of `size` for the block, unmounted after it; the test is skipped,
    saying what goes `unchecked`, where the machine does not allow the mount."""
    if not mount_tmpfs(folder, size):
        pytest.skip(f"cannot mount a tmpfs here (needs root): {unchecked} is not checked on "
                    "this machine")
    try:
        yield folder
    finally:
        unmount(folder)


def remount(folder: Path, mode: str) -> None:
    subprocess.run(["mount", "-o", f"remount,{mode}", str(folder)], check=True)


def unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)
