"""HTML reports: plain text out of a parsed document, footnotes in canonical text form.

The document is parsed as data (Lexbor, via selectolax): nothing runs, nothing is fetched,
and only text nodes outside scripts, styles, embedded objects and hidden elements reach
the output. Footnote references (found by ``html_footnotes``) become ``[n]`` and the notes
are listed at the end as ``[n] note`` paragraphs (``[^label]`` / ``[^label]: note`` when a
label is not a number). Text inside ``code``, ``pre``, ``kbd`` and ``samp`` is reported as
verbatim: brackets there are never markers.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from selectolax.lexbor import LexborHTMLParser

from glossator.core.text import normalize_text

from .html_footnotes import HtmlFootnotes, HtmlNote, is_back_link
from .html_nodes import BLOCK, DROP, Node, attr, hidden, own_addresses, walk
from .text_reader import Extracted, locate_verbatim

__all__ = ["html_fragment_text", "read_html"]

_DIGITS = re.compile(r"\d{1,4}")
_SPACES = re.compile(r"[ \t\n\r\f]+")
_TRAILING_BACK = re.compile(r"[\s↩︎↑⤴]+$")
_CODE = frozenset({"code", "pre", "kbd", "samp", "tt"})


class _Renderer:
    """Text of a subtree as paragraphs; references become markers, skipped nodes vanish.

    Whitespace collapses as a browser shows it, except inside ``<pre>``.
    """

    def __init__(
        self,
        refs: dict[int, str] | None = None,
        skip: frozenset[int] = frozenset(),
        marker: Callable[[str], str] = "[{}]".format,
        back_ids: set[str] | None = None,
        in_place: Callable[[Node], str | None] | None = None,
    ) -> None:
        self.refs = refs or {}
        self.in_place = in_place  # a note's paragraph where the note stands (None: not one)
        self.skip = skip
        self.marker = marker
        self.back_ids = back_ids  # given when rendering a note: its back-links are dropped
        self.blocks: list[str] = []
        self.parts: list[str] = []
        self.pre = 0
        self.lists: list[list[int]] = []  # [ordered, next number] per open list
        self.code_depth = 0
        self.code: list[str] = []  # text inside code elements, in order

    def render(self, root: Node) -> list[str]:
        walk(root, self.enter, self.leave)
        self.flush()
        return self.blocks

    def flush(self) -> None:
        raw, self.parts = "".join(self.parts), []
        if not self.pre:
            raw = "\n".join(_SPACES.sub(" ", line).strip() for line in raw.split("\n"))
        if raw.strip():
            self.blocks.append(raw.strip("\n"))

    def enter(self, node: Node) -> bool:
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            shown = text if self.pre else _SPACES.sub(" ", text)
            self.parts.append(shown)
            if self.code_depth:
                self.code.append(shown)
            return False
        if tag in DROP or node.mem_id in self.skip or hidden(node):
            return False
        paragraph = self.in_place(node) if self.in_place is not None else None
        if paragraph is not None:
            self.flush()
            self.blocks.append(paragraph)
            return False
        back_link = self.back_ids is not None and is_back_link(node, self.back_ids)
        if node.mem_id in self.refs or tag == "br" or back_link:
            label = self.refs.get(node.mem_id)
            self.parts.append("\n" if tag == "br" else "" if label is None else self.marker(label))
            return False
        if tag in BLOCK:
            self.flush()
        elif tag in ("td", "th") and "".join(self.parts).strip():
            self.parts.append(" | ")
        self.code_depth += tag in _CODE
        if tag == "pre":
            self.pre += 1
        elif tag in ("ul", "ol"):
            start = attr(node, "start")
            self.lists.append([tag == "ol", int(start) if start.isdigit() else 1])
        elif tag == "li":
            ordered, number = self.lists[-1] if self.lists else [False, 1]
            self.parts.append(f"{number}. " if ordered else "- ")
            if self.lists:
                self.lists[-1][1] += 1
        return True

    def leave(self, node: Node) -> None:
        self.code_depth -= node.tag in _CODE
        if node.tag in BLOCK:
            self.flush()
        if node.tag == "pre":
            self.pre -= 1
        elif node.tag in ("ul", "ol") and self.lists:
            self.lists.pop()


def _title(parser: LexborHTMLParser) -> str | None:
    node = parser.head.child if parser.head is not None else None
    while node is not None:
        if node.tag == "title" and node.text(deep=True).strip():
            return " ".join(node.text(deep=True).split())
        node = node.next
    heading = parser.css_first("h1")
    if heading is None:
        return None
    return " ".join(" ".join(_Renderer().render(heading)).split()) or None


def _label_cell(note: HtmlNote) -> frozenset[int]:
    """A table row's first cell holds its label, not note text."""
    if note.node is None or note.node.tag != "tr":
        return frozenset()
    cell = note.node.child
    while cell is not None and cell.tag not in ("td", "th"):
        cell = cell.next
    return frozenset() if cell is None else frozenset({cell.mem_id})


def _without_own_label(text: str, label: str) -> str:
    """A note's text without its label written again at its start: ``[Footnote 1: text]``,
    ``[Note 1: text]``, ``[1] text``, ``1. text``, ``1) text``, ``(1) text``."""
    block = re.match(rf"\[(?:foot)?note\s+{re.escape(label)}\s*[:.]\s*", text, re.I)
    if block is not None and text.endswith("]"):
        return text[block.end() : -1].rstrip()
    shown = re.escape(label)
    again = re.match(rf"(?:\[{shown}\]|\({shown}\)|{shown}[.)])\s+", text)
    return text[again.end() :] if again is not None else text


def _note_paragraph(note: HtmlNote, found: HtmlFootnotes, marker: Callable[[str], str]) -> str:
    """``[n] note`` (or ``[^label]: note``) for one note."""
    if note.node is None:
        text = note.text or ""
    else:
        renderer = _Renderer(found.refs, _label_cell(note), marker, found.ref_ids)
        parts = renderer.render(note.node)
        text = _TRAILING_BACK.sub("", " ".join(" ".join(parts).split()))
        text = _without_own_label(text, note.label)
    colon = ":" if marker("x").startswith("[^") else ""
    return f"{marker(note.label)}{colon} {text}".rstrip()


def read_html(source: str) -> Extracted:
    """Plain text of an HTML report with its notes listed at the end; the title is the
    ``<title>``, else the first ``<h1>``.

    When labels restart (two notes share a label, as in a book with notes per chapter),
    each note stays where the page puts it, so that a marker finds its own note in the
    nearest notes that follow it."""
    parser = LexborHTMLParser(source)
    body = parser.body
    if body is None:
        return Extracted("", _title(parser))
    found = HtmlFootnotes(body, own_addresses(parser.head))
    notes = found.labelled_notes()
    labels = [*found.refs.values(), *(note.label for note in notes)]
    numeric = all(_DIGITS.fullmatch(label) for label in labels)
    marker = "[{}]".format if numeric else "[^{}]".format
    note_labels = [note.label for note in notes]
    in_place = len(set(note_labels)) < len(note_labels)
    by_node = {note.node.mem_id: note for note in notes if note.node is not None}

    def paragraph(node: Node) -> str | None:
        note = by_node.get(node.mem_id)
        return None if note is None else _note_paragraph(note, found, marker)

    skip = {*found.hidden_copies}
    if not in_place:
        skip.update(by_node)
        skip.update(c.mem_id for c in found.containers)
    body_renderer = _Renderer(
        found.refs, frozenset(skip), marker, None, paragraph if in_place else None
    )
    blocks = body_renderer.render(body)
    blocks.extend(
        _note_paragraph(note, found, marker)
        for note in notes
        if not in_place or note.node is None
    )
    text = normalize_text("\n\n".join(blocks))
    return Extracted(text, _title(parser), verbatim=locate_verbatim(text, body_renderer.code))


def html_fragment_text(fragment: str) -> str:
    """Readable text of an HTML fragment (raw HTML in Markdown); scripts and styles give
    nothing."""
    body = LexborHTMLParser(fragment).body
    return "" if body is None else "\n\n".join(_Renderer().render(body))
