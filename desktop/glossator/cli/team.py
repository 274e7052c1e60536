"""Team subcommands: roles, blind coding, a team server, and editing one annotation with a
check that nobody changed it in between.

    glossator role set REVIEWER annotator|curator|manager|none
    glossator role list [--json]
    glossator project blind on|off
    glossator project show [--json]
    glossator server init URL [--manager NAME] [--team-role NAME] [--password-stdin]
    glossator server add-user URL NAME --role ROLE [--password-stdin]
    glossator server password URL [--password-stdin]
    glossator annotation edit ANNOTATION [--note TEXT] [--tag NAME]... [--if-version N]
    glossator annotation delete ANNOTATION [--if-version N]
"""

from __future__ import annotations

import argparse
import sys

from glossator.cli.common import CliError, print_json
from glossator.core.permissions import ROLE_NAMES, Role, parse_role
from glossator.services import Workspace
from glossator.services.annotations import AnnotationFields, DeleteAnnotations, EditAnnotation
from glossator.services.commands import Command
from glossator.services.team import SetBlindCoding, SetRole
from glossator.services.team_setup import add_user, init_server, remember_password


def _role(text: str) -> Role | None:
    if text.strip().lower() == "none":
        return None
    try:
        return parse_role(text)
    except ValueError as exc:
        raise CliError(f"{exc} or none") from None


def cmd_role_set(ws: Workspace, args: argparse.Namespace) -> int:
    print(ws.run(SetRole(args.member, _role(args.role))).message)
    return 0


def cmd_role_list(ws: Workspace, args: argparse.Namespace) -> int:
    team = ws.team()
    if args.json:
        print_json({
            "roles_in_use": team.roles_in_use,
            "members": [{"name": m.name, "role": m.role} for m in team.members],
        })
        return 0
    if not team.roles_in_use:
        print("Nobody has a role: everyone may do everything "
              "(glossator role set NAME manager to start).")
    for m in team.members:
        shown = m.role or ("annotator (no role given)" if team.roles_in_use else "-")
        print(f"{m.name:<24} {shown}")
    return 0


def cmd_blind(ws: Workspace, args: argparse.Namespace) -> int:
    print(ws.run(SetBlindCoding(args.state == "on")).message)
    return 0


def cmd_project_show(ws: Workspace, args: argparse.Namespace) -> int:
    team = ws.team()
    value = {"reviewer": team.reviewer, "role": team.role, "roles_in_use": team.roles_in_use,
             "blind": team.blind, "team_server": team.identity_fixed}
    if args.json:
        print_json(value)
        return 0
    for key, item in value.items():
        print(f"{key}: {item}")
    return 0


def _password(args: argparse.Namespace) -> str | None:
    if not getattr(args, "password_stdin", False):
        return None
    line = sys.stdin.readline().rstrip("\n")
    if not line:
        raise CliError("--password-stdin: no password on standard input")
    return line


def cmd_server_init(_ws: Workspace | None, args: argparse.Namespace) -> int:
    done = init_server(args.url, args.manager, args.team_role, _password(args))
    made = " (database user created)" if done.created_user else ""
    print(f"{done.database}: team server ready; group role {done.team_role}; "
          f"manager {done.manager}{made}")
    return 0


def cmd_server_add_user(_ws: Workspace | None, args: argparse.Namespace) -> int:
    role = _role(args.role)
    if role is None:
        raise CliError("--role: choose annotator, curator or manager")
    created = add_user(args.url, args.name, role, _password(args))
    print(f"{args.name}: {role.value}" + (" (database user created)" if created else ""))
    return 0


def cmd_server_password(_ws: Workspace | None, args: argparse.Namespace) -> int:
    password = _password(args)
    if password is None:
        import getpass

        password = getpass.getpass(f"Password for {args.url}: ")
    print(f"password kept in the keyring as {remember_password(args.url, password)}")
    return 0


def _based(command: Command, ws: Workspace, uuid: str, version: int | None) -> Command:
    if version is not None:
        command.expecting("annotation", uuid, version)
    return command


def cmd_annotation_edit(ws: Workspace, args: argparse.Namespace) -> int:
    uuid = ws.find_annotation(args.annotation)
    tag_ids: tuple[int, ...] | None = None
    if args.tag:
        by_name = {t.name.casefold(): t.id for t in ws.tags()} | {
            t.path.casefold(): t.id for t in ws.tags()}
        unknown = [t for t in args.tag if t.casefold() not in by_name]
        if unknown:
            raise CliError(f"no tag is called {unknown[0]!r}")
        tag_ids = tuple(by_name[t.casefold()] for t in args.tag)
    if args.note is None and tag_ids is None:
        raise CliError("say what to change: --note TEXT and/or --tag NAME")
    fields = AnnotationFields(tag_ids=tag_ids, note=args.note)
    command = _based(EditAnnotation(uuid, fields), ws, uuid, args.if_version)
    print(ws.run(command).message + f" (version {command.version_left('annotation', uuid)})")
    return 0


def cmd_annotation_delete(ws: Workspace, args: argparse.Namespace) -> int:
    uuid = ws.find_annotation(args.annotation)
    print(ws.run(_based(DeleteAnnotations([uuid]), ws, uuid, args.if_version)).message)
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    role = sub.add_parser("role", help="reviewers' roles (annotator, curator, manager)")
    actions = role.add_subparsers(dest="action", required=True)
    p = actions.add_parser("set", help="give a reviewer a role (none: take it away)")
    # not `reviewer`: that would hide the global --reviewer (who gives the role)
    p.add_argument("member", metavar="REVIEWER")
    p.add_argument("role", help=", ".join((*ROLE_NAMES, "none")))
    p.add_argument("--reviewer", dest="as_reviewer", help="who gives it")
    p.set_defaults(func=cmd_role_set)
    p = actions.add_parser("list", help="who has which role")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_role_list)

    project = sub.add_parser("project", help="project switches (blind coding)")
    actions = project.add_subparsers(dest="action", required=True)
    p = actions.add_parser("blind", help="annotators see only their own annotations (on) "
                                         "until a manager opens comparison (off)")
    p.add_argument("state", choices=("on", "off"))
    p.add_argument("--reviewer", dest="as_reviewer")
    p.set_defaults(func=cmd_blind)
    p = actions.add_parser("show", help="your role and the project switches")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_project_show)

    server = sub.add_parser("server", help="set up a shared PostgreSQL team server")
    actions = server.add_subparsers(dest="action", required=True)
    p = actions.add_parser("init", help="create the schema, the policies and the first manager")
    p.add_argument("url", help="postgresql+psycopg://OWNER@HOST/DATABASE (no password in it: "
                               "use ~/.pgpass, PGPASSFILE or the keyring)")
    p.add_argument("--manager", help="the first manager's database user (default: the owner)")
    p.add_argument("--team-role", help="the team's group role (default: DATABASE_team)")
    p.add_argument("--password-stdin", action="store_true",
                   help="set the manager's password from one line of standard input")
    p.set_defaults(func=cmd_server_init, own_workspace=True)
    p = actions.add_parser("add-user", help="add a reviewer: a database user of the team")
    p.add_argument("url")
    p.add_argument("name")
    p.add_argument("--role", required=True, help=", ".join(ROLE_NAMES))
    p.add_argument("--password-stdin", action="store_true",
                   help="set the user's password from one line of standard input")
    p.set_defaults(func=cmd_server_add_user, own_workspace=True)
    p = actions.add_parser("password", help="keep a server's password in the system keyring "
                                            "(then the URL needs none)")
    p.add_argument("url", help="the URL without a password")
    p.add_argument("--password-stdin", action="store_true",
                   help="read it from one line of standard input instead of asking")
    p.set_defaults(func=cmd_server_password, own_workspace=True)

    annotation = sub.add_parser("annotation", help="edit or delete one annotation")
    actions = annotation.add_subparsers(dest="action", required=True)
    for name, func in (("edit", cmd_annotation_edit), ("delete", cmd_annotation_delete)):
        p = actions.add_parser(name, help=f"{name} an annotation (id or unique prefix)")
        p.add_argument("annotation")
        if name == "edit":
            p.add_argument("--note")
            p.add_argument("--tag", action="append", default=[], metavar="NAME",
                           help="replace its tags (repeatable)")
        p.add_argument("--if-version", type=int, metavar="N",
                       help="refuse (exit status 3) unless it is still at version N, as "
                            "listed by `annotations --json`")
        p.add_argument("--reviewer", dest="as_reviewer")
        p.set_defaults(func=func)
