"""The passage-query options that `glossator passages` and `glossator counts` share."""

from __future__ import annotations

import argparse
import datetime as dt

from glossator.cli.common import CliError
from glossator.core.exchange import STATUSES
from glossator.services import Workspace
from glossator.services.passage_filters import NOT_REJECTED, PassageQuery


def add_query_options(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("which passages (repeat an option for alternatives)")
    g.add_argument("--tag", action="append", default=[], help="a tag name or path")
    g.add_argument("--no-children", action="store_true",
                   help="a tag's children do not count for it")
    g.add_argument("--speaker", action="append", default=[], help="a speaker's name or alias")
    g.add_argument("--affiliation", action="append", default=[],
                   help="words of the speaker's affiliation")
    g.add_argument("--target", action="append", default=[], help="a stance target (or alias)")
    g.add_argument("--stance", action="append", default=[], metavar="LABEL",
                   help="a stance label of the scale (toward --target, or any target)")
    g.add_argument("--reviewer", action="append", default=[], dest="authors",
                   metavar="NAME", help="who made the annotation")
    g.add_argument("--status", action="append", choices=list(STATUSES), dest="statuses",
                   help="default: every status but rejected")
    g.add_argument("--from", dest="date_from", metavar="DATE", help="reports dated from (ISO)")
    g.add_argument("--to", dest="date_to", metavar="DATE", help="reports dated until (ISO)")
    g.add_argument("--report", action="append", default=[], help="a report (id or title)")
    g.add_argument("--words", default="",
                   help="words the quote holds (all of them; a trailing * makes a prefix)")


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CliError(f"{option} {value!r} is not a date like 2025-03-31") from None


def query_from(ws: Workspace, args: argparse.Namespace) -> PassageQuery:
    return PassageQuery(
        tags=tuple(args.tag),
        include_children=not args.no_children,
        speakers=tuple(args.speaker),
        affiliations=tuple(args.affiliation),
        targets=tuple(args.target),
        labels=tuple(args.stance),
        authors=tuple(args.authors),
        statuses=tuple(dict.fromkeys(args.statuses)) if args.statuses else NOT_REJECTED,
        date_from=_date(args.date_from, "--from"),
        date_to=_date(args.date_to, "--to"),
        report_ids=tuple(ws.find_report(r).id for r in args.report),
        words=args.words,
    )
