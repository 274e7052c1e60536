"""The passage query across the library, on the seed with the planted set (tests/services/
planted.py), against the passages picked out by hand from that table."""

from __future__ import annotations

import datetime as dt

import pytest

from glossator.core.analysis import CitedNote
from glossator.services import CommandError, Workspace
from glossator.services.analysis import Analysis
from glossator.services.passage_filters import PassageQuery
from tests.services.planted import QUOTES, Planted, plant


@pytest.fixture
def planted(ws: Workspace) -> Planted:
    return plant(ws)


def keys(ws: Workspace, planted: Planted, **query: object) -> list[str]:
    found = Analysis(ws).passages(PassageQuery(**query))  # type: ignore[arg-type]
    return planted.keys_of([p.id for p in found])


def test_every_passage_but_the_rejected_in_library_order(ws: Workspace, planted: Planted) -> None:
    # Library order: report date (A 2024-12, H 2025-03, R 2025-06, B 2025-09), then start.
    # In R, r1 (paragraph 2) comes first; r3 starts before r2, which it contains.
    assert keys(ws, planted) == [
        "a1", "a2", "a3", "a4", "h1", "h2", "h3", "h4", "r1", "r3", "r2", "b1",
    ]


def test_tags_with_and_without_their_children(ws: Workspace, planted: Planted) -> None:
    # Accusation's children are Betrayal and Collusion: a1, h1, h3 (Betrayal), r3 (itself);
    # a5 is Accusation too but rejected.
    assert keys(ws, planted, tags=("Accusation",)) == ["a1", "h1", "h3", "r3"]
    assert keys(ws, planted, tags=("Accusation",), include_children=False) == ["r3"]
    assert keys(ws, planted, tags=("accusation / betrayal",)) == ["a1", "h1", "h3"]
    assert keys(ws, planted, tags=("Praise", "Event")) == ["h4", "r1"]


def test_speakers_by_name_alias_and_affiliation(ws: Workspace, planted: Planted) -> None:
    assert keys(ws, planted, speakers=("Varga",)) == ["h2", "h3"]
    assert keys(ws, planted, speakers=("tamimi",)) == ["a1", "a2", "a3"]
    assert keys(ws, planted, affiliations=("river council",)) == ["r1", "r3", "r2"]
    # Both: a speaker named *and* of that affiliation (Al-Tamimi is not of the League).
    assert keys(ws, planted, speakers=("Tamimi",), affiliations=("Coastal",)) == []
    assert keys(ws, planted, speakers=("Varga", "Belisz"), affiliations=("Coastal",)) == [
        "h2", "h3"]


def test_stances_by_target_alias_and_label(ws: Workspace, planted: Planted) -> None:
    # Iran: a1 against, h3 against, b1 favor ("the Iranian regime" is an alias).
    assert keys(ws, planted, targets=("the Iranian regime",)) == ["a1", "h3", "b1"]
    assert keys(ws, planted, labels=("against",)) == ["a1", "h3"]  # a5 is rejected
    assert keys(ws, planted, targets=("Iran",), labels=("favor",)) == ["b1"]
    assert keys(ws, planted, labels=("neutral",)) == ["a4"]


def test_authors_statuses_dates_and_reports(ws: Workspace, planted: Planted) -> None:
    assert keys(ws, planted, authors=("ben",)) == ["a2", "a4", "h2", "r3", "r2"]
    assert keys(ws, planted, statuses=("accepted",)) == ["a1", "h1", "r1"]
    assert keys(ws, planted, statuses=("rejected",)) == ["a5"]
    first_half = {"date_from": dt.date(2025, 1, 1), "date_to": dt.date(2025, 6, 30)}
    assert keys(ws, planted, **first_half) == ["h1", "h2", "h3", "h4", "r1", "r3", "r2"]
    assert keys(ws, planted, date_to=dt.date(2024, 12, 9)) == ["a1", "a2", "a3", "a4"]
    assert keys(ws, planted, report_ids=(planted.reports["R"],)) == ["r1", "r3", "r2"]
    assert keys(ws, planted, tags=("Quote",), speakers=("Idris Varga",)) == ["h2", "h3"]


def test_words_of_the_quote(ws: Workspace, planted: Planted) -> None:
    # Quotes holding both "abandoning" and "allies": a1, a2 (A) and h1 (H).
    assert keys(ws, planted, words="abandoning allies") == ["a1", "a2", "h1"]
    assert keys(ws, planted, words="ALLIES abandoning") == ["a1", "a2", "h1"]
    assert keys(ws, planted, words="abandon") == []  # whole words...
    assert keys(ws, planted, words="abandon*") == ["a1", "a2", "h1"]  # ...unless a prefix
    assert keys(ws, planted, words="storm alone") == ["h3"]
    assert keys(ws, planted, words="keshet", tags=("Event",)) == ["h4"]


def test_a_passage_carries_its_context_codes_and_cited_note(
    ws: Workspace, planted: Planted
) -> None:
    (h1,) = Analysis(ws).passages(PassageQuery(words="northern allies"))
    start, end = planted.spans["h1"]
    text = planted.texts[planted.reports["H"]]
    assert (h1.quote, h1.start, h1.end) == (QUOTES["h1"][1], start, end)
    assert h1.before == text[start - 32 : start] and h1.after == text[end : end + 32]
    assert h1.cited == (CitedNote("1", "Velmora Daily, March 2, 2025."),)
    assert (h1.tags, h1.tag_paths, h1.status, h1.author) == (
        ("Betrayal",), ("Accusation / Betrayal",), "accepted", "ana")
    assert h1.report_date == dt.date(2025, 3, 3)
    (wide,) = Analysis(ws).passages(PassageQuery(words="northern allies"), context=100)
    assert wide.before == text[start - 100 : start] and wide.after == text[end : end + 100]
    (h3,) = Analysis(ws).passages(PassageQuery(words="storm"))
    assert (h3.speaker, h3.affiliation) == ("Idris Varga", "Coastal League")
    assert [(s.target, s.label) for s in h3.stances] == [("Iran", "against")]


def test_slices_and_batches_read_the_same_passages(ws: Workspace, planted: Planted) -> None:
    analysis = Analysis(ws)
    found = analysis.find(PassageQuery())
    assert len(found) == 12
    whole = analysis.read(found)
    assert [p.id for p in analysis.read(found, 3, 7)] == [p.id for p in whole[3:7]]
    batched = [p for batch in analysis.batches(found, size=5) for p in batch]
    assert [p.id for p in batched] == [p.id for p in whole]
    assert [len(b) for b in analysis.batches(found, size=5)] == [5, 5, 2]
    by_id = analysis.passages_by_id([planted.ids["r2"], planted.ids["a1"]])
    assert planted.keys_of([p.id for p in by_id]) == ["r2", "a1"]


def test_unknown_names_are_errors_not_empty_results(ws: Workspace, planted: Planted) -> None:
    analysis = Analysis(ws)
    for query, message in (
        (PassageQuery(tags=("Betrayl",)), "No tag is called"),
        (PassageQuery(speakers=("Nobody",)), "No speaker is called"),
        (PassageQuery(targets=("Mars",)), "No stance target is called"),
        (PassageQuery(labels=("hostile",)), "Unknown stance label"),
        (PassageQuery(authors=("zed",)), "No reviewer is called"),
        (PassageQuery(statuses=("done",)), "Unknown status"),
        (PassageQuery(date_from=dt.date(2025, 2, 1), date_to=dt.date(2025, 1, 1)), "ends before"),
    ):
        with pytest.raises(CommandError, match=message):
            analysis.find(query)


def test_blind_coding_scopes_passages_counts_and_the_printed_report(
    ws: Workspace, planted: Planted
) -> None:
    """With blind coding on, an annotator's analysis holds their own annotations alone:
    ben made a2, a4, h2, r2, r3 (a4 disputed, all others proposed)."""
    from glossator.core.permissions import Role
    from glossator.services.team import SetBlindCoding, SetRole

    ws.reviewer = "ana"
    ws.run(SetRole("ana", Role.MANAGER))
    ws.run(SetBlindCoding(True))
    ws.reviewer = "ben"
    analysis = Analysis(ws)
    assert keys(ws, planted) == ["a2", "a4", "h2", "r3", "r2"]
    counts = analysis.frequencies(PassageQuery())
    # Claim (a2), Warning (a4), Quote and Criticism (h2), Criticism (r2), Accusation (r3)
    assert sum(t.annotations for t in counts.overall) == 6
    hers = [planted.ids["a1"], planted.ids["h1"]]
    assert analysis.passages_by_id(hers) == []
    document = analysis.report_document(planted.reports["A"])
    assert {p.id for p in document.passages} == {planted.ids["a2"], planted.ids["a4"]}
    ws.reviewer = "ana"  # the manager sees everything
    assert len(Analysis(ws).passages_by_id(hers)) == 2
