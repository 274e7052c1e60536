"""Front matter of a Markdown file (Hugo, Jekyll, Zola and others): a TOML block between
``+++`` lines or a YAML block between ``---`` lines (or ``---`` and ``...``) at the very
top. It is metadata, not text: the title and date come from it, and it is left out.

Pandoc's title block is metadata too: up to three ``%`` lines at the very top, the title,
the authors and the date (``% Pandoc Test Suite`` / ``% John MacFarlane`` / ``% July 17,
2006``), each possibly continued on indented lines.

A block that does not parse as a table of keys is not front matter (a ``---`` line may be
a horizontal rule): the text is kept whole.
"""

from __future__ import annotations

import datetime
import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from glossator.core.metadata import guess_date

__all__ = ["FrontMatter", "split_front_matter"]

_TOML = re.compile(
    r"\A\ufeff?[ \t]*\+\+\+[ \t]*\r?\n(.*?)^[ \t]*\+\+\+[ \t]*(?:\r?\n|\Z)", re.M | re.S
)
_YAML = re.compile(
    r"\A\ufeff?[ \t]*---[ \t]*\r?\n(.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.M | re.S
)
# Pandoc's title block: "%" lines (title, authors, date), indented lines continuing them.
_PANDOC = re.compile(r"\A\ufeff?(?:%(?:[ \t][^\n]*)?\n(?:[ \t]+\S[^\n]*\n)*){1,3}")
_ISO_DATE = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass(frozen=True, slots=True)
class FrontMatter:
    """The title and date the front matter gives (each None when it gives none)."""

    title: str | None
    date: datetime.date | None


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str):
        match = _ISO_DATE.match(value)
        if match:
            try:
                return datetime.date(*(int(part) for part in match.groups()))
            except ValueError:
                return None
    return None


def _parse(kind: str, block: str) -> dict[str, Any] | None:
    try:
        data = tomllib.loads(block) if kind == "toml" else yaml.safe_load(block)
    except (tomllib.TOMLDecodeError, yaml.YAMLError, ValueError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _pandoc_title_block(source: str) -> tuple[FrontMatter, str] | None:
    match = _PANDOC.match(source)
    if match is None:
        return None
    block = match.group().lstrip("\ufeff")
    fields = [" ".join(line.split()) for line in re.split(r"\n%", "\n" + block)[1:]]
    title = fields[0] or None if fields else None
    date = guess_date(fields[2]) if len(fields) > 2 and fields[2] else None
    return FrontMatter(title, date), source[match.end() :]


def split_front_matter(source: str) -> tuple[FrontMatter | None, str]:
    """The front matter of ``source`` (None when it has none) and the text after it."""
    pandoc = _pandoc_title_block(source)
    if pandoc is not None:
        return pandoc
    for kind, pattern in (("toml", _TOML), ("yaml", _YAML)):
        match = pattern.match(source)
        if match is None:
            continue
        data = _parse(kind, match.group(1))
        if data is None:
            return None, source
        title = data.get("title")
        title = " ".join(title.split()) if isinstance(title, str) and title.strip() else None
        return FrontMatter(title, _date(data.get("date"))), source[match.end() :]
    return None, source
