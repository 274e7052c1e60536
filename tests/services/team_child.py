"""Another reviewer in another process: one step on a workspace, its outcome as JSON.

    python -m tests.services.team_child DB REVIEWER STEP [ARGS...]

Steps: `note UUID TEXT [VERSION]` (edit the note, based on VERSION when given), `delete UUID`,
`accept UUID`, `add REPORT START END NOTE` (prints the new id), `tag NAME` (a codebook edit).
Prints {"ok": true, ...} or {"conflict": {...}} / {"refused": "..."}; exit status 0 either way.
"""

from __future__ import annotations

import json
import sys

from glossator.services import Workspace
from glossator.services.annotations import (
    AddAnnotation,
    AnnotationFields,
    DeleteAnnotations,
    EditAnnotation,
)
from glossator.services.commands import Command, CommandError
from glossator.services.conflicts import ConflictError
from glossator.services.review import DecideAnnotations
from glossator.services.tags import SaveTag, TagFields


def build(step: str, args: list[str]) -> Command:
    if step == "note":
        command: Command = EditAnnotation(args[0], AnnotationFields(note=args[1]))
        if len(args) > 2:
            command.expecting("annotation", args[0], int(args[2]))
        return command
    if step == "delete":
        return DeleteAnnotations([args[0]])
    if step == "accept":
        return DecideAnnotations([args[0]], "accepted")
    if step == "add":
        return AddAnnotation(int(args[0]), int(args[1]), int(args[2]), note=args[3])
    if step == "tag":
        return SaveTag(TagFields(args[0]))
    raise SystemExit(f"unknown step {step}")


def main(argv: list[str]) -> int:
    db, reviewer, step, *args = argv
    ws = Workspace.open(db, reviewer=reviewer, default_codebook=False)
    try:
        command = build(step, args)
        try:
            ws.run(command)
        except ConflictError as exc:
            c = exc.conflicts[0]
            out: dict[str, object] = {"conflict": {"by": c.by, "current": c.current,
                                                   "expected": c.expected}}
        except CommandError as exc:
            out = {"refused": str(exc)}
        else:
            out = {"ok": True, "uuid": getattr(command, "uuid", None)}
        print(json.dumps(out))
    finally:
        ws.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
