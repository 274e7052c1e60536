"""HTML reports: plain text out of a parsed document, footnotes in canonical text form.

The document is parsed as data (Lexbor, via selectolax): nothing runs, nothing is fetched,
and only text nodes outside scripts, styles, embedded objects and hidden elements reach
the output. Footnote references become ``[n]`` and the notes are listed at the end as
``[n] note`` paragraphs (``[^label]`` / ``[^label]: note`` when a label is not a number).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote

from selectolax.lexbor import LexborHTMLParser

from .text_reader import Extracted

__all__ = ["html_fragment_text", "read_html"]

Node = Any  # selectolax.lexbor.LexborNode, which has no type information


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DROP = _words(
    "script style template noscript iframe frame frameset object embed applet param svg math"
    " head title meta link base img picture video audio canvas source track map area input"
    " select textarea button datalist dialog -comment"
)
_BLOCK = _words(
    "address article aside blockquote body center dd details dir div dl dt fieldset figcaption"
    " figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p"
    " pre section summary table caption tbody thead tfoot tr ul"
)
_NOTE_HOLDERS = frozenset({"li", "dd", "p", "div", "aside", "section", "footer", "td"})
_CONTAINER_WORDS = _words("footnotes endnotes rearnotes footnote-list doc-endnotes doc-footnotes")
_BACK_TEXTS = frozenset({"↩", "↩︎", "↑", "^", "⤴", "back", "return", "back to text"})
_BACK_CLASS = re.compile(r"back|reverse", re.I)
_FN_ID = re.compile(r"(?:_?ftn|fn|footnote|endnote|cite[_-]note|note|en)(?:[-_:.]|(?=\d))\S*", re.I)
_LABEL = re.compile(r"[\[(]?\s*([\w-]{1,12})\s*[\])]?")
_DIGITS = re.compile(r"\d{1,4}")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACES = re.compile(r"[ \t\n\r\f]+")
_TRAILING_BACK = re.compile(r"[\s↩︎↑⤴]+$")


def _walk(root: Node, enter: Callable[[Node], bool], leave: Callable[[Node], None]) -> None:
    """Depth-first walk without recursion (documents may nest thousands of levels deep).

    ``enter`` returns False to skip a node's children; ``leave`` is then not called.
    """
    node = root.child
    while node is not None:
        if enter(node):
            if node.child is not None:
                node = node.child
                continue
            leave(node)
        while node.next is None:
            node = node.parent
            if node is None or node.mem_id == root.mem_id:
                return
            leave(node)
        node = node.next


def _attr(node: Node, name: str) -> str:
    return str(node.attributes.get(name) or "")


def _is_container(node: Node) -> bool:
    """A footnotes section, known by its class, role, ``epub:type`` or id."""
    words = " ".join(_attr(node, key) for key in ("class", "role", "epub:type", "id"))
    return not _CONTAINER_WORDS.isdisjoint(words.lower().split())


def _target(node: Node) -> str | None:
    href = _attr(node, "href").strip()
    return unquote(href[1:]) if href.startswith("#") and len(href) > 1 else None


def _hidden(node: Node) -> bool:
    style = _attr(node, "style")
    return "hidden" in node.attributes or bool(style and _HIDDEN_STYLE.search(style))


def _is_back_link(node: Node, back_ids: set[str]) -> bool:
    """A link from a note back to its reference: to a reference's id, or "↩", "back"..."""
    return node.tag == "a" and (
        _target(node) in back_ids
        or " ".join(node.text(deep=True).split()).lower() in _BACK_TEXTS
        or bool(_BACK_CLASS.search(_attr(node, "class")))
        or _attr(node, "role") == "doc-backlink"
    )


def _label(node: Node) -> str | None:
    match = _LABEL.fullmatch(" ".join(node.text(deep=True).split()))
    return match.group(1) if match else None


class _Footnotes:
    """Footnote references and notes of a document, found in one walk over it."""

    def __init__(self, body: Node) -> None:
        self.span: dict[int, list[int]] = {}  # element -> [enter index, leave index]
        self.ids: dict[str, Node] = {}
        self.in_container: set[int] = set()
        self.containers: list[Node] = []
        self.anchors: list[Node] = []
        self.notes: dict[int, tuple[Node, str | None]] = {}  # note element -> cited label
        self.refs: dict[int, str] = {}  # reference element (<a>, or the <sup> around it) -> label
        self.ref_ids: set[str] = set()
        self._open: list[bool] = []  # per open element: is it a container?
        self._containers = self._items = 0  # open containers, open items inside them
        _walk(body, self._enter, self._leave)
        self._resolve()

    def _enter(self, node: Node) -> bool:
        if node.tag in _DROP or node.tag == "-text":
            return False
        self.span[node.mem_id] = [len(self.span), 0]
        for key in ("id", "name") if node.tag == "a" else ("id",):
            if _attr(node, key):
                self.ids.setdefault(_attr(node, key), node)
        container = _is_container(node)
        if container and not self._containers:
            self.containers.append(node)
        self._open.append(container)
        self._containers += container
        if self._containers:
            self.in_container.add(node.mem_id)
            if node.tag == "li":
                if self._items == 0:
                    self.notes[node.mem_id] = (node, None)
                self._items += 1
        elif node.tag == "a" and _target(node) is not None:
            self.anchors.append(node)
        return True

    def _leave(self, node: Node) -> None:
        self.span[node.mem_id][1] = len(self.span)
        self._containers -= self._open.pop()
        if node.tag == "li" and node.mem_id in self.in_container:
            self._items -= 1

    def _holder(self, target: Node, anchor: Node) -> Node | None:
        """The note element around a reference's target (a known note item first), never
        one holding the reference itself."""
        node, found = target, None
        for _ in range(6):
            if node is None or node.tag == "body" or node.mem_id not in self.span:
                break
            if node.mem_id in self.notes:
                found = node
                break
            if found is None and node.tag in _NOTE_HOLDERS:
                found = node
            node = node.parent
        if found is None:
            return None
        start, end = self.span[found.mem_id]
        return None if start <= self.span[anchor.mem_id][0] < end else found

    def _resolve(self) -> None:
        note_lists: list[Node] = []
        for anchor in self.anchors:
            name = _target(anchor) or ""
            target, label = self.ids.get(name), _label(anchor)
            if target is None or label is None:
                continue
            if not (_FN_ID.fullmatch(name) or target.mem_id in self.in_container):
                continue
            holder = self._holder(target, anchor)
            if holder is None:
                continue
            label = self.notes.get(holder.mem_id, (None, None))[1] or label
            self.notes[holder.mem_id] = (holder, label)
            wrapper = anchor.parent
            self.ref_ids.update((_attr(anchor, "id"), _attr(anchor, "name")))
            if wrapper is not None and wrapper.tag == "sup" and _label(wrapper) == _label(anchor):
                anchor = wrapper
                self.ref_ids.add(_attr(anchor, "id"))
            self.refs[anchor.mem_id] = label
            if holder.tag == "li" and holder.parent is not None:
                note_lists.append(holder.parent)
        for parent in note_lists:  # the other items of a list of notes are notes too
            child = parent.child
            while child is not None:
                if child.tag == "li":
                    self.notes.setdefault(child.mem_id, (child, None))
                child = child.next

    def labelled_notes(self) -> list[tuple[Node, str]]:
        """The notes in document order, each with its label (uncited ones numbered)."""
        ordered = sorted(self.notes.values(), key=lambda pair: self.span[pair[0].mem_id][0])
        result: list[tuple[Node, str]] = []
        for position, (node, label) in enumerate(ordered, start=1):
            digits = re.search(r"(\d+)$", _attr(node, "id"))
            result.append((node, label or (digits.group(1) if digits else str(position))))
        return result


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
    ) -> None:
        self.refs = refs or {}
        self.skip = skip
        self.marker = marker
        self.back_ids = back_ids  # given when rendering a note: its back-links are dropped
        self.blocks: list[str] = []
        self.parts: list[str] = []
        self.pre = 0
        self.lists: list[list[int]] = []  # [ordered, next number] per open list

    def render(self, root: Node) -> list[str]:
        _walk(root, self.enter, self.leave)
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
            self.parts.append(text if self.pre else _SPACES.sub(" ", text))
            return False
        if tag in _DROP or node.mem_id in self.skip or _hidden(node):
            return False
        back_link = self.back_ids is not None and _is_back_link(node, self.back_ids)
        if node.mem_id in self.refs or tag == "br" or back_link:
            label = self.refs.get(node.mem_id)
            self.parts.append("\n" if tag == "br" else "" if label is None else self.marker(label))
            return False
        if tag in _BLOCK:
            self.flush()
        elif tag in ("td", "th") and "".join(self.parts).strip():
            self.parts.append(" | ")
        if tag == "pre":
            self.pre += 1
        elif tag in ("ul", "ol"):
            start = _attr(node, "start")
            self.lists.append([tag == "ol", int(start) if start.isdigit() else 1])
        elif tag == "li":
            ordered, number = self.lists[-1] if self.lists else [False, 1]
            self.parts.append(f"{number}. " if ordered else "- ")
            if self.lists:
                self.lists[-1][1] += 1
        return True

    def leave(self, node: Node) -> None:
        if node.tag in _BLOCK:
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


def read_html(source: str) -> Extracted:
    """Plain text of an HTML report with its notes listed at the end; the title is the
    ``<title>``, else the first ``<h1>``."""
    parser = LexborHTMLParser(source)
    body = parser.body
    if body is None:
        return Extracted("", _title(parser))
    found = _Footnotes(body)
    notes = found.labelled_notes()
    labels = [*found.refs.values(), *(label for _, label in notes)]
    numeric = all(_DIGITS.fullmatch(label) for label in labels)
    marker = "[{}]".format if numeric else "[^{}]".format
    skip = frozenset({*(node.mem_id for node, _ in notes), *(c.mem_id for c in found.containers)})
    blocks = _Renderer(found.refs, skip, marker).render(body)
    for node, label in notes:
        parts = _Renderer(found.refs, frozenset(), marker, found.ref_ids).render(node)
        text = _TRAILING_BACK.sub("", " ".join(" ".join(parts).split()))
        blocks.append(f"{marker(label)}{'' if numeric else ':'} {text}".rstrip())
    return Extracted("\n\n".join(blocks), _title(parser))


def html_fragment_text(fragment: str) -> str:
    """Readable text of an HTML fragment (raw HTML in Markdown); scripts and styles give
    nothing."""
    body = LexborHTMLParser(fragment).body
    return "" if body is None else "\n\n".join(_Renderer().render(body))
