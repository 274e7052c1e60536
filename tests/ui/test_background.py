"""Work run away from the window's thread: its result comes back on the window's thread,
only the newest job's result is delivered, and Python switches threads often meanwhile."""

from __future__ import annotations

import sys
import threading

from glossator.ui.common.background import SWITCH_INTERVAL, Background


def test_the_result_comes_back_on_the_windows_thread(qtbot):
    background = Background()
    got: list[tuple[int, bool]] = []
    background.run(lambda: sum(range(1000)),
                   lambda r: got.append((r, threading.current_thread() is threading.main_thread())))
    qtbot.waitUntil(lambda: bool(got))
    assert got == [(499500, True)]
    assert not background.busy


def test_only_the_newest_jobs_result_is_delivered(qtbot):
    background = Background()
    release = threading.Event()
    got: list[str] = []

    def slow() -> str:
        assert sys.getswitchinterval() == SWITCH_INTERVAL  # switching often while it runs
        release.wait(5)
        return "old"

    background.run(slow, got.append)
    background.run(lambda: "new", got.append)
    qtbot.waitUntil(lambda: got == ["new"])
    release.set()
    qtbot.wait(100)
    assert got == ["new"]


def test_a_cancelled_job_delivers_nothing(qtbot):
    background = Background()
    got: list[str] = []
    release = threading.Event()
    background.run(lambda: release.wait(5) and "late", got.append)
    background.cancel()
    release.set()
    qtbot.wait(150)
    assert got == [] and not background.busy
