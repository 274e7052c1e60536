"""Counts, co-occurrence and stance over time on the seed with the planted set (see
tests/services/planted.py), each against the hand computation written beside it."""

from __future__ import annotations

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.analysis import Analysis
from glossator.services.passage_filters import PassageQuery
from tests.services.planted import QUOTES, Planted, plant

EVERYTHING = PassageQuery()


@pytest.fixture
def planted(ws: Workspace) -> Planted:
    return plant(ws)


def length(*keys: str) -> int:
    return sum(len(QUOTES[k][1]) for k in keys)


def test_tag_frequencies_overall(ws: Workspace, planted: Planted) -> None:
    # Counted: every passage but a5 (rejected). Per tag, from the table:
    #   Betrayal  a1 h1 h3          -> 3 passages, reports A H      -> 2
    #   Claim     a2                -> 1, 1
    #   Quote     a3 h2 h3 h4 r1 b1 -> 6, reports A H R B          -> 4
    #   Warning   a3 a4             -> 2, 1
    #   Criticism h2 r2             -> 2, 2
    #   Event h4, Praise r1, Accusation r3 -> 1 each, 1 report each
    # Characters: the union of each tag's spans per report; h4 lies inside h3, so Quote
    # covers a3 + h2 + h3 + r1 + b1 (h4 adds nothing).
    f = Analysis(ws).frequencies(EVERYTHING)
    got = {t.tag: (t.annotations, t.reports, t.characters) for t in f.overall if t.annotations}
    assert got == {
        "Betrayal": (3, 2, length("a1", "h1", "h3")),
        "Claim": (1, 1, length("a2")),
        "Quote": (6, 4, length("a3", "h2", "h3", "r1", "b1")),
        "Warning": (2, 1, length("a3", "a4")),
        "Criticism": (2, 2, length("h2", "r2")),
        "Event": (1, 1, length("h4")),
        "Praise": (1, 1, length("r1")),
        "Accusation": (1, 1, length("r3")),
    }
    assert (f.annotations, f.reports) == (12, 4)
    assert len(f.overall) == 16  # every tag of the seed codebook, unused ones with zeros
    assert f.of("Threat") is not None and f.of("Threat").annotations == 0  # type: ignore[union-attr]


def test_tag_frequencies_per_report_and_rolled_up(ws: Workspace, planted: Planted) -> None:
    analysis = Analysis(ws)
    f = analysis.frequencies(EVERYTHING)
    h = planted.reports["H"]
    # In H: Betrayal h1 h3 (2), Quote h2 h3 h4 (3; characters h2 + h3), Criticism h2,
    # Event h4; in codebook order.
    rows = [(c.tag, c.annotations, c.characters) for c in f.per_report if c.report_id == h]
    assert rows == [
        ("Betrayal", 2, length("h1", "h3")), ("Event", 1, length("h4")),
        ("Criticism", 1, length("h2")), ("Quote", 3, length("h2", "h3")),
    ]
    quote_h = next(c for c in f.per_report if c.report_id == h and c.tag == "Quote")
    assert quote_h.coverage == pytest.approx(length("h2", "h3") / len(planted.texts[h]))
    assert f.per_report[0].report_id == planted.reports["A"]  # by report date
    # Rolled up, a child's passage counts for its parents: Accusation = r3 + Betrayal's
    # a1 h1 h3 (4 passages in R, A, H); Evaluation = Praise r1 + Criticism h2 r2 (3, in H R).
    up = {t.tag: (t.annotations, t.reports) for t in analysis.frequencies(
        EVERYTHING, roll_up=True).overall}
    assert up["Accusation"] == (4, 3)
    assert up["Evaluation"] == (3, 2)
    assert up["Betrayal"] == (3, 2)


def test_cooccurrence_by_overlapping_spans(ws: Workspace, planted: Planted) -> None:
    # Overlapping pairs: a1-a2 (A), h3-h4 (h4 inside h3), r3-r2 (r2 inside r3); and each
    # passage with itself. Cells, unordered, each pair once:
    #   Betrayal-Claim  a1a2                      1
    #   Quote-Warning   a3 (itself)               1
    #   Criticism-Quote h2 (itself)               1
    #   Betrayal-Quote  h3 (itself), h3h4         2
    #   Betrayal-Event  h3h4                      1
    #   Event-Quote     h4 (itself), h3h4         2
    #   Accusation-Criticism r3r2                 1
    #   Praise-Quote    r1 (itself)               1
    # (h3h4 gives no Quote-Quote: a cell pairs two different tags.) The diagonal is each
    # tag's passages: the frequencies above.
    m = Analysis(ws).cooccurrence(EVERYTHING, "overlap")
    off = {(r, c): n for (r, c), n in m.counts.items() if r < c}
    assert off == {
        ("Betrayal", "Claim"): 1, ("Quote", "Warning"): 1, ("Criticism", "Quote"): 1,
        ("Betrayal", "Quote"): 2, ("Betrayal", "Event"): 1, ("Event", "Quote"): 2,
        ("Accusation", "Criticism"): 1, ("Praise", "Quote"): 1,
    }
    assert m.cell("Quote", "Betrayal") == m.cell("Betrayal", "Quote") == 2  # symmetric
    diagonal = {r: m.cell(r, r) for r in m.rows}
    assert diagonal == {"Accusation": 1, "Betrayal": 3, "Claim": 1, "Warning": 2, "Event": 1,
                        "Praise": 1, "Criticism": 2, "Quote": 6}
    assert m.rows == m.columns == (
        "Claim", "Accusation", "Betrayal", "Warning", "Event", "Praise", "Criticism", "Quote")
    assert m.largest == 2 and m.colors["Quote"] == "#e6c9a8"


def test_cooccurrence_by_paragraph(ws: Workspace, planted: Planted) -> None:
    # Tags coded per paragraph:
    #   A6 {Betrayal, Claim, Quote, Warning} (a1 a2 a3)   A8 {Warning} (a4)
    #   H3 {Betrayal} (h1)   H4 {Quote, Criticism, Betrayal, Event} (h2 h3 h4)
    #   R2 {Praise, Quote} (r1)   R3 {Criticism, Accusation} (r2 r3)   B4 {Quote} (b1)
    # A cell counts the paragraphs holding both tags; the diagonal the paragraphs with one.
    m = Analysis(ws).cooccurrence(EVERYTHING, "paragraph")
    off = {(r, c): n for (r, c), n in m.counts.items() if r < c}
    assert off == {
        # A6: the six pairs of its four tags
        ("Betrayal", "Claim"): 1, ("Betrayal", "Warning"): 1, ("Claim", "Quote"): 1,
        ("Claim", "Warning"): 1, ("Quote", "Warning"): 1,
        # A6 and H4 both
        ("Betrayal", "Quote"): 2,
        # H4: the other pairs of its four tags
        ("Criticism", "Quote"): 1, ("Event", "Quote"): 1, ("Betrayal", "Criticism"): 1,
        ("Criticism", "Event"): 1, ("Betrayal", "Event"): 1,
        # R2, R3
        ("Praise", "Quote"): 1, ("Accusation", "Criticism"): 1,
    }
    diagonal = {r: m.cell(r, r) for r in m.rows}
    assert diagonal == {"Betrayal": 3, "Claim": 1, "Quote": 4, "Warning": 2, "Criticism": 2,
                        "Event": 1, "Praise": 1, "Accusation": 1}


def test_speaker_by_tag(ws: Workspace, planted: Planted) -> None:
    # Each passage with itself gives (its speaker, each of its tags); an overlapping pair
    # {x, y} gives (speaker of x, tags of y) and (speaker of y, tags of x), once each:
    #   a1a2 -> Tamimi-Claim, Tamimi-Betrayal; h3h4 -> Varga-Event, Varga-Quote (h4 has no
    #   speaker); r3r2 -> Belisz-Criticism, Belisz-Accusation.
    m = Analysis(ws).cooccurrence(EVERYTHING, "overlap", by="speaker")
    assert m.rows == ("Idris Varga", "Mirela Dascu", "Muhammad Al-Tamimi", "Orhan Belisz",
                      "Shibl Al-Zaydi")
    assert {k: n for k, n in m.counts.items()} == {
        ("Muhammad Al-Tamimi", "Betrayal"): 2, ("Muhammad Al-Tamimi", "Claim"): 2,
        ("Muhammad Al-Tamimi", "Quote"): 1, ("Muhammad Al-Tamimi", "Warning"): 1,
        ("Shibl Al-Zaydi", "Warning"): 1,
        ("Idris Varga", "Quote"): 3, ("Idris Varga", "Criticism"): 1,
        ("Idris Varga", "Betrayal"): 1, ("Idris Varga", "Event"): 1,
        ("Mirela Dascu", "Praise"): 1, ("Mirela Dascu", "Quote"): 1,
        ("Orhan Belisz", "Criticism"): 2, ("Orhan Belisz", "Accusation"): 2,
    }
    # By paragraph: A6 has Tamimi with {Betrayal, Claim, Quote, Warning}; H4 Varga with
    # {Quote, Criticism, Betrayal, Event}; R3 Belisz with {Criticism, Accusation}...
    p = Analysis(ws).cooccurrence(EVERYTHING, "paragraph", by="speaker")
    assert p.cell("Idris Varga", "Event") == 1 and p.cell("Muhammad Al-Tamimi", "Quote") == 1
    assert p.cell("Shibl Al-Zaydi", "Warning") == 1 and p.cell("Mirela Dascu", "Praise") == 1
    assert sum(p.counts.values()) == 4 + 1 + 4 + 2 + 2  # A6, A8, H4, R2, R3


def test_a_cell_lists_its_passages(ws: Workspace, planted: Planted) -> None:
    analysis = Analysis(ws)
    ids = planted.ids
    cell = analysis.cell(EVERYTHING, "Quote", "Event", "overlap")
    assert cell.count == 2 and cell.pairs == ((ids["h3"], ids["h4"]), (ids["h4"], ids["h4"]))
    assert planted.keys_of(list(cell.passages)) == ["h3", "h4"]
    diagonal = analysis.cell(EVERYTHING, "Warning", "Warning", "overlap")
    assert planted.keys_of(list(diagonal.passages)) == ["a3", "a4"]
    para = analysis.cell(EVERYTHING, "Betrayal", "Quote", "paragraph")
    h4 = planted.texts[planted.reports["H"]].index("In a post on his Telegram")
    assert [(r, s) for r, s, _ in para.paragraphs] == [
        (planted.reports["A"], 2034), (planted.reports["H"], h4)]
    assert planted.keys_of(list(para.passages)) == ["a1", "a3", "h2", "h3", "h4"]
    speaker = analysis.cell(EVERYTHING, "Orhan Belisz", "Accusation", "overlap", by="speaker")
    assert speaker.pairs == ((ids["r3"], ids["r3"]), (ids["r3"], ids["r2"]))  # by start


def test_counts_follow_the_query(ws: Workspace, planted: Planted) -> None:
    # Only ben's passages (a2 a4 h2 r2 r3): r3-r2 overlap; h2 alone has two tags.
    m = Analysis(ws).cooccurrence(PassageQuery(authors=("ben",)), "overlap")
    assert {(r, c): n for (r, c), n in m.counts.items() if r < c} == {
        ("Accusation", "Criticism"): 1, ("Criticism", "Quote"): 1}
    # With rejected ones too, a5 (Accusation, A8) joins a4 (Warning, A8) in a paragraph.
    every = PassageQuery(statuses=("proposed", "accepted", "disputed", "rejected"))
    p = Analysis(ws).cooccurrence(every, "paragraph")
    assert p.cell("Accusation", "Warning") == 1


def test_stance_over_time(ws: Workspace, planted: Planted) -> None:
    # Toward Iran: a1 against (2024-12), h3 against (2025-03), b1 favor (2025-09); months
    # run without gaps from 2024-12 to 2025-09.
    t = Analysis(ws).timeline(EVERYTHING, "the Iranian regime")
    assert t.target == "Iran"
    assert t.labels == ("favor", "against", "neutral", "none")
    assert t.months == ("2024-12", "2025-01", "2025-02", "2025-03", "2025-04", "2025-05",
                        "2025-06", "2025-07", "2025-08", "2025-09")
    assert t.series("against") == (1, 0, 0, 1, 0, 0, 0, 0, 0, 0)
    assert t.series("favor") == (0, 0, 0, 0, 0, 0, 0, 0, 0, 1)
    assert t.series("neutral") == (0,) * 10 and t.undated == {}
    only_varga = Analysis(ws).timeline(PassageQuery(speakers=("Varga",)), "Iran")
    assert only_varga.months == ("2025-03",) and only_varga.count("2025-03", "against") == 1
    empty = Analysis(ws).timeline(EVERYTHING, "HTS")
    assert empty.months == () and empty.largest == 0
    with pytest.raises(CommandError, match="No stance target"):
        Analysis(ws).timeline(EVERYTHING, "Mars")


def test_bad_modes_are_refused(ws: Workspace, planted: Planted) -> None:
    with pytest.raises(CommandError, match="overlap or paragraph"):
        Analysis(ws).cooccurrence(EVERYTHING, "sentence")
    with pytest.raises(CommandError, match="tags or speakers"):
        Analysis(ws).cooccurrence(EVERYTHING, "overlap", by="target")
