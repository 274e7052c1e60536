"""Footnotes a page shows on hover: the note in a tooltip element inside or right after the
reference (``span.tooltip``, ``role="tooltip"``, a hidden ``...__note`` span), or in an
attribute of the reference (``title``, ``data-tippy-content``, ``data-footnote``...)."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from .html_nodes import LABEL, Node, attr, label_of, text_of

__all__ = ["attribute_note", "first_element", "tooltip_of"]

_TOOLTIP = re.compile(r"tooltip|note|popover|popup", re.I)
_MARKUP = re.compile(r"</?[A-Za-z][^<>]*>")
_TIP_ATTRIBUTES = (
    "data-tippy-content",
    "data-footnote",
    "data-content",
    "data-bs-title",
    "data-original-title",
    "data-title",
    "title",
)


def first_element(node: Node | None) -> Node | None:
    """``node`` or the first element after it (text between is skipped)."""
    while node is not None and node.tag == "-text" and not (node.text_content or "").strip():
        node = node.next
    return node if node is not None and node.tag != "-text" else None


def _words(node: Node, keys: tuple[str, ...]) -> list[str]:
    return " ".join(attr(node, key) for key in keys).lower().split()


def _is_tooltip(node: Node) -> bool:
    return bool(_TOOLTIP.search(" ".join(_words(node, ("class", "role")))))


def tooltip_of(node: Node) -> tuple[Node | None, str | None]:
    """The tooltip element holding a reference's note (inside it or right after it),
    and the label the reference shows without it."""
    child = node.child
    while child is not None:
        if child.tag != "-text" and _is_tooltip(child):
            shown = text_of(node).replace(text_of(child), "", 1)
            match = LABEL.fullmatch(shown.strip())
            return child, match.group(1) if match else None
        child = child.next
    after = first_element(node.next)
    if after is not None and _is_tooltip(after) and _is_note_text(after):
        return after, label_of(node)
    return None, label_of(node)


def _is_note_text(node: Node) -> bool:
    """Whether an element after a reference can be its note: it has text, and it is not
    the next reference (``*15`` after ``*14``: its whole text a label, or a link in it)."""
    if not text_of(node) or label_of(node) is not None:
        return False
    child = node.child
    while child is not None:  # a link showing only a label: the next reference
        if child.tag == "a" and "#" in attr(child, "href") and label_of(child) is not None:
            return False
        child = child.next
    return True



def attribute_note(node: Node) -> str | None:
    """The note a reference carries in an attribute, as text: markup written into the
    attribute (``title="see <a href=...>this</a>"``) is read for its text."""
    for element in (node, first_element(node.child)):
        if element is None:
            continue
        for key in _TIP_ATTRIBUTES:
            value = " ".join(attr(element, key).split())
            if _MARKUP.search(value):
                value = _markup_text(value)
            if len(value) > 1 and any(c.isalpha() for c in value):
                return value
    return None


def _markup_text(value: str) -> str:
    body = LexborHTMLParser(value).body
    return "" if body is None else " ".join(body.text(deep=True).split())

