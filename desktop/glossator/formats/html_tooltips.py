"""Footnotes a page shows on hover: the note in a tooltip element inside or right after the
reference (``span.tooltip``, ``role="tooltip"``, a hidden ``...__note`` span), or in an
attribute of the reference (``title``, ``data-tippy-content``, ``data-footnote``...)."""

from __future__ import annotations

import re

from .html_nodes import LABEL, Node, attr, label_of, text_of

__all__ = ["attribute_note", "first_element", "tooltip_of"]

_TOOLTIP = re.compile(r"tooltip|note|popover|popup", re.I)
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
    if after is not None and _is_tooltip(after) and text_of(after):
        return after, label_of(node)
    return None, label_of(node)



def attribute_note(node: Node) -> str | None:
    for element in (node, first_element(node.child)):
        if element is None:
            continue
        for key in _TIP_ATTRIBUTES:
            value = " ".join(attr(element, key).split())
            if len(value) > 1 and any(c.isalpha() for c in value):
                return value
    return None

