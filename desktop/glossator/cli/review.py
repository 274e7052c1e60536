"""Review subcommands: decide on annotations, discuss them, settle, and measure agreement.

The acting reviewer is `--reviewer NAME` (before or after the subcommand), as for every
other change. Annotation and comment ids may be shortened to a unique prefix.
"""

from __future__ import annotations

import argparse

from glossator.cli.common import CliError, print_json
from glossator.core.agreement import AgreementResult, TagAgreement
from glossator.services import Workspace
from glossator.services.review import DecideAnnotations
from glossator.services.review_comments import AddComment, DeleteComment, EditComment
from glossator.services.review_queries import find_review
from glossator.services.review_settle import settle
from glossator.services.review_values import ReviewEntry


def _review_id(ws: Workspace, ref: str) -> str:
    with ws.db.session() as session:
        return find_review(session, ref)


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


def _number(value: float | None) -> float | None:
    return round(value, 4) if value is not None else None


def tag_json(t: TagAgreement) -> dict[str, object]:
    return {
        "tag": t.tag,
        "units": t.units,
        "coded": list(t.coded),
        "kappa": _number(t.kappa),
        "alpha": _number(t.alpha),
        "spans_a": t.spans_a,
        "spans_b": t.spans_b,
        "matched": t.matched,
        "precision": _number(t.precision),
        "recall": _number(t.recall),
        "f1": _number(t.f1),
    }


def agreement_json(r: AgreementResult) -> dict[str, object]:
    return {
        "reviewers": list(r.coders),
        "reports": list(r.reports),
        "unit": "code point of the report text, per tag (overall: per code point and tag)",
        "tags": [tag_json(t) for t in r.tags],
        "overall": tag_json(r.overall),
        "disagreements": [
            {
                "report": d.report_id,
                "tag": d.tag,
                "start": d.start,
                "end": d.end,
                "kind": d.kind,
                "a": [s.id for s in d.a],
                "b": [s.id for s in d.b],
            }
            for d in r.disagreements
        ],
    }


def _cell(value: float | None) -> str:
    return f"{value:8.3f}" if value is not None else f"{'-':>8}"


def cmd_agreement(ws: Workspace, args: argparse.Namespace) -> int:
    reviewers = [n.strip() for n in args.reviewers.split(",") if n.strip()]
    if len(reviewers) < 2:
        raise CliError("--reviewers needs at least two names, e.g. --reviewers ana,ben")
    report_ids = [ws.find_report(r).id for r in args.report] if args.report else None
    result = ws.agreement(reviewers, report_ids, args.tag)
    if args.json:
        print_json(agreement_json(result))
        return 0
    print(f"{'tag':<30} {'kappa':>8} {'alpha':>8} {'P':>8} {'R':>8} {'F1':>8}")
    for t in (*result.tags, result.overall):
        print(
            f"{t.tag[:30]:<30} {_cell(t.kappa)} {_cell(t.alpha)} {_cell(t.precision)} "
            f"{_cell(t.recall)} {_cell(t.f1)}"
        )
    print(f"{len(result.disagreements)} disagreement(s); units: code points, per tag")
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    review = sub.add_parser("review", help="decide on and discuss annotations")
    actions = review.add_subparsers(dest="action", required=True)
    for verb in ("accept", "reject", "dispute"):
        p = actions.add_parser(verb, help=f"{verb} annotations (ids or unique prefixes)")
        p.add_argument("annotation", nargs="+")
        p.add_argument("--comment")
        p.add_argument("--reviewer", dest="as_reviewer")
        p.set_defaults(func=cmd_decide)
    p = actions.add_parser("comment", help="comment on an annotation, or reply to a comment")
    p.add_argument("annotation")
    p.add_argument("text")
    p.add_argument("--reply-to", metavar="COMMENT_ID")
    p.add_argument("--reviewer", dest="as_reviewer")
    p.set_defaults(func=cmd_comment)
    p = actions.add_parser("edit", help="rewrite one of your comments")
    p.add_argument("comment")
    p.add_argument("text")
    p.add_argument("--reviewer", dest="as_reviewer")
    p.set_defaults(func=cmd_edit)
    p = actions.add_parser("delete", help="delete one of your comments")
    p.add_argument("comment")
    p.add_argument("--reviewer", dest="as_reviewer")
    p.set_defaults(func=cmd_delete)
    p = actions.add_parser("settle", help="accept some annotations and reject others, at once")
    p.add_argument("--keep", action="append", default=[], metavar="ID")
    p.add_argument("--drop", action="append", default=[], metavar="ID")
    p.add_argument("--comment")
    p.add_argument("--reviewer", dest="as_reviewer")
    p.set_defaults(func=cmd_settle)
    p = actions.add_parser("thread", help="an annotation's decisions and comments")
    p.add_argument("annotation")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_thread)
    p = sub.add_parser("agreement", help="agreement between reviewers: kappa, alpha, F1")
    p.add_argument("report", nargs="*", help="reports (default: all the reviewers annotated)")
    p.add_argument("--reviewers", required=True, help="two or more names, comma-separated")
    p.add_argument("--tag", help="one tag (name or path) instead of every tag")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_agreement)
