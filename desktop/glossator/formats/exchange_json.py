"""Plain JSON forms of exchange values, shared by the JSONL and JSON-LD formats, and strict
reading helpers whose errors say where the problem is."""

from __future__ import annotations

import datetime as dt
import json
import uuid as uuidlib
from pathlib import Path
from typing import Any

from glossator.core.codebook import Codebook, SpeakerDef, SpeakerKind
from glossator.core.exchange import STATUSES, ExchangeAnnotation, ExchangeStance, utc
from glossator.formats.codebook_json import (
    CodebookFormatError,
    codebook_from_json,
    codebook_to_json,
)
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.json_surrogates import surrogate_refusal
from glossator.formats.safe_zip import check_file_size
from glossator.formats.sizes import MiB

MAX_JSON_BYTES = 512 * MiB
MAX_TEXT = 10_000_000  # characters in any one string field (a note, a quote)


def read_limited(path: Path, limit: int | None = None) -> bytes:
    """The bytes of a file, refused unread when larger than `limit` (MAX_JSON_BYTES)."""
    check_file_size(path, MAX_JSON_BYTES if limit is None else limit, "the file")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ExchangeFormatError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None


def decode(data: bytes, where: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ExchangeFormatError(f"{where}: not UTF-8 (bad byte at offset {exc.start})") from None


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not valid JSON")


def parse_json(text: str, where: str, line: int | None = None) -> Any:
    """Parse JSON text; a failure names the line (given, or found by the parser). A string
    holding a lone UTF-16 surrogate (`"\\ud800"`, which is not a character and cannot be
    stored or written as UTF-8) is refused too."""
    try:
        value = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        at = f"line {line}" if line is not None else f"line {exc.lineno}, column {exc.colno}"
        reason = exc.msg.removesuffix(" at")
        raise ExchangeFormatError(f"{where}: {at}: not valid JSON ({reason})") from None
    except ValueError as exc:
        at = f"line {line}: " if line is not None else ""
        raise ExchangeFormatError(f"{where}: {at}{exc}") from None
    except RecursionError:
        raise ExchangeFormatError(f"{where}: JSON nested too deeply") from None
    refusal = surrogate_refusal(text, value, line)
    if refusal is not None:
        raise ExchangeFormatError(f"{where}: {refusal}")
    return value




def kind(value: Any) -> str:
    if isinstance(value, bool):
        return "a boolean"
    names = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number"}
    return names.get(type(value), "null" if value is None else type(value).__name__)


class Fields:
    """Typed access to one JSON object; every error names `where` and the key."""

    def __init__(self, raw: Any, where: str) -> None:
        if not isinstance(raw, dict):
            raise ExchangeFormatError(f"{where}: expected an object, found {kind(raw)}")
        self.raw: dict[str, Any] = raw
        self.where = where

    def fail(self, key: str, expected: str) -> ExchangeFormatError:
        found = kind(self.raw.get(key))
        return ExchangeFormatError(f"{self.where}: {key!r} must be {expected}, not {found}")

    def has(self, key: str) -> bool:
        return self.raw.get(key) is not None

    def text(self, key: str, default: str | None = None) -> str:
        value = self.raw.get(key, default)
        if value is None and default is not None:
            value = default
        if not isinstance(value, str):
            raise self.fail(key, "a string")
        if len(value) > MAX_TEXT:
            raise ExchangeFormatError(f"{self.where}: {key!r} is too long")
        return value

    def optional_text(self, key: str) -> str | None:
        return None if self.raw.get(key) is None else self.text(key)

    def integer(self, key: str, minimum: int = 0) -> int:
        value = self.raw.get(key)
        if not isinstance(value, int) or isinstance(value, bool) or value < minimum:
            raise self.fail(key, f"a whole number of at least {minimum}")
        return value

    def optional_int(self, key: str) -> int | None:
        value = self.raw.get(key)
        if value is None:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            raise self.fail(key, "a whole number or null")
        return value

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.raw.get(key, [])
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "a list of strings")
        return tuple(value)

    def items(self, key: str) -> list[Any]:
        value = self.raw.get(key, [])
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(key, "a list")
        return value

    def time(self, key: str) -> dt.datetime:
        return parse_time(self.text(key), f"{self.where}: {key!r}")


def format_time(value: dt.datetime) -> str:
    """xsd:dateTime / RFC 3339 in UTC with a Z, microseconds only when there are some."""
    if value.tzinfo is not dt.UTC:
        value = utc(value)
    return value.isoformat().replace("+00:00", "Z")


def parse_time(value: str, where: str) -> dt.datetime:
    try:
        return utc(dt.datetime.fromisoformat(value.strip()))
    except ValueError:
        raise ExchangeFormatError(f"{where}: {value[:40]!r} is not a date and time") from None


def check_status(value: str, where: str) -> str:
    if value not in STATUSES:
        raise ExchangeFormatError(
            f"{where}: unknown status {value[:40]!r} (expected one of {', '.join(STATUSES)})"
        )
    return value


def check_uuid(value: str, where: str) -> str:
    """The canonical lowercase form of a UUID; ExchangeFormatError when it is none."""
    try:
        return str(uuidlib.UUID(value))
    except ValueError:
        raise ExchangeFormatError(f"{where}: {value[:60]!r} is not a UUID") from None


def check_span(start: int, end: int, where: str) -> None:
    if end <= start:
        raise ExchangeFormatError(f"{where}: the span {start}-{end} is empty or reversed")


def speaker_to_dict(s: SpeakerDef) -> dict[str, Any]:
    return {
        "name": s.name,
        "aliases": list(s.aliases),
        "kind": s.kind.value,
        "affiliation": s.affiliation,
        "role": s.role,
        "description": s.description,
    }


def speaker_from_dict(raw: Any, where: str) -> SpeakerDef:
    f = Fields(raw, where)
    speaker_kind = f.text("kind", SpeakerKind.PERSON.value)
    if speaker_kind not in {k.value for k in SpeakerKind}:
        raise f.fail("kind", '"person" or "group"')
    name = f.text("name")
    if not name.strip():
        raise ExchangeFormatError(f"{where}: the speaker has no name")
    return SpeakerDef(
        name,
        f.texts("aliases"),
        SpeakerKind(speaker_kind),
        f.text("affiliation", ""),
        f.text("role", ""),
        f.text("description", ""),
    )


def stance_to_dict(s: ExchangeStance) -> dict[str, Any]:
    return {"target": s.target, "label": s.label, "intensity": s.intensity}


def stance_from_dict(raw: Any, where: str) -> ExchangeStance:
    f = Fields(raw, where)
    return ExchangeStance(f.text("target"), f.text("label"), f.optional_int("intensity"))


def codebook_to_dict(cb: Codebook) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(codebook_to_json(cb))
    return document


def codebook_from_dict(raw: Any, where: str) -> Codebook:
    try:
        return codebook_from_json(json.dumps(raw, ensure_ascii=False))
    except CodebookFormatError as exc:
        raise ExchangeFormatError(f"{where}: {exc}") from None


def annotation_to_dict(
    a: ExchangeAnnotation, speakers: dict[int, dict[str, Any]] | None = None
) -> dict[str, Any]:
    """The plain JSON form; `speakers` caches each speaker's form across a whole export
    (tuples stay tuples: the encoder writes them as lists)."""
    speaker: dict[str, Any] | None = None
    if a.speaker is not None:
        cache = speakers if speakers is not None else {}
        speaker = cache.get(id(a.speaker))
        if speaker is None:
            speaker = cache[id(a.speaker)] = speaker_to_dict(a.speaker)
    created = format_time(a.created)
    return {
        "type": "annotation",
        "uuid": a.uuid,
        "report_uuid": a.report_uuid,
        "report_title": a.report_title,
        "report_sha256": a.report_sha256,
        "start": a.start,
        "end": a.end,
        "quote": a.quote,
        "prefix": a.prefix,
        "suffix": a.suffix,
        "tags": a.tags,
        "speaker": speaker,
        "stances": [stance_to_dict(s) for s in a.stances],
        "note": a.note,
        "cites": a.cites,
        "status": a.status,
        "author": a.author,
        "created": created,
        "modified": created if a.modified == a.created else format_time(a.modified),
        **({"page": a.page} if a.page is not None else {}),
    }


def annotation_from_dict(raw: Any, where: str) -> ExchangeAnnotation:
    f = Fields(raw, where)
    start, end = f.integer("start"), f.integer("end")
    check_span(start, end, where)
    return ExchangeAnnotation(
        uuid=check_uuid(f.text("uuid"), where),
        report_uuid=check_uuid(f.text("report_uuid"), where),
        report_title=f.text("report_title", ""),
        report_sha256=f.text("report_sha256", ""),
        start=start,
        end=end,
        quote=f.text("quote", ""),
        prefix=f.text("prefix", ""),
        suffix=f.text("suffix", ""),
        tags=f.texts("tags"),
        speaker=speaker_from_dict(f.raw["speaker"], f"{where}: speaker")
        if f.has("speaker")
        else None,
        stances=tuple(
            stance_from_dict(s, f"{where}: stances[{i}]") for i, s in enumerate(f.items("stances"))
        ),
        note=f.text("note", ""),
        cites=f.texts("cites"),
        status=check_status(f.text("status", "proposed"), where),
        author=f.text("author", ""),
        created=f.time("created"),
        modified=f.time("modified"),
        page=_page(f.optional_int("page"), where),
    )


def _page(page: int | None, where: str) -> int | None:
    if page is not None and page < 1:
        raise ExchangeFormatError(f"{where}: page must be 1 or more")
    return page
