"""REFI-QDA projects (`.qdpx`): a zip with `project.qde` (QDA-XML 1.0) and `Sources/` holding
each report's plain text, for NVivo, ATLAS.ti, MAXQDA, QualCoder and the like.

Reviewers are Users; tags, speakers and stances are Codes (see qdpx_codes); each report is a
TextSource (its GUID the report's UUID, its text in `Sources/<uuid>.txt`); each annotation is
a PlainTextSelection (its GUID the annotation's UUID, positions in code points, end
exclusive) with one Coding per tag, speaker and stance, and a NoteRef to a Note holding its
note. Status, cited notes and stance intensities go in the selection's Description block.
Memos are Notes too, referred to from their subject (qdpx_memos).
Reading is in `qdpx_reader`.
"""

from __future__ import annotations

import zipfile
from collections.abc import Iterator
from pathlib import Path

from glossator.core.codebook import Codebook
from glossator.core.exchange import ExchangeAnnotation, ExchangeSet, used_codebook
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.exchange_json import format_time
from glossator.formats.qdpx_codes import code_lines
from glossator.formats.qdpx_memos import memo_location, memo_note, note_refs
from glossator.formats.qdpx_meta import (
    ORIGIN,
    PROJECT_NS,
    attr,
    canonical_guid,
    child_guid,
    child_guids,
    guid,
    text,
    user_guid,
    with_meta,
)
from glossator.safe_files import replacing

PROJECT_FILE = "project.qde"
SOURCES = "Sources"


def _guid(value: str, what: str) -> str:
    try:
        return canonical_guid(value)
    except ValueError:
        raise ExchangeFormatError(f"{what} {value[:60]!r} is not a UUID") from None


def _codes(a: ExchangeAnnotation) -> list[str]:
    out = [guid("tag", t) for t in a.tags]
    if a.speaker is not None:
        out.append(guid("speaker", a.speaker.name))
    out += [guid("stance", x.target, x.label) for x in a.stances]
    return list(dict.fromkeys(out))


def _selection(a: ExchangeAnnotation, user: str, notes: list[str]) -> str:
    """One PlainTextSelection; `user` is the author's GUID. GUIDs, numbers and times need no
    escaping, so only the free texts go through attr() and text()."""
    sel = _guid(a.uuid, "annotation")
    created, modified = format_time(a.created), format_time(a.modified)
    parts = [
        f'<PlainTextSelection guid="{sel}" name={attr(a.quote)} startPosition="{a.start}"'
        f' endPosition="{a.end}" creatingUser="{user}" creationDateTime="{created}"'
        f' modifyingUser="{user}" modifiedDateTime="{modified}">'
    ]
    intensities = any(x.intensity is not None for x in a.stances)
    if a.status != "proposed" or a.cites or intensities or a.page is not None:
        meta = {
            "status": a.status if a.status != "proposed" else None,
            "cites": list(a.cites),
            "intensity": {x.target: x.intensity for x in a.stances if x.intensity is not None},
            "page": a.page,
        }
        cited_page = f"p. {a.page}" if a.page is not None else ""  # shown by other tools
        parts.append(f"<Description>{text(with_meta(cited_page, meta))}</Description>")
    codes = _codes(a)
    parts.extend(
        f'<Coding guid="{coding}" creatingUser="{user}"'
        f' creationDateTime="{created}"><CodeRef targetGUID="{code}"/></Coding>'
        for code, coding in zip(
            codes, child_guids(sel, ["coding:" + c for c in codes]), strict=True
        )
    )
    if a.note:
        note = child_guid(sel, "note")
        parts.append(f'<NoteRef targetGUID="{note}"/>')
        notes.append(
            f'<Note guid="{note}" name={attr("Note: " + a.quote[:60])} creatingUser="{user}"'
            f' creationDateTime="{created}" modifyingUser="{user}" modifiedDateTime="{modified}">'
            f"<PlainTextContent>{text(a.note)}</PlainTextContent></Note>"
        )
    parts.append("</PlainTextSelection>")
    return "".join(parts)


def project_xml(s: ExchangeSet, codebook: Codebook) -> Iterator[str]:
    """The lines of project.qde."""
    yield '<?xml version="1.0" encoding="utf-8"?>\n'
    yield f'<Project xmlns="{PROJECT_NS}" name={attr(s.label)} origin="{ORIGIN}">\n'
    authors = [a.author for a in s.annotations] + [m.author for m in s.memos]
    users = {n: user_guid(n) for n in dict.fromkeys(authors)}
    groups = s.by_report()
    code_guids = {guid("tag", t.name) for t in codebook.tags}
    code_guids |= {guid("speaker", sp.name) for sp in codebook.speakers}
    placed: dict[tuple[str, str], list[str]] = {}
    for m in s.memos:
        key = memo_location(m, set(groups), code_guids)
        placed.setdefault(key, []).append(canonical_guid(m.uuid))
    on_codes = {k[1]: v for k, v in placed.items() if k[0] == "code"}
    if users:
        yield "<Users>\n"
        yield from (f'<User guid="{g}" name={attr(n)}/>\n' for n, g in users.items())
        yield "</Users>\n"
    codes = list(code_lines(codebook, on_codes))
    if codes:
        yield "<CodeBook><Codes>\n" + "\n".join(codes) + "\n</Codes></CodeBook>\n"
    notes: list[str] = [memo_note(m, users[m.author]) for m in s.memos]
    reports = s.report_map()
    if groups:
        yield "<Sources>\n"
    for report_uuid, group in groups.items():
        report = reports.get(report_uuid)
        title = report.title if report else group[0].report_title
        source = _guid(report_uuid, "report")
        yield (
            f"<TextSource guid={attr(source)} name={attr(title)}"
            f" plainTextPath={attr(f'internal://{source}.txt')}>\n"
        )
        if report is not None and report.source_name:
            meta = with_meta("", {"source_name": report.source_name})
            yield f"<Description>{text(meta)}</Description>\n"
        yield from (_selection(a, users[a.author], notes) + "\n" for a in group)
        yield note_refs(placed.get(("source", report_uuid), ())) + "</TextSource>\n"
    if groups:
        yield "</Sources>\n"
    if notes:
        yield "<Notes>\n" + "\n".join(notes) + "\n</Notes>\n"
    yield note_refs(placed.get(("project", ""), ())) + "</Project>\n"


def write_qdpx(s: ExchangeSet, path: Path) -> None:
    reports = s.report_map()
    for report_uuid, group in s.by_report().items():
        report = reports.get(report_uuid)
        if report is None or report.text is None:
            title = group[0].report_title if group else report_uuid
            raise ExchangeFormatError(f"a .qdpx project needs the text of report {title!r}")
        for a in group:
            if a.end > len(report.text):
                raise ExchangeFormatError(
                    f"annotation {a.uuid} runs past the end of report {report.title!r}"
                )
    xml = "".join(project_xml(s, used_codebook(s))).encode("utf-8")
    with replacing(path) as partial, zipfile.ZipFile(
        partial, "w", zipfile.ZIP_DEFLATED, compresslevel=1
    ) as archive:
        archive.writestr(PROJECT_FILE, xml)
        for report_uuid in s.by_report():
            report = reports[report_uuid]
            assert report.text is not None
            name = f"{SOURCES}/{_guid(report_uuid, 'report')}.txt"
            archive.writestr(name, report.text.encode("utf-8"))
