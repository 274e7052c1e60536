"""`glossator memo add|edit|delete|list|show`: memos on a report, a tag, a speaker or the
workspace (Markdown text from --text, or a file, `-` for standard input)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from glossator.cli.common import CliError, print_json
from glossator.cli.search import printable
from glossator.core.analysis import Memo
from glossator.services import Workspace
from glossator.services.analysis import Analysis
from glossator.services.destinations import check_source
from glossator.services.memos import MAX_MEMO, AddMemo, DeleteMemo, EditMemo, Subject


def memo_json(m: Memo) -> dict[str, Any]:
    return {"id": m.id, "kind": m.kind, "subject": m.subject, "subject_name": m.subject_name,
            "title": m.title, "text": m.text, "author": m.author,
            "created": m.created.isoformat(), "modified": m.modified.isoformat()}


def _text(args: argparse.Namespace, required: bool) -> str | None:
    if args.text is not None and args.file is not None:
        raise CliError("give the text with --text or --file, not both")
    if args.file == "-":
        return sys.stdin.read(MAX_MEMO + 1)
    if args.file is not None:
        path = Path(args.file)
        check_source(path)
        try:
            return path.read_text("utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise CliError(f"{path.name}: cannot be read as UTF-8 text ({exc})") from None
    if args.text is None and required and args.title is None:
        raise CliError("give the memo's text with --text or --file")
    return args.text  # type: ignore[no-any-return]


def _subject(ws: Workspace, args: argparse.Namespace) -> tuple[str | None, Subject]:
    chosen = [(k, v) for k, v in (("report", args.report), ("tag", args.tag),
                                  ("speaker", args.speaker)) if v is not None]
    if args.workspace:
        chosen.append(("workspace", None))
    if len(chosen) > 1:
        raise CliError("a memo is about one subject: --report, --tag, --speaker or --workspace")
    if not chosen:
        return None, None
    kind, value = chosen[0]
    if kind == "report":
        return kind, ws.find_report(str(value)).id
    return kind, value


def cmd_add(ws: Workspace, args: argparse.Namespace) -> int:
    kind, subject = _subject(ws, args)
    if kind is None:
        raise CliError("say what the memo is about: --report, --tag, --speaker or --workspace")
    command = AddMemo(kind, subject, _text(args, True) or "", args.title or "")
    ws.run(command)
    print(f"memo {command.uuid} added")
    return 0


def cmd_edit(ws: Workspace, args: argparse.Namespace) -> int:
    memo = Analysis(ws).memo(args.memo)
    ws.run(EditMemo(memo.id, _text(args, False), args.title))
    print(f"memo {memo.id} saved")
    return 0


def cmd_delete(ws: Workspace, args: argparse.Namespace) -> int:
    memo = Analysis(ws).memo(args.memo)
    ws.run(DeleteMemo(memo.id))
    print(f"memo {memo.id} deleted")
    return 0


def _about(m: Memo) -> str:
    if m.kind == "workspace":
        return "workspace"
    return f"{m.kind} {m.subject_name}" if m.subject_name else f"{m.kind} (deleted)"


def cmd_list(ws: Workspace, args: argparse.Namespace) -> int:
    analysis = Analysis(ws)
    if args.search:
        memos = [h.memo for h in analysis.search_memos(" ".join(args.search) + " ", args.limit)]
    else:
        kind, subject = _subject(ws, args)
        memos = analysis.memos(kind, subject)
    if args.json:
        print_json([memo_json(m) for m in memos])
    else:
        for m in memos:
            when = m.modified.date().isoformat()
            print(printable(f"{m.id[:8]}  {when}  {m.author:<12}  {_about(m)[:50]}  {m.heading}"))
    return 0 if memos or not args.search else 1


def cmd_show(ws: Workspace, args: argparse.Namespace) -> int:
    m = Analysis(ws).memo(args.memo)
    if args.json:
        print_json(memo_json(m))
        return 0
    print(printable(f"{m.heading}\n{_about(m)}; {m.author}; {m.modified.isoformat()}\n"))
    print(m.text.translate({c: 0xFFFD for c in range(32) if c not in (9, 10)}))
    return 0


def _subject_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--report", help="a report (id or title)")
    p.add_argument("--tag", help="a tag's name")
    p.add_argument("--speaker", help="a speaker's name or alias")
    p.add_argument("--workspace", action="store_true", help="the workspace as a whole")


def _text_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--text", help="the memo's text (Markdown)")
    p.add_argument("--file", help="read the text from a UTF-8 file (- for standard input)")
    p.add_argument("--title", help="a title")


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    memo = sub.add_parser("memo", help="memos on a report, tag, speaker or the workspace")
    msub = memo.add_subparsers(dest="memo_command", required=True)
    p = msub.add_parser("add", help="write a new memo")
    _subject_options(p)
    _text_options(p)
    p.set_defaults(func=cmd_add)
    p = msub.add_parser("edit", help="change a memo's text or title")
    p.add_argument("memo", help="the memo's id (or its first 4+ characters)")
    _text_options(p)
    p.set_defaults(func=cmd_edit)
    p = msub.add_parser("delete", help="delete a memo")
    p.add_argument("memo")
    p.set_defaults(func=cmd_delete)
    p = msub.add_parser("list", help="list memos (all, of one subject, or found by words)")
    _subject_options(p)
    p.add_argument("--search", nargs="+", metavar="WORD", help="memos holding every word")
    p.add_argument("--limit", type=int, default=50, help="with --search: how many at most")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_list)
    p = msub.add_parser("show", help="print one memo")
    p.add_argument("memo")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_show)
