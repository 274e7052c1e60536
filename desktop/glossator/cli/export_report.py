"""`glossator export-report REPORT DEST`: one report with its highlights, labels, notes and
memos as a standalone HTML file."""

from __future__ import annotations

import argparse
from pathlib import Path

from glossator.core.exchange import STATUSES
from glossator.services import Workspace
from glossator.services.analysis import Analysis
from glossator.services.passage_filters import NOT_REJECTED


def cmd_export_report(ws: Workspace, args: argparse.Namespace) -> int:
    report = ws.find_report(args.report)
    statuses = ("accepted",) if args.final else tuple(args.status or NOT_REJECTED)
    path = Analysis(ws).export_report(report.id, Path(args.dest), statuses=statuses,
                                      overwrite=args.force)
    print(f"report {report.id} written to {path}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export-report",
        help="write a report with its highlights as a standalone HTML file",
        description="The text with highlights in tag colours, numbered annotations (tags, "
        "speaker, stance, note, cited notes), the report's own notes linked, a legend and "
        "the report's memos. Everything escaped; the page fetches nothing.",
    )
    p.add_argument("report", help="id or unique title prefix")
    p.add_argument("dest", help="the .html file to write")
    p.add_argument("--status", action="append", choices=list(STATUSES),
                   help="only annotations with this status (default: all but rejected)")
    p.add_argument("--final", action="store_true", help="only the accepted annotations")
    p.add_argument("--force", action="store_true", help="replace DEST if it exists")
    p.set_defaults(func=cmd_export_report)
