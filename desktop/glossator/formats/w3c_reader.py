"""Reading W3C Web Annotation JSON-LD: our own collections losslessly, and annotations from
other tools as far as they say where they sit (a TextPositionSelector on a text source).

Accepted documents: an AnnotationCollection with an embedded first page, an AnnotationPage,
one Annotation, or a JSON list of Annotations. Pages by reference are not fetched: nothing
is ever fetched. Ids that are not `urn:uuid:` become stable name-based UUIDs.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid as uuidlib
from pathlib import Path
from typing import Any

from glossator.core.codebook import Codebook, SpeakerDef
from glossator.core.exchange import (
    EPOCH,
    ExchangeAnnotation,
    ExchangeMemo,
    ExchangeReport,
    ExchangeSet,
)
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.exchange_json import (
    Fields,
    check_span,
    check_status,
    codebook_from_dict,
    decode,
    kind,
    parse_json,
    parse_time,
    read_limited,
    speaker_from_dict,
    stance_from_dict,
)
from glossator.formats.memo_json import check_kind
from glossator.formats.w3c import PREFIX


def uuid_of(iri: str) -> str:
    """The UUID of a `urn:uuid:` IRI; any other IRI maps to a stable name-based UUID."""
    if iri.lower().startswith("urn:uuid:"):
        try:
            return str(uuidlib.UUID(iri[9:]))
        except ValueError:
            pass
    return str(uuidlib.uuid5(uuidlib.NAMESPACE_URL, iri))


def _types(raw: dict[str, Any]) -> set[str]:
    value = raw.get("type", raw.get("@type"))
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _items(raw: Any, where: str) -> tuple[list[Any], dict[str, Any]]:
    """The annotation objects of a document, and the object holding our extensions."""
    if isinstance(raw, list):
        return raw, {}
    if not isinstance(raw, dict):
        raise ExchangeFormatError(f"{where}: expected a JSON-LD object, found {kind(raw)}")
    types = _types(raw)
    if "Annotation" in types:
        return [raw], {}
    if "AnnotationPage" in types:
        return _as_list(raw.get("items")), {}
    if "AnnotationCollection" in types:
        first = raw.get("first")
        if first is None:
            if raw.get("total") not in (None, 0):
                raise ExchangeFormatError(f"{where}: the collection has no first page")
            return [], raw
        if not isinstance(first, dict):
            raise ExchangeFormatError(
                f"{where}: the first page is given by reference only; pages are never fetched"
            )
        if first.get("next") is not None:
            raise ExchangeFormatError(
                f"{where}: the collection has further pages by reference; pages are never fetched"
            )
        return _as_list(first.get("items")), raw
    raise ExchangeFormatError(
        f"{where}: not a Web Annotation document (type is {sorted(types) or 'missing'})"
    )


def _creator(value: Any) -> str:
    for item in _as_list(value):
        if isinstance(item, str):
            return item
        if isinstance(item, dict):
            for key in ("name", "nickname"):
                name = item.get(key)
                if isinstance(name, list) and name and isinstance(name[0], str):
                    return name[0]
                if isinstance(name, str):
                    return name
    return ""


def _time(raw: dict[str, Any], key: str, where: str, default: dt.datetime) -> dt.datetime:
    value = raw.get(key)
    if isinstance(value, list) and len(value) == 1:
        value = value[0]
    if value is None:
        return default
    if not isinstance(value, str):
        raise ExchangeFormatError(f"{where}: {key!r} must be a date and time")
    return parse_time(value, f"{where}: {key!r}")


def _bodies(raw: dict[str, Any]) -> tuple[list[str], str]:
    tags: list[str] = []
    notes: list[str] = []
    if isinstance(raw.get("bodyValue"), str):
        notes.append(raw["bodyValue"])
    for body in _as_list(raw.get("body")):
        if not isinstance(body, dict) or not isinstance(body.get("value"), str):
            continue
        purposes = set(_as_list(body.get("purpose")))
        if "tagging" in purposes:
            tags.append(body["value"])
        elif "commenting" in purposes or not purposes:
            notes.append(body["value"])
    return tags, "\n\n".join(notes)


def _pdf_page(selector: dict[str, Any]) -> int | None:
    """The page of a PDF fragment (``page=12``, RFC 3778), when the selector names one."""
    value = selector.get("value")
    if not isinstance(value, str):
        return None
    match = re.fullmatch(r"#?page=(\d{1,6})", value.strip())
    page = int(match.group(1)) if match else 0
    return page or None


class _Target:
    def __init__(self, raw: dict[str, Any], where: str) -> None:
        targets = [t for t in _as_list(raw.get("target")) if isinstance(t, dict)]
        if not targets:
            raise ExchangeFormatError(f"{where}: no target with selectors")
        target = targets[0]
        source = target.get("source")
        if isinstance(source, dict):
            source = source.get("id")
        if not isinstance(source, str) or not source:
            raise ExchangeFormatError(f"{where}: the target has no source")
        self.report_uuid = uuid_of(source)
        self.title = target.get(PREFIX + "title")
        self.sha256 = target.get(PREFIX + "sha256")
        position: dict[str, Any] | None = None
        self.quote: dict[str, Any] = {}
        self.page: int | None = None
        for sel in _as_list(target.get("selector")):
            if isinstance(sel, dict):
                types = _types(sel)
                if "TextPositionSelector" in types and position is None:
                    position = sel
                elif "TextQuoteSelector" in types and not self.quote:
                    self.quote = sel
                elif "FragmentSelector" in types and self.page is None:
                    self.page = _pdf_page(sel)
        if position is None:
            raise ExchangeFormatError(
                f"{where}: the target has no TextPositionSelector (start and end)"
            )
        f = Fields(position, f"{where}: TextPositionSelector")
        self.start, self.end = f.integer("start"), f.integer("end")
        check_span(self.start, self.end, where)


def _annotation(raw: Any, where: str, reports: dict[str, ExchangeReport]) -> ExchangeAnnotation:
    f = Fields(raw, where)
    if "Annotation" not in _types(f.raw):
        raise ExchangeFormatError(f"{where}: not an Annotation")
    iri = f.text("id")
    target = _Target(f.raw, where)
    known = reports.get(target.report_uuid)
    q = Fields(target.quote, f"{where}: TextQuoteSelector")
    tags, note = _bodies(f.raw)
    speaker: SpeakerDef | None = None
    if f.has(PREFIX + "speaker"):
        speaker = speaker_from_dict(f.raw[PREFIX + "speaker"], f"{where}: speaker")
    stances = tuple(
        stance_from_dict(s, f"{where}: stances[{i}]")
        for i, s in enumerate(f.items(PREFIX + "stances"))
    )
    created = _time(f.raw, "created", where, EPOCH)
    return ExchangeAnnotation(
        uuid=uuid_of(iri),
        report_uuid=target.report_uuid,
        report_title=target.title
        if isinstance(target.title, str)
        else (known.title if known else ""),
        report_sha256=target.sha256
        if isinstance(target.sha256, str)
        else (known.sha256 if known else ""),
        start=target.start,
        end=target.end,
        quote=q.text("exact", ""),
        prefix=q.text("prefix", ""),
        suffix=q.text("suffix", ""),
        tags=tuple(tags),
        speaker=speaker,
        stances=stances,
        note=note,
        cites=f.texts(PREFIX + "cites"),
        status=check_status(f.text(PREFIX + "status", "proposed"), where),
        author=_creator(f.raw.get("creator")),
        created=created,
        modified=_time(f.raw, "modified", where, created),
        page=target.page,
    )


def _memo(raw: Any, where: str) -> ExchangeMemo:
    f = Fields(raw, where)
    about = Fields(f.raw[PREFIX + "memo"], f"{where}: memo")
    kind = about.text("kind")
    text = next(
        (b["value"] for b in _as_list(f.raw.get("body"))
         if isinstance(b, dict) and isinstance(b.get("value"), str)
         and "commenting" in _as_list(b.get("purpose"))),
        "",
    )
    created = _time(f.raw, "created", where, EPOCH)
    return ExchangeMemo(
        uuid=uuid_of(f.text("id")),
        kind=kind,
        subject=check_kind(kind, about.text("subject", ""), where),
        title=about.text("title", ""),
        text=text,
        author=_creator(f.raw.get("creator")),
        created=created,
        modified=_time(f.raw, "modified", where, created),
    )


def _reports(head: dict[str, Any], where: str) -> dict[str, ExchangeReport]:
    out: dict[str, ExchangeReport] = {}
    for i, item in enumerate(_as_list(head.get(PREFIX + "reports"))):
        r = Fields(item, f"{where}: reports[{i}]")
        uuid = uuid_of("urn:uuid:" + r.text("uuid"))
        out[uuid] = ExchangeReport(
            uuid, r.text("title", ""), r.text("sha256", ""), None, r.text("source_name", "")
        )
    return out


def read_w3c(path: Path) -> ExchangeSet:
    where = path.name
    raw = parse_json(decode(read_limited(path), where), where)
    items, head = _items(raw, where)
    reports = _reports(head, where)
    codebook = Codebook()
    if head.get(PREFIX + "codebook") is not None:
        codebook = codebook_from_dict(head[PREFIX + "codebook"], f"{where}: codebook")
    annotations: list[ExchangeAnnotation] = []
    memos: list[ExchangeMemo] = []
    seen: set[str] = set()
    for i, item in enumerate(items):
        if isinstance(item, dict) and item.get(PREFIX + "memo") is not None:
            m = _memo(item, f"{where}: annotation {i + 1}")
            if m.uuid in seen:
                raise ExchangeFormatError(f"{where}: memo {m.uuid} appears twice")
            seen.add(m.uuid)
            memos.append(m)
            continue
        a = _annotation(item, f"{where}: annotation {i + 1}", reports)
        if a.uuid in seen:
            raise ExchangeFormatError(f"{where}: annotation {a.uuid} appears twice")
        seen.add(a.uuid)
        annotations.append(a)
        if a.report_uuid not in reports:
            reports[a.report_uuid] = ExchangeReport(a.report_uuid, a.report_title, a.report_sha256)
    label = head.get("label")
    return ExchangeSet(
        tuple(annotations),
        tuple(reports.values()),
        codebook,
        label if isinstance(label, str) else "Glossator annotations",
        tuple(memos),
    )
