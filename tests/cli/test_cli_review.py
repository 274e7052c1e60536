"""Reviewing from the command line: decide, discuss, measure agreement, settle, export."""

from __future__ import annotations

import json

import pytest

from tests.cli.helpers import HAMAS, run
from tests.cli.helpers import annotate as annotate_cli

MILITIAS = "senior officials in the Iran-backed Iraqi militias accused Iran"


def annotate(capsys, db: str, who: str, quote: str, tag: str = "Claim") -> str:
    code, out, err = annotate_cli(capsys, db, "1", quote, "--tag", tag, "--reviewer", who, "--json")
    assert code == 0, err
    return str(json.loads(out)["id"])


def test_decide_discuss_and_read_the_thread(capsys, db):
    ana = annotate(capsys, db, "ana", HAMAS)
    code, _out, err = run(capsys, "--db", db, "review", "accept", ana[:8], "--reviewer", "ana")
    assert code == 2 and "own annotation" in err and err.count("\n") == 1
    code, out, _ = run(
        capsys, "--db", db, "review", "accept", ana[:8], "--comment", "agreed", "--reviewer", "ben"
    )
    assert code == 0 and "accepted" in out
    code, out, _ = run(capsys, "--db", db, "review", "comment", ana, "Why Hamas?",
                       "--reviewer", "ben")
    question = out.split()[-1]
    code, out, _ = run(capsys, "--db", db, "review", "comment", ana, "See note 3.",
                       "--reply-to", question[:8], "--reviewer", "ana")
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "review", "thread", ana[:8], "--json")
    thread = json.loads(out)
    assert thread["status"] == "accepted" and thread["author"] == "ana"
    decision, comment = thread["entries"]
    assert (decision["decision"], decision["body"], decision["reviewer"]) == (
        "accepted", "agreed", "ben")
    assert comment["replies"][0]["body"] == "See note 3."
    code, out, _ = run(capsys, "--db", db, "review", "thread", ana)
    assert "[accepted] agreed" in out and "    " in out  # the reply is indented
    code, _out, err = run(capsys, "--db", db, "review", "delete", question, "--reviewer", "ana")
    assert code == 2 and "writer" in err


def test_agreement_settle_and_export_the_final_set(capsys, db, tmp_path):
    shared_a = annotate(capsys, db, "ana", MILITIAS)
    shared_b = annotate(capsys, db, "ben", MILITIAS)
    only_a = annotate(capsys, db, "ana", HAMAS)
    code, out, err = run(capsys, "--db", db, "agreement", "--reviewers", "ana,ben", "--json")
    assert code == 0, err
    result = json.loads(out)
    overall = result["overall"]
    assert (overall["spans_a"], overall["spans_b"], overall["matched"]) == (2, 1, 1)
    assert overall["precision"] == 1.0 and overall["recall"] == 0.5
    (d,) = result["disagreements"]
    assert d["a"] == [only_a] and d["b"] == [] and d["kind"] == "only A"
    code, out, _ = run(capsys, "--db", db, "agreement", "1", "--reviewers", "ana,ben")
    assert code == 0 and "kappa" in out and "(all tags)" in out
    code, _out, _ = run(capsys, "--db", db, "review", "settle", "--keep", shared_a,
                        "--drop", shared_b, "--drop", only_a, "--reviewer", "ben")
    assert code == 0
    dest = tmp_path / "final.jsonl"
    code, out, _ = run(capsys, "--db", db, "export", "jsonl", str(dest), "--final")
    assert code == 0 and out.startswith("1 annotation(s)")
    lines = [json.loads(line) for line in dest.read_text().splitlines()][1:]
    assert [(a["uuid"], a["status"]) for a in lines] == [(shared_a, "accepted")]
    code, out, _ = run(capsys, "--db", db, "export", "csv", str(tmp_path / "r.csv"),
                       "--status", "rejected")
    assert out.startswith("2 annotation(s)")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["agreement", "--reviewers", "ana"], "at least two"),
        (["agreement", "--reviewers", "ana,nobody"], "Unknown reviewer"),
        (["agreement", "--reviewers", "ana,ben", "--tag", "no such tag"], "No tag"),
        (["review", "accept", "zzzzzzzz", "--reviewer", "ben"], "No annotation"),
        (["review", "comment", "ab", "text"], "at least"),
    ],
)
def test_bad_input_is_one_line_and_exit_2(capsys, db, args, message):
    annotate(capsys, db, "ana", HAMAS)
    annotate(capsys, db, "ben", HAMAS)
    code, _out, err = run(capsys, "--db", db, *args)
    assert code == 2 and message in err and err.count("\n") == 1
