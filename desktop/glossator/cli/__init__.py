"""The `glossator` command line. With no subcommand the window opens.

Only the chosen subcommand's module is imported (`COMMANDS` says which module registers
which subcommand), and the services only when a subcommand runs: `glossator --version`
imports nothing of the program, and `glossator reports` lists the library without the ORM
(`services.library`). `--help` and a mistyped subcommand import every module, to list them.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from glossator import __version__
from glossator.cli.common import CliError

if TYPE_CHECKING:
    from glossator.services import Workspace

CONFLICT_STATUS = 3  # refused because someone else changed the row since it was read

#: each subcommand and the module of `glossator.cli` that registers it (with its siblings)
COMMANDS = {
    "import": "reports", "reports": "reports", "show": "reports", "annotations": "reports",
    "check": "reports", "backup": "reports", "migrate": "reports",
    "speaker": "attribution", "target": "attribution", "codebook": "attribution",
    "annotate": "attribution", "suggest": "attribution", "stances": "attribution",
    "export": "exchange", "import-annotations": "exchange",
    "review": "review", "agreement": "review",
    "search": "search",
    "reimport": "reimport",
    "role": "team", "project": "team", "server": "team", "annotation": "team",
    "passages": "passages",
    "counts": "counts",
    "memo": "memo",
    "export-report": "export_report",
}
MODULES = tuple(dict.fromkeys(COMMANDS.values()))


def _options(parser: argparse.ArgumentParser) -> None:
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


def chosen_command(argv: Sequence[str]) -> str | None:
    """The subcommand named in `argv` (None: none, the window), found without importing."""
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--db")
    pre.add_argument("--reviewer")
    pre.add_argument("command", nargs="?")
    known, _rest = pre.parse_known_args(list(argv))
    return known.command if isinstance(known.command, str) else None


def build_parser(modules: Sequence[str] = MODULES) -> argparse.ArgumentParser:
    """The parser, with the subcommands of `modules` (every one by default)."""
    parser = argparse.ArgumentParser(prog="glossator", description=__doc__.split("\n")[0])
    _options(parser)
    sub = parser.add_subparsers(dest="command")
    for name in modules:
        importlib.import_module(f"glossator.cli.{name}").register(sub)
    p = sub.add_parser("gui", help="open the window (the default)")
    p.set_defaults(func=None)
    return parser


def _modules_for(argv: Sequence[str]) -> Sequence[str]:
    command = chosen_command(argv)
    if command in COMMANDS:
        return (COMMANDS[command],)
    asks_help = any(a in ("-h", "--help") for a in argv)
    return MODULES if asks_help or command not in (None, "gui") else ()


def main(argv: Sequence[str] | None = None) -> int:
    given = list(sys.argv[1:] if argv is None else argv)
    args = build_parser(_modules_for(given)).parse_args(given)
    if args.self_test:
        from glossator.ui.app.self_test import run_self_test

        return int(run_self_test())
    if args.command in (None, "gui"):
        from glossator.ui.app.run import run_gui

        return int(run_gui(db=args.db, reviewer=args.reviewer, self_test=False))
    from glossator.services import StoreError

    reviewer = getattr(args, "as_reviewer", None) or args.reviewer
    if getattr(args, "lists_only", False):  # reads the library's list and nothing else
        from glossator.services.library import LibraryReader

        try:
            reader = LibraryReader.open(args.db, reviewer)
        except StoreError as exc:
            print(f"glossator: {exc}", file=sys.stderr)
            return 2
        try:
            return int(args.func(reader, args))
        except (CliError, StoreError) as exc:  # no command runs: none can fail otherwise
            print(f"glossator: {exc}", file=sys.stderr)
            return 2
        finally:
            reader.close()
    if getattr(args, "own_workspace", False):  # `server ...`: opens the URL it is given
        return _run(args.func, None, args)
    from glossator.services import Workspace

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
    from glossator.services import CommandError, ConflictError, StoreError

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
