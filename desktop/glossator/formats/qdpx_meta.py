"""What the REFI-QDA writers and readers share: namespaces, stable GUIDs, XML escaping, and
the one-line `[Glossator] {...}` block that carries in a Description what the standard has
no element for (a speaker's affiliation, an annotation's status and cited notes...).

GUIDs are name-based UUIDs (uuid5) in a namespace of our own, so the same tag, speaker,
target or reviewer gets the same GUID in every export, and a later export of the same
work can be compared or merged with an earlier one. Reports and annotations keep their own
UUIDs as GUIDs.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid as uuidlib
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from glossator.core.names import name_key

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
ORIGIN = "Glossator"
META_MARK = "[Glossator] "
GUID_NAMESPACE = uuidlib.UUID("5b0f3c8e-2a71-4d6b-9f1e-7c3a9e4d2b10")

SPEAKERS_GROUP = "Speakers"
STANCE_GROUP = "Stance"

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_ATTR_SPECIAL = re.compile('[&<>"\t\n\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]')
_TEXT_SPECIAL = re.compile("[&<>\r\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@lru_cache(maxsize=65536)
def guid(kind: str, *names: str) -> str:
    """The stable GUID of a named thing: guid("tag", "Quote"), guid("stance", "Iran", "against")."""
    key = "\x1f".join(name_key(n) for n in names)
    return str(uuidlib.uuid5(GUID_NAMESPACE, f"{kind}:{key}"))


def child_guid(parent: str, kind: str) -> str:
    """A GUID derived from another one (a coding or the note of an annotation)."""
    return child_guids(parent, (kind,))[0]


def child_guids(parent: str, kinds: Iterable[str]) -> list[str]:
    """uuid5(UUID(parent), kind) for each kind, computed without building UUID objects
    (it runs for every coding of every annotation)."""
    base = bytes.fromhex(parent.replace("-", ""))
    out = []
    for kind in kinds:
        digest = bytearray(hashlib.sha1(base + kind.encode()).digest()[:16])
        digest[6] = (digest[6] & 0x0F) | 0x50  # version 5
        digest[8] = (digest[8] & 0x3F) | 0x80  # RFC 4122 variant
        h = digest.hex()
        out.append(f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}")
    return out


def user_guid(name: str) -> str:
    return guid("user", name)


def group_guid(group: str) -> str:
    return guid("group", group)


def attr(value: str) -> str:
    """A quoted XML attribute value; line breaks and tabs survive as character references."""
    if not _ATTR_SPECIAL.search(value):
        return '"' + value + '"'
    value = _INVALID_XML.sub("\ufffd", value)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    value = value.replace('"', "&quot;").replace("\n", "&#10;").replace("\r", "&#13;")
    return '"' + value.replace("\t", "&#9;") + '"'


def text(value: str) -> str:
    """XML character data; a carriage return survives as a character reference."""
    if not _TEXT_SPECIAL.search(value):
        return value
    value = _INVALID_XML.sub("\ufffd", value)
    value = value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return value.replace("\r", "&#13;")


def with_meta(description: str, meta: dict[str, Any]) -> str:
    """A description with our block appended on its own last line (when there is one)."""
    fields = {k: v for k, v in meta.items() if v not in (None, "", [], {}, ())}
    if not fields:
        return description
    block = META_MARK + json.dumps(fields, ensure_ascii=False, separators=(",", ":"))
    return f"{description}\n\n{block}" if description else block


def split_meta(description: str) -> tuple[str, dict[str, Any]]:
    """The free description and our block's fields (empty when there is none or it is bad)."""
    head, _, last = description.rpartition("\n")
    line = last if last.startswith(META_MARK) else None
    if line is None:
        return description, {}
    try:
        fields = json.loads(line[len(META_MARK) :])
    except (ValueError, RecursionError):
        return description, {}
    if not isinstance(fields, dict):
        return description, {}
    return head.removesuffix("\n"), fields


CANONICAL_GUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")


def canonical_guid(value: str) -> str:
    """A GUID as a lowercase UUID string (REFI allows braces and capitals)."""
    if CANONICAL_GUID.match(value):
        return value
    return str(uuidlib.UUID(value.strip().strip("{}")))
