"""PDFs are read in a separate process, under limits, so that a hostile file cannot hang
or exhaust the program that imports it.

A PDF can hold a stream that inflates to gigabytes, drawings nested thousands of times, or
a page tree that never ends; pdfminer reads them all faithfully. So the reading runs in a
worker process (``pdf_worker``) with a memory cap (its address space, where the system
enforces one) and a time budget that grows with the page count the worker reports first:
``seconds`` to start, open the file and count its pages, plus ``seconds_per_page``. A
worker over its budget is killed and the file refused with a reason; so is one that runs
out of memory or dies. The worker is a fresh interpreter (``-m glossator.formats.
pdf_worker``, or the frozen program with ``--pdf-worker``): nothing of the importing
program, its windows or its database, is in it.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .errors import ImportRefused
from .pdf_result import PdfText

__all__ = ["DEFAULT_LIMITS", "PdfLimits", "read_pdf_isolated", "worker_command"]

WORKER_FLAG = "--pdf-worker"


@dataclass(frozen=True, slots=True)
class PdfLimits:
    max_pages: int = 2000
    seconds: float = 30.0  # to start, open the file and count its pages
    seconds_per_page: float = 1.0
    memory: int = 2 * 1024**3  # bytes of address space for the worker


DEFAULT_LIMITS = PdfLimits()


def worker_command() -> list[str]:
    """How to start a worker: the frozen program with its flag, else this interpreter."""
    if getattr(sys, "frozen", False):
        return [sys.executable, WORKER_FLAG]
    return [sys.executable, "-m", "glossator.formats.pdf_worker"]


def _environment() -> dict[str, str]:
    env = dict(os.environ)
    package_root = str(Path(__file__).resolve().parents[2])  # where `glossator` is found
    env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
    return env


def _feed(stdin: IO[bytes], head: bytes, data: bytes) -> None:
    try:
        stdin.write(head)
        stdin.write(data)
        stdin.close()
    except OSError:  # the worker died early; its exit says why
        pass


def _read(stdout: IO[bytes], answers: queue.Queue[dict[str, Any] | None]) -> None:
    for line in stdout:
        try:
            answers.put(json.loads(line))
        except ValueError:
            break
    answers.put(None)


def _megabytes(count: int) -> str:
    return f"{count / (1024 * 1024):,.0f} MB"


def read_pdf_isolated(
    data: bytes,
    name: str,
    limits: PdfLimits = DEFAULT_LIMITS,
    waiting: Callable[[], None] | None = None,
) -> PdfText:
    """The PDF's text, read in a worker under ``limits``; ``ImportRefused`` with a reason
    for a file refused or one that broke a limit. ``waiting`` is called about ten times a
    second while the worker reads (a window keeps painting)."""
    head = json.dumps({"name": name, "max_pages": limits.max_pages,
                       "memory": limits.memory}).encode() + b"\n"
    started = time.monotonic()
    worker = subprocess.Popen(worker_command(), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, env=_environment())
    assert worker.stdin is not None and worker.stdout is not None
    answers: queue.Queue[dict[str, Any] | None] = queue.Queue()
    threads = [threading.Thread(target=_feed, args=(worker.stdin, head, data), daemon=True),
               threading.Thread(target=_read, args=(worker.stdout, answers), daemon=True)]
    for thread in threads:
        thread.start()
    budget = limits.seconds
    try:
        while True:
            remaining = started + budget - time.monotonic()
            if remaining <= 0:
                raise ImportRefused(name, f"reading it took longer than its time limit "
                                          f"({budget:,.0f} s); the file may be hostile or damaged")
            try:
                answer = answers.get(timeout=min(remaining, 0.1))
            except queue.Empty:
                if waiting is not None:
                    waiting()
                continue
            if answer is None:
                code = worker.wait(5.0)
                raise ImportRefused(name, "the PDF reader stopped on this file (exit code "
                                          f"{code}); the file may be damaged")
            kind = answer.get("kind")
            if kind == "pages":
                budget = limits.seconds + limits.seconds_per_page * int(answer["count"])
            elif kind == "done":
                pages = tuple((int(s), int(p)) for s, p in answer["pages"])
                return PdfText(str(answer["text"]), answer["title"], pages, int(answer["count"]))
            elif kind == "refused":
                raise ImportRefused(name, str(answer["reason"]))
            elif kind == "memory":
                raise ImportRefused(name, "reading it needs more memory than its limit "
                                          f"({_megabytes(limits.memory)}); the file may be "
                                          "hostile or damaged")
            else:
                raise ImportRefused(name, f"cannot be parsed ({answer.get('what', kind)})")
    finally:
        if worker.poll() is None:
            worker.kill()
        worker.wait()
        worker.stdout.close()
