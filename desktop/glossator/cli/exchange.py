"""Annotation-set subcommands: export (W3C JSON-LD, JSONL, CSV, .qdpx, .qdc, brat) and
import-annotations (merge a colleague's set, printing what was added and what conflicts)."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from glossator.cli.common import CliError, print_json
from glossator.core.exchange import STATUSES
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.registry import EXPORTERS, IMPORTERS
from glossator.services import Workspace
from glossator.services.exchange import export_annotations
from glossator.services.exchange_files import read_annotation_set
from glossator.services.exchange_import import ImportAnnotations


def cmd_export(ws: Workspace, args: argparse.Namespace) -> int:
    dest = Path(args.dest)
    report_ids = [ws.find_report(r).id for r in args.report] if args.report else None
    statuses = ["accepted"] if args.final else (args.status or None)
    try:
        written = export_annotations(
            ws, args.format, dest, report_ids, statuses, overwrite=args.force
        )
    except ExchangeFormatError as exc:
        raise CliError(f"{dest.name}: {exc}") from exc
    except OSError as exc:
        raise CliError(f"{dest}: cannot be written ({exc.strerror or exc})") from exc
    if not EXPORTERS[args.format].needs_annotations:
        print(f"codebook written to {dest}")
        return 0
    reports = len({a.report_uuid for a in written.annotations})
    print(f"{len(written.annotations)} annotation(s) of {reports} report(s) written to {dest}")
    return 0


def cmd_import(ws: Workspace, args: argparse.Namespace) -> int:
    path = Path(args.file)
    annotation_set = read_annotation_set(path, args.format)
    command = ImportAnnotations(annotation_set, path.name)
    ws.run(command)
    report = command.report
    assert report is not None
    if args.json:
        print_json(asdict(report))
    else:
        print(f"{path.name}:")
        for line in report.lines():
            print(f"  {line}")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "export",
        help="write annotations for other tools",
        description="Formats: "
        + "; ".join(f"{e.name} ({e.suffix}): {e.description}" for e in EXPORTERS.values()),
    )
    p.add_argument("format", choices=list(EXPORTERS))
    p.add_argument("dest", help="the file to write (brat: a .zip, or a folder)")
    p.add_argument(
        "--report", action="append", default=[], help="only this report (id or title); repeatable"
    )
    p.add_argument(
        "--status",
        action="append",
        choices=list(STATUSES),
        help="only annotations with this status; repeatable",
    )
    p.add_argument(
        "--final", action="store_true", help="only the final set: the accepted annotations"
    )
    p.add_argument(
        "--force", action="store_true", help="replace the destination if it exists"
    )
    p.set_defaults(func=cmd_export)
    p = sub.add_parser(
        "import-annotations",
        help="merge an annotation set (.jsonld, .jsonl, .qdpx, .qdc) into the workspace",
    )
    p.add_argument("file")
    p.add_argument("--format", choices=list(IMPORTERS), help="default: from the file's suffix")
    p.add_argument("--json", action="store_true", help="print the merge report as JSON")
    p.set_defaults(func=cmd_import)
