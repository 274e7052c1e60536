"""Footnote references and notes of an HTML page, found in one walk over it.

The conventions read (each a reader of footnoted pages would name):

- a link to a note: ``href="#fn1"`` (or to the page's own address, ``https://.../Page#cite_note-1``
  as Wikipedia writes it, or to its own file, ``./20190211.html#f01``; see ``html_links``)
  whose target is a note: its id names a note (``fn``, ``footnote``, ``cite_note``,
  ``_ftn``...), it stands in a footnotes section, or it links back to the reference
  (``<a id="tagA" href="#noteA">`` ... ``<a name="noteA" href="#tagA">``, or to the empty
  ``<a name="FNanchor_1">`` right before the reference);
- the note is the element around the target (``li``, ``p``...), or, for a note of several
  paragraphs, the element around them whose class or id names a note (``div.footnote``)
  holding no other note's target; a list inside a note is part of it;
- footnotes sections by class, role, ``epub:type`` or id (``section.footnotes``,
  ``div.footnotes``, ``ol.wp-block-footnotes``, ``doc-endnotes``...): each top-level list
  item is a note, and each table row (WordPress footnote plugins list notes in a table,
  the first cell holding the label);
- references written without a link (a ``sup`` or an element whose class names a footnote,
  showing a number, a letter or a symbol: never a word, which is a link's text) take their
  note from a footnotes section with their label, else from a tooltip: the
  element right after or inside them whose class or role says tooltip or note, else an
  attribute (``title``, ``data-tippy-content``, ``data-footnote``...);
- labels as pages show them: ``1``, ``[1]``, ``*1``, ``12a``, ``a``, ``*``, ``†``, and
  Wikipedia's grouped ``[n 1]``, ``[note 2]``, ``[nb 3]`` (the group kept in the label, so
  that grouped notes never fall onto the main numbering);
- back-links (``↩``, ``^``, ``back``, links to the reference, ``mw-cite-backlink``) are not
  note text.
"""

from __future__ import annotations

import re
from bisect import bisect_left

from .html_links import FN_ID, PageLinks, names_of
from .html_marks import (
    NOTE_WORD,
    HtmlNote,
    is_back_link,
    is_container,
    is_ref_hinted,
    words_of,
)
from .html_nodes import DROP, NUMBERED_LABEL, Node, attr, label_of, text_of, walk
from .html_tooltips import attribute_note, first_element, tooltip_of

__all__ = ["HtmlFootnotes", "HtmlNote", "is_back_link"]

_NOTE_HOLDERS = frozenset({"li", "dd", "p", "div", "aside", "section", "footer", "td"})
_DIGITS = re.compile(r"\d+")
_CLIMB = 4  # elements looked at above a note's first paragraph
_LOOKED_AROUND = 30  # elements looked at for a back-link in a note target


def _count_in(positions: list[int], span: list[int]) -> int:
    """How many of the sorted ``positions`` fall inside ``span`` ([start, end))."""
    return bisect_left(positions, span[1]) - bisect_left(positions, span[0])


class HtmlFootnotes:
    """References (element -> label) and notes of a document body."""

    def __init__(self, body: Node, own: frozenset[str] = frozenset()) -> None:
        self.links = PageLinks(own)
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
        """The id a link may point to on this page, or None."""
        return self.links.target(node)

    def _enter(self, node: Node) -> bool:
        if node.tag in DROP or node.tag == "-text":
            return False
        self.span[node.mem_id] = [len(self.span), 0]
        for key in ("id", "name") if node.tag == "a" else ("id",):
            if attr(node, key):
                self.ids.setdefault(attr(node, key), node)
        container = is_container(node)
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
            and is_ref_hinted(node)
        ):
            self.candidates.append(node)
        return True

    def _leave(self, node: Node) -> None:
        self.span[node.mem_id][1] = len(self.span)
        self._containers -= self._open.pop()
        if node.tag in ("li", "tr") and node.mem_id in self.in_container:
            self._items -= 1

    # -- links ---------------------------------------------------------------------

    def _holder(self, target: Node, anchor: Node, targets: list[int]) -> Node | None:
        """The note element around a reference's target (a known note item first), never
        one holding the reference itself. A note of several paragraphs is the element
        around them whose class or id names a note (``div.footnote``), as long as it holds
        no other note's target (``targets``: the sorted positions of every link target)."""
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
        if found is None or self._holds(found, anchor):
            return None
        if found.mem_id in self.notes:
            return found
        node = found.parent
        for _ in range(_CLIMB):
            if node is None or node.tag == "body" or node.mem_id not in self.span:
                break
            if self._holds(node, anchor) or _count_in(targets, self.span[node.mem_id]) > 1:
                break
            if NOTE_WORD.search(" ".join(words_of(node, ("class", "id")))):
                found = node
            node = node.parent
        return found

    def _holds(self, node: Node, anchor: Node) -> bool:
        start, end = self.span[node.mem_id]
        return start <= self.span[anchor.mem_id][0] < end

    def _links_back(self, target: Node, anchor: Node) -> bool:
        """Whether the target (or an element just inside it) links back to the anchor."""
        names = names_of(anchor)
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

    def _target_positions(self) -> list[int]:
        positions = {
            self.span[node.mem_id][0]
            for anchor in self.anchors
            if (node := self.ids.get(self.target(anchor) or "")) is not None
        }
        return sorted(positions)

    def _resolve(self) -> None:
        note_lists: list[Node] = []
        targets: set[str] = set()  # ids of the notes linked so far: their links lead back
        positions = self._target_positions()
        for anchor in self.anchors:
            name = self.target(anchor) or ""
            target, label = self.ids.get(name), label_of(anchor)
            if target is None or label is None or names_of(anchor) & targets:
                continue
            sure = self.links.sure(anchor)
            if not (
                (sure and (FN_ID.fullmatch(name) or target.mem_id in self.in_container))
                or (not sure and self.links.named_note(anchor))
                or self._links_back(target, anchor)
            ):
                continue
            holder = self._holder(target, anchor, positions)
            if holder is None:
                continue
            targets.add(name)
            label = self.notes.get(holder.mem_id, (None, None))[1] or label
            self.notes[holder.mem_id] = (holder, label)
            wrapper = anchor.parent
            self.ref_ids.update(names_of(anchor))
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
            if label is None or not NUMBERED_LABEL.fullmatch(label):
                continue
            hinted = node.tag != "sup" or is_ref_hinted(node)
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

    def _outermost(self) -> list[tuple[Node, str | None]]:
        """The notes in document order, without those inside another note (a list in a
        note of several paragraphs is part of that note, not notes of its own)."""
        ordered = sorted(self.notes.values(), key=lambda pair: self.span[pair[0].mem_id][0])
        kept: list[tuple[Node, str | None]] = []
        end = -1
        for node, label in ordered:
            start, stop = self.span[node.mem_id]
            if start < end and label is None:
                continue
            kept.append((node, label))
            end = max(end, stop)
        return kept

    def _container_labels(self) -> list[tuple[str, Node, int]]:
        """Notes known so far with their labels: cited ones by the reference's label, rows
        by their first cell, others by the digits of their id, else their position."""
        result: list[tuple[str, Node, int]] = []
        for position, (node, label) in enumerate(self._outermost(), start=1):
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
