"""A report with its annotations as one standalone HTML page, to read, keep or print.

The text is laid out paragraph by paragraph (`dir="auto"`, so Arabic runs right to left).
Each passage is highlighted in its first tag's colour (translucent, so overlaps blend
darker) as `<mark data-ann="N">` elements: a passage is cut where another one starts or
ends inside it, so its marks joined give its quote. A superscript number after it links to
its entry under "Annotations" (tags, speaker, stances, note, the notes it cites, status),
which links back. The report's own footnote markers link to their notes, and the legend
lists the tags with their colours. Everything is escaped; nothing is fetched (html_page).
"""

from __future__ import annotations

import bisect
import itertools
from pathlib import Path

from glossator.core.analysis import Passage
from glossator.core.report_document import DocumentMarker, ReportDocument
from glossator.core.text import paragraphs
from glossator.formats.csv_export import stance_text
from glossator.formats.html_page import color, esc, markdown, page, tint
from glossator.formats.html_page import paragraphs as text_paragraphs
from glossator.safe_files import atomic_text

STYLE = """
.text p { margin: 0 0 0.9em 0; }
sup.ref a { font-size: 0.7em; color: #444; text-decoration: none; padding: 0 0.1em; }
a.marker { color: #1a4f9c; }
.missing { color: #b00020; text-decoration: underline wavy; }
#annotations li { margin-bottom: 0.6em; }
.labels { font-size: 0.95em; }
.legend li { list-style: none; }
"""


def _note_for(doc: ReportDocument, label: str, at: int) -> int | None:
    """The report's note a passage at `at` cites by this label: the nearest one after it,
    else the last one before it (labels may restart chapter by chapter)."""
    found = [i for i, n in enumerate(doc.notes) if n.label == label]
    after = [i for i in found if doc.notes[i].start >= at]
    if after:
        return after[0]
    return found[-1] if found else None


def _label_line(p: Passage) -> str:
    swatches = "".join(
        f'<span class="swatch" style="background-color: {color(c)}"></span>{esc(path)} '
        for path, c in zip(p.tag_paths, p.tag_colors, strict=False)
    ) or "(no tag) "
    parts = [f'<span class="tags">{swatches.strip()}</span>']
    if p.speaker:
        who = p.speaker + (f" ({p.affiliation})" if p.affiliation else "")
        parts.append(f'<span class="speaker">Speaker: {esc(who)}</span>')
    if p.stances:
        shown = "; ".join(stance_text(s) for s in p.stances)
        parts.append(f'<span class="stances">Stance: {esc(shown)}</span>')
    parts.append(f'<span class="status">{esc(p.status)}, by {esc(p.author)}</span>')
    return " \u00b7 ".join(parts)


def _entry(doc: ReportDocument, n: int, p: Passage) -> str:
    out = [f'<li id="ann-{n}"><a href="#ref-{n}" title="back to the passage">\u2191</a> '
           f'<span class="labels">{_label_line(p)}</span>']
    if p.note:
        out.append(f'<div class="note">{text_paragraphs(p.note)}</div>')
    if p.cited:
        links = []
        for c in p.cited:
            k = _note_for(doc, c.label, p.start)
            target = f' href="#note-{k + 1}"' if k is not None else ""
            links.append(f"<a{target}>[{esc(c.label)}]</a> {esc(c.text)}")
        out.append('<div class="cites">Cites: ' + "; ".join(links) + "</div>")
    out.append("</li>")
    return "".join(out)


class _Body:
    """Builds the text: paragraphs, marks, note markers, superscript references, sweeping
    the boundaries once (passages sorted by start enter, by end leave)."""

    def __init__(self, doc: ReportDocument) -> None:
        self.doc, self.text = doc, doc.text
        self.passages = list(enumerate(doc.passages, 1))
        self.by_start = sorted(self.passages, key=lambda x: (x[1].start, -x[1].end, x[0]))
        self.by_end = sorted(self.passages, key=lambda x: (x[1].end, x[0]))
        self.markers = sorted(doc.markers, key=lambda m: m.start)
        self.paragraphs = paragraphs(self.text)
        self.note_at = {n.start: i for i, n in enumerate(doc.notes)}
        self.out: list[str] = []
        self.active: list[tuple[int, Passage]] = []
        self.next_start = self.next_end = self.next_marker = 0

    def _boundaries(self) -> list[int]:
        points = {0, len(self.text)}
        for _, p in self.passages:
            points.update((p.start, p.end))
        for m in self.doc.markers:
            points.update((m.start, m.end))
        for s, e in self.paragraphs:
            points.update((s, e))
        points.update(self.note_at)
        return sorted(x for x in points if 0 <= x <= len(self.text))

    def _refs(self, upto: int) -> None:
        while self.next_end < len(self.by_end) and self.by_end[self.next_end][1].end <= upto:
            n = self.by_end[self.next_end][0]
            self.next_end += 1
            self.out.append(f'<sup class="ref"><a href="#ann-{n}" id="ref-{n}">{n}</a></sup>')

    def _advance(self, s: int) -> None:
        """The passages covering [s, ...) become the active ones, outermost first."""
        entered = False
        while self.next_start < len(self.by_start) and self.by_start[self.next_start][1].start <= s:
            self.active.append(self.by_start[self.next_start])
            self.next_start += 1
            entered = True
        self.active = [x for x in self.active if x[1].end > s]
        if entered:
            self.active.sort(key=lambda x: (x[1].start, -x[1].end, x[0]))

    def _marker(self, s: int) -> DocumentMarker | None:
        while self.next_marker < len(self.markers) and self.markers[self.next_marker].end <= s:
            self.next_marker += 1
        if self.next_marker < len(self.markers) and self.markers[self.next_marker].start <= s:
            return self.markers[self.next_marker]
        return None

    def _segment(self, s: int, e: int) -> None:
        if s in self.note_at:
            self.out.append(f'<a id="note-{self.note_at[s] + 1}"></a>')
        piece = "<br>".join(esc(line) for line in self.text[s:e].split("\n"))
        marker = self._marker(s)
        if marker is not None and marker.note is not None:
            piece = f'<a class="marker" href="#note-{marker.note + 1}">{piece}</a>'
        elif marker is not None:
            piece = f'<span class="marker missing" title="this note is missing">{piece}</span>'
        for n, p in reversed(self.active):
            tags = esc("; ".join(p.tag_paths))
            piece = (f'<mark class="hl" data-ann="{n}" data-tags="{tags}" '
                     f'style="background-color: {tint(p.color)}">{piece}</mark>')
        self.out.append(piece)
        self._refs(e)

    def build(self) -> str:
        points = self._boundaries()
        starts = [s for s, _ in self.paragraphs]
        current: int | None = None
        for s, e in itertools.pairwise(points):
            self._advance(s)
            at = bisect.bisect_right(starts, s) - 1
            inside = at >= 0 and s < self.paragraphs[at][1]
            if not inside:
                if current is not None:
                    nxt = starts[current + 1] if current + 1 < len(starts) else len(self.text)
                    self._refs(nxt)
                    self.out.append("</p>\n")
                    current = None
                continue
            if current != at:
                self.out.append('<p dir="auto">')
                current = at
            self._segment(s, e)
        if current is not None:
            self.out.append("</p>\n")
        self._refs(len(self.text))
        return "".join(self.out)


def report_html(doc: ReportDocument) -> str:
    body = [f"<h1>{esc(doc.title)}</h1>"]
    meta = [doc.date.isoformat()] if doc.date else []
    if doc.source_name:
        meta.append(f"from {doc.source_name}")
    meta.append(f"{len(doc.passages)} annotation(s), {len(doc.notes)} note(s)")
    body.append(f'<p class="meta">{esc("; ".join(meta))}</p>')
    body.append('<section id="legend" class="legend"><h2>Legend</h2><ul>')
    body += [
        f'<li><span class="swatch" style="background-color: {color(e.color)}"></span>'
        f"{esc(e.path)} <small>({e.count})</small></li>" for e in doc.legend
    ]
    body.append("</ul><p><small>A number after a highlight leads to its annotation (tags, "
                "speaker, stance, note); a marker such as [1] leads to the report's note."
                "</small></p></section>")
    body.append(f'<section id="text" class="text"><h2>Text</h2>\n{_Body(doc).build()}</section>')
    if doc.passages:
        body.append('<section id="annotations"><h2>Annotations</h2><ol>')
        body += [_entry(doc, n, p) for n, p in enumerate(doc.passages, 1)]
        body.append("</ol></section>")
    if doc.memos:
        body.append('<section id="memos"><h2>Memos</h2>')
        for m in doc.memos:
            when = m.modified.date().isoformat()
            body.append(f"<article><h3>{esc(m.heading)}</h3><p class=\"meta\">"
                        f"{esc(m.author)}, {when}</p>{markdown(m.text)}</article>")
        body.append("</section>")
    return page(doc.title, "\n".join(body), STYLE)


def write_report_html(doc: ReportDocument, path: Path) -> None:
    content = report_html(doc)
    with atomic_text(path, newline="\n") as out:
        out.write(content)
