"""Retrieved passages as a document to read (a paper's appendix): HTML or Markdown, grouped
by tag (a passage with two tags is listed under each) or by speaker.

Each passage shows its quote between the text around it, the report (title, date,
position), speaker and affiliation, tags, stances, status and author, its note, and the
text of every footnote it cites. The HTML is a standalone page (see html_page: escaped,
nothing fetched); the Markdown escapes every character that Markdown would read as markup.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from glossator.core.analysis import NO_SPEAKER, NO_TAG, Passage
from glossator.formats.csv_export import stance_text
from glossator.formats.html_page import color, esc, page, tint
from glossator.formats.html_page import paragraphs as html_paragraphs
from glossator.safe_files import atomic_text

GROUPINGS = ("tag", "speaker")


@dataclass(frozen=True, slots=True)
class Group:
    key: str
    heading: str
    color: str | None
    passages: tuple[Passage, ...]


def group_passages(
    passages: Sequence[Passage], by: str, order: Sequence[str] = ()
) -> list[Group]:
    """Groups in `order` (tag paths in codebook order), then the others alphabetically, the
    passages without a tag or speaker last."""
    if by not in GROUPINGS:
        raise ValueError(f"passages are grouped by {' or '.join(GROUPINGS)}")
    members: dict[str, list[Passage]] = {}
    headings: dict[str, tuple[str, str | None]] = {}
    for p in passages:
        found: list[tuple[str, str, str | None]]
        if by == "tag":
            found = [(path, path, c) for path, c in zip(p.tag_paths, p.tag_colors, strict=False)]
            found = found or [(NO_TAG, NO_TAG, None)]
        else:
            name = p.speaker or NO_SPEAKER
            shown = f"{name} ({p.affiliation})" if p.speaker and p.affiliation else name
            found = [(name, shown, None)]
        for key, heading, c in found:
            members.setdefault(key, []).append(p)
            headings.setdefault(key, (heading, c))
    rank = {k: i for i, k in enumerate(order)}
    missing = NO_TAG if by == "tag" else NO_SPEAKER
    keys = sorted(members, key=lambda k: (k == missing, rank.get(k, len(rank)), k.casefold()))
    return [Group(k, headings[k][0], headings[k][1], tuple(members[k])) for k in keys]


def _where(p: Passage) -> str:
    date = f", {p.report_date.isoformat()}" if p.report_date else ""
    return f"{p.report_title}{date}; characters {p.start}\u2013{p.end}"


def _fields(p: Passage) -> list[tuple[str, str]]:
    out = []
    if p.speaker:
        out.append(("Speaker", p.speaker + (f" ({p.affiliation})" if p.affiliation else "")))
    if p.tag_paths:
        out.append(("Tags", "; ".join(p.tag_paths)))
    if p.stances:
        out.append(("Stances", "; ".join(stance_text(s) for s in p.stances)))
    status = p.status + (", orphaned (its text was not found after a re-import)"
                         if p.orphaned else "")
    out.append(("Status", f"{status}, by {p.author}"))
    return out


def _html_passage(p: Passage, anchor: str) -> str:
    quote = f'<mark style="background-color: {tint(p.color)}">{esc(p.quote)}</mark>'
    before = f'<span class="context">\u2026{esc(p.before)}</span>' if p.before else ""
    after = f'<span class="context">{esc(p.after)}\u2026</span>' if p.after else ""
    parts = [
        f'<article class="passage" id="{esc(anchor)}">',
        f'<blockquote class="quote">{before}{quote}{after}</blockquote>',
        f'<p class="source">{esc(_where(p))}</p><dl>',
        *(f"<dt>{esc(k)}</dt><dd>{esc(v)}</dd>" for k, v in _fields(p)),
        "</dl>",
    ]
    if p.note:
        parts.append(f'<div class="note"><strong>Note:</strong> {html_paragraphs(p.note)}</div>')
    if p.cited:
        parts.append('<ol class="cited">')
        parts += [
            f"<li><strong>[{esc(c.label)}]</strong> {esc(c.text)}</li>" for c in p.cited
        ]
        parts.append("</ol>")
    parts.append("</article>")
    return "\n".join(parts)


def passages_html(
    passages: Sequence[Passage], by: str, title: str, description: str = "",
    order: Sequence[str] = (),
) -> str:
    groups = group_passages(passages, by, order)
    reports = len({p.report_id for p in passages})
    body = [f"<h1>{esc(title)}</h1>"]
    if description:
        body.append(f'<p class="meta">{esc(description)}</p>')
    body.append(f'<p class="meta">{len(passages)} passage(s) in {reports} report(s), '
                f"grouped by {esc(by)}.</p>")
    body.append("<nav><ol>")
    body += [
        f'<li><a href="#group-{n}">{esc(g.heading)}</a> ({len(g.passages)})</li>'
        for n, g in enumerate(groups, 1)
    ]
    body.append("</ol></nav>")
    for n, g in enumerate(groups, 1):
        swatch = (f'<span class="swatch" style="background-color: {color(g.color)}"></span>'
                  if g.color else "")
        body.append(f'<section id="group-{n}"><h2>{swatch}{esc(g.heading)} '
                    f"<small>({len(g.passages)})</small></h2>")
        body += [_html_passage(p, f"group-{n}-{i}") for i, p in enumerate(g.passages, 1)]
        body.append("</section>")
    return page(title, "\n".join(body))


_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~&])")
_MD_LINE_START = re.compile(r"^([-+=#]|\d+[.)])")


def md(text: str) -> str:
    """Text that Markdown shows as it is: markup characters backslash-escaped, and a line
    that would start a list or a heading escaped at its start."""
    lines = []
    for line in text.replace("\t", " ").split("\n"):
        line = _MD_INLINE.sub(r"\\\1", line)
        lines.append(_MD_LINE_START.sub(lambda m: m.group(1)[:-1] + "\\" + m.group(1)[-1], line))
    return "\n".join(lines)


def _md_block(prefix: str, text: str) -> list[str]:
    """Text as lines of a Markdown block (`> ` for a quote): each line without its leading
    spaces (which would make a code block), blank lines kept inside the block."""
    return [(prefix + line.lstrip(" ")).rstrip() if line.strip() else prefix.rstrip()
            for line in text.split("\n")]


def _md_passage(p: Passage) -> list[str]:
    before = f"\u2026{md(p.before)}" if p.before else ""
    after = f"{md(p.after)}\u2026" if p.after else ""
    quote = md(p.quote).split("\n")
    quote = [f"**{line.strip()}**" if line.strip() else line for line in quote]
    text = before + "\n".join(quote) + after
    out = _md_block("> ", text)
    out += ["", f"*{md(_where(p))}*", ""]
    out += [f"- **{k}:** {md(v)}" for k, v in _fields(p)]
    if p.note:
        out += ["- **Note:**", "", *_md_block("  ", md(p.note))]
    for c in p.cited:
        out.append(f"- **Cites \\[{md(c.label)}\\]:** {md(c.text)}")
    return [*out, ""]


def passages_markdown(
    passages: Sequence[Passage], by: str, title: str, description: str = "",
    order: Sequence[str] = (),
) -> str:
    groups = group_passages(passages, by, order)
    reports = len({p.report_id for p in passages})
    out = [f"# {md(title)}", ""]
    if description:
        out += [md(description), ""]
    out += [f"{len(passages)} passage(s) in {reports} report(s), grouped by {by}.", ""]
    for g in groups:
        out += [f"## {md(g.heading)} ({len(g.passages)})", ""]
        for p in g.passages:
            out += _md_passage(p)
    return "\n".join(out).rstrip("\n") + "\n"


def write_passages_document(
    passages: Sequence[Passage], path: Path, kind: str, by: str, title: str,
    description: str = "", order: Sequence[str] = (),
) -> None:
    """`kind` "html" or "md"."""
    writer = passages_html if kind == "html" else passages_markdown
    content = writer(passages, by, title, description, order)
    with atomic_text(path, newline="\n") as out:
        out.write(content)
