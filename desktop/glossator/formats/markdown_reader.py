"""Markdown reports: readable plain text, footnotes kept as ``[^label]`` / ``[^label]: note``.

Markup is removed (``#``, emphasis, link targets, images, ``>``), lists keep a ``- `` or
``1. `` prefix, code is kept as written, raw HTML contributes only its visible text.
Footnote references stay where they are; every definition (cited or not, plus inline
``^[...]`` notes) is listed at the end, one paragraph each, for core footnote detection.

The token stream is walked without recursion: hostile input may nest emphasis or quotes
thousands of levels deep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin

from glossator.core.text import normalize_text

from .front_matter import split_front_matter
from .html_reader import html_fragment_text
from .text_reader import Extracted, locate_verbatim, read_plain_text

__all__ = ["read_markdown"]

# Raw HTML elements whose content is never text (script, style...): an inline opening tag
# hides everything up to its closing tag, within the same paragraph.
_HIDDEN_TAGS = "script|style|template|noscript|iframe|object|embed|svg|math|textarea|title"
_HIDDEN_OPEN = re.compile(rf"<({_HIDDEN_TAGS})\b(?:[^>]*[^/>])?>", re.I)
_HIDDEN_CLOSE = re.compile(rf"</({_HIDDEN_TAGS})\s*>", re.I)
_LINE_BREAK_TAG = re.compile(r"<br\s*/?>", re.I)
# markdown-it stops parsing (and drops the rest of the text) past its nesting limit; with a
# high limit, absurd nesting ends in RecursionError instead, and the file is read as plain
# text: never a silent loss of text.
_MAX_NESTING = 100_000
_LABEL_JUNK = re.compile(r"[^\w-]+")
_OPENERS = {
    "bullet_list_open": "bullet",
    "ordered_list_open": "ordered",
    "list_item_open": "item",
    "table_open": "table",
    "tr_open": "row",
    "th_open": "cell",
    "td_open": "cell",
    "footnote_reference_open": "note",
}
_CLOSERS = frozenset(name.replace("_open", "_close") for name in _OPENERS)


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"maxNesting": _MAX_NESTING})
    md.use(footnote_plugin, move_to_end=False).enable(["table", "strikethrough"])
    return md


def _label(raw: str) -> str:
    """Footnote labels in the canonical ``[^label]`` form: letters, digits, ``-``, ``_``."""
    return _LABEL_JUNK.sub("-", raw).strip("-") or "note"


@dataclass
class _Frame:
    """An open container: the document, a list, a list item, a note or a table."""

    kind: str
    blocks: list[str] = field(default_factory=list)
    number: int = 0  # next item number of an ordered list
    label: str = ""  # a note's label


class _Render:
    """One document's rendering state."""

    def __init__(self, env: dict[str, Any]) -> None:
        self.env = env
        self.stack = [_Frame("root")]
        self.notes: list[str] = []
        self.inline_labels: dict[int, str] = {}
        self.title: str | None = None
        self.code: list[str] = []  # code of the body, in order (notes move to the end)
        self.open_notes = 0

    def inline_label(self, footnote_id: int) -> str:
        """A label for an inline ``^[...]`` note that no written label uses."""
        if footnote_id not in self.inline_labels:
            taken = {_label(key[1:]) for key in self.env["footnotes"]["refs"]}
            taken.update(self.inline_labels.values())
            label = str(footnote_id + 1)
            while label in taken:
                label = f"inline-{label}"
            self.inline_labels[footnote_id] = label
        return self.inline_labels[footnote_id]

    def inline(self, tokens: list[Token]) -> str:
        parts: list[str] = []
        hidden = 0
        for token in tokens:
            kind = token.type
            if kind == "html_inline":
                if _HIDDEN_OPEN.match(token.content):
                    hidden += 1
                elif _HIDDEN_CLOSE.match(token.content):
                    hidden = max(0, hidden - 1)
                elif _LINE_BREAK_TAG.match(token.content) and not hidden:
                    parts.append("\n")
            elif hidden:
                continue
            elif kind in ("text", "code_inline"):
                parts.append(token.content)
                if kind == "code_inline" and self.in_body():
                    self.code.append(token.content)
            elif kind in ("softbreak", "hardbreak"):
                parts.append("\n")
            elif kind == "footnote_ref":
                label = token.meta.get("label")
                parts.append(
                    f"[^{_label(label) if label else self.inline_label(token.meta['id'])}]"
                )
        return "".join(parts)

    def in_body(self) -> bool:
        """Not inside a footnote definition (those are listed at the end)."""
        return self.open_notes == 0

    def add(self, block: str) -> None:
        if block.strip():
            self.stack[-1].blocks.append(block)

    def close(self) -> None:
        """Close the innermost frame and hand its text to the frame around it."""
        frame = self.stack.pop()
        parent = self.stack[-1]
        self.open_notes -= frame.kind == "note"
        if frame.kind == "item":
            prefix = f"{parent.number}. " if parent.kind == "ordered" else "- "
            parent.number += 1
            body = "\n".join(frame.blocks).replace("\n", "\n" + " " * len(prefix))
            parent.blocks.append(prefix + body)
        elif frame.kind == "note":
            text = " ".join(" ".join(frame.blocks).split())
            self.notes.append(f"[^{frame.label}]: {text}".rstrip())
        elif frame.kind == "cell":
            parent.blocks.append(" ".join(" ".join(frame.blocks).split()))
        elif frame.kind == "row":
            parent.blocks.append(" | ".join(frame.blocks))
        else:  # lists and tables
            self.add("\n".join(frame.blocks))

    def open(self, token: Token) -> None:
        kind = _OPENERS[token.type]
        if kind == "note":
            self.open_notes += 1
            self.stack.append(_Frame(kind, label=_label(str(token.meta["label"]))))
        else:
            self.stack.append(_Frame(kind, number=int(str(token.attrs.get("start", 1)))))

    def render(self, tokens: list[Token]) -> list[str]:
        heading = False
        for token in tokens:
            kind = token.type
            if kind in ("heading_open", "heading_close"):
                heading = kind == "heading_open"
            elif kind == "inline":
                text = self.inline(token.children or [])
                if heading and self.title is None and text.strip():
                    self.title = " ".join(text.split())
                if self.stack[-1].kind == "cell":
                    self.stack[-1].blocks.append(text)
                else:
                    self.add(text)
            elif kind in ("fence", "code_block"):
                self.add(token.content.strip("\n"))
                if self.in_body():
                    self.code.append(token.content)
            elif kind == "html_block":
                self.add(html_fragment_text(token.content))
            elif kind in _OPENERS:
                self.open(token)
            elif kind in _CLOSERS and len(self.stack) > 1:
                self.close()
        while len(self.stack) > 1:  # only for a malformed stream
            self.close()
        return self.stack[0].blocks

    def inline_notes(self) -> list[str]:
        """Inline ``^[...]`` notes, as definitions with their generated labels."""
        notes: list[str] = []
        for footnote_id, data in self.env["footnotes"]["list"].items():
            if "tokens" in data:
                text = " ".join(self.inline(data["tokens"]).split())
                notes.append(f"[^{self.inline_label(footnote_id)}]: {text}".rstrip())
        return notes


def read_markdown(source: str) -> Extracted:
    """Plain text of a Markdown report; title and date from its front matter, else the
    title from the first heading. The front matter is not text.

    A document nested too deeply to parse is read as plain text, in full.
    """
    front, source = split_front_matter(source)
    env: dict[str, Any] = {}
    try:
        tokens = _parser().parse(source, env)
    except RecursionError:
        plain = read_plain_text(source)
        return Extracted(plain.text, front.title, front.date) if front is not None else plain
    env.setdefault("footnotes", {"refs": {}, "list": {}})
    render = _Render(env)
    blocks = render.render(tokens)
    blocks.extend(render.notes)
    blocks.extend(render.inline_notes())
    title = front.title if front is not None and front.title else render.title
    text = normalize_text("\n\n".join(blocks))
    date = front.date if front is not None else None
    return Extracted(text, title, date, locate_verbatim(text, render.code))
