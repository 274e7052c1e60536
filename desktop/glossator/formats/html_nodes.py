"""Small helpers over parsed HTML (selectolax Lexbor nodes): a walk without recursion,
attributes, hidden elements and footnote labels."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

__all__ = [
    "BLOCK",
    "DROP",
    "LABEL",
    "NUMBERED_LABEL",
    "Node",
    "attr",
    "hidden",
    "label_of",
    "own_addresses",
    "page_address",
    "shown_text",
    "text_of",
    "walk",
]

Node = Any  # selectolax.lexbor.LexborNode, which has no type information


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


DROP = _words(
    "script style template noscript iframe frame frameset object embed applet param svg math"
    " head title meta link base img picture video audio canvas source track map area input"
    " select textarea button datalist dialog -comment"
)
BLOCK = _words(
    "address article aside blockquote body center dd details dir div dl dt fieldset figcaption"
    " figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu nav ol p"
    " pre section summary table caption tbody thead tfoot tr ul"
)
# A footnote label as a page shows it: "1", "[1]", "(1)", "*1", "12a", "a", "note-3", "*",
# "†", and a group's number: Wikipedia's "[n 1]", "[note 2]", "[nb 3]", "[комм. 1]" (a word,
# a space and a number: "[citation needed]" is no label).
LABEL = re.compile(
    r"[\[(]?\s*\*?\s*((?:[^\W\d_][\w.-]{0,11} )?\d{1,4}|[\w-]{1,12}|[*†‡§¶]{1,3})"
    r"\s*[\])]?\.?"
)
# The labels a footnote shows when nothing but its looks says it is one (no link to its
# note): a number, a letter, a symbol. A word ("doumae" with a "View all posts" title,
# "Català" with "Catalan", a tweet's date "Jun 20") is a link's text, not a label.
NUMBERED_LABEL = re.compile(r"\d{1,4}[a-z]?|[A-Za-z]|[*†‡§¶]{1,3}")
_SCHEME = re.compile(r"^(?:https?:)?//(?:www\.)?", re.I)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
# Text a page does not show in its running text: screen-reader-only words ("Skip to content
# [1]", "Footnote" before a number) and page numbers in the margin (Project Gutenberg's
# span.pagenum, "[11]", which would read as a marker).
_OFF_TEXT_CLASSES = _words(
    "sr-only u-sr-only visually-hidden visuallyhidden screen-reader-text screenreader-only"
    " pagenum pagenumber page-number pageno"
)


def walk(root: Node, enter: Callable[[Node], bool], leave: Callable[[Node], None]) -> None:
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


def attr(node: Node, name: str) -> str:
    return str(node.attributes.get(name) or "")


def hidden(node: Node) -> bool:
    """Not part of the text a reader sees: the ``hidden`` attribute, a hiding style,
    screen-reader-only text, a page number in the margin."""
    style = attr(node, "style")
    if "hidden" in node.attributes or (style and _HIDDEN_STYLE.search(style)):
        return True
    classes = attr(node, "class")
    return bool(classes) and not _OFF_TEXT_CLASSES.isdisjoint(classes.lower().split())


def shown_text(node: Node) -> str:
    """The element's text as shown (hidden parts left out), whitespace collapsed."""
    parts: list[str] = []

    def enter(child: Node) -> bool:
        if child.tag == "-text":
            parts.append(child.text_content or "")
            return False
        return child.tag not in DROP and not hidden(child)

    walk(node, enter, lambda _: None)
    return " ".join("".join(parts).split())


def text_of(node: Node) -> str:
    """The element's text with its whitespace collapsed."""
    return " ".join(node.text(deep=True).split())


def label_of(node: Node) -> str | None:
    """The footnote label the element shows, if its whole shown text is one."""
    match = LABEL.fullmatch(shown_text(node))
    return match.group(1) if match else None


def page_address(url: str) -> str:
    """A URL reduced to the page it names (no scheme, query or fragment)."""
    return _SCHEME.sub("", url.split("#", 1)[0].split("?", 1)[0]).rstrip("/").lower()


def own_addresses(head: Node | None) -> frozenset[str]:
    """The page's own addresses, from its ``<head>``: canonical link, ``og:url``, base."""
    found: set[str] = set()
    node = head.child if head is not None else None
    while node is not None:
        if node.tag == "link" and "canonical" in attr(node, "rel").lower().split():
            found.add(attr(node, "href"))
        elif node.tag == "meta" and attr(node, "property").lower() == "og:url":
            found.add(attr(node, "content"))
        elif node.tag == "base":
            found.add(attr(node, "href"))
        node = node.next
    return frozenset(page_address(url) for url in found if url.strip())
