"""The worker process that reads one PDF: ``python -m glossator.formats.pdf_worker``
(in the frozen build, ``glossator --pdf-worker``), started by ``pdf_sandbox``.

It reads a JSON line (the file's name, the page limit, the memory cap) and then the PDF's
bytes from its standard input, caps its own address space, and writes its answers to its
standard output, one JSON object a line: ``{"kind": "pages", "count": n}`` once the pages
are counted, then one of ``done`` (text, title, pages, count), ``refused`` (reason),
``memory`` or ``error`` (what failed). JSON, not pickle: the parent never unpickles what
a process reading hostile input wrote.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, BinaryIO

__all__ = ["main"]


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


def _send(out: BinaryIO, message: dict[str, Any]) -> None:
    out.write(json.dumps(message, ensure_ascii=True).encode("ascii") + b"\n")
    out.flush()


def main() -> int:
    out = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    sys.stdout = sys.stderr  # nothing a library prints can get into the answers
    request = json.loads(sys.stdin.buffer.readline())
    _limit_memory(int(request["memory"]))
    message: dict[str, Any]
    try:
        from .errors import ImportRefused
        from .pdf_extract import extract_pdf

        data = sys.stdin.buffer.read()
        try:
            text = extract_pdf(data, str(request["name"]), int(request["max_pages"]),
                               lambda n: _send(out, {"kind": "pages", "count": n}))
            message = {"kind": "done", "text": text.text, "title": text.title,
                       "pages": text.pages, "count": text.page_count}
        except ImportRefused as exc:
            message = {"kind": "refused", "reason": exc.reason}
        except RecursionError:
            message = {"kind": "refused", "reason": "damaged PDF: its drawings nest without end"}
        except MemoryError:
            raise
        except Exception as exc:  # any reader fault refuses the file
            message = {"kind": "error", "what": type(exc).__name__}
    except MemoryError:
        message = {"kind": "memory"}
    _send(out, message)
    return 0


if __name__ == "__main__":
    sys.exit(main())
