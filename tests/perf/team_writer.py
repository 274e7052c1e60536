"""One writer of the team benchmark, in a process of its own.

    python -m tests.perf.team_writer LOCATION WRITER SECONDS SHARED_UUIDS_FILE OUT_FILE

For SECONDS it alternates: add an annotation of its own (a unique note), or read one of
the shared annotations and edit its note based on what it read. It writes what it did to
OUT_FILE as JSON: every acknowledged add and edit (with the version edited and made), the
conflicts, the errors, and the commit latency of each acknowledged step (a SQLite busy wait
is part of it).
"""

from __future__ import annotations

import json
import random
import sys
import time
from pathlib import Path

from glossator.services import CommandError, Workspace
from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
from glossator.services.conflicts import ConflictError


def main(argv: list[str]) -> int:
    location, writer, seconds, shared_file, out_file = argv
    shared = json.loads(Path(shared_file).read_text())
    rng = random.Random(writer)
    adds: list[dict[str, object]] = []
    edits: list[dict[str, object]] = []
    latencies: list[float] = []
    conflicts, errors = 0, []
    ws = Workspace.open(location, reviewer=f"writer-{writer}", default_codebook=False)
    report = ws.reports()[0].id
    deadline = time.monotonic() + float(seconds)
    n = 0
    try:
        while time.monotonic() < deadline:
            n += 1
            note = f"{writer}:{n}"
            try:
                if rng.random() < 0.5:
                    start = rng.randrange(0, 5000)
                    command = AddAnnotation(report, start, start + rng.randint(5, 60), note=note)
                    t = time.perf_counter()
                    ws.run(command)
                    latencies.append(time.perf_counter() - t)
                    adds.append({"uuid": command.uuid, "note": note})
                else:
                    uuid = rng.choice(shared)
                    view = ws.annotation(uuid)
                    assert view is not None
                    edit = EditAnnotation(uuid, AnnotationFields(note=note)).based_on(view)
                    t = time.perf_counter()
                    ws.run(edit)
                    latencies.append(time.perf_counter() - t)
                    edits.append({"uuid": uuid, "base": view.version, "note": note,
                                  "made": edit.version_left("annotation", uuid)})
            except ConflictError:
                conflicts += 1
            except (CommandError, Exception) as exc:  # every other failure is an error
                errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        ws.close()
    Path(out_file).write_text(json.dumps({
        "adds": adds, "edits": edits, "latencies": latencies, "conflicts": conflicts,
        "errors": errors,
    }))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
