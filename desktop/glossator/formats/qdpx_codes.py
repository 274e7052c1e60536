"""The codebook as REFI-QDA codes, both ways; shared by `.qdpx` projects and `.qdc` codebooks.

Tags become codes nested as the tag tree is. Speakers sit under a "Speakers" code, and
stances under a "Stance" code as `Stance / <target> / <label>`: a stance toward a target is
coded with its label's code, as a QDA tool would code it. Fields the standard lacks (aliases,
affiliation, role, kind, a tag's shortcut key, the stance scale) ride in each code's
Description block (see qdpx_meta). The group codes are found again by their GUIDs.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any
from xml.etree.ElementTree import Element

from glossator.core.codebook import (
    DEFAULT_STANCE_LABELS,
    DEFAULT_TAG_COLOR,
    Codebook,
    SpeakerDef,
    SpeakerKind,
    StanceLabelDef,
    TagDef,
    TargetDef,
)
from glossator.core.names import name_key
from glossator.formats.qdpx_meta import (
    SPEAKERS_GROUP,
    STANCE_GROUP,
    attr,
    group_guid,
    guid,
    split_meta,
    text,
    with_meta,
)


def _code(
    guid_: str, name: str, codable: bool, description: str, color: str | None,
    notes: Mapping[str, Sequence[str]] | None = None,
) -> str:
    """A <Code> head with its Description and the NoteRefs of the notes (memos) on it."""
    colour = f" color={attr(color)}" if color else ""
    head = (
        f"<Code guid={attr(guid_)} name={attr(name)} "
        f'isCodable="{"true" if codable else "false"}"{colour}>'
    )
    refs = "".join(f'<NoteRef targetGUID="{n}"/>' for n in (notes or {}).get(guid_, ()))
    return head + (f"<Description>{text(description)}</Description>" if description else "") + refs


def _tag_lines(cb: Codebook, notes: Mapping[str, Sequence[str]] | None) -> Iterator[str]:
    keys = {name_key(t.name) for t in cb.tags}
    children: dict[str | None, list[TagDef]] = {}
    for t in cb.tags:
        parent = name_key(t.parent) if t.parent and name_key(t.parent) in keys else None
        children.setdefault(parent, []).append(t)
    done: set[str] = set()
    stack: list[tuple[TagDef, bool]] = [(t, False) for t in reversed(children.get(None, []))]
    while stack:
        tag, closing = stack.pop()
        if closing:
            yield "</Code>"
            continue
        key = name_key(tag.name)
        if key in done:
            continue
        done.add(key)
        meta = {"shortcut": tag.shortcut}
        yield _code(
            guid("tag", tag.name), tag.name, True, with_meta(tag.description, meta), tag.color,
            notes,
        )
        stack.append((tag, True))
        stack.extend((c, False) for c in reversed(children.get(key, [])))


def code_lines(cb: Codebook, notes: Mapping[str, Sequence[str]] | None = None) -> Iterator[str]:
    """The <Code> elements of a codebook, in codebook order; `notes` maps a code's GUID to
    the GUIDs of the notes (memos) to refer to from it."""
    yield from _tag_lines(cb, notes)
    if cb.speakers:
        yield _code(group_guid(SPEAKERS_GROUP), SPEAKERS_GROUP, False, "", None)
        for sp in cb.speakers:
            meta = {
                "aliases": list(sp.aliases),
                "kind": sp.kind.value if sp.kind is not SpeakerKind.PERSON else None,
                "affiliation": sp.affiliation,
                "role": sp.role,
            }
            desc = with_meta(sp.description, meta)
            yield _code(guid("speaker", sp.name), sp.name, True, desc, None, notes) + "</Code>"
        yield "</Code>"
    scale = [
        {"name": x.name, "description": x.description, "has_intensity": x.has_intensity}
        for x in cb.stance_labels
    ]
    yield _code(
        group_guid(STANCE_GROUP), STANCE_GROUP, False, with_meta("", {"scale": scale}), None
    )
    for target in cb.targets:
        desc = with_meta(target.description, {"aliases": list(target.aliases)})
        yield _code(guid("target", target.name), target.name, False, desc, None)
        for label in cb.stance_labels:
            code = guid("stance", target.name, label.name)
            yield _code(code, label.name, True, "", None) + "</Code>"
        yield "</Code>"
    yield "</Code>"


@dataclass
class CodeIndex:
    """What each code GUID means, and the codebook the codes describe."""

    tags: dict[str, str] = field(default_factory=dict)  # guid -> tag name
    speakers: dict[str, SpeakerDef] = field(default_factory=dict)
    stances: dict[str, tuple[str, str]] = field(default_factory=dict)  # guid -> (target, label)
    codebook: Codebook = field(default_factory=Codebook)


def _texts(meta: dict[str, Any], key: str) -> tuple[str, ...]:
    value = meta.get(key)
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _str(meta: dict[str, Any], key: str) -> str:
    value = meta.get(key)
    return value if isinstance(value, str) else ""


def _color(value: str | None) -> str:
    if not value:
        return DEFAULT_TAG_COLOR
    value = value.strip()
    if len(value) == 4:  # #abc
        value = "#" + "".join(c * 2 for c in value[1:])
    return value.lower()


def _scale(meta: dict[str, Any]) -> list[StanceLabelDef]:
    out: list[StanceLabelDef] = []
    value = meta.get("scale")
    for item in value if isinstance(value, list) else []:
        if isinstance(item, dict) and isinstance(item.get("name"), str):
            flag = item.get("has_intensity") is True
            out.append(StanceLabelDef(item["name"], _str(item, "description"), flag))
    return out


def read_codes(codes: Element | None, ns: str, canonical: Callable[[str], str]) -> CodeIndex:
    """Walk <Codes> without recursion (a deep tree cannot exhaust the stack)."""
    out = CodeIndex()
    tags: list[TagDef] = []
    speakers: list[SpeakerDef] = []
    targets: list[TargetDef] = []
    labels: dict[str, StanceLabelDef] = {}
    stack: list[tuple[Element, str, str | None]] = []  # element, role, parent name
    if codes is not None:
        stack = [(c, "top", None) for c in reversed(codes.findall(f"{{{ns}}}Code"))]
    while stack:
        el, role, parent = stack.pop()
        code_guid = canonical(el.get("guid", ""))
        name = el.get("name", "")
        desc_el = el.find(f"{{{ns}}}Description")
        desc, meta = split_meta(desc_el.text or "" if desc_el is not None else "")
        child_role = "tag"
        if role == "top" and code_guid == group_guid(SPEAKERS_GROUP):
            child_role = "speaker"
        elif role == "top" and code_guid == group_guid(STANCE_GROUP):
            child_role = "target"
            labels.update({name_key(x.name): x for x in _scale(meta)})
        elif role == "speaker":
            kind = _str(meta, "kind") or SpeakerKind.PERSON.value
            sp = SpeakerDef(
                name,
                _texts(meta, "aliases"),
                SpeakerKind(kind) if kind in {k.value for k in SpeakerKind} else SpeakerKind.PERSON,
                _str(meta, "affiliation"),
                _str(meta, "role"),
                desc,
            )
            speakers.append(sp)
            out.speakers[code_guid] = sp
            child_role = "ignored"
        elif role == "target":
            targets.append(TargetDef(name, _texts(meta, "aliases"), desc))
            child_role = "label"
        elif role == "label":
            assert parent is not None
            out.stances[code_guid] = (parent, name)
            labels.setdefault(name_key(name), StanceLabelDef(name))
            child_role = "ignored"
        elif role in ("top", "tag"):
            shortcut = meta.get("shortcut")
            tags.append(
                TagDef(
                    name,
                    parent if role == "tag" else None,
                    _color(el.get("color")),
                    shortcut if isinstance(shortcut, str) else None,
                    desc,
                )
            )
            out.tags[code_guid] = name
        if role != "ignored":
            kids = el.findall(f"{{{ns}}}Code")
            stack.extend((c, child_role, name) for c in reversed(kids))
    scale = tuple(labels.values()) or DEFAULT_STANCE_LABELS
    out.codebook = Codebook(tuple(tags), tuple(speakers), tuple(targets), scale)
    return out
