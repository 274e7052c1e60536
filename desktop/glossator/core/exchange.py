"""An exchangeable annotation set: the annotations, the reports they sit on and the codebook,
as plain values that every export and import format reads and writes.

Offsets are Unicode code points into the report's normalized text, end exclusive.
Times are timezone-aware UTC. Tags are tag names of the codebook (unique, as the codebook
requires); `tag_path` gives "Parent / Child" for formats that want the hierarchy.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field

from glossator.core.codebook import Codebook, SpeakerDef, StanceLabelDef, TagDef, TargetDef
from glossator.core.names import name_key
from glossator.core.tag_tree import path_in_tree

STATUSES = ("proposed", "accepted", "rejected", "disputed")
EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
QUOTE_CONTEXT = 32  # characters of prefix and suffix kept beside a quote

#: The fields compared when a colleague's annotation meets ours under the same UUID.
CONTENT_FIELDS = (
    "start",
    "end",
    "quote",
    "tags",
    "speaker",
    "stances",
    "note",
    "cites",
    "status",
    "author",
)


def utc(value: dt.datetime) -> dt.datetime:
    """The same instant as an aware UTC datetime (naive values are taken to be UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=dt.UTC)
    return value.astimezone(dt.UTC)


def quote_context(text: str, start: int, end: int) -> tuple[str, str, str]:
    """The quote of [start, end) with QUOTE_CONTEXT characters of prefix and suffix."""
    return (
        text[start:end],
        text[max(0, start - QUOTE_CONTEXT) : start],
        text[end : end + QUOTE_CONTEXT],
    )


def text_sha256(text: str) -> str:
    """The SHA-256 of a normalized report text, as stored with every report."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class ExchangeStance:
    target: str
    label: str
    intensity: int | None = None


@dataclass(frozen=True, slots=True)
class ExchangeReport:
    """A report an annotation set refers to; `text` is there when the format needs it."""

    uuid: str
    title: str
    sha256: str
    text: str | None = None
    source_name: str = ""


@dataclass(frozen=True, slots=True)
class ExchangeAnnotation:
    uuid: str
    report_uuid: str
    report_title: str
    report_sha256: str
    start: int
    end: int
    quote: str
    prefix: str = ""
    suffix: str = ""
    tags: tuple[str, ...] = ()
    speaker: SpeakerDef | None = None
    stances: tuple[ExchangeStance, ...] = ()
    note: str = ""
    cites: tuple[str, ...] = ()
    status: str = "proposed"
    author: str = ""
    created: dt.datetime = EPOCH
    modified: dt.datetime = EPOCH
    page: int | None = None  # the page the quote starts on, for a report read from a PDF

    def differences(self, other: ExchangeAnnotation) -> tuple[str, ...]:
        """The content fields (see CONTENT_FIELDS) in which `other` says something else.

        Tags and cites compare as sets, stances as a set of (target, label, intensity),
        names ignoring case and accents; a speaker compares by name only; a missing quote
        (a tool that gives positions only) is no difference.
        """
        return tuple(
            f
            for f in CONTENT_FIELDS
            if _comparable(self, f) != _comparable(other, f)
            and not (f == "quote" and not (self.quote and other.quote))  # a set without quotes
        )


def _comparable(a: ExchangeAnnotation, name: str) -> object:
    if name == "tags":
        return frozenset(name_key(t) for t in a.tags)
    if name == "cites":
        return frozenset(a.cites)
    if name == "speaker":
        return name_key(a.speaker.name) if a.speaker is not None else None
    if name == "stances":
        return frozenset((name_key(s.target), name_key(s.label), s.intensity) for s in a.stances)
    if name == "author":
        return " ".join(a.author.split())
    return getattr(a, name)


@dataclass(frozen=True, slots=True)
class ExchangeMemo:
    """A memo as exchanged: `subject` is the UUID of a report of the set (kind "report"),
    a tag's or a speaker's name ("tag", "speaker"), or "" (the workspace)."""

    uuid: str
    kind: str
    subject: str
    title: str
    text: str
    author: str = ""
    created: dt.datetime = EPOCH
    modified: dt.datetime = EPOCH

    def differences(self, other: ExchangeMemo) -> tuple[str, ...]:
        """The fields in which `other` says something else (names compared by name_key)."""
        mine = (self.kind, self.subject if self.kind == "report" else name_key(self.subject))
        theirs = (other.kind, other.subject if other.kind == "report" else name_key(other.subject))
        out = ["subject"] if mine != theirs else []
        out += [f for f in ("title", "text") if getattr(self, f) != getattr(other, f)]
        if " ".join(self.author.split()) != " ".join(other.author.split()):
            out.append("author")
        return tuple(out)


@dataclass(frozen=True, slots=True)
class ExchangeSet:
    annotations: tuple[ExchangeAnnotation, ...] = ()
    reports: tuple[ExchangeReport, ...] = ()
    codebook: Codebook = field(default_factory=Codebook)
    label: str = "Glossator annotations"
    memos: tuple[ExchangeMemo, ...] = ()

    def report(self, uuid: str) -> ExchangeReport | None:
        return next((r for r in self.reports if r.uuid == uuid), None)

    def report_map(self) -> dict[str, ExchangeReport]:
        return {r.uuid: r for r in self.reports}

    def by_report(self) -> dict[str, list[ExchangeAnnotation]]:
        """Annotations grouped by report UUID, in set order, reports in first-seen order."""
        out: dict[str, list[ExchangeAnnotation]] = {r.uuid: [] for r in self.reports}
        for a in self.annotations:
            out.setdefault(a.report_uuid, []).append(a)
        return out


def tag_paths(codebook: Codebook) -> dict[str, str]:
    """ "Parent / Child" for every tag name of the codebook, keyed by name_key(name)."""
    name = {name_key(t.name): t.name for t in codebook.tags}
    parent = {name_key(t.name): None if t.parent is None else name_key(t.parent)
              for t in codebook.tags}
    return {key: path_in_tree(name, parent, key) for key in name}


def tag_path(paths: dict[str, str], name: str) -> str:
    return paths.get(name_key(name), name)


def speakers_used(annotations: Iterable[ExchangeAnnotation]) -> list[SpeakerDef]:
    """Each speaker named by an annotation, once, in first-use order."""
    seen: dict[str, SpeakerDef] = {}
    for a in annotations:
        if a.speaker is not None:
            seen.setdefault(name_key(a.speaker.name), a.speaker)
    return list(seen.values())


def used_codebook(s: ExchangeSet) -> Codebook:
    """The set's codebook, plus whatever its annotations use that the codebook lacks."""
    tag_names: dict[str, None] = {}
    speakers: dict[int, SpeakerDef] = {}
    stances: dict[tuple[str, str], None] = {}
    for a in s.annotations:  # distinct raw values first: keys are computed once per name
        tag_names.update(dict.fromkeys(a.tags))
        if a.speaker is not None:
            speakers.setdefault(id(a.speaker), a.speaker)
        for x in a.stances:
            stances[(x.target, x.label)] = None
    tags: dict[str, TagDef] = {}
    for t in tag_names:
        tags.setdefault(name_key(t), TagDef(t))
    by_name: dict[str, SpeakerDef] = {}
    for sp in speakers.values():
        by_name.setdefault(name_key(sp.name), sp)
    targets: dict[str, TargetDef] = {}
    labels: dict[str, StanceLabelDef] = {}
    for target, label in stances:
        targets.setdefault(name_key(target), TargetDef(target))
        labels.setdefault(name_key(label), StanceLabelDef(label))
    extra = Codebook(tuple(tags.values()), tuple(by_name.values()), tuple(targets.values()), ())
    merged = s.codebook.merged(extra)
    known = {name_key(x.name) for x in merged.stance_labels}
    more = tuple(v for k, v in labels.items() if k not in known)
    return Codebook(merged.tags, merged.speakers, merged.targets, merged.stance_labels + more)
