"""Review subcommands: decide on annotations, discuss them, settle, and measure agreement.

The acting reviewer is `--reviewer NAME` (before or after the subcommand), as for every
other change. Annotation and comment ids may be shortened to a unique prefix.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from glossator.cli.agreement_output import agreement_json, agreement_table
from glossator.cli.common import CliError, print_json
from glossator.core.agreement import AgreementOptions
from glossator.core.agreement_bootstrap import DEFAULT_RESAMPLES, DEFAULT_SEED
from glossator.core.agreement_spans import MIN_JACCARD
from glossator.services import Workspace
from glossator.services.review import DecideAnnotations
from glossator.services.review_comments import AddComment, DeleteComment, EditComment
from glossator.services.review_settle import settle
from glossator.services.review_values import ReviewEntry

Command = Callable[[Workspace, argparse.Namespace], int]


def _review_id(ws: Workspace, ref: str) -> str:
    return ws.find_review(ref)


def cmd_decide(ws: Workspace, args: argparse.Namespace) -> int:
    uuids = [ws.find_annotation(ref) for ref in args.annotation]
    print(ws.run(DecideAnnotations(uuids, args.action, args.comment or "")).message)
    return 0


def cmd_comment(ws: Workspace, args: argparse.Namespace) -> int:
    parent = _review_id(ws, args.reply_to) if args.reply_to else None
    command = AddComment(ws.find_annotation(args.annotation), args.text, parent)
    ws.run(command)
    print(f"comment {command.uuid}")
    return 0


def cmd_edit(ws: Workspace, args: argparse.Namespace) -> int:
    print(ws.run(EditComment(_review_id(ws, args.comment), args.text)).message)
    return 0


def cmd_delete(ws: Workspace, args: argparse.Namespace) -> int:
    print(ws.run(DeleteComment(_review_id(ws, args.comment))).message)
    return 0


def cmd_settle(ws: Workspace, args: argparse.Namespace) -> int:
    keep = [ws.find_annotation(r) for r in args.keep]
    drop = [ws.find_annotation(r) for r in args.drop]
    print(ws.run(settle(keep, drop, args.comment or "")).message)
    return 0


def entry_json(e: ReviewEntry) -> dict[str, object]:
    return {
        "id": e.id,
        "reviewer": e.reviewer,
        "decision": e.decision,
        "body": e.body,
        "deleted": e.deleted,
        "created": e.created.isoformat(),
        "reply_to": e.parent_id,
        "replies": [entry_json(r) for r in e.replies],
    }


def cmd_thread(ws: Workspace, args: argparse.Namespace) -> int:
    uuid = ws.find_annotation(args.annotation)
    thread = ws.review_thread(uuid)
    if thread is None:
        raise CliError(f"annotation {uuid} does not exist")
    if args.json:
        print_json(
            {
                "annotation": thread.annotation_id,
                "author": thread.author,
                "status": thread.status,
                "entries": [entry_json(e) for e in thread.entries],
            }
        )
        return 0
    print(f"annotation {thread.annotation_id} by {thread.author}: {thread.status}")
    for depth, e in thread.walk():
        what = f"[{e.decision}] " if e.decision else ""
        body = "(deleted)" if e.deleted else e.body
        print(
            f"{'  ' * (depth + 1)}{e.id[:8]} {e.reviewer}, {e.created:%Y-%m-%d %H:%M}: {what}{body}"
        )
    return 0


def cmd_agreement(ws: Workspace, args: argparse.Namespace) -> int:
    reviewers = [n.strip() for n in args.reviewers.split(",") if n.strip()]
    if len(reviewers) < 2:
        raise CliError("--reviewers needs at least two names, e.g. --reviewers ana,ben")
    report_ids = [ws.find_report(r).id for r in args.report] if args.report else None
    options = AgreementOptions(
        min_jaccard=args.jaccard, coded_only=args.coded_only, resamples=args.bootstrap,
        seed=args.seed,
    )
    result = ws.agreement(
        reviewers, report_ids, args.tag, options=options,
        include_rejected=args.include_rejected, include_orphaned=args.include_orphaned,
    )
    if args.json:
        print_json(agreement_json(result))
        return 0
    for line in agreement_table(result):
        print(line)
    return 0


def _acted_by_reviewer(p: argparse.ArgumentParser, func: Command) -> None:
    """A change's last option, `--reviewer NAME` (who acts, here after the subcommand), and
    the function that runs it."""
    p.add_argument("--reviewer", dest="as_reviewer")
    p.set_defaults(func=func)


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = sub.add_parser("review", help="decide on and discuss annotations")
    actions = review.add_subparsers(dest="action", required=True)
    for verb in ("accept", "reject", "dispute"):
        p = actions.add_parser(verb, help=f"{verb} annotations (ids or unique prefixes)")
        p.add_argument("annotation", nargs="+")
        p.add_argument("--comment")
        _acted_by_reviewer(p, cmd_decide)
    p = actions.add_parser("comment", help="comment on an annotation, or reply to a comment")
    p.add_argument("annotation")
    p.add_argument("text")
    p.add_argument("--reply-to", metavar="COMMENT_ID")
    _acted_by_reviewer(p, cmd_comment)
    p = actions.add_parser("edit", help="rewrite one of your comments")
    p.add_argument("comment")
    p.add_argument("text")
    _acted_by_reviewer(p, cmd_edit)
    p = actions.add_parser("delete", help="delete one of your comments")
    p.add_argument("comment")
    _acted_by_reviewer(p, cmd_delete)
    p = actions.add_parser("settle", help="accept some annotations and reject others, at once")
    p.add_argument("--keep", action="append", default=[], metavar="ID")
    p.add_argument("--drop", action="append", default=[], metavar="ID")
    p.add_argument("--comment")
    _acted_by_reviewer(p, cmd_settle)
    p = actions.add_parser("thread", help="an annotation's decisions and comments")
    p.add_argument("annotation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_thread)
    p = sub.add_parser("agreement", help="agreement between reviewers: kappa, alpha, F1")
    p.add_argument("report", nargs="*", help="reports (default: all the reviewers annotated)")
    p.add_argument("--reviewers", required=True, help="two or more names, comma-separated")
    p.add_argument("--tag", help="one tag (name or path) instead of every tag")
    p.add_argument("--jaccard", type=float, default=MIN_JACCARD,
                   help=f"span pairing threshold (default {MIN_JACCARD})")
    p.add_argument("--coded-only", action="store_true",
                   help="tag measures over code points at least one reviewer coded")
    p.add_argument("--bootstrap", type=int, default=DEFAULT_RESAMPLES, metavar="N",
                   help=f"bootstrap resamples for alpha's intervals (default "
                        f"{DEFAULT_RESAMPLES}; 0: none)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED,
                   help=f"bootstrap seed (default {DEFAULT_SEED})")
    p.add_argument("--include-rejected", action="store_true", help="count rejected annotations")
    p.add_argument("--include-orphaned", action="store_true", help="count orphaned annotations")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_agreement)
