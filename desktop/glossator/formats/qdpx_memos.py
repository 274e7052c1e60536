"""Memos in REFI-QDA projects: each memo is a `<Note>` (its GUID the memo's UUID, its
Markdown text as PlainTextContent), referred to by a `<NoteRef>` where its subject is: in
the report's TextSource, in the tag's or speaker's Code, or at the end of the Project for
the workspace. The Note's Description block says it is a memo (kind, subject, title), so
our own projects read back exactly; a note from another tool that no selection refers to
is read as a memo on whatever refers to it (a source, a code, the project), or on the
workspace when nothing does.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from xml.etree.ElementTree import Element

from glossator.core.analysis import MEMO_KINDS
from glossator.core.exchange import EPOCH, ExchangeMemo
from glossator.formats.exchange_json import format_time, parse_time
from glossator.formats.qdpx_codes import CodeIndex
from glossator.formats.qdpx_meta import attr, canonical_guid, guid, split_meta, text, with_meta

Location = tuple[str, str]  # ("source", report uuid) | ("code", code guid) | ("project", "")


def memo_location(m: ExchangeMemo, sources: set[str], codes: set[str]) -> Location:
    """Where the NoteRef of a memo goes (the project when its subject is not in the file)."""
    if m.kind == "report" and m.subject in sources:
        return ("source", m.subject)
    if m.kind in ("tag", "speaker"):
        code = guid(m.kind, m.subject)
        if code in codes:
            return ("code", code)
    return ("project", "")


def memo_note(m: ExchangeMemo, user: str) -> str:
    meta = {"memo": m.kind, "subject": m.subject or None, "title": m.title or None}
    name = m.title or f"Memo ({m.kind})"
    created, modified = format_time(m.created), format_time(m.modified)
    return (
        f'<Note guid="{canonical_guid(m.uuid)}" name={attr(name)} creatingUser="{user}"'
        f' creationDateTime="{created}" modifyingUser="{user}" modifiedDateTime="{modified}">'
        f"<Description>{text(with_meta('', meta))}</Description>"
        f"<PlainTextContent>{text(m.text)}</PlainTextContent></Note>"
    )


def note_refs(guids: Iterable[str]) -> str:
    return "".join(f'<NoteRef targetGUID="{g}"/>' for g in guids)


def read_memos(
    root: Element, ns: str, read_guid: Callable[[str], str], codes: CodeIndex,
    users: dict[str, str], note_text: Callable[[Element], str], where: str,
) -> list[ExchangeMemo]:
    """The project's memos: its notes that no text selection refers to."""
    def g(el: Element) -> str:
        return read_guid(el.get("targetGUID", ""))

    of_selections = {g(r) for r in root.iterfind(f".//{ns}PlainTextSelection/{ns}NoteRef")}
    place: dict[str, Location] = {}
    for source in root.iterfind(f"{ns}Sources/{ns}TextSource"):
        for ref in source.iterfind(f"{ns}NoteRef"):
            place.setdefault(g(ref), ("source", read_guid(source.get("guid", ""))))
    for code in root.iter(f"{ns}Code"):
        for ref in code.iterfind(f"{ns}NoteRef"):
            place.setdefault(g(ref), ("code", read_guid(code.get("guid", ""))))
    out: list[ExchangeMemo] = []
    for note in root.iterfind(f"{ns}Notes/{ns}Note"):
        uuid = read_guid(note.get("guid", ""))
        if uuid in of_selections:
            continue
        desc = note.find(f"{ns}Description")
        _, meta = split_meta(desc.text or "" if desc is not None else "")
        kind, subject = _subject(meta, place.get(uuid, ("project", "")), codes)
        title = meta.get("title") if "memo" in meta else note.get("name", "")
        at = f"{where}: note {uuid}"
        created = _time(note.get("creationDateTime"), at)
        modified = note.get("modifiedDateTime")
        out.append(ExchangeMemo(
            uuid, kind, subject, title if isinstance(title, str) else "", note_text(note),
            users.get(read_guid(note.get("creatingUser") or ""), "")
            if note.get("creatingUser") else "",
            created, _time(modified, at) if modified else created,
        ))
    return out


def _time(value: str | None, where: str) -> dt.datetime:
    return EPOCH if value is None else parse_time(value, where)


def _subject(meta: dict[str, object], location: Location, codes: CodeIndex) -> tuple[str, str]:
    kind, subject = meta.get("memo"), meta.get("subject")
    if isinstance(kind, str) and kind in MEMO_KINDS:
        return kind, subject if isinstance(subject, str) and kind != "workspace" else ""
    where, key = location
    if where == "source":
        return "report", key
    if where == "code" and key in codes.tags:
        return "tag", codes.tags[key]
    if where == "code" and key in codes.speakers:
        return "speaker", codes.speakers[key].name
    return "workspace", ""
