"""A worker for the crash tests: it edits a workspace in a loop and prints `ACK ...` (flushed)
after each step has returned, that is, after its transaction committed. The test kills it
with SIGKILL at some point and checks that every acknowledged step is in the workspace.

    python crash_child.py MODE DB [ARG]

MODE: annotate | review | reimport FILE_A FILE_B FILE_C | undo | export DEST WHOLE
"""

from __future__ import annotations

import sys
import uuid as uuidlib
from pathlib import Path
from typing import Any

from glossator.formats import jsonl
from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.exchange import export_annotations
from glossator.services.reimport import ReimportReport
from glossator.services.review import DecideAnnotations


def ack(*words: object) -> None:
    print("ACK", *words, flush=True)


def annotate(ws: Workspace, report: int) -> None:
    length = len(ws.report_text(report).text)
    i = 0
    while True:
        start = (i * 37) % (length - 40)
        command = AddAnnotation(report, start, start + 1 + i % 30, uuid=str(uuidlib.uuid4()),
                                note=f"crash test {i}")
        ws.run(command)
        ack(command.uuid)
        i += 1


def review(ws: Workspace, report: int) -> None:
    for a in sorted(ws.annotations(report), key=lambda a: a.start):
        if a.author != ws.reviewer and a.status == "proposed":
            ws.run(DecideAnnotations([a.id], "accepted"))
            ack(a.id)


def reimport(ws: Workspace, report: int, files: list[Path]) -> None:
    i = 0
    while True:
        path = files[i % 2]
        ws.run(ReimportReport.from_file(report, path))
        ack(path.name)
        i += 1


def undo(ws: Workspace, report: int) -> None:
    i = 0
    while True:
        command = AddAnnotation(report, i % 500, i % 500 + 12, uuid=str(uuidlib.uuid4()))
        ws.run(command)
        ack("add", command.uuid)
        ws.revert(command)
        ack("undo", command.uuid)
        i += 1


def export(ws: Workspace, dest: Path, whole: int) -> None:
    """Export `whole` times; the next export stops half way through writing its lines and
    says MIDWAY, so the kill lands in the middle of writing the file."""
    real = jsonl.annotation_to_dict
    calls = 0

    def counting(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1500:
            print("MIDWAY", flush=True)
            sys.stdin.readline()  # wait here for the kill
        return real(*args)

    for _ in range(whole):
        written = export_annotations(ws, "jsonl", dest, overwrite=True)
        ack(len(written.annotations))
    jsonl.annotation_to_dict = counting  # type: ignore[assignment]
    export_annotations(ws, "jsonl", dest, overwrite=True)


def main(argv: list[str]) -> None:
    mode, db = argv[0], Path(argv[1])
    reviewer = "ben" if mode == "review" else "ana"
    ws = Workspace.open(db, reviewer=reviewer)
    report = ws.reports()[0].id
    print("READY", flush=True)
    if mode == "annotate":
        annotate(ws, report)
    elif mode == "review":
        review(ws, report)
    elif mode == "reimport":
        reimport(ws, report, [Path(argv[2]), Path(argv[3])])
    elif mode == "undo":
        undo(ws, report)
    elif mode == "export":
        export(ws, Path(argv[2]), int(argv[3]))
    print("DONE", flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
