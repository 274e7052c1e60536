"""The schema revisions this version knows, without importing Alembic.

Opening a workspace that is already current must not pay for Alembic's import and script
parsing (a tenth of a second at start-up); a test keeps these in step with the migrations.
"""

from __future__ import annotations

from glossator.store.errors import NewerSchema

KNOWN_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006", "0007")
HEAD_REVISION = KNOWN_REVISIONS[-1]


def refuse_unknown(revision: str | None, where: str) -> None:
    if revision is not None and revision not in KNOWN_REVISIONS:
        raise NewerSchema(
            f"{where}: written by a newer version of Glossator (schema {revision}); "
            "it was not changed. Open it with that version or newer."
        )
