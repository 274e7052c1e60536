"""`glossator counts`: tag frequencies (overall, per report), co-occurrence matrices (tag x
tag or speaker x tag, by overlap or paragraph) with the passages behind a cell, and stance
toward a target per month; as a table, JSON, or CSV."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from glossator.cli.common import CliError, print_json
from glossator.cli.query_options import add_query_options, query_from
from glossator.cli.search import printable
from glossator.core.analysis import COOCCURRENCE_MODES
from glossator.formats.analysis_csv import (
    Row,
    frequency_rows,
    matrix_rows,
    per_report_rows,
    timeline_rows,
)
from glossator.formats.passages_table import passage_to_dict
from glossator.services import Workspace
from glossator.services.analysis import Analysis
from glossator.services.analysis_files import save_rows


def _table(rows: list[Row]) -> None:
    cells = [[printable(str(c)) for c in row] for row in rows]
    widths = [max(len(r[i]) for r in cells if i < len(r)) for i in range(len(cells[0]))]
    for row in cells:
        print("  ".join(c.rjust(w) if n else c.ljust(w)
                        for n, (c, w) in enumerate(zip(row, widths, strict=False))).rstrip())


def _as_json(rows: list[Row]) -> list[dict[str, Any]]:
    head = [str(h) for h in rows[0]]
    return [dict(zip(head, r, strict=False)) for r in rows[1:]]


def cmd_counts(ws: Workspace, args: argparse.Namespace) -> int:
    analysis = Analysis(ws)
    query = query_from(ws, args)
    chosen = [x for x in (args.over_time, args.cooccurrence or (args.by if args.by != "tag"
                                                                else None)) if x]
    if len(chosen) > 1:
        raise CliError("--over-time counts stances; it does not combine with --cooccurrence")
    if args.cell and not (args.cooccurrence or args.by == "speaker"):
        raise CliError("--cell names a cell of a matrix: give --cooccurrence (or --by speaker)")
    mode = args.cooccurrence or "overlap"
    if args.cell:
        cell = analysis.cell(query, args.cell[0], args.cell[1], mode, args.by, args.roll_up)
        passages = analysis.passages_by_id(cell.passages)
        if args.json:
            print_json({"row": cell.row, "column": cell.column, "mode": cell.mode,
                        "count": cell.count, "pairs": [list(p) for p in cell.pairs],
                        "paragraphs": [list(p) for p in cell.paragraphs],
                        "passages": [passage_to_dict(p) for p in passages]})
            return 0
        print(f"{printable(cell.row)} x {printable(cell.column)} ({mode}): {cell.count}")
        for p in passages:
            print(f"  {p.report_id:>5} [{p.start}-{p.end}] {printable(p.quote)}")
        return 0
    rows: list[Row]
    if args.over_time:
        rows = timeline_rows(analysis.timeline(query, args.over_time))
    elif args.cooccurrence or args.by == "speaker":
        rows = matrix_rows(analysis.cooccurrence(query, mode, args.by, args.roll_up))
    else:
        freq = analysis.frequencies(query, args.roll_up)
        rows = per_report_rows(freq) if args.per_report else frequency_rows(freq)
    if args.csv:
        path = save_rows(rows, Path(args.csv), overwrite=args.force)
        print(f"{len(rows) - 1} row(s) written to {path}")
    elif args.json:
        print_json(_as_json(rows))
    else:
        _table(rows)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "counts",
        help="tag frequencies, co-occurrence of tags (or speakers and tags), stance over time",
        description="Counts over the passages a query selects (default: every annotation "
        "that is not rejected). Frequencies give, per tag, the passages, the reports holding "
        "one and the characters coded (overlaps counted once).",
    )
    add_query_options(p)
    p.add_argument("--per-report", action="store_true", help="frequencies per report and tag")
    p.add_argument("--cooccurrence", choices=list(COOCCURRENCE_MODES),
                   help="a matrix: passages that overlap (pairs), or paragraphs coded with both")
    p.add_argument("--by", choices=["tag", "speaker"], default="tag",
                   help="matrix rows: tags (default) or speakers (speaker x tag)")
    p.add_argument("--over-time", metavar="TARGET",
                   help="stances toward TARGET per month of the report date and label")
    p.add_argument("--cell", nargs=2, metavar=("ROW", "COLUMN"),
                   help="the passages behind one cell of the matrix")
    p.add_argument("--roll-up", action="store_true",
                   help="a passage coded with a child tag counts for its parents too")
    p.add_argument("--json", action="store_true")
    p.add_argument("--csv", metavar="FILE", help="write the table as CSV")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(func=cmd_counts)
