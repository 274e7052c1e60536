"""What every standalone HTML document we write shares: escaping, colours, the page frame.

Everything from the workspace (titles, quotes, notes, names) goes through `esc`, which also
replaces characters HTML forbids in a document (controls, noncharacters, lone surrogates)
by U+FFFD. Pages carry a Content-Security-Policy that allows nothing but their own inline
style: no script runs and nothing is fetched, even from a link someone typed in a note.
"""

from __future__ import annotations

import html
import re

_NONCHARACTERS = "".join(chr(p * 0x10000 + 0xFFFE) + chr(p * 0x10000 + 0xFFFF) for p in range(17))
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef" + _NONCHARACTERS + "]"
)
_COLOR = re.compile(r"#[0-9a-fA-F]{6}\Z")
DEFAULT_COLOR = "#ffd966"
POLICY = "default-src 'none'; style-src 'unsafe-inline'"


def esc(value: str) -> str:
    """Text as HTML character data or a quoted attribute value."""
    return html.escape(_FORBIDDEN.sub("\ufffd", value.replace("\x0c", "\n")), quote=True)


def color(value: str | None) -> str:
    """A safe `#rrggbb` for inline style (the default tag colour when it is not one)."""
    return value.lower() if value and _COLOR.match(value) else DEFAULT_COLOR


def tint(value: str | None, alpha: float = 0.55) -> str:
    """The colour as `rgba(...)` so overlapping highlights blend darker."""
    c = color(value)
    r, g, b = int(c[1:3], 16), int(c[3:5], 16), int(c[5:7], 16)
    return f"rgba({r}, {g}, {b}, {alpha})"


BASE_STYLE = """
body { font-family: Georgia, "Times New Roman", serif; line-height: 1.5; margin: 2em auto;
       max-width: 46em; padding: 0 1em; color: #222; }
h1 { font-size: 1.5em; } h2 { font-size: 1.2em; margin-top: 2em; }
.meta, .source, small { color: #555; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.4em;
          border: 1px solid #888; vertical-align: middle; }
mark { color: inherit; padding: 0; }
blockquote { margin: 0.5em 0 0.5em 1em; padding-left: 0.8em; border-left: 3px solid #ccc; }
.context { color: #777; }
dl { display: grid; grid-template-columns: max-content auto; gap: 0 1em; margin: 0.3em 0; }
dt { font-weight: bold; } dd { margin: 0; }
.passage { margin: 1.2em 0; padding-top: 0.6em; border-top: 1px solid #e4e4e4; }
@media print { a { color: inherit; text-decoration: none; } }
"""


def page(title: str, body: str, style: str = "", lang: str = "en") -> str:
    """A complete HTML5 document; `title` is plain text, `body` is HTML already escaped."""
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{esc(title)}</title>\n<style>{BASE_STYLE}{style}</style>\n</head>\n"
        f"<body>\n{body}\n</body>\n</html>\n"
    )


def paragraphs(text: str) -> str:
    """Plain text (a note, a memo) as escaped paragraphs; single line breaks kept."""
    blocks = [b for b in re.split(r"\n\s*\n", text.strip()) if b.strip()]
    return "".join(
        "<p>" + "<br>".join(esc(line) for line in block.split("\n")) + "</p>" for block in blocks
    )


def markdown(text: str) -> str:
    """A memo's Markdown as HTML: CommonMark with raw HTML shown as text (escaped), no
    images (nothing to fetch), and links only to what markdown-it deems safe (no
    `javascript:`, `data:` or `file:`)."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).disable("image")
    return str(md.render(_FORBIDDEN.sub("\ufffd", text)))
