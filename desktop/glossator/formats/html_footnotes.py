"""Footnote references and notes of an HTML page, found in one walk over it.

The conventions read (each a reader of footnoted pages would name):

- a link to a note: ``href="#fn1"`` (or to the page's own address, ``https://.../Page#cite_note-1``
  as Wikipedia writes it) whose target is a note: its id names a note (``fn``, ``footnote``,
  ``cite_note``, ``_ftn``...), it stands in a footnotes section, or it links back to the
  reference (``<a id="tagA" href="#noteA">`` ... ``<a name="noteA" href="#tagA">``);
- footnotes sections by class, role, ``epub:type`` or id (``section.footnotes``,
  ``div.footnotes``, ``ol.wp-block-footnotes``, ``doc-endnotes``...): each top-level list
  item is a note, and each table row (WordPress footnote plugins list notes in a table,
  the first cell holding the label);
- references written without a link (a ``sup`` or an element whose class names a footnote)
  take their note from a footnotes section with their label, else from a tooltip: the
  element right after or inside them whose class or role says tooltip or note, else an
  attribute (``title``, ``data-tippy-content``, ``data-footnote``...);
- labels as pages show them: ``1``, ``[1]``, ``*1``, ``12a``, ``a``;
- back-links (``↩``, ``^``, ``back``, links to the reference, ``mw-cite-backlink``) are not
  note text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from .html_nodes import DROP, Node, attr, label_of, page_address, text_of, walk
from .html_tooltips import attribute_note, first_element, tooltip_of

__all__ = ["HtmlFootnotes", "HtmlNote", "is_back_link"]

_NOTE_HOLDERS = frozenset({"li", "dd", "p", "div", "aside", "section", "footer", "td"})
_INLINE = frozenset({"a", "sup", "sub", "span", "small", "em", "i", "b", "strong", "abbr"})
_CONTAINER_WORDS = frozenset(
    ["footnotes", "endnotes", "rearnotes", "footnote-list", "doc-endnotes", "doc-footnotes"]
)
_CONTAINER_PART = re.compile(
    r"(?:foot|end)notes.*(?:list|container|wrapper|table|section|block|area|reference)"
    r"|(?:list|container|wrapper|table|section|block|area|reference).*(?:foot|end)notes",
    re.I,
)
_BACK_TEXTS = frozenset({"↩", "↩︎", "↑", "^", "⤴", "back", "return", "back to text"})
_BACK_CLASS = re.compile(r"back|reverse", re.I)
_BACK_PART = re.compile(r"back-?link|backref|footnote-back|reverse-?footnote|to-top", re.I)
_FN_ID = re.compile(r"(?:_?ftn|fn|footnote|endnote|cite[_-]note|note|en)(?:[-_:.]|(?=\d))\S*", re.I)
_REF_HINT = re.compile(r"foot-?note|end-?note|fnref|noteref|\bfn\b|tooltip|mfn", re.I)
_DIGITS = re.compile(r"\d+")
_LOOKED_AROUND = 30  # elements looked at for a back-link in a note target


@dataclass(frozen=True, slots=True)
class HtmlNote:
    """A note: its element (None for a note read from an attribute), label and text
    (the attribute's, when it has no element)."""

    label: str
    node: Node | None
    text: str | None = None


def _words(node: Node, keys: tuple[str, ...]) -> list[str]:
    return " ".join(attr(node, key) for key in keys).lower().split()


def _is_container(node: Node) -> bool:
    """A footnotes section, known by its class, role, ``epub:type`` or id."""
    if node.tag in _INLINE:
        return False
    return any(
        word in _CONTAINER_WORDS or _CONTAINER_PART.search(word)
        for word in _words(node, ("class", "role", "epub:type", "id"))
    )


def is_back_link(node: Node, back_ids: set[str]) -> bool:
    """A link from a note back to its reference: to a reference's id, or "↩", "back"...;
    or any element whose class names a back-link (Wikipedia's ``^ a b``)."""
    if node.tag != "a":
        return node.tag != "-text" and bool(_BACK_PART.search(attr(node, "class")))
    href = attr(node, "href").strip()
    return (
        (href.startswith("#") and unquote(href[1:]) in back_ids)
        or text_of(node).lower() in _BACK_TEXTS
        or bool(_BACK_CLASS.search(attr(node, "class")))
        or attr(node, "role") == "doc-backlink"
    )


def _names(anchor: Node) -> set[str]:
    """The ids a link is known by: its own id or name, and its parent's id."""
    names = {attr(anchor, "id"), attr(anchor, "name")}
    if anchor.parent is not None:
        names.add(attr(anchor.parent, "id"))
    names.discard("")
    return names


class HtmlFootnotes:
    """References (element -> label) and notes of a document body."""

    def __init__(self, body: Node, own: frozenset[str] = frozenset()) -> None:
        self.own = own
        self.span: dict[int, list[int]] = {}  # element -> [enter index, leave index]
        self.ids: dict[str, Node] = {}
        self.in_container: set[int] = set()
        self.containers: list[Node] = []
        self.anchors: list[Node] = []
        self.candidates: list[Node] = []  # references that may have no link
        self.notes: dict[int, tuple[Node, str | None]] = {}  # note element -> cited label
        self.attribute_notes: list[tuple[int, HtmlNote]] = []  # (position, note)
        self.refs: dict[int, str] = {}  # reference element (<a>, or the <sup> around it) -> label
        self.ref_ids: set[str] = set()
        self.hidden_copies: set[int] = set()  # tooltip copies of notes listed elsewhere
        self._open: list[bool] = []  # per open element: is it a container?
        self._containers = self._items = 0  # open containers, open items inside them
        walk(body, self._enter, self._leave)
        self._resolve()
        self._resolve_unlinked()

    # -- the walk --------------------------------------------------------------------

    def target(self, node: Node) -> str | None:
        """The id a link points to on this page, or None."""
        href = attr(node, "href").strip()
        base, sep, fragment = href.partition("#")
        if not sep or not fragment:
            return None
        name = unquote(fragment)
        if not base or page_address(base) in self.own:
            return name
        absolute = base.startswith(("http:", "https:", "//", "/"))
        return name if absolute and _FN_ID.fullmatch(name) else None

    def _enter(self, node: Node) -> bool:
        if node.tag in DROP or node.tag == "-text":
            return False
        self.span[node.mem_id] = [len(self.span), 0]
        for key in ("id", "name") if node.tag == "a" else ("id",):
            if attr(node, key):
                self.ids.setdefault(attr(node, key), node)
        container = _is_container(node)
        if container and not self._containers:
            self.containers.append(node)
        self._open.append(container)
        self._containers += container
        if self._containers:
            self.in_container.add(node.mem_id)
            if node.tag in ("li", "tr"):
                if self._items == 0:
                    self.notes[node.mem_id] = (node, None)
                self._items += 1
        elif node.tag == "a" and self.target(node) is not None:
            self.anchors.append(node)
        elif node.tag == "sup" or (
            node.tag in ("span", "a")
            and (_REF_HINT.search(" ".join(_words(node, ("class", "id", "role")))))
        ):
            self.candidates.append(node)
        return True

    def _leave(self, node: Node) -> None:
        self.span[node.mem_id][1] = len(self.span)
        self._containers -= self._open.pop()
        if node.tag in ("li", "tr") and node.mem_id in self.in_container:
            self._items -= 1

    # -- links ---------------------------------------------------------------------

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

    def _links_back(self, target: Node, anchor: Node) -> bool:
        """Whether the target (or an element just inside it) links back to the anchor."""
        names = _names(anchor)
        pending, seen = [target], 0
        while pending and seen < _LOOKED_AROUND:
            node = pending.pop(0)
            seen += 1
            if node.tag == "a" and self.target(node) in names:
                return True
            child = node.child
            while child is not None:
                if child.tag != "-text":
                    pending.append(child)
                child = child.next
        return False

    def _resolve(self) -> None:
        note_lists: list[Node] = []
        targets: set[str] = set()  # ids of the notes linked so far: their links lead back
        for anchor in self.anchors:
            name = self.target(anchor) or ""
            target, label = self.ids.get(name), label_of(anchor)
            if target is None or label is None or _names(anchor) & targets:
                continue
            if not (
                _FN_ID.fullmatch(name)
                or target.mem_id in self.in_container
                or self._links_back(target, anchor)
            ):
                continue
            holder = self._holder(target, anchor)
            if holder is None:
                continue
            targets.add(name)
            label = self.notes.get(holder.mem_id, (None, None))[1] or label
            self.notes[holder.mem_id] = (holder, label)
            wrapper = anchor.parent
            self.ref_ids.update((attr(anchor, "id"), attr(anchor, "name")))
            same = wrapper is not None and label_of(wrapper) == label_of(anchor)
            if same and wrapper.tag == "sup":
                anchor = wrapper
                self.ref_ids.add(attr(anchor, "id"))
            self.refs[anchor.mem_id] = label
            if holder.tag == "li" and holder.parent is not None:
                note_lists.append(holder.parent)
        for parent in note_lists:  # the other items of a list of notes are notes too
            child = parent.child
            while child is not None:
                if child.tag == "li":
                    self.notes.setdefault(child.mem_id, (child, None))
                child = child.next

    # -- references without a link ----------------------------------------------------

    def _is_ref(self, node: Node) -> bool:
        """Whether the element, its parent or its first element child is a reference."""
        first = first_element(node.child)
        return any(
            other is not None and other.mem_id in self.refs
            for other in (node, node.parent, first)
        )

    def _resolve_unlinked(self) -> None:
        listed = {label: node for label, node, _ in self._container_labels()}
        for node in self.candidates:
            if self._is_ref(node):
                continue
            tip, label = tooltip_of(node)
            if label is None:
                continue
            hinted = node.tag != "sup" or bool(
                _REF_HINT.search(" ".join(_words(node, ("class", "id", "role"))))
            )
            if hinted and label in listed:
                self.refs[node.mem_id] = label
                if tip is not None:
                    self.hidden_copies.add(tip.mem_id)
            elif tip is not None:
                self.refs[node.mem_id] = label
                self.notes[tip.mem_id] = (tip, label)
            else:
                text = attribute_note(node)
                if text is not None:
                    self.refs[node.mem_id] = label
                    position = self.span[node.mem_id][0]
                    self.attribute_notes.append((position, HtmlNote(label, None, text)))

    # -- the notes ------------------------------------------------------------------

    def _container_labels(self) -> list[tuple[str, Node, int]]:
        """Notes known so far with their labels: cited ones by the reference's label, rows
        by their first cell, others by the digits of their id, else their position."""
        ordered = sorted(self.notes.values(), key=lambda pair: self.span[pair[0].mem_id][0])
        result: list[tuple[str, Node, int]] = []
        for position, (node, label) in enumerate(ordered, start=1):
            if label is None and node.tag == "tr":
                cell = first_element(node.child)
                digits = _DIGITS.search(text_of(cell)) if cell is not None else None
                label = digits.group() if digits else None
            if label is None:
                digits = re.search(r"(\d+)$", attr(node, "id"))
                label = digits.group(1) if digits else str(position)
            result.append((label, node, self.span[node.mem_id][0]))
        return result

    def labelled_notes(self) -> list[HtmlNote]:
        """Every note in document order, with its label."""
        notes = [(pos, HtmlNote(label, node)) for label, node, pos in self._container_labels()]
        notes.extend(self.attribute_notes)
        return [note for _, note in sorted(notes, key=lambda pair: pair[0])]
