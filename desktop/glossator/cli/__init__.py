"""The `glossator` command line. With no subcommand the window opens."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

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
)
from glossator.cli.common import CliError
from glossator.services import CommandError, StoreError, Workspace


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
    try:
        ws = Workspace.open(args.db, reviewer=getattr(args, "as_reviewer", None) or args.reviewer)
    except StoreError as exc:
        print(f"glossator: {exc}", file=sys.stderr)
        return 2
    try:
        return int(args.func(ws, args))
    except (CliError, CommandError, StoreError) as exc:
        print(f"glossator: {exc}", file=sys.stderr)
        return 2
    finally:
        ws.close()


if __name__ == "__main__":
    sys.exit(main())
