"""`glossator passages`: every passage across the library that matches a query, printed,
as JSON, or written as CSV, JSONL, or an HTML / Markdown appendix grouped by tag or speaker."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossator.cli.common import CliError, print_json
from glossator.cli.query_options import add_query_options, query_from
from glossator.cli.search import printable
from glossator.core.analysis import Passage
from glossator.formats.passages_document import GROUPINGS
from glossator.formats.passages_table import passage_to_dict
from glossator.services import Workspace
from glossator.services.analysis import Analysis
from glossator.services.analysis_files import PASSAGE_FORMATS
from glossator.services.passages import MAX_CONTEXT


def _line(p: Passage) -> str:
    date = p.report_date.isoformat() if p.report_date else "undated"
    who = f" | {p.speaker}" if p.speaker else ""
    stances = "".join(f" | {s.target}={s.label}" for s in p.stances)
    tags = ", ".join(p.tag_paths) or "(no tag)"
    head = f"{p.report_id:>5} {date} [{p.start}-{p.end}] {tags}{who}{stances}"
    quote = " ".join(f"\u2026{p.before}[{p.quote}]{p.after}\u2026".split())
    return printable(head) + "\n       " + printable(quote)


def cmd_passages(ws: Workspace, args: argparse.Namespace) -> int:
    if not 0 <= args.context <= MAX_CONTEXT:
        raise CliError(f"--context must be between 0 and {MAX_CONTEXT}")
    if args.limit is not None and args.limit < 1:
        raise CliError("--limit must be 1 or more")
    if (args.format is None) != (args.out is None):
        raise CliError("--format and --out go together (e.g. --format html --out appendix.html)")
    analysis = Analysis(ws)
    query = query_from(ws, args)
    if args.out is not None:
        written = analysis.export_passages(
            query, args.format, Path(args.out), by=args.group_by, context=args.context,
            title=args.title, overwrite=args.force,
        )
        print(f"{written} passage(s) written to {args.out}")
        return 0
    found = analysis.find(query)
    passages = analysis.read(found, 0, args.limit, args.context)
    if args.json:
        print_json([passage_to_dict(p) for p in passages])
        return 0 if passages else 1
    if not passages:
        print("No passages match", file=sys.stderr)
        return 1
    for p in passages:
        print(_line(p))
    more = f" (the first {len(passages)} shown)" if len(passages) < len(found) else ""
    print(f"{len(found)} passage(s){more}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "passages",
        help="passages across the library by tag, speaker, stance, reviewer, status, date, words",
        description="Every annotation that matches, in library order (report date, report, "
        "position), with its quote, the text around it and the notes it cites.",
    )
    add_query_options(p)
    p.add_argument("--context", type=int, default=32,
                   help="characters of text shown each side of a quote (default 32)")
    p.add_argument("--limit", type=int, help="print at most this many")
    p.add_argument("--json", action="store_true", help="print the passages as JSON")
    p.add_argument("--format", choices=list(PASSAGE_FORMATS), help="write a file in this format")
    p.add_argument("--out", metavar="FILE", help="the file to write (with --format)")
    p.add_argument("--group-by", choices=list(GROUPINGS), default="tag",
                   help="how an html or md document groups the passages (default: tag)")
    p.add_argument("--title", default="Passages", help="the title of an html or md document")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=cmd_passages)
