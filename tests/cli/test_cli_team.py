"""Roles and blind coding through the command line, on a local file: an annotator cannot
settle, edit another's annotation or change the codebook; blind coding hides others' work
from annotators in every read (listings, threads, exports, agreement) until a manager opens
comparison; a workspace without roles lets everyone do everything."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import SEED_REPORT

HAMAS = "Hamas and Hizbullah were left alone in the arena facing an unknown fate"
MILITIAS = "senior officials in the Iran-backed Iraqi militias accused Iran"


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "ws.sqlite3")
    assert run(capsys, "--db", path, "import", str(SEED_REPORT))[0] == 0
    return path


def act(capsys, db: str, who: str, *args: str) -> tuple[int, str, str]:
    """`glossator --db DB --reviewer WHO ARGS`."""
    return run(capsys, "--db", db, "--reviewer", who, *args)


def annotate(capsys, db: str, who: str, quote: str) -> str:
    code, out, err = run(capsys, "--db", db, "annotate", "1", "--quote", quote, "--tag",
                         "Claim", "--reviewer", who, "--json")
    assert code == 0, err
    return str(json.loads(out)["id"])


def exported(path: Path) -> list[str]:
    """The annotation ids in a JSON Lines export (its first line is the header)."""
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    return [x["uuid"] for x in lines if x.get("type") == "annotation"]


def listed(capsys, db: str, who: str) -> set[str]:
    code, out, err = act(capsys, db, who, "annotations", "1", "--json")
    assert code == 0, err
    return {a["id"] for a in json.loads(out)}


@pytest.fixture
def team(capsys, db: str) -> tuple[str, str, str]:
    """ana manages, ben annotates, cy curates; each has one annotation."""
    ana, ben = annotate(capsys, db, "ana", HAMAS), annotate(capsys, db, "ben", MILITIAS)
    code, out, err = run(capsys, "--db", db, "role", "set", "ben", "annotator",
                         "--reviewer", "ana")
    assert code == 0, err
    assert "ana is now the manager" in out  # the first role makes its giver the manager
    assert run(capsys, "--db", db, "role", "set", "cy", "curator", "--reviewer", "ana")[0] == 0
    return ana, ben, db


def test_the_global_reviewer_gives_the_role_not_the_one_given_it(capsys, team) -> None:
    _ana, _ben, db = team
    code, _out, err = act(capsys, db, "ana", "role", "set", "ben", "curator")
    assert code == 0, err
    code, _out, err = act(capsys, db, "ben", "role", "set", "cy", "manager")
    assert code == 2 and "ben is a curator" in err


def test_without_roles_everyone_may_do_everything(capsys, db) -> None:
    ana = annotate(capsys, db, "ana", HAMAS)
    code, _o, err = run(capsys, "--db", db, "annotation", "edit", ana, "--note", "ben edits",
                        "--reviewer", "ben")
    assert code == 0, err
    assert act(capsys, db, "ben", "speaker", "add", "Someone")[0] == 0
    code, out, _e = run(capsys, "--db", db, "role", "list")
    assert "Nobody has a role" in out


def test_an_annotator_cannot_settle_edit_others_or_change_the_codebook(capsys, team) -> None:
    ana, ben, db = team
    cases = [
        (("review", "settle", "--keep", ana), "settles"),
        (("review", "accept", ana), "decides on another"),
        (("annotation", "edit", ana, "--note", "mine now"), "edits another"),
        (("annotation", "delete", ana), "edits another"),
        (("speaker", "add", "New Person"), "edits the codebook"),
        (("target", "add", "Somewhere"), "edits the codebook"),
        (("export", "jsonl", str(Path(db).with_name("final.jsonl")), "--final"), "final set"),
        (("role", "set", "ben", "manager"), "changes roles"),
        (("project", "blind", "off"), "changes roles"),
    ]
    for args, why in cases:
        code, out, err = act(capsys, db, "ben", *args)
        assert code == 2, (args, out, err)
        assert "ben is an annotator" in err and why in err, err
        assert err.count("\n") == 1  # one sentence, no traceback
    assert not Path(db).with_name("final.jsonl").exists()
    code, out, _e = run(capsys, "--db", db, "annotations", "1", "--json")
    ana_now = next(a for a in json.loads(out) if a["id"] == ana)
    assert ana_now["note"] == "" and ana_now["status"] == "proposed"  # untouched
    # what an annotator may do: their own work, comments, withdrawing their own
    assert act(capsys, db, "ben", "annotation", "edit", ben, "--note", "my own")[0] == 0
    assert act(capsys, db, "ben", "review", "comment", ana, "why this span?")[0] == 0
    assert act(capsys, db, "ben", "review", "reject", ben)[0] == 0


def test_a_curator_settles_and_exports_the_final_set(capsys, team, tmp_path) -> None:
    ana, ben, db = team
    code, _o, err = run(capsys, "--db", db, "review", "settle", "--keep", ana, "--drop", ben,
                        "--reviewer", "cy")
    assert code == 0, err
    dest = tmp_path / "final.jsonl"
    code, _out, err = act(capsys, db, "cy", "export", "jsonl", str(dest), "--final")
    assert code == 0, err
    assert exported(dest) == [ana]


def test_blind_coding_hides_others_annotations_until_comparison(capsys, team, tmp_path) -> None:
    ana, ben, db = team
    assert run(capsys, "--db", db, "project", "blind", "on", "--reviewer", "ana")[0] == 0
    assert listed(capsys, db, "ben") == {ben}  # the annotator: their own only
    assert listed(capsys, db, "cy") == {ana, ben}  # a curator sees everything
    code, _o, err = act(capsys, db, "ben", "review", "thread", ana)
    assert code == 2 and "No annotation has an id" in err  # as if it were not there
    dest = tmp_path / "mine.jsonl"
    assert act(capsys, db, "ben", "export", "jsonl", str(dest))[0] == 0
    assert exported(dest) == [ben]
    code, _o, err = act(capsys, db, "ben", "agreement", "--reviewers", "ana,ben")
    assert code == 2 and "blind coding is on" in err
    code, out, _e = act(capsys, db, "ben", "reports", "--json")
    assert json.loads(out)[0]["annotations"] == 1  # counts too
    code, out, _e = act(capsys, db, "ben", "project", "show", "--json")
    assert json.loads(out) == {"reviewer": "ben", "role": "annotator", "roles_in_use": True,
                               "blind": True, "team_server": False}
    # the manager opens comparison
    assert run(capsys, "--db", db, "project", "blind", "off", "--reviewer", "ana")[0] == 0
    assert listed(capsys, db, "ben") == {ana, ben}


def test_a_stale_edit_from_the_command_line_exits_3_and_writes_nothing(capsys, db) -> None:
    ana = annotate(capsys, db, "ana", HAMAS)
    code, out, err = run(capsys, "--db", db, "annotation", "edit", ana, "--note", "first",
                         "--if-version", "1", "--reviewer", "ana")
    assert code == 0 and "(version 2)" in out, err
    code, out, err = run(capsys, "--db", db, "annotation", "edit", ana, "--note", "stale",
                         "--if-version", "1", "--reviewer", "ben")
    assert code == 3 and "ana changed this highlight" in err and err.count("\n") == 1
    code, out, _e = run(capsys, "--db", db, "annotations", "1", "--json")
    (now,) = json.loads(out)
    assert (now["note"], now["version"]) == ("first", 2)


def test_the_last_manager_cannot_step_down(capsys, team) -> None:
    _ana, _ben, db = team
    code, _o, err = run(capsys, "--db", db, "role", "set", "ana", "annotator",
                        "--reviewer", "ana")
    assert code == 2 and "only manager" in err
    assert run(capsys, "--db", db, "role", "set", "cy", "manager", "--reviewer", "ana")[0] == 0
    assert run(capsys, "--db", db, "role", "set", "ana", "annotator", "--reviewer", "ana")[0] == 0
