"""Two Workspaces on one file in one process, another process in between: nothing lost.

Before one engine was shared per file, opening the second Workspace read the database
header with a plain open()/close(), which released every POSIX lock the process held on the
file. The next process to close the workspace took itself for the last user and deleted the
write-ahead log: this process's later commits went into the deleted log (no other process
could see them) and, when it closed, were checkpointed over what others had committed
meanwhile. Both halves are checked here, across real processes.
"""

from __future__ import annotations

from pathlib import Path

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from tests.conftest import SEED_REPORT
from tests.reliability.helpers import fresh_count, glossator, integrity

COUNT = "SELECT count(*) FROM annotations"


def test_commits_survive_a_second_workspace_and_another_process(tmp_path: Path) -> None:
    db = tmp_path / "ws.sqlite3"
    assert glossator("--db", str(db), "import", str(SEED_REPORT)).returncode == 0
    first = Workspace.open(db, reviewer="ana")
    report = first.reports()[0].id
    first.run(AddAnnotation(report, 0, 10))
    second = Workspace.open(db, reviewer="ben")  # as the self-test or an "open" menu would
    try:
        listing = glossator("--db", str(db), "reports")  # another process opens and exits
        assert listing.returncode == 0, listing.stderr
        for i in range(10):
            first.run(AddAnnotation(report, 20 + i, 40 + i))
        assert fresh_count(db, COUNT) == 11, "acknowledged commits must be visible to others"
        # another process commits meanwhile
        quote = "Hamas and Hizbullah were left alone"
        other = glossator("--db", str(db), "--reviewer", "cy", "annotate", str(report),
                          "--quote", quote)
        assert other.returncode == 0, other.stderr
        second.run(AddAnnotation(report, 50, 60))
        assert len(first.annotations(report)) == 13
    finally:
        second.close()
        first.close()
    assert fresh_count(db, COUNT) == 13, "nobody's acknowledged edit may be lost on close"
    assert integrity(db) == "ok"
