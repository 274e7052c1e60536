"""Which footnotes a passage cites: markers inside it, else the next one in its paragraph."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossator.core.citations import cited_labels
from glossator.core.footnotes import FootnoteLayout, Marker, detect_footnotes
from glossator.core.suggestions import find_quotations
from glossator.core.text import normalize_text, paragraphs

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _layout(text: str, *labels_at: tuple[str, int]) -> FootnoteLayout:
    markers = tuple(Marker(label, at, at + len(label) + 2) for label, at in labels_at)
    return FootnoteLayout("bracket", markers, (), len(text))


def _span(text: str, words: str) -> tuple[int, int]:
    start = text.index(words)
    return start, start + len(words)


def test_marker_inside_the_span():
    text = "He said that the plan failed[1] and left."
    layout = _layout(text, ("1", text.index("[1]")))
    assert cited_labels((0, len(text)), layout, paragraphs(text)) == ("1",)


def test_next_marker_in_the_same_paragraph_when_none_inside():
    text = "He wrote ''one'' and later ''two.''[4] More words.[5]\n\nNext paragraph.[6]"
    layout = _layout(
        text, ("4", text.index("[4]")), ("5", text.index("[5]")), ("6", text.index("[6]"))
    )
    paras = paragraphs(text)
    assert cited_labels(_span(text, "one"), layout, paras) == ("4",)
    assert cited_labels(_span(text, "two."), layout, paras) == ("4",)
    assert cited_labels(_span(text, "More words"), layout, paras) == ("5",)


def test_nothing_after_in_the_paragraph_gives_nothing():
    text = "First ''quote'' here.\n\nSecond paragraph.[1]"
    layout = _layout(text, ("1", text.index("[1]")))
    assert cited_labels(_span(text, "quote"), layout, paragraphs(text)) == ()
    assert cited_labels((0, 0), _layout(text), paragraphs(text)) == ()


def test_inside_markers_and_an_adjacent_source_marker_are_both_cited():
    text = "He wrote ''the bull[2] is next.''[3] Then he stopped.[4]"
    layout = _layout(
        text, ("2", text.index("[2]")), ("3", text.index("[3]")), ("4", text.index("[4]"))
    )
    span = _span(text, "the bull[2] is next.")
    assert cited_labels(span, layout, paragraphs(text)) == ("2", "3")
    assert cited_labels(span, layout, paragraphs(text), text=text) == ("2", "3")
    assert cited_labels(_span(text, "the bull"), layout, paragraphs(text)) == ("2",)


def test_far_marker_is_not_added_to_inside_markers():
    text = "A claim[1] about things, and a long tail of words afterwards.[2]"
    layout = _layout(text, ("1", text.index("[1]")), ("2", text.index("[2]")))
    assert cited_labels(_span(text, "A claim[1] about"), layout, paragraphs(text)) == ("1",)


def test_marker_inside_another_quotation_is_skipped_when_the_text_is_given():
    text = "He wrote ''first,'' adding ''the red bull[2] is next.''[3]"
    layout = _layout(text, ("2", text.index("[2]")), ("3", text.index("[3]")))
    span = _span(text, "first,")
    assert cited_labels(span, layout, paragraphs(text)) == ("2",)
    assert cited_labels(span, layout, paragraphs(text), text=text) == ("3",)


def test_duplicate_labels_are_listed_once():
    text = "Words[5] and more[5] words."
    layout = _layout(text, ("5", text.index("[5]")), ("5", text.rindex("[5]")))
    assert cited_labels((0, len(text)), layout, paragraphs(text)) == ("5",)


@pytest.fixture(scope="module")
def seed() -> str:
    return normalize_text((SEEDS / "000_93b5b4f369dc47da.txt").read_text(encoding="utf-8"))


def test_every_quote_of_al_tamimis_second_paragraph_cites_note_3(seed: str):
    layout = detect_footnotes(seed)
    paras = paragraphs(seed)
    paragraph = next(p for p in paras if seed.startswith("Al-Tamimi accused Iran", p[0]))
    quotes = [q for q in find_quotations(seed) if paragraph[0] <= q.start < paragraph[1]]
    assert len(quotes) == 2
    for quote in quotes:
        assert "3" in cited_labels((quote.start, quote.end), layout, paras, text=seed)
    hamas = quotes[0]
    assert seed[hamas.start :].startswith("Hamas and Hizbullah")
    assert cited_labels((hamas.start, hamas.end), layout, paras, text=seed) == ("3",)
    assert cited_labels((quotes[1].start, quotes[1].end), layout, paras, text=seed) == ("2", "3")


def test_seed_zaydi_quotes(seed: str):
    layout = detect_footnotes(seed)
    paras = paragraphs(seed)
    await_start = seed.index("we await with caution")
    quote = next(q for q in find_quotations(seed) if q.start == await_start)
    assert cited_labels((quote.start, quote.end), layout, paras, text=seed) == ("5",)
    at_the_time = next(q for q in find_quotations(seed) if seed.startswith("at the time", q.start))
    assert cited_labels((at_the_time.start, at_the_time.end), layout, paras, text=seed) == ()


def test_markdown_sample_markers():
    text = normalize_text((SEEDS / "river-council-statements.md").read_text(encoding="utf-8"))
    layout = detect_footnotes(text)
    paras = paragraphs(text)
    first = text.index("We signed away")
    quote = next(q for q in find_quotations(text) if q.start == first)
    assert cited_labels((quote.start, quote.end), layout, paras, text=text) == ("3",)
    dascu = text.index("a victory for every farmer")
    assert cited_labels((dascu, dascu + 10), layout, paras, text=text) == ("2",)
