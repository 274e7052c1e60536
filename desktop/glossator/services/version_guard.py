"""Optimistic concurrency inside one command's transaction.

Every command that changes or deletes a versioned row (an *entity*: see store/versions.py)
asks the transaction's `VersionGuard` to `check` it first: the guard reads the row's version
(locking it until the commit) and compares it with what the command expects, which is

- after a step of the command was committed: the version that step left (so an undo or a
  redo refuses when someone else has changed the row since), else
- the version of the value the command was built from (`Command.based_on(view)`), else
- nothing: a command built without a view takes the row as it is now.

A mismatch raises `ConflictError` before anything is written. The command then marks what
it changes (`touch`) or inserts (`created`). At the end of the transaction `finalize` moves
every touched entity on by exactly one version (however many statements changed it) and
writes the version into the command's history events; after the commit `settle` tells each
command the versions it left. A transaction that fails leaves the commands as they were, so
a retried step expects the same versions again.

Keys are `(table name, public key)`: an annotation's or review's UUID, anything else's id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection

from glossator.services import queries
from glossator.services.conflicts import Conflict, ConflictError, describe
from glossator.store.models import utcnow
from glossator.store.versions import ENTITIES, read_versions, set_versions

if TYPE_CHECKING:
    from glossator.services.commands import Command
    from glossator.services.version_aliases import VersionAliases

Key = tuple[str, str]
MAX_DESCRIBED = 20  # conflicts described in full (who, when, their values); the rest counted


class Unchecked:
    """The command does not know which version to expect: any will do."""


UNCHECKED = Unchecked()
Expectation = int | None | Unchecked


def uses_uuid(table_name: str) -> bool:
    return ENTITIES[table_name][1] == "uuid"


class VersionGuard:
    def __init__(self, connection: Callable[[], Connection], undoing: bool = False,
                 aliases: VersionAliases | None = None) -> None:
        self._conn = connection
        self.undoing = undoing
        self._aliases = aliases
        self._base: dict[Key, int | None] = {}  # the version when first seen in this transaction
        self._pk: dict[Key, int] = {}
        self._touched: set[Key] = set()
        self._created: set[Key] = set()
        self._owners: dict[int, tuple[Command, set[Key]]] = {}
        self._final: dict[Key, int | None] = {}

    # -- seeing rows --------------------------------------------------------------------

    def _remember(self, table_name: str, found: dict[int, tuple[str, int]]) -> None:
        for pk, (public, version) in found.items():
            key = (table_name, public)
            self._pk[key] = pk
            self._base.setdefault(key, version)

    def keys_of_ids(self, owner: Command, table_name: str, ids: Iterable[int]) -> list[Key]:
        """The entity keys of rows given by primary key (locked). A row that is gone is
        known by the key the command saw it under before; one it never saw is left out."""
        wanted = [i for i in dict.fromkeys(ids)]
        known = {pk: key for key, pk in self._pk.items() if key[0] == table_name}
        fresh = [i for i in wanted if i not in known]
        if fresh:
            found = read_versions(self._conn(), table_name, ids=fresh)
            self._remember(table_name, found)
            known.update({pk: (table_name, pub) for pk, (pub, _v) in found.items()})
        keys: list[Key] = []
        for pk in wanted:
            key = known.get(pk)
            if key is None:
                public = owner.public_key_of(table_name, pk)
                if public is None:
                    continue
                key = (table_name, public)
                self._base.setdefault(key, None)
            keys.append(key)
        return keys

    def see(self, keys: Iterable[Key]) -> None:
        """Read (and lock) the versions of these entities, once per transaction."""
        by_table: dict[str, list[str]] = {}
        for key in keys:
            if key not in self._base:
                by_table.setdefault(key[0], []).append(key[1])
        for table_name, publics in by_table.items():
            self._remember(table_name, read_versions(self._conn(), table_name,
                                                     public_keys=publics))
            for public in publics:
                self._base.setdefault((table_name, public), None)

    def _same(self, key: Key, found: int | None, want: int | None) -> bool:
        if self._aliases is None:
            return found == want
        return self._aliases.same(key, found, want)

    def version(self, key: Key) -> int | None:
        """The version of an entity when this transaction first saw it (None: absent)."""
        self.see([key])
        return self._base[key]

    # -- checking -----------------------------------------------------------------------

    def check(self, owner: Command, keys: Iterable[Key]) -> None:
        """Refuse (ConflictError) unless each entity is at the version `owner` expects."""
        keys = list(dict.fromkeys(keys))
        self.see(keys)
        self._own(owner, keys)
        wrong = []
        for key in keys:
            want = owner.expected_version(key)
            if not isinstance(want, Unchecked) and not self._same(key, self._base[key], want):
                wrong.append((key, want))
        if wrong:
            raise ConflictError(self._describe(wrong), undoing=self.undoing)

    def refuse_present(self, owner: Command, keys: Iterable[Key]) -> None:
        """Refuse (ConflictError) if any of these entities, which the command never saw,
        exists: someone else made it, and the step would undo their work (unless the
        command was rebased on exactly that version)."""
        keys = list(dict.fromkeys(keys))
        self.see(keys)
        present: list[tuple[Key, int | None]] = []
        for key in keys:
            want = owner.expected_version(key)
            if self._base[key] is not None and (
                isinstance(want, Unchecked) or not self._same(key, self._base[key], want)
            ):
                present.append((key, None))
        if present:
            raise ConflictError(self._describe(present), undoing=self.undoing)

    def refuse_changed(self, owner: Command, keys: Iterable[Key]) -> None:
        """Refuse (ConflictError) for these entities, found changed by someone else in a
        way the step would overwrite, unless the command was rebased on their version."""
        keys = list(dict.fromkeys(keys))
        self.see(keys)
        wrong: list[tuple[Key, int | None]] = []
        for key in keys:
            want = owner.expected_version(key)
            if isinstance(want, Unchecked) or not self._same(key, self._base[key], want):
                wrong.append((key, want if isinstance(want, int) else None))
        if wrong:
            raise ConflictError(self._describe(wrong), undoing=self.undoing)

    def _describe(self, wrong: list[tuple[Key, int | None]]) -> list[Conflict]:
        conn = self._conn()
        out: list[Conflict] = []
        for (table_name, public), want in wrong[:MAX_DESCRIBED]:
            key = (table_name, public)
            current, pk = self._base[key], self._pk.get(key)
            view = None
            if table_name == "annotations" and current is not None:
                found = queries.annotation_views(conn, uuids=[public])
                view = found[0] if found else None
            out.append(describe(conn, table_name, pk, public, want, current, view))
        for (table_name, public), want in wrong[MAX_DESCRIBED:]:
            out.append(Conflict(ENTITIES[table_name][0], public, want,
                                self._base[(table_name, public)], None, None, None, None))
        return out

    # -- changing -----------------------------------------------------------------------

    def touch(self, owner: Command, keys: Iterable[Key]) -> None:
        """These entities (or rows of theirs) are changed, deleted or put back by `owner`."""
        keys = list(keys)
        self.see(keys)
        self._own(owner, keys)
        self._touched.update(keys)

    def created(self, owner: Command, keys: Iterable[Key], version: int = 1) -> None:
        """These entities were inserted by `owner` in this transaction, at `version` (their
        first; or, put back by a redo, the one they had): nothing to move on or read."""
        keys = list(keys)
        for key in keys:
            self._base.setdefault(key, None)
            self._final[key] = version
        self._own(owner, keys)
        self._created.update(keys)

    def _own(self, owner: Command, keys: Iterable[Key]) -> None:
        entry = self._owners.setdefault(id(owner), (owner, set()))
        entry[1].update(keys)

    def finalize(self, events: list[dict[str, Any]], command: str, action: str,
                 reviewer: str | None) -> None:
        """Move each touched entity on by one version and note the versions in `events`
        (adding an event for an entity the command's own events do not name)."""
        conn = self._conn()
        by_table: dict[str, list[Key]] = {}
        for key in self._touched - self._created:
            by_table.setdefault(key[0], []).append(key)
        final: dict[Key, int | None] = {k: self._final[k] for k in self._created}
        for table_name, keys in by_table.items():
            now = read_versions(conn, table_name, public_keys=[k[1] for k in keys], lock=False)
            current = {(table_name, pub): (pk, v) for pk, (pub, v) in now.items()}
            moves: dict[int, int] = {}
            for key in keys:
                if key not in current:
                    final[key] = None
                    continue
                pk, version = current[key]
                base = self._base.get(key)
                if base is None:  # put back: above any version it ever had
                    base = max(version, *self._highest(key))
                new = base + 1
                final[key], moves[pk] = new, new
            set_versions(conn, table_name, moves)
        self._final = final
        self._note(events, final, self._created, command, action, reviewer)

    @staticmethod
    def _note(events: list[dict[str, Any]], final: dict[Key, int | None], created: set[Key],
              command: str, action: str, reviewer: str | None) -> None:
        """Versions into the step's own history events; an event of its own for a changed
        entity none of them names (a new one needs none: nobody collides with a first
        version that nobody else has seen)."""
        named = {(e["entity"], e["entity_id"]): e for e in events}
        for (table_name, public), version in final.items():
            kind = ENTITIES[table_name][0]
            event = named.get((kind, public))
            if event is not None:
                event["version"] = version
                continue
            if (table_name, public) in created:
                continue
            events.append({
                "at": utcnow(), "reviewer": reviewer,
                "command": command, "action": action, "entity": kind, "entity_id": public,
                "old": None, "new": None if version is None else {"version": version},
                "version": version,
            })

    def _highest(self, key: Key) -> list[int]:
        return [owner.highest_version(key) for owner, keys in self._owners.values()
                if key in keys]

    def settle(self) -> None:
        """After the commit: each command learns the versions its step left."""
        for owner, keys in self._owners.values():
            left = {k: self._final.get(k, self._base.get(k)) for k in keys}
            owner.note_versions(
                left,
                {k: self._base.get(k) for k in keys},
                {k: self._pk[k] for k in keys if k in self._pk},
                self.undoing,
                self._aliases,
            )
