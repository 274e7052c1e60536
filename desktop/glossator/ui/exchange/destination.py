"""Where an export goes: the file name typed, given the suffix its format needs.

A name without a suffix gets the format's (`set` -> `set.jsonld`); a name with the format's
own suffix, or one our readers take for that format (`.json` for JSON-LD, `.ndjson` for
JSON Lines), is kept; a name with any other suffix (`x.pdf`, or `x.csv` when JSON-LD was
chosen) is a question: write `x.jsonld` instead, or choose again. A dotted name whose end is
no file type (`report.2024`) counts as a name without a suffix. A format is never written
under another's suffix.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glossator.formats.registry import EXPORTERS, IMPORTERS

#: What the window calls each format (the registry's descriptions say what it is for).
FORMAT_NAMES = {
    "w3c": "W3C Web Annotation JSON-LD",
    "jsonl": "JSON Lines",
    "csv": "CSV",
    "qdpx": "REFI-QDA project",
    "qdc": "REFI-QDA codebook",
    "brat": "brat standoff (zip)",
}


def format_name_of(name: str) -> str:
    return FORMAT_NAMES.get(name, name)


@dataclass(frozen=True, slots=True)
class Destination:
    """The path to write, and when the typed name had a suffix of its own, the question to
    ask before writing (None: write `path` as it is)."""

    path: Path
    question: str | None = None


def accepted_suffixes(format_name: str) -> tuple[str, ...]:
    """The suffixes a file of this format may carry: its own first, then those its
    reader accepts."""
    own = EXPORTERS[format_name].suffix
    reader = IMPORTERS.get(format_name)
    extra = tuple(s for s in (reader.suffixes if reader else ()) if s != own)
    return (own, *extra)


def file_filter(format_name: str) -> str:
    patterns = " ".join(f"*{s}" for s in accepted_suffixes(format_name))
    return f"{format_name_of(format_name)} files ({patterns})"


def settle(typed: Path, format_name: str) -> Destination:
    """The destination for a name typed in the save dialog (see the module's rules)."""
    own = EXPORTERS[format_name].suffix
    suffix = typed.suffix
    if suffix.lower() in accepted_suffixes(format_name):
        return Destination(typed)
    # What follows the last dot is a file type (.pdf, .csv) only when it is a short word;
    # "report.2024" and "v1.2" are names without a type.
    if not (suffix[1:].isalpha() and len(suffix) <= 6):
        return Destination(typed.with_name(typed.name.rstrip(".") + own))
    fixed = typed.with_suffix(own)
    return Destination(
        fixed,
        f"\u201c{typed.name}\u201d does not end in {own}, the suffix of "
        f"{format_name_of(format_name)} files: other programs would take it for something "
        f"else. Save it as \u201c{fixed.name}\u201d instead?",
    )
