"""Word ``.docx`` reports: plain text out of the document, footnotes in canonical text form.

As the HTML reader does with ``<sup><a href="#fn1">`` notes, Word's real footnotes and
endnotes become ``[n]`` markers where they are referenced and a list of ``[n] note``
paragraphs at the end, for core footnote detection to link. Footnotes are numbered
``1, 2, 3`` in order of first reference, as Word shows them; endnotes too when the
document has no footnotes, else ``i, ii, iii`` (Word's default), which puts every marker
in the ``[^label]`` / ``[^label]: note`` form. The document's own numbering (its number
format, ``*, †, ‡`` included, and starting number, in ``word/settings.xml``) is Word's;
a reference with a custom mark is labelled by its mark and takes no number. A note
referenced twice keeps its number; a note never referenced is listed after the referenced
ones; a note whose only reference is a tracked deletion is dropped with it. Markers and
notes typed as text (``[3]``, ``[3] note``) are text like any other and found the same way.

The title is the document's own (``docProps/core.xml``), else its first ``Title`` or
``Heading 1`` paragraph. Nothing in the file is run or fetched: see ``docx_package``.
"""

from __future__ import annotations

from dataclasses import dataclass
from xml.etree.ElementTree import Element

from .docx_numbering import ListNumbering, format_number
from .docx_package import DocxPackage
from .docx_text import Block, NoteRef, WordText, local_name, plain, w_attr
from .text_reader import Extracted

__all__ = ["read_docx"]

_DC_TITLE = "{http://purl.org/dc/elements/1.1/}title"
_NOT_NOTES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_KINDS = ("footnote", "endnote")


def _styles(package: DocxPackage) -> dict[str, str]:
    """Style id -> lower-case style name (``Heading1`` -> ``heading 1``)."""
    part = package.related("styles", "word/styles.xml")
    styles: dict[str, str] = {}
    if part is None:
        return styles
    for event, element in package.events(part):
        if event == "end" and local_name(element.tag) == "style":
            name = next((c for c in element if local_name(c.tag) == "name"), None)
            style_id = w_attr(element, "styleId")
            if style_id and name is not None:
                styles[style_id] = (w_attr(name, "val") or "").lower()
            element.clear()
    return styles


def _core_title(package: DocxPackage) -> str | None:
    part = package.find("docProps/core.xml")
    if part is None:
        return None
    for event, element in package.events(part):
        if event == "end" and element.tag == _DC_TITLE:
            return " ".join((element.text or "").split()) or None
    return None


def _notes(package: DocxPackage, kind: str) -> dict[str, str]:
    """Note id -> note text (one line), in file order; separators are not notes."""
    part = package.related(f"{kind}s", f"word/{kind}s.xml")
    notes: dict[str, str] = {}
    if part is None:
        return notes
    story, note_id, inside = WordText(keep_refs=False), "", False
    for event, element in package.events(part):
        if local_name(element.tag) != kind:
            if inside:
                story.feed(event, element)
        elif event == "start":
            inside = (w_attr(element, "type") or "normal") not in _NOT_NOTES
            story, note_id = WordText(keep_refs=False), w_attr(element, "id") or ""
        else:
            if inside:
                text = " ".join(plain(block) for block in story.finish())
                notes.setdefault(note_id, " ".join(text.split()))
            inside = False
            element.clear()
    return notes


@dataclass(frozen=True, slots=True)
class _Numbering:
    """How Word numbers one kind of note: its number format and first number."""

    fmt: str
    start: int = 1


def _note_numbering(package: DocxPackage, has_footnotes: bool) -> dict[str, _Numbering]:
    """Per kind, the numbering Word uses: the defaults, unless ``settings.xml`` says."""
    found = {
        "footnote": _Numbering("decimal"),
        "endnote": _Numbering("lowerRoman" if has_footnotes else "decimal"),
    }
    part = package.related("settings", "word/settings.xml")
    if part is None:
        return found
    for event, element in package.events(part):
        tag = local_name(element.tag)
        if event == "end" and tag in ("footnotePr", "endnotePr"):
            kind = tag[: -len("Pr")]
            fmt, start = _child_val(element, "numFmt"), _child_val(element, "numStart")
            found[kind] = _Numbering(
                fmt or found[kind].fmt, int(start) if start and start.isdigit() else 1
            )
    return found


def _child_val(element: Element, name: str) -> str | None:
    child = next((c for c in element if local_name(c.tag) == name), None)
    return None if child is None else w_attr(child, "val")


def _body(package: DocxPackage, styles: dict[str, str], numbering: ListNumbering) -> WordText:
    story = WordText(styles, numbering)
    inside = False
    for event, element in package.events(package.main):
        tag = local_name(element.tag)
        if tag == "body":
            inside = event == "start"
        elif inside:
            story.feed(event, element)
    return story


def _labels(
    body: WordText, notes: dict[str, dict[str, str]], numbering: dict[str, _Numbering]
) -> tuple[dict[NoteRef, str], list[tuple[str, str]]]:
    """A label for every reference, and the notes to list as (label, text), in order."""
    labels: dict[NoteRef, str] = {}
    listed: list[tuple[str, str]] = []
    for kind in _KINDS:
        cited = [ref for ref in dict.fromkeys(body.refs) if ref.kind == kind]
        live = {ref.id for ref in cited}
        gone = {ref.id for ref in body.deleted_refs if ref.kind == kind} - live
        uncited = [NoteRef(kind, i) for i in notes[kind] if i not in live and i not in gone]
        number = numbering[kind].start
        for ref in [*cited, *uncited]:
            mark = body.marks.get(ref)
            if mark is None:
                mark, number = format_number(number, numbering[kind].fmt), number + 1
            labels[ref] = mark
            if ref.id in notes[kind]:
                text = notes[kind][ref.id]
                if ref in body.marks and text.startswith(mark):  # the mark, typed again
                    text = text[len(mark) :].lstrip()
                listed.append((labels[ref], text))
    return labels, listed


def read_docx(data: bytes, name: str) -> Extracted:
    """Plain text of a ``.docx`` report with its notes listed at the end.

    Raises ``ImportRefused`` for anything that is not a readable, safe Word document.
    """
    with DocxPackage(data, name) as package:
        styles = _styles(package)
        numbering_part = package.related("numbering", "word/numbering.xml")
        numbering = ListNumbering(
            None if numbering_part is None else package.events(numbering_part)
        )
        notes = {kind: _notes(package, kind) for kind in _KINDS}
        body = _body(package, styles, numbering)
        title = _core_title(package) or body.title or body.heading
        has_footnotes = bool(notes["footnote"]) or any(r.kind == "footnote" for r in body.refs)
        note_numbering = _note_numbering(package, has_footnotes)
    blocks: list[Block] = body.finish()
    labels, listed = _labels(body, notes, note_numbering)
    numeric = all(label.isdigit() for label in labels.values())

    def marker(label: str) -> str:
        return f"[{label}]" if numeric else f"[^{label}]"

    out = [
        "".join(part if isinstance(part, str) else marker(labels[part]) for part in block)
        for block in blocks
    ]
    out.extend(f"{marker(label)}{'' if numeric else ':'} {text}".rstrip() for label, text in listed)
    return Extracted("\n\n".join(out), title)
