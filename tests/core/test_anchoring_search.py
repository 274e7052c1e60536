"""Re-anchoring's search of the changed text far from the old place: a copy at the very
start of the text, a long quote whose copy holds more than the margin around its one
changed character, and context steps counted from the context an annotation has (here 5
characters before it and 7 after, the whole of a short text)."""

from __future__ import annotations

from glossator.core.anchoring import Anchor, Anchored, reanchor
from tests.core.test_anchoring_edges import (
    ANNOTATED,
    FILLER,
    OLD,
    TEXT,
    anchor,
    at,
    copy_agreeing,
    one,
    with_lines,
)
from tests.core.test_anchoring_edges import (
    QUOTE as SEED_QUOTE,
)


def test_a_quote_moved_from_far_down_to_the_very_start_is_found() -> None:
    """A 33-character quote (enough on its own) moved from line 150 to the text's first
    character: found by the search of the changed text, at position 0."""
    line = "The spokesman said that Iran betrayed the axis and left.\n"
    old = "".join(FILLER[:150]) + line + "".join(FILLER[150:])
    a = at(old, "spokesman said that Iran betrayed")
    new = line[4:] + "".join(FILLER)
    assert a.start > 9_000  # far beyond the nearby search
    assert one(old, new, a) == Anchored("moved", 0, len(a.quote))


def test_a_long_quote_deleted_is_found_in_a_copy_corrected_elsewhere() -> None:
    """A paragraph of 700 characters stood twice, the second copy with a typo in its first
    letter. The first is deleted and the typo corrected: the annotation on the first moves
    to the second, which holds one changed character and 699 that were there before, more
    than the 512 searched beside a change."""
    paragraph = " ".join(f"word{i}" for i in range(100)) + "."
    old = ("".join(FILLER[:20]) + paragraph + "\n" + "".join(FILLER[20:])
           + "W" + paragraph[1:] + "\n")
    a = at(old, paragraph)
    new = "".join(FILLER) + paragraph + "\n"
    start = new.index(paragraph)
    assert len(paragraph) > 512 and start - a.start > 10_000
    assert one(old, new, a) == Anchored("moved", start, start + len(paragraph))


# An annotation stored with 5 characters of context before its quote and 7 after (12 in
# all), as one made on a shorter text: what falls short is counted from those 12.
SENTENCE = "Then Iran's envoy said: no more talks.\n"
QUOTE = "Iran's envoy said"


def short_copy(before: int, after: int) -> str:
    return "#" + "Then "[5 - before :] + QUOTE + ": no mo"[:after] + "#\n"


def test_context_steps_count_from_the_context_the_annotation_has() -> None:
    """Of 12 characters of context, a copy agreeing in all 12 is a step better than one
    agreeing in 11: it wins from farther away. Copies agreeing in 11 and in 7 (1 and 5
    short: the same step) are alike, and the nearer wins."""
    old = "".join(FILLER[:60]) + SENTENCE + "".join(FILLER[60:120])
    start = old.index(QUOTE)
    a = Anchor(start, start + len(QUOTE), QUOTE, "Then ", ": no mo")

    def new_with(near: str, far: str) -> str:
        return ("".join(FILLER[:60]) + "Then it was quiet.\n" + "".join(FILLER[60:80]) + near
                + "".join(FILLER[80:120]) + far)

    full_far = new_with(short_copy(5, 6), short_copy(5, 7))
    (r,) = reanchor(old, full_far, [a])
    assert r == Anchored("moved", full_far.rindex(QUOTE), full_far.rindex(QUOTE) + len(QUOTE))
    alike = new_with(short_copy(5, 6), short_copy(4, 3))
    (r,) = reanchor(old, alike, [a])
    assert r == Anchored("moved", alike.index(QUOTE), alike.index(QUOTE) + len(QUOTE))


def test_a_copy_holding_its_own_text_is_found_at_the_very_start_of_the_text() -> None:
    """Three like sentences open the text, the last two annotated; one is deleted. The copy
    left holding some of the annotation's own text starts at the text's first character."""
    sentence = "Iran said no. "
    old = sentence * 3 + "Then silence.\n" + "".join(FILLER[:20])
    a = anchor(old, len(sentence), 3 * len(sentence) - 1)
    new = old.replace(sentence * 3, sentence * 2)
    assert one(old, new, a) == Anchored("moved", 0, len(a.quote))


def test_of_two_copies_agreeing_alike_the_nearer_wins_when_it_comes_first() -> None:
    """The old line stood before filler line 20: a copy one line before it and one two
    lines after, then two before and three after: the earlier, nearer copy wins."""
    for before, after in ((19, 22), (18, 23)):
        new = with_lines({after: copy_agreeing(12, 12), before: copy_agreeing(12, 12)})
        start = new.index("Iran")
        assert one(OLD, new, ANNOTATED) == Anchored("moved", start, start + 4), (before, after)


def test_words_inserted_near_the_quotes_end_are_taken_in_whole() -> None:
    """29 characters inserted before the quote's last two words: the grown passage is the
    new quote, to its last word."""
    grown = SEED_QUOTE.replace("militias accused", "militias from the north and the south accused")
    new = TEXT.replace(SEED_QUOTE, grown)
    r = one(TEXT, new, at(TEXT, SEED_QUOTE))
    assert r.status == "fuzzy" and new[r.start : r.end] == grown
