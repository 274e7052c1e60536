"""PDFs are read in a separate process, under limits, so that a hostile file cannot hang
or exhaust the program that imports it.

A PDF can hold a stream that inflates to gigabytes, drawings nested thousands of times, or
a page tree that never ends; pdfminer reads them all faithfully. So the reading runs in a
worker process with a memory cap (its address space, where the system enforces one) and
a time budget that grows with the page count the worker reports first: ``seconds`` to
open the file and count its pages, plus ``seconds_per_page``. A worker over its budget is
killed and the file refused with a reason; so is one that runs out of memory or dies.

The worker is forked from a server process that has the reader loaded already (where the
system has ``forkserver``), else started afresh (Windows, macOS app bundles).
"""

from __future__ import annotations

import multiprocessing
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from typing import Any

from .errors import ImportRefused
from .pdf_extract import PdfText

__all__ = ["DEFAULT_LIMITS", "PdfLimits", "read_pdf_isolated"]

_WORKER_MODULE = "glossator.formats.pdf_extract"


@dataclass(frozen=True, slots=True)
class PdfLimits:
    max_pages: int = 2000
    seconds: float = 30.0  # to start, open the file and count its pages
    seconds_per_page: float = 1.0
    memory: int = 2 * 1024**3  # bytes of address space for the worker


DEFAULT_LIMITS = PdfLimits()


def _limit_memory(limit: int) -> None:
    try:
        import resource
    except ImportError:  # Windows: no rlimits; the time budget still holds
        return
    try:
        _soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = limit if hard == resource.RLIM_INFINITY else min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))
    except (ValueError, OSError):
        pass


def _work(conn: Connection, data: bytes, name: str, limits: PdfLimits) -> None:
    """The worker: reads the PDF and sends ("pages", n), then one of ("done", fields),
    ("refused", reason), ("memory", ""), ("error", what)."""
    _limit_memory(limits.memory)
    from .pdf_extract import extract_pdf

    message: tuple[str, Any]
    try:
        text = extract_pdf(data, name, limits.max_pages, lambda n: conn.send(("pages", n)))
        message = ("done", (text.text, text.title, text.pages, text.page_count))
    except ImportRefused as exc:
        message = ("refused", exc.reason)
    except MemoryError:
        message = ("memory", "")
    except RecursionError:
        message = ("refused", "damaged PDF: its drawings nest without end")
    except Exception as exc:  # any reader fault refuses the file
        message = ("error", type(exc).__name__)
    del data
    try:
        conn.send(message)
    finally:
        conn.close()


def _context() -> Any:
    frozen = getattr(sys, "frozen", False)
    if "forkserver" in multiprocessing.get_all_start_methods() and not frozen:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload([_WORKER_MODULE])
        return context
    return multiprocessing.get_context("spawn")


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
    context = _context()
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_work, args=(sender, data, name, limits),
                             name="glossator-pdf-reader", daemon=True)
    started = time.monotonic()
    budget = limits.seconds
    worker.start()
    sender.close()
    try:
        while True:
            remaining = started + budget - time.monotonic()
            if remaining <= 0:
                raise ImportRefused(name, f"reading it took longer than its time limit "
                                          f"({budget:,.0f} s); the file may be hostile or damaged")
            if not receiver.poll(min(remaining, 0.1)):
                if waiting is not None:
                    waiting()
                continue
            try:
                kind, value = receiver.recv()
            except EOFError:
                worker.join(1.0)
                raise ImportRefused(name, "the PDF reader stopped on this file (exit code "
                                          f"{worker.exitcode}); the file may be damaged") from None
            if kind == "pages":
                budget = limits.seconds + limits.seconds_per_page * int(value)
            elif kind == "done":
                text, title, pages, count = value
                return PdfText(text, title, tuple(tuple(p) for p in pages), count)
            elif kind == "refused":
                raise ImportRefused(name, str(value))
            elif kind == "memory":
                raise ImportRefused(name, "reading it needs more memory than its limit "
                                          f"({_megabytes(limits.memory)}); the file may be "
                                          "hostile or damaged")
            else:
                raise ImportRefused(name, f"cannot be parsed ({value})")
    finally:
        receiver.close()
        if worker.is_alive():
            worker.kill()
        worker.join(5.0)
