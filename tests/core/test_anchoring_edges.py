"""Re-anchoring at its edges, one mechanism at a time: copies found far from the old place
by the context on one side only, long quotes, tiny texts, and fuzzy matches whose passage
grew, lost its first or last characters or was rewritten around them."""

from __future__ import annotations

from glossator.core.anchoring import Anchor, Anchored, reanchor
from glossator.core.exchange import quote_context

# Two hundred distinct lines (about 14,000 characters) in which no annotated word occurs:
# a line moved from near the top to the end travels far beyond the nearby search.
FILLER = [f"Line {i} of the filler, with words that never repeat a name ({i * 7}).\n"
          for i in range(200)]
LINE = "The spokesman said that Iran betrayed the axis and left.\n"
OLD = "".join(FILLER[:20]) + LINE + "".join(FILLER[20:])


def anchor(text: str, start: int, end: int) -> Anchor:
    quote, prefix, suffix = quote_context(text, start, end)
    return Anchor(start, end, quote, prefix, suffix)


def at(text: str, passage: str) -> Anchor:
    start = text.index(passage)
    return anchor(text, start, start + len(passage))


def one(old: str, new: str, a: Anchor) -> Anchored:
    (result,) = reanchor(old, new, [a])
    return result


def moved_to_the_end(line: str, *, edit_top: bool = False) -> str:
    """OLD with LINE taken out and `line` put at the very end; the second filler line
    reworded too when `edit_top` (a second, separate change near the top)."""
    lines = FILLER[:20] + FILLER[20:]
    if edit_top:
        lines[1] = "A reworded second line, with nothing in it that anyone annotated.\n"
    return "".join(lines) + line


def test_a_short_quote_moved_far_follows_the_context_before_it() -> None:
    """Only the words before "Iran" still agree: the copy is found by them alone."""
    a = at(OLD, "Iran")
    new = moved_to_the_end(LINE.replace("Iran betrayed", "Iran, they say, betrayed"))
    r = one(OLD, new, a)
    assert new.rindex("Iran") - a.start > 10_000  # far beyond the nearby search
    assert r == Anchored("moved", new.rindex("Iran"), new.rindex("Iran") + 4)


def test_a_short_quote_moved_far_follows_the_context_after_it() -> None:
    a = at(OLD, "Iran")
    new = moved_to_the_end(LINE.replace("said that Iran", "said: Iran"))
    r = one(OLD, new, a)
    assert r == Anchored("moved", new.rindex("Iran"), new.rindex("Iran") + 4)


def test_a_copy_in_a_later_changed_stretch_is_placed_exactly() -> None:
    """Two separate changes: the copy sits in the second changed stretch of the text."""
    a = at(OLD, "Iran")
    new = moved_to_the_end(LINE.replace("Iran betrayed", "Iran, they say, betrayed"),
                           edit_top=True)
    r = one(OLD, new, a)
    assert r == Anchored("moved", new.rindex("Iran"), new.rindex("Iran") + 4)


def test_a_short_quote_whose_context_no_longer_agrees_enough_is_orphaned() -> None:
    """Far away, "Iran" with three agreeing characters around it is another passage."""
    a = at(OLD, "Iran")
    new = moved_to_the_end("Someone else said Iran once, and nothing more.\n")
    assert one(OLD, new, a) == Anchored("orphaned", a.start, a.end, 0.0)


def test_a_copy_near_the_start_of_the_text_counts_the_context_it_has() -> None:
    """The copy begins 40 characters in: its agreeing context is read up to there."""
    a = at(OLD, "Iran")
    moved = LINE.replace("Iran betrayed", "Iran, they say, betrayed")
    new = "Sixteen letters\n" + moved + "".join(FILLER[:20] + FILLER[20:])
    assert new.index("Iran") == 40
    assert one(OLD, new, a) == Anchored("moved", 40, 44)


def test_a_long_quote_moved_far_is_found_in_the_whole_text() -> None:
    """A quote longer than the margin around the changes (512) is sought everywhere."""
    paragraph = " ".join(f"word{i}" for i in range(120)) + ".\n"
    old = "".join(FILLER[:20]) + paragraph + "".join(FILLER[20:])
    a = at(old, paragraph[:-1])
    new = "".join(FILLER[:20] + FILLER[20:]) + "A preface. " + paragraph
    start = new.index(paragraph)
    assert len(a.quote) > 512 and start - a.start > 10_000
    assert one(old, new, a) == Anchored("moved", start, start + len(a.quote))


# -- fuzzy matches: where the passage now begins and ends ---------------------------------

SEED_LINE = ("against anti-regime militant factions,[1] senior officials in the Iran-backed "
             "Iraqi militias accused Iran of abandoning its allies in the region.\n")
QUOTE = "senior officials in the Iran-backed Iraqi militias accused Iran"
TEXT = "".join(FILLER[:30]) + SEED_LINE + "".join(FILLER[30:60])


def fuzzy(new: str) -> tuple[Anchored, str]:
    r = one(TEXT, new, at(TEXT, QUOTE))
    assert r.status == "fuzzy", r
    return r, new[r.start : r.end]


def test_words_inserted_inside_the_quote_are_taken_in_whole() -> None:
    inserted = QUOTE.replace("officials in", "officials (named and unnamed alike) in")
    _, quote = fuzzy(TEXT.replace(QUOTE, inserted))
    assert quote == inserted


def test_a_deletion_across_the_quotes_first_words_starts_at_what_is_left() -> None:
    _, quote = fuzzy(TEXT.replace("[1] senior officials", "officials"))
    assert quote == "officials in the Iran-backed Iraqi militias accused Iran"


def test_a_quote_that_lost_its_last_letter_ends_where_the_text_now_does() -> None:
    _, quote = fuzzy(TEXT.replace("accused Iran of", "accused Ira of"))
    assert quote == "senior officials in the Iran-backed Iraqi militias accused Ira"


def test_fuzzy_scores_keep_one_decimal() -> None:
    r, _ = fuzzy(TEXT.replace("accused Iran of", "accused Ira of"))
    assert 80 <= r.score < 100 and r.score != int(r.score) and r.score == round(r.score, 1)


def test_a_long_insertion_inside_the_quote_is_taken_in_whole_at_a_lower_threshold() -> None:
    """54 characters inserted into a 63-character quote: below the default threshold, and
    with a lower one the whole grown passage (not its tail) is the new quote."""
    grown = QUOTE.replace(
        "officials in", "officials (named and unnamed alike, from several of the groups) in")
    new = TEXT.replace(QUOTE, grown)
    assert one(TEXT, new, at(TEXT, QUOTE)).status == "orphaned"
    r = reanchor(TEXT, new, [at(TEXT, QUOTE)], threshold=50)[0]
    assert r.status == "fuzzy" and new[r.start : r.end] == grown
