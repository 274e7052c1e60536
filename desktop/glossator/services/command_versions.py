"""Optimistic-concurrency bookkeeping of a command (mixed into `Command`): the versions
it expects (from the values it was built on, or left by its last committed step), and what
it learned after each commit. See version_guard.py for how a transaction uses them and
version_aliases.py for why one's own undo chain is no conflict."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Protocol, Self

from glossator.services.version_guard import UNCHECKED, Expectation, Key
from glossator.store.versions import KIND_TABLE

if TYPE_CHECKING:
    from glossator.services.conflicts import ConflictError
    from glossator.services.version_aliases import VersionAliases


class Versioned(Protocol):
    """A value read at some version of its row (AnnotationView, ReviewEntry, TagView, ...)."""

    @property
    def version(self) -> int: ...

    @property
    def version_key(self) -> tuple[str, str]: ...


class CommandVersions:
    """What a command knows about row versions; every method is safe to call any time."""

    def parts(self) -> tuple[CommandVersions, ...]:
        """The commands this one runs (a Batch's steps), for `rebase`."""
        return ()

    def _versions(self) -> dict[str, Any]:
        found: dict[str, Any] | None = self.__dict__.get("_version_state")
        if found is None:
            found = {"left": {}, "based": {}, "names": {}, "from": {}, "to": {}, "high": {},
                     "forced": set()}
            self.__dict__["_version_state"] = found
        return found

    def based_on(self, *values: Versioned) -> Self:
        """Expect the rows of these values at the versions they were read at: if someone
        has changed one since, the command is refused with a ConflictError."""
        based = self._versions()["based"]
        for value in values:
            based[value.version_key] = value.version
        return self

    def expecting(self, kind: str, key: str, version: int | None) -> Self:
        """Expect one row ("annotation", uuid) at `version` (None: that it does not exist)."""
        self._versions()["based"][(KIND_TABLE[kind], key)] = version
        return self

    def expected_version(self, key: Key) -> Expectation:
        state = self._versions()
        if key in state["left"]:
            return state["left"][key]  # type: ignore[no-any-return]
        if key in state["based"]:
            return state["based"][key]  # type: ignore[no-any-return]
        return UNCHECKED

    def note_versions(
        self,
        left: Mapping[Key, int | None],
        base: Mapping[Key, int | None],
        pks: Mapping[Key, int],
        undoing: bool,
        aliases: VersionAliases | None,
    ) -> None:
        """Called after a commit with the versions the step found (`base`) and left. An
        undo's result holds the values the first apply started from, a redo's those the
        first apply made: recorded in `aliases` (see version_aliases.py)."""
        state = self._versions()
        for key, version in left.items():
            if not undoing and key not in state["to"]:
                state["from"][key], state["to"][key] = base.get(key), version
            elif aliases is not None and key not in state["forced"]:
                aliases.join(key, version, state["from" if undoing else "to"].get(key))
            seen = [v for v in (version, base.get(key), state["high"].get(key)) if v is not None]
            state["high"][key] = max(seen, default=0)
        state["left"].update(left)
        state["forced"].clear()
        for (table_name, public), pk in pks.items():
            state["names"][(table_name, pk)] = public

    def highest_version(self, key: Key) -> int:
        """The highest version this command has seen the row at (0: none)."""
        return int(self._versions()["high"].get(key, 0))

    def remember_key(self, table_name: str, pk: int, public: str) -> None:
        self._versions()["names"][(table_name, pk)] = public

    def public_key_of(self, table_name: str, pk: int) -> str | None:
        """The public key of a row this command has seen (even if it is gone since)."""
        found = self._versions()["names"].get((table_name, pk))
        if found is not None:
            return str(found)
        return None if table_name in ("annotations", "reviews") else str(pk)

    def version_left(self, kind: str, key: str) -> int | None:
        """The version this command's last committed step left on a row (None: unknown or
        deleted), e.g. to base the next edit of the same annotation on."""
        found = self._versions()["left"].get((KIND_TABLE[kind], key))
        return found if isinstance(found, int) else None

    def rebase(self, error: ConflictError) -> None:
        """Take the versions a conflict found as the ones to expect ("keep mine"): run again,
        the command applies (or undoes) on top of the other change, and is still refused if
        yet another change comes in between."""
        state = self._versions()
        for c in error.conflicts:
            key = (KIND_TABLE[c.entity], c.key)
            state["left" if key in state["left"] else "based"][key] = c.current
            state["forced"].add(key)
        for part in self.parts():
            part.rebase(error)
