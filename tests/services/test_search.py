"""Full-text search through the Workspace, on SQLite and (when given) PostgreSQL."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from glossator.services import Workspace
from glossator.services.reports import DeleteReport, RenameReport
from glossator.services.search import unmark, word_spans
from glossator.store.search import MARK_CLOSE, MARK_OPEN

REPORTS = {
    "militia.txt": "Militia statement\n\nThe militia officials accused Iran of abandoning "
    "its allies in the region.\n\nA second paragraph says nothing more.\n",
    "iran.txt": "Iran and Iraq\n\nOfficials in Baghdad spoke of trade. The militia was not "
    "named, and nobody accused anyone.\n",
    "border.txt": "Border market\n\nTariffs at the river-council crossing rose again.\n",
    "arabic.txt": "تقرير عن الميليشيات\n\nقال المسؤول إن الميليشيات العراقية ستتحرك قريبا "
    "ضد العناصر الدولية في سوريا.\n",
    "accents.txt": "Café society\n\nThe naïve critique of the régime, in the café.\n",
}


@pytest.fixture
def library(ws: Workspace, tmp_path: Path) -> dict[str, int]:
    ids: dict[str, int] = {}
    for name, body in REPORTS.items():
        path = tmp_path / name
        path.write_text(body, encoding="utf-8")
        (outcome,) = ws.import_paths([path])
        assert outcome.report_id is not None
        ids[name] = outcome.report_id
    return ids


def is_sqlite(ws: Workspace) -> bool:
    return ws.db.url.get_backend_name() == "sqlite"


def test_two_words_find_only_reports_with_both(ws: Workspace, library: dict[str, int]) -> None:
    hits = ws.search("militia accused ")
    assert {h.report_id for h in hits} == {library["militia.txt"], library["iran.txt"]}
    hits = ws.search("accused abandoning ")
    assert [h.report_id for h in hits] == [library["militia.txt"]]
    assert ws.search("militia tariffs") == []


def test_snippet_is_plain_text_with_the_matched_words_marked(
    ws: Workspace, library: dict[str, int]
) -> None:
    (hit,) = ws.search("abandoning allies ")
    assert MARK_OPEN not in hit.snippet and "\n" not in hit.snippet
    marked = [hit.snippet[s:e] for s, e in hit.matches]
    assert marked == ["abandoning", "allies"]
    text = ws.report(hit.report_id).text
    assert hit.match is not None
    start, end = hit.match
    assert text[start:end] == "abandoning"
    assert hit.snippet_start is not None
    assert text[hit.snippet_start:].replace("\n", " ").startswith(hit.snippet)


def test_title_words_rank_first_and_are_marked(ws: Workspace, library: dict[str, int]) -> None:
    hits = ws.search("iran ")
    assert hits[0].report_id == library["iran.txt"]  # in the title, and in the text
    assert [hits[0].title[s:e] for s, e in hits[0].title_matches] == ["Iran"]
    assert all(a.rank >= b.rank for a, b in itertools.pairwise(hits))


def test_the_last_word_matches_as_a_prefix_while_typed(
    ws: Workspace, library: dict[str, int]
) -> None:
    assert [h.report_id for h in ws.search("officials aband")] == [library["militia.txt"]]
    assert ws.search("officials aband ") == []  # a space ends the word


def test_arabic_words_match(ws: Workspace, library: dict[str, int]) -> None:
    hits = ws.search("الميليشيات سوريا")
    assert [h.report_id for h in hits] == [library["arabic.txt"]]
    assert [hits[0].snippet[s:e] for s, e in hits[0].matches][:1] == ["الميليشيات"]


def test_accents_and_case(ws: Workspace, library: dict[str, int]) -> None:
    assert [h.report_id for h in ws.search("CAFÉ")] == [library["accents.txt"]]
    if is_sqlite(ws):  # unicode61 removes diacritics; PostgreSQL's `simple` keeps them
        hits = ws.search("naive regime")
        assert [h.report_id for h in hits] == [library["accents.txt"]]
        assert [hits[0].snippet[s:e] for s, e in hits[0].matches] == ["naïve", "régime"]


@pytest.mark.parametrize(
    "query",
    ['"', '""', "'", "*", "-militia", "militia -", "NEAR(militia iran)", "militia:", "title:iran",
     "(", ")", "a AND", "OR", "NOT iran", "^", "'; DROP TABLE reports; --", "\\", "\x00",
     "river-council", "iran*", "{iran}", "+", "😀", "   ", ""],
)
def test_typed_punctuation_never_raises(ws: Workspace, library: dict[str, int], query: str) -> None:
    hits = ws.search(query)
    if query == "river-council":
        assert [h.report_id for h in hits] == [library["border.txt"]]
    if not any(c.isalnum() for c in query):
        assert hits == []


def test_the_index_follows_renames_deletes_and_undo(
    ws: Workspace, library: dict[str, int]
) -> None:
    rid = library["border.txt"]
    rename = RenameReport(rid, "Customs quarrel")
    ws.run(rename)
    (hit,) = ws.search("customs quarrel ")
    assert hit.report_id == rid and hit.title_matches == ((0, 7), (8, 15))
    ws.revert(rename)
    assert ws.search("customs ") == []
    delete = DeleteReport(rid)
    ws.run(delete)
    assert ws.search("tariffs ") == []
    ws.revert(delete)
    assert [h.report_id for h in ws.search("tariffs ")] == [rid]
    assert ws.check() == []


def test_limit(ws: Workspace, library: dict[str, int]) -> None:
    assert len(ws.search("the ", limit=1)) == 1
    assert ws.search("the ", limit=0) == []


def test_unmark_and_word_spans() -> None:
    text, spans = unmark(f"a {MARK_OPEN}b{MARK_CLOSE} c {MARK_OPEN}جدا{MARK_CLOSE}\u064b!")
    assert text == "a b c جدا\u064b!"
    assert spans == ((2, 3), (6, 10))  # the tanwin after the word goes with it
    assert unmark(f"{MARK_CLOSE}x{MARK_OPEN}") == ("x", ())
    assert word_spans("Iran, Iraq and the Iranian regime", "iran") == ((0, 4), (19, 26))
    assert word_spans("Iran, Iraq and the Iranian regime", "iran ") == ((0, 4),)
    assert word_spans("Café", "cafe") == ((0, 4),)
