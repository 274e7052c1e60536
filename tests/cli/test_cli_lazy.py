"""The command line imports only what the chosen subcommand needs: `--version` nothing of
the program, `reports` the library's list without the ORM or any command; every
subcommand is still there, listed by `--help`, each in the module `COMMANDS` names."""

from __future__ import annotations

import argparse
import importlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from glossator.cli import COMMANDS, MODULES, build_parser, chosen_command
from tests.cli.helpers import run

ROOT = Path(__file__).resolve().parents[2]
PROBE = """
import json, sys
from glossator.cli import main
code = 0
try:
    code = main(sys.argv[1:])
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(sys.modules)}), file=sys.stderr)
"""


def imported(tmp_path: Path, *args: str) -> tuple[int, set[str], str]:
    env = dict(os.environ, GLOSSATOR_HOME=str(tmp_path / "home"),
               GLOSSATOR_DB=str(tmp_path / "lazy.sqlite3"))
    done = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True,
                          env=env, timeout=120, cwd=ROOT)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    return int(report["code"] or 0), set(report["modules"]), done.stdout


def test_version_imports_nothing_of_the_program(tmp_path: Path) -> None:
    code, modules, out = imported(tmp_path, "--version")
    assert code == 0 and out.startswith("Glossator ")
    assert not {m for m in modules if m.startswith(("glossator.services", "glossator.store",
                                                   "sqlalchemy", "PySide6"))}


def test_reports_lists_the_library_without_the_orm_or_the_commands(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "glossator", "import",
                    str(ROOT / "seeds" / "harbor-closure-reactions.txt")], check=True,
                   env=dict(os.environ, GLOSSATOR_HOME=str(tmp_path / "home"),
                            GLOSSATOR_DB=str(tmp_path / "lazy.sqlite3")),
                   capture_output=True, timeout=120)
    code, modules, out = imported(tmp_path, "reports", "--json")
    assert code == 0 and json.loads(out)[0]["title"]
    heavy = {"sqlalchemy.orm", "glossator.store.models", "glossator.services.workspace",
             "glossator.services.commands", "glossator.formats", "PySide6"}
    assert not heavy & modules


def test_each_subcommand_is_registered_by_the_module_named_for_it() -> None:
    for name in MODULES:
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        importlib.import_module(f"glossator.cli.{name}").register(sub)
        assert set(sub.choices) == {c for c, m in COMMANDS.items() if m == name}, name


def test_the_chosen_subcommand_is_found_past_the_options() -> None:
    assert chosen_command(["--db", "x.sqlite3", "--reviewer", "ana", "reports", "--json"]) == (
        "reports")
    assert chosen_command(["--db=x", "export", "csv", "out.csv"]) == "export"
    assert chosen_command([]) is None and chosen_command(["--version"]) is None


def test_help_lists_every_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--help"])
    out = capsys.readouterr().out
    assert all(name in out for name in COMMANDS)


def test_a_mistyped_subcommand_is_refused_naming_the_choices(
        capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        run(capsys, "repots")
    assert exc.value.code == 2
    assert "invalid choice: 'repots'" in capsys.readouterr().err
