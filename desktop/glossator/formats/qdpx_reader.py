"""Reading REFI-QDA projects (`.qdpx`): ours losslessly, other tools' as far as they hold
plain-text sources with text selections.

The archive is opened with zip-slip and zip-bomb limits (safe_zip); the XML is parsed by
defusedxml with DTDs, entities and external references forbidden; source texts are read
only from inside the archive (`internal://`) or from the XML itself, never from a path
on disk or the network.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from glossator.core.exchange import (
    EPOCH,
    ExchangeAnnotation,
    ExchangeReport,
    ExchangeSet,
    ExchangeStance,
    quote_context,
    text_sha256,
)
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.exchange_json import check_status, decode, parse_time
from glossator.formats.qdpx_codes import CodeIndex, read_codes
from glossator.formats.qdpx_memos import read_memos
from glossator.formats.qdpx_meta import PROJECT_NS, canonical_guid, split_meta
from glossator.formats.safe_zip import SafeZip
from glossator.formats.sizes import MiB, mib

MAX_XML_BYTES = 256 * MiB
_NS = f"{{{PROJECT_NS}}}"


def parse_xml(data: bytes, where: str, ns: str, root_name: str) -> Element:
    """Parse untrusted XML: no DTD, no entity, no external reference is ever processed."""
    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    if len(data) > MAX_XML_BYTES:
        raise ExchangeFormatError(
            f"{where}: the XML is too large (the limit is {mib(MAX_XML_BYTES)})"
        )
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise ExchangeFormatError(
            f"{where}: refused: the XML declares a DTD or entities ({type(exc).__name__})"
        ) from None
    except ParseError as exc:
        raise ExchangeFormatError(f"{where}: not well-formed XML ({exc})") from None
    if root.tag != f"{{{ns}}}{root_name}":
        raise ExchangeFormatError(f"{where}: the root element is not <{root_name}> of {ns}")
    return root


def guid_reader(where: str) -> Callable[[str], str]:
    def read(value: str) -> str:
        try:
            return canonical_guid(value)
        except ValueError:
            raise ExchangeFormatError(f"{where}: {value[:60]!r} is not a GUID") from None

    return read


def _int(el: Element, name: str, where: str) -> int:
    value = el.get(name, "")
    try:
        number = int(value)
    except ValueError:
        raise ExchangeFormatError(f"{where}: {name} {value[:20]!r} is not a number") from None
    if number < 0:
        raise ExchangeFormatError(f"{where}: {name} is negative")
    return number


def _time(el: Element, name: str, where: str, default: dt.datetime) -> dt.datetime:
    value = el.get(name)
    return default if value is None else parse_time(value, f"{where}: {name}")


class _Project:
    def __init__(self, archive: SafeZip, root: Element, where: str) -> None:
        self.archive, self.root, self.where = archive, root, where
        self.guid = guid_reader(where)
        self.users = {
            self.guid(u.get("guid", "")): u.get("name", "")
            for u in root.iterfind(f"{_NS}Users/{_NS}User")
        }
        self.codes: CodeIndex = read_codes(
            root.find(f"{_NS}CodeBook/{_NS}Codes"), PROJECT_NS, self.guid
        )
        self.notes = {
            self.guid(n.get("guid", "")): self._text(n, "a note")
            for n in root.iterfind(f"{_NS}Notes/{_NS}Note")
        }

    def _text(self, el: Element, what: str) -> str:
        content = el.find(f"{_NS}PlainTextContent")
        if content is not None:
            return content.text or ""
        path = el.get("plainTextPath")
        if path is None:
            return ""
        if not path.startswith("internal://"):
            raise ExchangeFormatError(
                f"{self.where}: {what} keeps its text outside the project ({path[:80]!r}); "
                "only texts inside the .qdpx are read"
            )
        entry = self.archive.find(f"Sources/{path[len('internal://') :]}")
        if entry is None:
            raise ExchangeFormatError(
                f"{self.where}: {what} points to a missing file {path[:80]!r}"
            )
        return decode(self.archive.read(entry), f"{self.where}: {entry}")

    def _user(self, value: str | None) -> str:
        return self.users.get(self.guid(value), "") if value else ""

    def report(self, source: Element) -> ExchangeReport:
        uuid = self.guid(source.get("guid", ""))
        title = source.get("name", "")
        text = self._text(source, f"source {title[:60]!r}")
        desc = source.find(f"{_NS}Description")
        _, meta = split_meta(desc.text or "" if desc is not None else "")
        name = meta.get("source_name")
        return ExchangeReport(
            uuid, title, text_sha256(text), text, name if isinstance(name, str) else ""
        )

    def annotation(self, sel: Element, report: ExchangeReport) -> ExchangeAnnotation:
        text = report.text or ""
        uuid = self.guid(sel.get("guid", ""))
        where = f"{self.where}: selection {uuid}"
        start, end = _int(sel, "startPosition", where), _int(sel, "endPosition", where)
        if not start < end <= len(text):
            raise ExchangeFormatError(
                f"{where}: positions {start}-{end} do not fit the source text"
                f" ({len(text)} characters)"
            )
        desc = sel.find(f"{_NS}Description")
        _, meta = split_meta(desc.text or "" if desc is not None else "")
        intensity = meta.get("intensity")
        intensities = intensity if isinstance(intensity, dict) else {}
        tags: list[str] = []
        speaker = None
        stances: list[ExchangeStance] = []
        for ref in sel.iterfind(f"{_NS}Coding/{_NS}CodeRef"):
            code = self.guid(ref.get("targetGUID", ""))
            if code in self.codes.tags:
                tags.append(self.codes.tags[code])
            elif code in self.codes.speakers:
                speaker = self.codes.speakers[code]
            elif code in self.codes.stances:
                target, label = self.codes.stances[code]
                value = intensities.get(target)
                stances.append(ExchangeStance(target, label, value if type(value) is int else None))
        notes = [
            self.notes.get(self.guid(n.get("targetGUID", "")), "")
            for n in sel.iterfind(f"{_NS}NoteRef")
        ]
        cites = meta.get("cites")
        created = _time(sel, "creationDateTime", where, EPOCH)
        quote, prefix, suffix = quote_context(text, start, end)
        status = meta.get("status")
        page = meta.get("page")
        return ExchangeAnnotation(
            uuid=uuid,
            report_uuid=report.uuid,
            report_title=report.title,
            report_sha256=report.sha256,
            start=start,
            end=end,
            quote=quote,
            prefix=prefix,
            suffix=suffix,
            tags=tuple(tags),
            speaker=speaker,
            stances=tuple(stances),
            note="\n\n".join(n for n in notes if n),
            cites=tuple(c for c in cites if isinstance(c, str)) if isinstance(cites, list) else (),
            status=check_status(status if isinstance(status, str) else "proposed", where),
            author=self._user(sel.get("creatingUser")),
            created=created,
            modified=_time(sel, "modifiedDateTime", where, created),
            page=page if type(page) is int and page >= 1 else None,
        )


def read_qdpx(path: Path) -> ExchangeSet:
    with SafeZip(path) as archive:
        entry = archive.find("project.qde") or next(
            (n for n in archive.names() if n.lower().endswith(".qde") and "/" not in n), None
        )
        if entry is None:
            raise ExchangeFormatError(f"{path.name}: not a REFI-QDA project (no project.qde)")
        root = parse_xml(archive.read(entry), f"{path.name}: {entry}", PROJECT_NS, "Project")
        project = _Project(archive, root, path.name)
        reports: list[ExchangeReport] = []
        annotations: list[ExchangeAnnotation] = []
        seen: set[str] = set()
        for source in root.iterfind(f"{_NS}Sources/{_NS}TextSource"):
            report = project.report(source)
            reports.append(report)
            for sel in source.iterfind(f"{_NS}PlainTextSelection"):
                a = project.annotation(sel, report)
                if a.uuid in seen:
                    raise ExchangeFormatError(f"{path.name}: selection {a.uuid} appears twice")
                seen.add(a.uuid)
                annotations.append(a)
        memos = read_memos(
            root, _NS, project.guid, project.codes, project.users,
            lambda note: project._text(note, "a note"), path.name,
        )
    return ExchangeSet(
        tuple(annotations), tuple(reports), project.codes.codebook, root.get("name", path.stem),
        tuple(memos),
    )
