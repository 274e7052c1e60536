"""brat standoff: for each report a `.txt` with its exact text and a `.ann` beside it, plus an
`annotation.conf` declaring the types, into a folder or a `.zip`.

Each tag of an annotation is one text-bound line, `T1<TAB>Type start end<TAB>text` (a span
with no tag is a `Highlight`). brat wants no line break inside a fragment, so a span that
crosses lines is written as fragments, `start end;start end`, their texts joined by a space.
The speaker, each stance (`Stance_<target>`) and the status are attributes; the note and the
cited footnotes go to an `AnnotatorNotes` line. Offsets are code points, as brat counts them.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path

from glossator.core.exchange import STATUSES, ExchangeAnnotation, ExchangeSet
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.safe_files import replacing, replacing_folder

HIGHLIGHT = "Highlight"
_NOT_WORD = re.compile(r"[^\w-]+")


def brat_name(name: str, fallback: str = "X") -> str:
    """A brat type or value: word characters and hyphens, no spaces."""
    cleaned = _NOT_WORD.sub("_", name).strip("_")
    return cleaned or fallback


def fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of [start, end) between line breaks, empty pieces dropped."""
    out: list[tuple[int, int]] = []
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        if stop > at:
            out.append((at, stop))
        at = stop + 1
    return out


def file_stem(title: str, uuid: str) -> str:
    slug = re.sub(r"[^\w]+", "-", title.casefold()).strip("-")[:60].strip("-")
    return f"{slug or 'report'}-{uuid[:8]}"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _lines(text: str, annotations: list[ExchangeAnnotation]) -> Iterator[str]:
    t = a_id = n = 0
    for a in annotations:
        if a.end > len(text):
            raise ExchangeFormatError(
                f"annotation {a.uuid} runs past the end of report {a.report_title!r}"
            )
        parts = fragments(text, a.start, a.end)
        if not parts:
            continue
        spans = ";".join(f"{s} {e}" for s, e in parts)
        quote = " ".join(text[s:e] for s, e in parts)
        note = " | ".join(
            x
            for x in (_one_line(a.note), f"cites notes {', '.join(a.cites)}" if a.cites else "")
            if x
        )
        for tag in a.tags or (HIGHLIGHT,):
            t += 1
            yield f"T{t}\t{brat_name(tag, 'Tag')} {spans}\t{quote}"
            attributes = [("Status", a.status)]
            if a.speaker is not None:
                attributes.append(("Speaker", brat_name(a.speaker.name)))
            attributes += [(f"Stance_{brat_name(s.target)}", brat_name(s.label)) for s in a.stances]
            for name, value in attributes:
                a_id += 1
                yield f"A{a_id}\t{name} T{t} {value}"
            if note:
                n += 1
                yield f"#{n}\tAnnotatorNotes T{t}\t{note}"


def annotation_conf(s: ExchangeSet) -> str:
    entities = dict.fromkeys(brat_name(t.name, "Tag") for t in s.codebook.tags)
    for a in s.annotations:
        entities.update(dict.fromkeys(brat_name(t, "Tag") for t in a.tags or (HIGHLIGHT,)))
    speakers = dict.fromkeys(brat_name(x.name) for x in s.codebook.speakers)
    stance: dict[str, dict[str, None]] = {}
    labels = [brat_name(x.name) for x in s.codebook.stance_labels]
    for a in s.annotations:
        if a.speaker is not None:
            speakers[brat_name(a.speaker.name)] = None
        for x in a.stances:
            values = stance.setdefault(f"Stance_{brat_name(x.target)}", dict.fromkeys(labels))
            values[brat_name(x.label)] = None
    attributes = [f"Status\tArg:<ENTITY>, Value:{'|'.join(STATUSES)}"]
    if speakers:
        attributes.append(f"Speaker\tArg:<ENTITY>, Value:{'|'.join(speakers)}")
    attributes += [f"{k}\tArg:<ENTITY>, Value:{'|'.join(v)}" for k, v in sorted(stance.items())]
    return (
        "[entities]\n"
        + "".join(f"{e}\n" for e in entities)
        + "\n[relations]\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n"
        + "\n[events]\n\n[attributes]\n"
        + "".join(f"{x}\n" for x in attributes)
    )


def brat_files(s: ExchangeSet) -> Iterator[tuple[str, bytes]]:
    """(file name, bytes) for every file of the export."""
    yield "annotation.conf", annotation_conf(s).encode("utf-8")
    reports = s.report_map()
    used: set[str] = set()
    for report_uuid, group in s.by_report().items():
        report = reports.get(report_uuid)
        if report is None or report.text is None:
            title = group[0].report_title if group else report_uuid
            raise ExchangeFormatError(f"brat export needs the text of report {title!r}")
        stem = file_stem(report.title, report.uuid)
        while stem in used:
            stem += "-"
        used.add(stem)
        yield f"{stem}.txt", report.text.encode("utf-8")
        ann = "".join(line + "\n" for line in _lines(report.text, group))
        yield f"{stem}.ann", ann.encode("utf-8")


def write_brat(s: ExchangeSet, path: Path) -> None:
    """A `.zip` when `path` ends so, else a folder. Either is built beside `path` and takes
    its place only once complete (a folder there before is replaced whole)."""
    if path.suffix.lower() == ".zip":
        with replacing(path) as partial, zipfile.ZipFile(
            partial, "w", zipfile.ZIP_DEFLATED
        ) as archive:
            for name, data in brat_files(s):
                archive.writestr(name, data)
        return
    with replacing_folder(path) as folder:
        for name, data in brat_files(s):
            (folder / name).write_bytes(data)
