"""What marks an element as part of a footnote on a page: a footnotes section, a reference
(by its class), a note (by its class or id), a link back from a note to its reference."""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import unquote

from .html_nodes import Node, attr, text_of

__all__ = [
    "NOTE_WORD",
    "HtmlNote",
    "is_back_link",
    "is_container",
    "is_ref_hinted",
    "words_of",
]

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
_REF_HINT = re.compile(r"foot-?note|end-?note|fnref|noteref|\bfn\b|tooltip|mfn", re.I)
NOTE_WORD = re.compile(r"note|\bfn\b", re.I)  # a class or id naming a note: footnote, fn...


@dataclass(frozen=True, slots=True)
class HtmlNote:
    """A note: its element (None for a note read from an attribute), label and text
    (the attribute's, when it has no element)."""

    label: str
    node: Node | None
    text: str | None = None


def words_of(node: Node, keys: tuple[str, ...]) -> list[str]:
    return " ".join(attr(node, key) for key in keys).lower().split()


def is_container(node: Node) -> bool:
    """A footnotes section, known by its class, role, ``epub:type`` or id."""
    if node.tag in _INLINE:
        return False
    return any(
        word in _CONTAINER_WORDS or _CONTAINER_PART.search(word)
        for word in words_of(node, ("class", "role", "epub:type", "id"))
    )


def is_back_link(node: Node, back_ids: set[str]) -> bool:
    """A link from a note back to its reference: to a reference's id, or "↩", "back"...;
    or any element whose class names a back-link (Wikipedia's ``^ a b``)."""
    if node.tag != "a":
        return node.tag != "-text" and bool(_BACK_PART.search(attr(node, "class")))
    href = attr(node, "href").strip()
    return (
        ("#" in href and unquote(href.partition("#")[2]) in back_ids)
        or text_of(node).lower() in _BACK_TEXTS
        or bool(_BACK_CLASS.search(attr(node, "class")))
        or attr(node, "role") == "doc-backlink"
    )


def is_ref_hinted(node: Node) -> bool:
    """An element whose class, id or role names a footnote reference (or its tooltip)."""
    return bool(_REF_HINT.search(" ".join(words_of(node, ("class", "id", "role")))))
