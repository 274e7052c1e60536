"""The codebook as a JSON file: `{"format": "glossator-codebook", "version": 1, ...}`.

Writing is deterministic (fixed key order, entries in codebook order, two-space indent, UTF-8
without escapes) so codebook files diff well. Reading is strict: anything unexpected raises
`CodebookFormatError` with a one-line message naming the offending entry.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from glossator.core.codebook import (
    DEFAULT_TAG_COLOR,
    Codebook,
    SpeakerDef,
    SpeakerKind,
    StanceLabelDef,
    TagDef,
    TargetDef,
)
from glossator.formats.json_surrogates import surrogate_refusal
from glossator.formats.sizes import MiB, too_large
from glossator.paths import resources_dir
from glossator.safe_files import write_bytes

FORMAT = "glossator-codebook"
VERSION = 1
MAX_BYTES = 5 * MiB

_T = TypeVar("_T")


class CodebookFormatError(ValueError):
    """A codebook file that cannot be read; the message is one line, fit to show a user."""


def _tag_json(tag: TagDef) -> dict[str, Any]:
    return {
        "name": tag.name,
        "parent": tag.parent,
        "color": tag.color,
        "shortcut": tag.shortcut,
        "description": tag.description,
    }


def _speaker_json(speaker: SpeakerDef) -> dict[str, Any]:
    return {
        "name": speaker.name,
        "aliases": list(speaker.aliases),
        "kind": speaker.kind.value,
        "affiliation": speaker.affiliation,
        "role": speaker.role,
        "description": speaker.description,
    }


def _target_json(target: TargetDef) -> dict[str, Any]:
    return {"name": target.name, "aliases": list(target.aliases), "description": target.description}


def _stance_json(label: StanceLabelDef) -> dict[str, Any]:
    return {
        "name": label.name,
        "description": label.description,
        "has_intensity": label.has_intensity,
    }


def codebook_to_json(cb: Codebook) -> str:
    """The codebook as pretty, stable JSON text ending with a newline."""
    document = {
        "format": FORMAT,
        "version": VERSION,
        "tags": [_tag_json(t) for t in cb.tags],
        "speakers": [_speaker_json(s) for s in cb.speakers],
        "targets": [_target_json(t) for t in cb.targets],
        "stance_labels": [_stance_json(s) for s in cb.stance_labels],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise CodebookFormatError(f"codebook JSON repeats the key {key!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise CodebookFormatError(f"codebook JSON contains {name}, which is not valid JSON")


def _parse(data: str | bytes) -> Any:
    size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
    if size > MAX_BYTES:
        raise CodebookFormatError(
            f"codebook file is {too_large(size, MAX_BYTES)}"
        )
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise CodebookFormatError(
                f"codebook file is not UTF-8 (bad byte at offset {error.start})"
            ) from None
    try:
        value = json.loads(data, object_pairs_hook=_no_duplicate_keys, parse_constant=_no_constant)
    except json.JSONDecodeError as error:
        raise CodebookFormatError(
            f"codebook file is not valid JSON: {error.msg} at line {error.lineno},"
            f" column {error.colno}"
        ) from None
    except RecursionError:
        raise CodebookFormatError("codebook JSON is nested too deeply") from None
    refusal = surrogate_refusal(data, value)
    if refusal is not None:
        raise CodebookFormatError(f"codebook file: {refusal}")
    return value


class _Entry:
    """Typed access to one JSON object, with messages that say where a problem is."""

    def __init__(self, raw: Any, where: str, allowed: tuple[str, ...]) -> None:
        if not isinstance(raw, dict):
            raise CodebookFormatError(f"{where} must be an object, not {_kind(raw)}")
        unknown = sorted(set(raw) - set(allowed))
        if unknown:
            raise CodebookFormatError(f"{where} has an unknown field {_short(unknown[0])}")
        self.raw: dict[str, Any] = raw
        self.where = where

    def text(self, key: str, default: str | None = None) -> str:
        value = self.raw.get(key, default)
        if value is None and default is None:
            raise CodebookFormatError(f"{self.where} is missing {key!r}")
        if not isinstance(value, str):
            raise CodebookFormatError(f"{self.where}.{key} must be a string, not {_kind(value)}")
        return value

    def name(self) -> str:
        value = self.text("name")
        if not value.strip():
            raise CodebookFormatError(f"{self.where}.name is empty")
        return value

    def optional_text(self, key: str) -> str | None:
        value = self.raw.get(key)
        if value is not None and not isinstance(value, str):
            raise CodebookFormatError(
                f"{self.where}.{key} must be a string or null, not {_kind(value)}"
            )
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise CodebookFormatError(f"{self.where}.{key} must be a list of strings")
        return tuple(value)

    def flag(self, key: str) -> bool:
        value = self.raw.get(key, False)
        if not isinstance(value, bool):
            raise CodebookFormatError(f"{self.where}.{key} must be true or false")
        return value


def _short(value: Any, limit: int = 60) -> str:
    """`repr(value)`, cut to `limit` characters: messages stay one readable line."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 3] + "..."


def _kind(value: Any) -> str:
    names = {
        dict: "an object",
        list: "a list",
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        type(None): "null",
    }
    return names.get(type(value), type(value).__name__)


def _tag(entry: _Entry) -> TagDef:
    return TagDef(
        entry.name(),
        entry.optional_text("parent"),
        entry.text("color", DEFAULT_TAG_COLOR),
        entry.optional_text("shortcut"),
        entry.text("description", ""),
    )


def _speaker(entry: _Entry) -> SpeakerDef:
    kind = entry.text("kind", SpeakerKind.PERSON.value)
    if kind not in {k.value for k in SpeakerKind}:
        raise CodebookFormatError(
            f'{entry.where}.kind must be "person" or "group", not {_short(kind)}'
        )
    return SpeakerDef(
        entry.name(),
        entry.texts("aliases"),
        SpeakerKind(kind),
        entry.text("affiliation", ""),
        entry.text("role", ""),
        entry.text("description", ""),
    )


def _target(entry: _Entry) -> TargetDef:
    return TargetDef(entry.name(), entry.texts("aliases"), entry.text("description", ""))


def _stance(entry: _Entry) -> StanceLabelDef:
    return StanceLabelDef(entry.name(), entry.text("description", ""), entry.flag("has_intensity"))


def _section(
    document: _Entry, key: str, fields: tuple[str, ...], build: Callable[[_Entry], _T]
) -> tuple[_T, ...]:
    raw = document.raw.get(key, [])
    if not isinstance(raw, list):
        raise CodebookFormatError(f"{key!r} must be a list, not {_kind(raw)}")
    return tuple(build(_Entry(item, f"{key}[{i}]", fields)) for i, item in enumerate(raw))


def codebook_from_json(data: str | bytes) -> Codebook:
    """Read a codebook file; raise `CodebookFormatError` when it is not a sound codebook."""
    raw = _parse(data)
    if not isinstance(raw, dict):
        raise CodebookFormatError(f"a codebook file holds an object, not {_kind(raw)}")
    if raw.get("format") != FORMAT:
        raise CodebookFormatError(
            f"not a Glossator codebook (format is {_short(raw.get('format'))}, expected {FORMAT!r})"
        )
    version = raw.get("version")
    if version != VERSION or isinstance(version, bool):
        raise CodebookFormatError(
            f"unsupported codebook version {_short(version)}"
            f" (this Glossator reads version {VERSION})"
        )
    document = _Entry(
        raw, "the codebook", ("format", "version", "tags", "speakers", "targets", "stance_labels")
    )
    stances = _section(document, "stance_labels", ("name", "description", "has_intensity"), _stance)
    codebook = Codebook(
        tags=_section(
            document, "tags", ("name", "parent", "color", "shortcut", "description"), _tag
        ),
        speakers=_section(
            document,
            "speakers",
            ("name", "aliases", "kind", "affiliation", "role", "description"),
            _speaker,
        ),
        targets=_section(document, "targets", ("name", "aliases", "description"), _target),
        stance_labels=stances if "stance_labels" in document.raw else Codebook().stance_labels,
    )
    problems = codebook.validate()
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise CodebookFormatError(f"invalid codebook: {problems[0]}{more}")
    return codebook


def read_codebook_file(path: Path) -> Codebook:
    """Read a codebook file, refusing one over the size limit before reading it."""
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise CodebookFormatError(
            f"codebook file is {too_large(size, MAX_BYTES)}"
        )
    return codebook_from_json(path.read_bytes())


def write_codebook_file(path: Path, cb: Codebook) -> None:
    """Write the codebook as UTF-8 JSON with LF line ends."""
    write_bytes(path, codebook_to_json(cb).encode("utf-8"))


def load_default_codebook() -> Codebook:
    """The codebook shipped in `resources/codebook/default.json`."""
    return read_codebook_file(resources_dir() / "codebook" / "default.json")
