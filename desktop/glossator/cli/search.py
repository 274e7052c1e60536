"""`glossator search`: the reports holding every word, best first, with a snippet of each."""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any

from glossator.cli.common import CliError, print_json
from glossator.services import Workspace
from glossator.services.search import SearchHit, Span

MAX_LIMIT = 1000


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """Text from imported files with its control characters (escape sequences included)
    shown as U+FFFD: a title must not drive the terminal."""
    return _CONTROL.sub("\ufffd", text)


def marked(text: str, spans: tuple[Span, ...], bold: bool) -> str:
    """The text with matched words in bold on a terminal, else between `**`."""
    on, off = ("\033[1m", "\033[0m") if bold else ("**", "**")
    out, at = [], 0
    for start, end in spans:
        out += [printable(text[at:start]), on, printable(text[start:end]), off]
        at = end
    return "".join(out) + printable(text[at:])


def hit_json(hit: SearchHit) -> dict[str, Any]:
    return {
        "id": hit.report_id,
        "title": hit.title,
        "rank": round(hit.rank, 6),
        "snippet": hit.snippet,
        "matches": [list(m) for m in hit.matches],
        "match": list(hit.match) if hit.match else None,
        "snippet_start": hit.snippet_start,
    }


def cmd_search(ws: Workspace, args: argparse.Namespace) -> int:
    query = " ".join(args.words)
    if not any(c.isalnum() for c in query):
        raise CliError("nothing to search for: give one or more words")
    if not 1 <= args.limit <= MAX_LIMIT:
        raise CliError(f"--limit must be between 1 and {MAX_LIMIT}")
    # whole words, unless the last ends with `*`: then words starting with it match too
    hits = ws.search(query if query.endswith("*") else query + " ", args.limit)
    if args.json:
        print_json([hit_json(h) for h in hits])
        return 0 if hits else 1
    if not hits:
        print(f"No reports match {query!r}", file=sys.stderr)
        return 1
    bold = sys.stdout.isatty()
    for hit in hits:
        head = "" if hit.starts_text else "…"
        tail = "" if hit.ends_text else "…"
        print(f"{hit.report_id:>5}  {marked(hit.title, hit.title_matches, bold)}")
        print(f"       {head}{marked(hit.snippet, hit.matches, bold)}{tail}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "search",
        help="full-text search: reports holding every word, best first, with snippets",
    )
    p.add_argument("words", nargs="+", help="words to look for (all of them must occur)")
    p.add_argument("--limit", type=int, default=20, help="how many reports at most (default 20)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_search)
