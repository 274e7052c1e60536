"""Report subcommands: import, reports, show, annotations, check, backup, migrate."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from glossator.cli.common import CliError, print_json
from glossator.services import Workspace
from glossator.services.values import AnnotationView, ReportDetail, ReportSummary


def _summary_json(s: ReportSummary) -> dict[str, Any]:
    return {
        "id": s.id,
        "title": s.title,
        "date": s.date.isoformat() if s.date else None,
        "source": s.source_name,
        "format": s.source_format,
        "markers": s.marker_count,
        "notes": s.note_count,
        "missing_notes": list(s.missing_notes),
        "uncited_notes": list(s.uncited_notes),
        "footnote_warning": s.footnote_warning,
        "annotations": s.annotation_count,
    }


def report_json(d: ReportDetail) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "date": d.summary.date.isoformat() if d.summary.date else None,
        "text": d.text,
        "markers": [
            {"label": m.label, "start": m.start, "end": m.end, "note": m.note} for m in d.markers
        ],
        "notes": [
            {
                "label": n.label,
                "text": n.text,
                "start": n.start,
                "end": n.end,
                "cited_by": [list(c) for c in n.cited_by],
            }
            for n in d.notes
        ],
        "missing_notes": list(d.missing_notes),
        "uncited_notes": list(d.uncited_notes),
    }


def annotation_json(a: AnnotationView) -> dict[str, Any]:
    return {
        "id": a.id,
        "start": a.start,
        "end": a.end,
        "quote": a.quote,
        "tags": list(a.tags),
        "author": a.author,
        "status": a.status,
        "speaker": a.speaker,
        "stances": [{"target": s.target, "label": s.label} for s in a.stances],
        "cites": list(a.cites),
        "note": a.note,
        "created": a.created.isoformat(),
        "modified": a.modified.isoformat(),
        "version": a.version,
    }


def cmd_import(ws: Workspace, args: argparse.Namespace) -> int:
    outcomes = ws.import_paths(args.paths)
    if not outcomes:
        raise CliError("no report files found in " + ", ".join(args.paths))
    for outcome in outcomes:
        print(outcome.line(), file=sys.stderr if outcome.status == "refused" else sys.stdout)
    return 1 if any(o.status == "refused" for o in outcomes) else 0


def cmd_reports(ws: Workspace, args: argparse.Namespace) -> int:
    reports = ws.reports()
    if args.json:
        print_json([_summary_json(s) for s in reports])
        return 0
    for s in reports:
        broken = []
        if s.missing_notes:
            broken.append("missing notes " + ",".join(s.missing_notes))
        if s.uncited_notes:
            broken.append("uncited notes " + ",".join(s.uncited_notes))
        if s.footnote_warning:
            broken.append("warning: " + s.footnote_warning)
        date = s.date.isoformat() if s.date else "----------"
        print(
            f"{s.id:>5}  {date}  {s.marker_count:>3} markers  {s.note_count:>3} notes  "
            f"{s.annotation_count:>4} annotations  {s.title[:70]}"
            + (f"  [{'; '.join(broken)}]" if broken else "")
        )
    if not reports:
        print("The workspace has no reports yet: glossator import FILE...", file=sys.stderr)
    return 0


def cmd_show(ws: Workspace, args: argparse.Namespace) -> int:
    detail = ws.report(ws.find_report(args.report).id)
    if args.json:
        print_json(report_json(detail))
        return 0
    print(detail.title)
    print(detail.text)
    if detail.missing_notes:
        print(f"\nMissing notes: {', '.join(detail.missing_notes)}")
    if detail.uncited_notes:
        print(f"Uncited notes: {', '.join(detail.uncited_notes)}")
    return 0


def cmd_annotations(ws: Workspace, args: argparse.Namespace) -> int:
    report = ws.find_report(args.report)
    items = ws.annotations(report.id)
    if args.json:
        print_json([annotation_json(a) for a in items])
        return 0
    for a in items:
        tags = ", ".join(a.tags) or "-"
        print(f"{a.start:>7}-{a.end:<7} {a.status:<9} {a.author:<16} {tags:<24} {a.quote[:60]!r}")
    return 0


def cmd_check(ws: Workspace, _args: argparse.Namespace) -> int:
    problems = ws.check()
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    print(f"{ws.db.display_name}: ok ({ws.report_count()} reports)")
    return 0


def cmd_backup(ws: Workspace, args: argparse.Namespace) -> int:
    dest = ws.backup(Path(args.dest) if args.dest else None, overwrite=args.force)
    print(f"backup written: {dest}")
    return 0


def cmd_migrate(ws: Workspace, _args: argparse.Namespace) -> int:
    print(f"{ws.db.display_name}: schema is current")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("import", help="import report files or folders")
    p.add_argument("paths", nargs="+")
    p.set_defaults(func=cmd_import)
    p = sub.add_parser("reports", help="list the reports")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reports)
    p = sub.add_parser("show", help="print a report (id or unique title prefix)")
    p.add_argument("report")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)
    p = sub.add_parser("annotations", help="list a report's annotations")
    p.add_argument("report")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_annotations)
    p = sub.add_parser("check", help="run the integrity check")
    p.set_defaults(func=cmd_check)
    p = sub.add_parser("backup", help="write a consistent copy of the workspace")
    p.add_argument("dest", nargs="?", help="default: a new file in the backup folder")
    p.add_argument("--force", action="store_true", help="replace DEST if it exists")
    p.set_defaults(func=cmd_backup)
    p = sub.add_parser("migrate", help="bring the database schema up to date (with a backup)")
    p.set_defaults(func=cmd_migrate)
