"""`glossator search`: ranked reports with snippets, plain or JSON, and its errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.cli.helpers import run
from tests.conftest import SEEDS


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    path = str(tmp_path / "ws.sqlite3")
    run(capsys, "--db", path, "import", str(SEEDS))
    return path


def test_search_prints_ranked_hits_with_snippets(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, err = run(capsys, "--db", db, "search", "smuggling", "expelled")
    assert code == 0, err
    title, snippet = out.splitlines()
    assert "Port Closure In Velmora" in title
    assert "**expelled**" in snippet and "**smuggling**" in snippet.casefold()


def test_search_json_gives_offsets_into_the_report_text(
    capsys: pytest.CaptureFixture[str], db: str
) -> None:
    code, out, _ = run(capsys, "--db", db, "search", "officials", "--json", "--limit", "2")
    assert code == 0
    hits = json.loads(out)
    assert len(hits) == 2
    first = hits[0]
    assert set(first) == {"id", "title", "rank", "snippet", "matches", "match", "snippet_start"}
    code, shown, _ = run(capsys, "--db", db, "show", str(first["id"]), "--json")
    start, end = first["match"]
    assert json.loads(shown)["text"][start:end].casefold() == "officials"
    s, e = first["matches"][0]
    assert first["snippet"][s:e].casefold() == "officials"


def test_a_trailing_star_matches_word_starts(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, "--db", db, "search", "smuggl")[0] == 1
    code, out, _ = run(capsys, "--db", db, "search", "smuggl*")
    assert code == 0 and "Velmora" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", '"*"'], "nothing to search for"),
        (["search", "-", "--"], "nothing to search for"),
        (["search", "iran", "--limit", "0"], "--limit must be between 1 and 1000"),
    ],
)
def test_bad_input_is_one_line_and_status_2(
    capsys: pytest.CaptureFixture[str], db: str, args: list[str], message: str
) -> None:
    code, out, err = run(capsys, "--db", db, *args)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and message in err


def test_no_match_is_status_1(capsys: pytest.CaptureFixture[str], db: str) -> None:
    code, out, err = run(capsys, "--db", db, "search", "zebra", "quokka")
    assert code == 1 and out == "" and "No reports match" in err
    code, out, _ = run(capsys, "--db", db, "search", 'NEAR("x', "--json")
    assert code == 1 and json.loads(out) == []
