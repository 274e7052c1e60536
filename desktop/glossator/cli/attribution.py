"""Who-said-what subcommands: speaker, target, codebook, annotate, suggest, stances."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossator.cli.common import CliError, print_json
from glossator.cli.reports import annotation_json
from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.codebook import ImportCodebook
from glossator.services.codebook_files import read_codebook_path, write_codebook_path
from glossator.services.commands import Batch, Command
from glossator.services.registry import SPEAKERS, TARGETS, EntryFields, SaveEntry
from glossator.services.stances import StanceSpec


def cmd_speaker_add(ws: Workspace, args: argparse.Namespace) -> int:
    fields = EntryFields(
        args.name,
        tuple(args.alias),
        args.description,
        "group" if args.group else "person",
        args.affiliation,
        args.role,
    )
    print(ws.run(SaveEntry(SPEAKERS, fields)).message)
    return 0


def cmd_target_add(ws: Workspace, args: argparse.Namespace) -> int:
    print(
        ws.run(
            SaveEntry(TARGETS, EntryFields(args.name, tuple(args.alias), args.description))
        ).message
    )
    return 0


def cmd_codebook(ws: Workspace, args: argparse.Namespace) -> int:
    path = Path(args.file)
    if args.action == "export":
        written = write_codebook_path(ws.codebook(), path, overwrite=args.force)
        print(f"codebook written: {written}")
        return 0
    codebook = read_codebook_path(path)
    print(ws.run(ImportCodebook(codebook, path.name)).message)
    return 0


def _locate(text: str, quote: str, occurrence: int | None) -> tuple[int, int]:
    if not quote:
        raise CliError("--quote is empty")
    found, at = [], text.find(quote)
    while at >= 0:
        found.append(at)
        at = text.find(quote, at + 1)
    if not found:
        raise CliError(f"the quote {quote[:60]!r} is not in the report")
    if occurrence is None:
        if len(found) > 1:
            raise CliError(
                f"the quote {quote[:60]!r} occurs {len(found)} times; "
                "choose one with --occurrence N"
            )
        return found[0], found[0] + len(quote)
    if not 1 <= occurrence <= len(found):
        raise CliError(f"--occurrence {occurrence}: the quote occurs {len(found)} time(s)")
    start = found[occurrence - 1]
    return start, start + len(quote)


def _stance(value: str, labels: set[str]) -> tuple[str, str]:
    target, sep, label = value.rpartition("=")
    if not sep or not target.strip() or not label.strip():
        raise CliError(f"--stance {value!r}: write it as TARGET=LABEL, e.g. Iran=against")
    if label.strip().casefold() not in labels:
        raise CliError(
            f"--stance {value!r}: unknown stance label {label.strip()!r} "
            f"(the scale is: {', '.join(sorted(labels))})"
        )
    return target.strip(), label.strip()


def cmd_annotate(ws: Workspace, args: argparse.Namespace) -> int:
    report = ws.report(ws.find_report(args.report).id)
    start, end = _locate(report.text, args.quote, args.occurrence)
    tags = {t.name.casefold(): t.id for t in ws.tags()} | {
        t.path.casefold(): t.id for t in ws.tags()
    }
    unknown = [t for t in args.tag if t.casefold() not in tags]
    if unknown:
        raise CliError(f"unknown tag(s): {', '.join(unknown)} (see `glossator codebook export`)")
    labels = {lbl.name.casefold() for lbl in ws.stance_labels()}
    stances = [_stance(v, labels) for v in args.stance]
    steps: list[Command] = []
    known_speakers = {n.casefold() for s in ws.speakers() for n in (s.name, *s.aliases)}
    if args.speaker and args.speaker.casefold() not in known_speakers:
        steps.append(SaveEntry(SPEAKERS, EntryFields(args.speaker)))
    known_targets = {n.casefold() for t in ws.targets() for n in (t.name, *t.aliases)}
    for target in dict.fromkeys(t for t, _ in stances):
        if target.casefold() not in known_targets:
            steps.append(SaveEntry(TARGETS, EntryFields(target)))
    specs: list[StanceSpec] = [(t, lbl, None) for t, lbl in stances]
    add = AddAnnotation(
        report.id,
        start,
        end,
        tag_ids=[tags[t.casefold()] for t in args.tag],
        note=args.note or "",
        cites=ws.cites_for(report.id, start, end),
        speaker=args.speaker or None,
        stances=specs,
    )
    ws.run(Batch("annotate", [*steps, add]))
    created = ws.annotation(add.uuid)
    assert created is not None
    if args.json:
        print_json(annotation_json(created))
    else:
        print(f"annotation {created.id} on report {report.id}: {created.quote[:70]!r}")
    return 0


def cmd_suggest(ws: Workspace, args: argparse.Namespace) -> int:
    items = ws.suggestions(ws.find_report(args.report).id)
    if args.json:
        print_json(
            [
                {
                    "kind": s.kind,
                    "start": s.start,
                    "end": s.end,
                    "quote": s.quote,
                    "speaker": s.speaker,
                    "target": s.target,
                    "cites": list(s.cites),
                }
                for s in items
            ]
        )
        return 0
    for s in items:
        who = s.speaker or s.target or "-"
        print(f"{s.kind:<8} {s.start:>7}-{s.end:<7} {who:<24} {s.quote[:70]!r}")
    return 0


def cmd_stances(ws: Workspace, args: argparse.Namespace) -> int:
    m = ws.stance_matrix()
    pairs = [(s, t) for s in m.speakers for t in m.targets if m.total(s, t)]
    if args.json:
        cells = [
            {"speaker": s, "target": t, "counts": m.cell(s, t), "total": m.total(s, t)}
            for s, t in pairs
        ]
        print_json(
            {
                "labels": list(m.labels),
                "speakers": list(m.speakers),
                "targets": list(m.targets),
                "cells": cells,
            }
        )
        return 0
    if not pairs:
        print("No stances recorded yet.", file=sys.stderr)
        return 0
    print(f"{'speaker':<28} {'target':<24} " + " ".join(f"{lbl:>8}" for lbl in m.labels))
    for s, t in pairs:
        cell = m.cell(s, t)
        print(f"{s[:28]:<28} {t[:24]:<24} " + " ".join(f"{cell[lbl]:>8}" for lbl in m.labels))
    return 0


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("speaker", help="manage the speaker registry")
    p.add_argument("action", choices=["add"])
    p.add_argument("name")
    p.add_argument("--alias", action="append", default=[])
    p.add_argument("--affiliation", default="")
    p.add_argument("--role", default="")
    p.add_argument("--description", default="")
    p.add_argument("--group", action="store_true", help="a group, not a person")
    p.set_defaults(func=cmd_speaker_add)
    p = sub.add_parser("target", help="manage stance targets")
    p.add_argument("action", choices=["add"])
    p.add_argument("name")
    p.add_argument("--alias", action="append", default=[])
    p.add_argument("--description", default="")
    p.set_defaults(func=cmd_target_add)
    p = sub.add_parser("codebook", help="export or import the codebook as JSON")
    p.add_argument("action", choices=["export", "import"])
    p.add_argument("file", help="a Glossator .json codebook, or a REFI-QDA .qdc")
    p.add_argument("--force", action="store_true", help="export: replace the file if it exists")
    p.set_defaults(func=cmd_codebook)
    p = sub.add_parser("annotate", help="annotate a passage found by its quote")
    p.add_argument("report")
    p.add_argument("--quote", required=True)
    p.add_argument("--occurrence", type=int)
    p.add_argument("--tag", action="append", default=[])
    p.add_argument("--speaker")
    p.add_argument("--stance", action="append", default=[], metavar="TARGET=LABEL")
    p.add_argument("--note")
    p.add_argument("--reviewer", dest="as_reviewer")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_annotate)
    p = sub.add_parser("suggest", help="list suggested mentions and quotations")
    p.add_argument("report")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_suggest)
    p = sub.add_parser("stances", help="the speaker x target matrix of stance counts")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_stances)
