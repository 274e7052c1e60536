"""WordprocessingML to text blocks, from a stream of XML events (no whole tree is kept).

What a reader of the document sees is what we take: paragraphs (headings included) one
block each, table rows as ``cell | cell`` blocks, tabs and line breaks as ``\\t`` and
``\\n``. Tracked changes read as if accepted: insertions kept, deletions (and text moved
away) dropped, a deleted paragraph mark joins its paragraph to the next one, a deleted
table row goes. Hidden text, drawings and text boxes, embedded objects, field codes and
comment marks give nothing. A non-breaking hyphen is an ordinary ``-`` and a soft
(optional) hyphen vanishes, so quotes and searches match what the page shows.

Footnote and endnote references stay in the blocks as ``NoteRef`` values, for the reader
to number once it knows them all. A reference with a custom mark (Word's "Custom mark:
``*``", ``customMarkFollows``) is labelled by the mark typed after it, which is not
repeated as text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from xml.etree.ElementTree import Element

__all__ = ["Block", "NoteRef", "Part", "WordText", "has_content", "local_name", "plain", "w_attr"]

_W_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # ISO "strict" documents
)
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_TAGS: dict[str, str] = {}


@dataclass(frozen=True, slots=True)
class NoteRef:
    """A reference to footnote or endnote ``id`` (kind ``"footnote"`` / ``"endnote"``)."""

    kind: str
    id: str


Part = str | NoteRef
Block = list[Part]

# Subtrees whose content is never text. Those in _DELETED hold tracked deletions; the
# properties in _INSPECTED are read once complete.
_DELETED = frozenset({"del", "moveFrom"})
_INSPECTED = frozenset({"pPr", "rPr", "trPr"})
_NO_TEXT = (
    "tblPr tblGrid tcPr sdtPr sdtEndPr instrText delInstrText drawing pict object fldData"
    " ffData commentReference annotationRef footnoteRef endnoteRef separator"
    " continuationSeparator sectPr rt mc:AlternateContent"
)
_SKIP = _DELETED | _INSPECTED | frozenset(_NO_TEXT.split())
_REFS = {"footnoteReference": "footnote", "endnoteReference": "endnote"}
_CHARS = {"tab": "\t", "ptab": "\t", "br": "\n", "cr": "\n", "noBreakHyphen": "-"}
_OFF = frozenset({"0", "false", "off"})
_SOFT_HYPHEN = "\u00ad"


def local_name(tag: str) -> str:
    """``{w namespace}p`` -> ``p``; markup compatibility -> ``mc:name``; others unchanged."""
    name = _TAGS.get(tag)
    if name is None:
        namespace, _, local = tag[1:].partition("}") if tag.startswith("{") else ("", "", tag)
        if namespace in _W_NAMESPACES:
            name = local
        elif namespace == _MC:
            name = f"mc:{local}"
        else:
            name = tag
        if len(_TAGS) < 10_000:
            _TAGS[tag] = name
    return name


def w_attr(element: Element, name: str) -> str | None:
    """A ``w:``-namespaced attribute, in either namespace."""
    for namespace in _W_NAMESPACES:
        value = element.get(f"{{{namespace}}}{name}")
        if value is not None:
            return value
    return None


def _child(element: Element, name: str) -> Element | None:
    return next((c for c in element if local_name(c.tag) == name), None)


def _on(element: Element | None) -> bool:
    """A toggle property (``<w:vanish/>``, ``<w:vanish w:val="false"/>``) that is on."""
    return element is not None and (w_attr(element, "val") or "true").lower() not in _OFF


def plain(block: Iterable[Part]) -> str:
    return "".join(part for part in block if isinstance(part, str))


def has_content(block: Block) -> bool:
    """Visible text or a note reference."""
    return bool(plain(block).strip()) or any(isinstance(part, NoteRef) for part in block)


@dataclass
class _Paragraph:
    parts: Block = field(default_factory=list)
    style: str | None = None
    numbering: tuple[str, int] | None = None
    joins_next: bool = False


class WordText:
    """Blocks of one story (the body, or one note), fed its XML events in order.

    ``styles`` maps style ids to lower-case style names (``title``, ``heading 1``);
    ``number`` gives a list item's prefix (``"3. "``, ``"- "``) from its numbering.
    """

    def __init__(
        self,
        styles: dict[str, str] | None = None,
        number: Callable[[str, int], str] | None = None,
        keep_refs: bool = True,
    ) -> None:
        self.styles = styles or {}
        self.number = number
        self.keep_refs = keep_refs
        self.containers: list[list[Block]] = [[]]  # the story, then each open table cell
        self.rows: list[list[Block]] = []
        self.rows_deleted: list[bool] = []
        self.paragraph: _Paragraph | None = None
        self.carry: Block = []  # a paragraph whose mark was deleted: it joins the next
        self.hidden = False  # the current run is hidden text
        self.skip = 0
        self.skip_deleted = False
        self.refs: list[NoteRef] = []  # in text order, live references only
        self.marks: dict[NoteRef, str] = {}  # custom marks of references that have one
        self._mark_for: NoteRef | None = None  # a reference whose custom mark comes next
        self.deleted_refs: set[NoteRef] = set()
        self.title: str | None = None
        self.heading: str | None = None

    # -- events -------------------------------------------------------------------------

    def feed(self, event: str, element: Element) -> None:
        tag = local_name(element.tag)
        if self.skip:
            if event == "start":
                self.skip += 1
                if self.skip_deleted and tag in _REFS:
                    self.deleted_refs.add(NoteRef(_REFS[tag], w_attr(element, "id") or ""))
                return
            self.skip -= 1
            if not self.skip:
                self._inspect(tag, element)
                element.clear()
            return
        if event == "start":
            if tag in _SKIP:
                self.skip, self.skip_deleted = 1, tag in _DELETED
            else:
                self._start(tag, element)
        else:
            self._end(tag, element)
            element.clear()

    def _start(self, tag: str, element: Element) -> None:
        if tag == "p":
            self.paragraph = _Paragraph()
        elif tag == "r":
            self.hidden = False
        elif tag == "tr":
            self.rows.append([])
            self.rows_deleted.append(False)
        elif tag == "tc":
            self.containers.append([])
        elif tag in _REFS and self.keep_refs and not self.hidden and self.paragraph:
            ref = NoteRef(_REFS[tag], w_attr(element, "id") or "")
            self.paragraph.parts.append(ref)
            self.refs.append(ref)
            custom = w_attr(element, "customMarkFollows")
            if custom is not None and custom.lower() not in _OFF:
                self._mark_for = ref

    def _end(self, tag: str, element: Element) -> None:
        paragraph = self.paragraph
        if paragraph is not None and not self.hidden:
            if tag == "t":
                text = (element.text or "").replace(_SOFT_HYPHEN, "")
                paragraph.parts.append(self._take_mark(text))
            elif tag in _CHARS:
                paragraph.parts.append(_CHARS[tag])
        if tag == "p":
            self._end_paragraph()
        elif tag == "tc" and len(self.containers) > 1:
            cell: Block = []
            for block in self.containers.pop():
                cell.extend([" ", *block] if cell else block)
            if self.rows:
                self.rows[-1].append(cell)
        elif tag == "tr" and self.rows:
            cells, deleted = self.rows.pop(), self.rows_deleted.pop()
            if not deleted and any(has_content(cell) for cell in cells):
                row: Block = []
                for cell in cells:
                    row.extend([" | ", *cell] if row else cell)
                self.containers[-1].append(row)

    def _take_mark(self, text: str) -> str:
        """``text`` without the custom mark it starts with, when a reference awaits one."""
        ref = self._mark_for
        if ref is None or not text.strip():
            return text
        self._mark_for = None
        mark, _, rest = text.lstrip().partition(" ")
        self.marks[ref] = mark
        return (" " + rest) if rest else ""

    def _inspect(self, tag: str, element: Element) -> None:
        """Properties, read when complete: styles, numbering, hidden text, tracked marks."""
        if tag == "rPr":
            self.hidden = _on(_child(element, "vanish"))
        elif tag == "trPr" and self.rows_deleted:
            self.rows_deleted[-1] = _child(element, "del") is not None
        elif tag == "pPr" and self.paragraph is not None:
            style = _child(element, "pStyle")
            self.paragraph.style = None if style is None else w_attr(style, "val")
            num = _child(element, "numPr")
            if num is not None:
                num_id, level = _child(num, "numId"), _child(num, "ilvl")
                raw_level = "" if level is None else w_attr(level, "val") or ""
                if num_id is not None and (w_attr(num_id, "val") or "0") != "0":
                    level_number = int(raw_level) if raw_level.isdigit() else 0
                    self.paragraph.numbering = (w_attr(num_id, "val") or "", level_number)
            mark = _child(element, "rPr")
            if mark is not None and any(local_name(c.tag) in _DELETED for c in mark):
                self.paragraph.joins_next = True

    # -- paragraphs -----------------------------------------------------------------------

    def _end_paragraph(self) -> None:
        paragraph, self.paragraph = self.paragraph, None
        self._mark_for = None
        if paragraph is None:
            return
        parts = [*self.carry, *paragraph.parts]
        if paragraph.joins_next:
            self.carry = parts
            return
        self.carry = []
        self._emit(parts, paragraph)

    def _emit(self, parts: Block, paragraph: _Paragraph) -> None:
        if not has_content(parts):
            return
        text = plain(parts)
        style = self.styles.get(paragraph.style or "", (paragraph.style or "").lower())
        if style == "title" and self.title is None:
            self.title = " ".join(text.split()) or None
        elif style in ("heading 1", "heading1") and self.heading is None:
            self.heading = " ".join(text.split()) or None
        if paragraph.numbering is not None and self.number is not None:
            prefix = self.number(*paragraph.numbering)
            parts = [prefix, *parts] if prefix else parts
        self.containers[-1].append(parts)

    def finish(self) -> list[Block]:
        """The story's blocks; a paragraph left waiting for the next one is kept."""
        if self.carry:
            self._emit(self.carry, _Paragraph())
            self.carry = []
        while len(self.containers) > 1:  # cells left open by a truncated document
            self.containers[-2].extend(self.containers.pop())
        return self.containers[0]
