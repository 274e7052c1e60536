"""Writing analysis results to files, like every export: the destination is checked first
(never a database, an existing file only when asked), the file is written beside it and
renamed into place, and a failure is one sentence (a CommandError) leaving the old file."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TypeVar

from glossator.core.analysis import Passage
from glossator.core.report_document import ReportDocument
from glossator.formats.analysis_csv import Row, write_rows
from glossator.formats.passages_document import write_passages_document
from glossator.formats.passages_table import write_passages_csv, write_passages_jsonl
from glossator.formats.report_html import write_report_html
from glossator.services.commands import CommandError
from glossator.services.destinations import check_destination
from glossator.services.passage_filters import PassageQuery

PASSAGE_FORMATS = ("csv", "jsonl", "html", "md")
_T = TypeVar("_T")


def _writing(dest: Path, overwrite: bool, write: Callable[[Path], _T]) -> _T:
    path = check_destination(dest, overwrite=overwrite)
    try:
        return write(path)
    except OSError as exc:
        raise CommandError(f"{path.name}: cannot be written ({exc.strerror or exc})") from exc


def describe_query(q: PassageQuery, report_titles: Iterable[str] = ()) -> str:
    """The query in words, for the head of an exported document."""
    parts = []
    if q.tags:
        children = " (with their children)" if q.include_children else ""
        parts.append("tags " + ", ".join(q.tags) + children)
    if q.speakers:
        parts.append("speakers " + ", ".join(q.speakers))
    if q.affiliations:
        parts.append("affiliation " + " or ".join(q.affiliations))
    if q.targets or q.labels:
        toward = " toward " + ", ".join(q.targets) if q.targets else ""
        parts.append("stance " + (" or ".join(q.labels) or "any") + toward)
    if q.authors:
        parts.append("annotated by " + ", ".join(q.authors))
    parts.append("status " + ", ".join(q.statuses) if q.statuses else "any status")
    if q.date_from or q.date_to:
        lo = q.date_from.isoformat() if q.date_from else "\u2026"
        hi = q.date_to.isoformat() if q.date_to else "\u2026"
        parts.append(f"reports dated {lo} to {hi}")
    titles = list(report_titles)
    if titles:
        parts.append("reports " + "; ".join(titles))
    if q.words.strip():
        parts.append(f"quotes with the words \u201c{q.words.strip()}\u201d")
    return "Passages with " + "; ".join(parts) + "."


def save_passages(
    passages: Iterable[Passage], fmt: str, dest: Path, *, by: str = "tag",
    title: str = "Passages", description: str = "", order: Iterable[str] = (),
    overwrite: bool = False,
) -> int:
    """Write passages as CSV, JSONL (streamed from `passages`, which may be a generator of
    a whole library) or an HTML / Markdown document grouped `by` tag or speaker."""
    if fmt not in PASSAGE_FORMATS:
        raise CommandError(f"Passages are written as {', '.join(PASSAGE_FORMATS)}")
    if fmt == "csv":
        return _writing(dest, overwrite, lambda p: write_passages_csv(passages, p))
    if fmt == "jsonl":
        return _writing(dest, overwrite, lambda p: write_passages_jsonl(passages, p, description))
    chosen = list(passages)
    _writing(dest, overwrite, lambda p: write_passages_document(
        chosen, p, fmt, by, title, description, tuple(order)))
    return len(chosen)


def save_rows(rows: Iterable[Row], dest: Path, *, overwrite: bool = False) -> Path:
    """A table of counts (formats.analysis_csv) as CSV."""
    listed = list(rows)

    def write(path: Path) -> Path:
        write_rows(listed, path)
        return path

    return _writing(dest, overwrite, write)


def save_report_html(doc: ReportDocument, dest: Path, *, overwrite: bool = False) -> Path:
    def write(path: Path) -> Path:
        write_report_html(doc, path)
        return path

    return _writing(dest, overwrite, write)
