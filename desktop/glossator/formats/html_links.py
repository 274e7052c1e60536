"""Links of a page to places on the same page: which element a link points to, and the ids
a reference is known by (so that a note's link back to it can be recognised).

A link points to this page when it has only a fragment (``#fn1``), when its address is the
page's own (Wikipedia writes ``https://en.wikipedia.org/wiki/Page#cite_note-1``), or when a
relative address resolves to the page's own (a diary saved as ``./20190211.html#f01``).
Other links with a fragment may still be footnotes of this page, saved under another name:
a full address whose fragment names a note (``#cite_note-3``), or any address whose target
here links back to the reference (see ``HtmlFootnotes``); such links are *not sure*.
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urljoin

from .html_nodes import Node, attr, page_address, text_of

__all__ = ["FN_ID", "PageLinks", "empty_anchor_before", "names_of"]

# An id that names a note: fn1, fn:1, footnote-2, _ftn3, cite_note-4, note5, en6...
FN_ID = re.compile(r"(?:_?ftn|fn|footnote|endnote|cite[_-]note|note|en)(?:[-_:.]|(?=\d))\S*", re.I)
_ABSOLUTE = ("http:", "https:", "//", "/")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)


class PageLinks:
    """Where the links of a page lead, given the page's own addresses (canonical, og:url,
    base; reduced by ``page_address``)."""

    def __init__(self, own: frozenset[str]) -> None:
        self.own = own

    def _split(self, node: Node) -> tuple[str, str] | None:
        href = attr(node, "href").strip()
        base, sep, fragment = href.partition("#")
        if not sep or not fragment:
            return None
        return base, unquote(fragment)

    def _is_own(self, base: str) -> bool:
        if not base or page_address(base) in self.own:
            return True
        if base.startswith(_ABSOLUTE) or _SCHEME.match(base):
            return False
        return any(page_address(urljoin("http://" + own, base)) in self.own for own in self.own)

    def target(self, node: Node) -> str | None:
        """The id a link may point to on this page (see ``sure``), or None."""
        parts = self._split(node)
        if parts is None:
            return None
        base, name = parts
        if self._is_own(base):
            return name
        if base.startswith(_ABSOLUTE) and FN_ID.fullmatch(name):
            return name
        return None if _SCHEME.match(base) or base.startswith("//") else name

    def sure(self, node: Node) -> bool:
        """Whether the link certainly points to this page (a bare fragment, or the page's
        own address); otherwise its target must name a note or link back."""
        parts = self._split(node)
        return parts is not None and self._is_own(parts[0])

    def named_note(self, node: Node) -> bool:
        """Whether a link not sure to be local has a full address and a note's id."""
        parts = self._split(node)
        return parts is not None and parts[0].startswith(_ABSOLUTE) and bool(
            FN_ID.fullmatch(parts[1])
        )


def empty_anchor_before(anchor: Node) -> Node | None:
    """An empty ``<a name=...>`` right before the link (Gutenberg's ``FNanchor_1``)."""
    node = anchor.prev
    while node is not None and node.tag == "-text" and not (node.text_content or "").strip():
        node = node.prev
    if node is None or node.tag != "a" or text_of(node) or attr(node, "href"):
        return None
    return node


def names_of(anchor: Node) -> set[str]:
    """The ids a link is known by: its own id or name, its parent's id, and those of an
    empty anchor right before it."""
    names = {attr(anchor, "id"), attr(anchor, "name")}
    if anchor.parent is not None:
        names.add(attr(anchor.parent, "id"))
    before = empty_anchor_before(anchor)
    if before is not None:
        names.update((attr(before, "id"), attr(before, "name")))
    names.discard("")
    return names
