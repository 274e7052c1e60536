"""The codebook: tags, speakers, targets and the stance scale a team annotates with.

Plain immutable values. `Codebook.validate` lists what is wrong in words a user can act on;
`Codebook.merged` combines two codebooks by name, as when a colleague's codebook is imported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import Any, Protocol, TypeVar

from glossator.core.names import name_key

STANCE_DEFAULTS = ("favor", "against", "neutral", "none")
DEFAULT_TAG_COLOR = "#ffd966"
SHORTCUT_KEYS = tuple("123456789")
_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")


def is_color(value: str) -> bool:
    """A colour as the codebook stores it: #rrggbb."""
    return _COLOR.match(value) is not None


class SpeakerKind(StrEnum):
    PERSON = "person"
    GROUP = "group"


@dataclass(frozen=True, slots=True)
class TagDef:
    name: str
    parent: str | None = None
    color: str = DEFAULT_TAG_COLOR
    shortcut: str | None = None
    description: str = ""


@dataclass(frozen=True, slots=True)
class SpeakerDef:
    name: str
    aliases: tuple[str, ...] = ()
    kind: SpeakerKind = SpeakerKind.PERSON
    affiliation: str = ""
    role: str = ""
    description: str = ""


@dataclass(frozen=True, slots=True)
class TargetDef:
    name: str
    aliases: tuple[str, ...] = ()
    description: str = ""


@dataclass(frozen=True, slots=True)
class StanceLabelDef:
    name: str
    description: str = ""
    has_intensity: bool = False


DEFAULT_STANCE_LABELS: tuple[StanceLabelDef, ...] = tuple(
    StanceLabelDef(name) for name in STANCE_DEFAULTS
)


class _Named(Protocol):
    @property
    def name(self) -> str: ...


_Item = TypeVar("_Item", TagDef, SpeakerDef, TargetDef, StanceLabelDef)
_Aliased = TypeVar("_Aliased", SpeakerDef, TargetDef)


@dataclass(frozen=True, slots=True)
class Codebook:
    tags: tuple[TagDef, ...] = ()
    speakers: tuple[SpeakerDef, ...] = ()
    targets: tuple[TargetDef, ...] = ()
    stance_labels: tuple[StanceLabelDef, ...] = field(default=DEFAULT_STANCE_LABELS)

    def tag(self, name: str) -> TagDef | None:
        return _find(self.tags, name)

    def speaker(self, name: str) -> SpeakerDef | None:
        """The speaker called `name`, or having it as an alias."""
        return _find(self.speakers, name) or _find_by_alias(self.speakers, name)

    def target(self, name: str) -> TargetDef | None:
        """The target called `name`, or having it as an alias."""
        return _find(self.targets, name) or _find_by_alias(self.targets, name)

    def tag_children(self, parent: str | None) -> tuple[TagDef, ...]:
        """Tags directly under `parent` (top-level tags for None), in codebook order."""
        key = None if parent is None else name_key(parent)
        return tuple(
            t for t in self.tags if (None if t.parent is None else name_key(t.parent)) == key
        )

    def validate(self) -> list[str]:
        """Every problem found, one sentence each; an empty list means the codebook is sound."""
        problems: list[str] = []
        problems += _duplicate_names("tag", self.tags)
        problems += _duplicate_names("speaker", self.speakers)
        problems += _duplicate_names("target", self.targets)
        problems += _duplicate_names("stance label", self.stance_labels)
        problems += _alias_clashes("speaker", self.speakers)
        problems += _alias_clashes("target", self.targets)
        problems += _tag_problems(self.tags)
        if not self.stance_labels:
            problems.append("the stance scale has no labels")
        return problems

    def merged(self, other: Codebook) -> Codebook:
        """Union by name (ignoring case): aliases unioned, `other` fills this one's blank fields."""
        return Codebook(
            tags=_merge(self.tags, other.tags, _fill_blanks),
            speakers=_merge(self.speakers, other.speakers, _merge_aliased),
            targets=_merge(self.targets, other.targets, _merge_aliased),
            stance_labels=_merge(self.stance_labels, other.stance_labels, _fill_blanks),
        )


def _find(items: Iterable[_Item], name: str) -> _Item | None:
    key = name_key(name)
    return next((item for item in items if name_key(item.name) == key), None)


def _find_by_alias(items: Iterable[_Aliased], name: str) -> _Aliased | None:
    key = name_key(name)
    return next((i for i in items if any(name_key(a) == key for a in i.aliases)), None)


def _duplicate_names(kind: str, items: Iterable[_Named]) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    for item in items:
        if not item.name.strip():
            problems.append(f"a {kind} has an empty name")
            continue
        key = name_key(item.name)
        if key in seen:
            problems.append(f"duplicate {kind} name {item.name!r} (also {seen[key]!r})")
        else:
            seen[key] = item.name
    return problems


def _alias_clashes(kind: str, items: Iterable[SpeakerDef | TargetDef]) -> list[str]:
    problems: list[str] = []
    owner: dict[str, str] = {}
    entries = list(items)
    for item in entries:
        owner.setdefault(name_key(item.name), item.name)
    for item in entries:
        own = name_key(item.name)
        for alias in item.aliases:
            key = name_key(alias)
            if not key:
                problems.append(f"{kind} {item.name!r} has an empty alias")
                continue
            if key == own:
                continue
            holder = owner.setdefault(key, item.name)
            if name_key(holder) != own:
                problems.append(f"alias {alias!r} is used by {kind}s {holder!r} and {item.name!r}")
    return problems


def _tag_problems(tags: tuple[TagDef, ...]) -> list[str]:
    problems: list[str] = []
    parents = {name_key(t.name): t.parent for t in tags}
    shortcuts: dict[str, str] = {}
    for tag in tags:
        if tag.parent is not None and name_key(tag.parent) not in parents:
            problems.append(f"tag {tag.name!r} has an unknown parent {tag.parent!r}")
        if not _COLOR.match(tag.color):
            problems.append(f"tag {tag.name!r} has a bad colour {tag.color!r} (expected #rrggbb)")
        if tag.shortcut is not None:
            if tag.shortcut not in SHORTCUT_KEYS:
                problems.append(f"tag {tag.name!r} has shortcut {tag.shortcut!r}, not 1-9")
            elif tag.shortcut in shortcuts:
                problems.append(
                    f"shortcut {tag.shortcut} is used by tags {shortcuts[tag.shortcut]!r}"
                    f" and {tag.name!r}"
                )
            else:
                shortcuts[tag.shortcut] = tag.name
    problems += _parent_cycles(tags, parents)
    return problems


def _parent_cycles(tags: tuple[TagDef, ...], parents: dict[str, str | None]) -> list[str]:
    problems: list[str] = []
    reported: set[str] = set()
    for tag in tags:
        path: list[str] = []
        key: str | None = name_key(tag.name)
        while key is not None and key in parents and key not in path:
            path.append(key)
            parent = parents[key]
            key = None if parent is None else name_key(parent)
        if key is not None and key in path:
            cycle = frozenset(path[path.index(key) :])
            if not reported.intersection(cycle):
                reported.update(cycle)
                problems.append(f"tag {tag.name!r} is part of a parent cycle")
    return problems


def _merge(
    ours: tuple[_Item, ...], theirs: tuple[_Item, ...], combine: Callable[[_Item, _Item], _Item]
) -> tuple[_Item, ...]:
    result = list(ours)
    index = {name_key(item.name): position for position, item in enumerate(result)}
    for item in theirs:
        key = name_key(item.name)
        if key in index:
            result[index[key]] = combine(result[index[key]], item)
        else:
            index[key] = len(result)
            result.append(item)
    return tuple(result)


def _fill_blanks(ours: _Item, theirs: _Item) -> _Item:
    """`ours`, with each empty (None, "" or ()) field taken from `theirs`."""
    changes: dict[str, Any] = {}
    for f in fields(ours):
        mine = getattr(ours, f.name)
        if mine is None or mine == "" or mine == ():
            changes[f.name] = getattr(theirs, f.name)
    return replace(ours, **changes) if changes else ours


def _merge_aliased(ours: _Aliased, theirs: _Aliased) -> _Aliased:
    filled = _fill_blanks(ours, theirs)
    seen = {name_key(filled.name)}
    aliases: list[str] = []
    for alias in (*ours.aliases, *theirs.aliases):
        key = name_key(alias)
        if key and key not in seen:
            seen.add(key)
            aliases.append(alias)
    return replace(filled, aliases=tuple(aliases))
