"""The `glossator` command line. With no subcommand the window opens."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from glossator import __version__
from glossator.cli import (
    attribution,
    counts,
    exchange,
    export_report,
    memo,
    passages,
    reimport,
    reports,
    review,
    search,
    team,
)
from glossator.cli.common import CliError
from glossator.services import CommandError, ConflictError, StoreError, Workspace

CONFLICT_STATUS = 3  # refused because someone else changed the row since it was read


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="glossator", description=__doc__)
    parser.add_argument("--version", action="version", version=f"Glossator {__version__}")
    parser.add_argument(
        "--db",
        help="workspace database: a file path or a SQLAlchemy URL "
        "(default: $GLOSSATOR_DB, else the per-user data folder)",
    )
    parser.add_argument("--reviewer", help="who is working (recorded on every change)")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="run the built-in self-test on a temporary workspace and exit",
    )
    sub = parser.add_subparsers(dest="command")
    reports.register(sub)
    attribution.register(sub)
    exchange.register(sub)
    review.register(sub)
    search.register(sub)
    reimport.register(sub)
    team.register(sub)
    passages.register(sub)
    counts.register(sub)
    memo.register(sub)
    export_report.register(sub)
    p = sub.add_parser("gui", help="open the window (the default)")
    p.set_defaults(func=None)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.self_test:
        from glossator.ui.app.self_test import run_self_test

        return int(run_self_test())
    if args.command in (None, "gui"):
        from glossator.ui.app.run import run_gui

        return int(run_gui(db=args.db, reviewer=args.reviewer, self_test=False))
    if getattr(args, "own_workspace", False):  # `server ...`: opens the URL it is given
        return _run(args.func, None, args)
    reviewer = getattr(args, "as_reviewer", None) or args.reviewer
    try:
        ws = Workspace.open(args.db, reviewer=reviewer)
    except StoreError as exc:
        print(f"glossator: {exc}", file=sys.stderr)
        return 2
    try:
        if ws.identity_fixed and reviewer and reviewer != ws.reviewer:
            print(f"glossator: on this team server you are {ws.reviewer} (the database user "
                  f"you logged in as), not {reviewer}", file=sys.stderr)
            return 2
        return _run(args.func, ws, args)
    finally:
        ws.close()


def _run(func: Any, ws: Workspace | None, args: argparse.Namespace) -> int:
    try:
        return int(func(ws, args))
    except ConflictError as exc:
        print(f"glossator: {exc}", file=sys.stderr)
        return CONFLICT_STATUS
    except (CliError, CommandError, StoreError) as exc:
        print(f"glossator: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
