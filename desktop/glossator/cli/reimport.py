"""`glossator reimport REPORT FILE`: replace a report's text by a changed file and re-anchor
its annotations; the orphaned ones (text not found again) are listed for a person to fix."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from glossator.cli.common import print_json
from glossator.services import Workspace
from glossator.services.reimport import (
    ReimportPlan,
    ReimportRefused,
    ReimportReport,
    preview_reimport,
    read_replacement,
)


def plan_json(plan: ReimportPlan, dry_run: bool) -> dict[str, Any]:
    return {
        "report": plan.report_id,
        "title": plan.new_title,
        "identical": plan.identical,
        "dry_run": dry_run,
        "counts": plan.counts,
        "threshold": plan.threshold,
        "notes": {"before": plan.notes[0], "after": plan.notes[1]},
        "annotations": [
            {
                "id": i.annotation,
                "status": i.status,
                "old": list(i.old_span),
                "new": list(i.span),
                "score": i.score,
                "old_quote": i.old_quote,
                "quote": i.quote,
            }
            for i in plan.items
        ],
        "orphaned": [
            {"id": i.annotation, "quote": i.old_quote, "start": i.span[0], "end": i.span[1]}
            for i in plan.orphaned
        ],
        "dropped_cites": [{"id": a, "label": label} for a, label in plan.dropped_cites],
    }


def _print_plan(plan: ReimportPlan, dry_run: bool) -> None:
    head = f"report {plan.report_id} \u201c{plan.new_title}\u201d"
    if plan.identical:
        print(f"{head}: the file's text is the same as the report's; nothing changed")
        return
    c = plan.counts
    print(f"{head}: {c['kept']} kept, {c['moved']} moved, {c['fuzzy']} matched approximately, "
          f"{c['orphaned']} orphaned" + (" (dry run: nothing written)" if dry_run else ""))
    if plan.notes[0] != plan.notes[1]:
        print(f"notes: {plan.notes[0]} before, {plan.notes[1]} after")
    for annotation, label in plan.dropped_cites:
        print(f"citation dropped: {annotation} no longer cites note {label} (not in the file)")
    for i in plan.orphaned:
        quote = " ".join(i.old_quote.split())
        quote = quote if len(quote) <= 70 else quote[:69] + "\u2026"
        print(f"orphaned: {i.annotation}  \u201c{quote}\u201d")


def cmd_reimport(ws: Workspace, args: argparse.Namespace) -> int:
    report = ws.find_report(args.report)
    try:
        new = read_replacement(Path(args.file))
        if args.dry_run:
            plan = preview_reimport(ws, report.id, new)
        else:
            command = ReimportReport(report.id, new)
            ws.run(command)
            assert command.plan is not None
            plan = command.plan
    except ReimportRefused as exc:
        print(str(exc), file=sys.stderr)
        return 1
    if args.json:
        print_json(plan_json(plan, args.dry_run))
    else:
        _print_plan(plan, args.dry_run)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "reimport",
        help="replace a report's text by a changed file, re-anchoring its annotations",
    )
    p.add_argument("report", help="report id or unique title prefix")
    p.add_argument("file", help="the changed file (.txt, .md, .html, .docx, .pdf)")
    p.add_argument("--dry-run", action="store_true", help="show what would happen; write nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reimport)
