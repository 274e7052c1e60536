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
        lines[1] = "A reworded second line, with nothing in it that anyone had annotated.\n"
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


# -- how much context a copy needs, and which copy wins -----------------------------------

ANNOTATED = at(OLD, "Iran")  # a 4-letter quote: a copy needs 20 agreeing characters more


def copy_agreeing(before: int, after: int, a: Anchor = ANNOTATED) -> str:
    """A line holding the quote whose `before` characters before and `after` after agree
    with the annotation's context, and no more (a "#" stops the agreement on both sides)."""
    return "#" + a.prefix[len(a.prefix) - before :] + a.quote + a.suffix[:after] + "#\n"


def with_lines(at_lines: dict[int, str]) -> str:
    """OLD without LINE (its text deleted), with the given lines put before filler lines."""
    lines = FILLER[:20] + FILLER[20:]
    for index in sorted(at_lines, reverse=True):
        lines.insert(index, at_lines[index])
    return "".join(lines)


def found(new: str) -> int | None:
    r = one(OLD, new, ANNOTATED)
    return r.start if r.status == "moved" else None


def test_a_copy_needs_quote_and_agreeing_context_of_24_characters() -> None:
    """Ten characters agreeing on each side (4 + 20 = 24) are enough; 9 and 10 are not."""
    enough = with_lines({40: copy_agreeing(10, 10)})
    assert found(enough) == enough.index("Iran")
    assert found(with_lines({40: copy_agreeing(9, 10)})) is None
    assert found(with_lines({40: copy_agreeing(10, 9)})) is None


def test_agreeing_context_after_the_quote_alone_is_enough() -> None:
    new = with_lines({40: copy_agreeing(0, 20)})
    assert found(new) == new.index("Iran")


def test_a_quote_of_24_characters_or_more_needs_no_agreeing_context() -> None:
    for quote in ("said that Iran betrayed ", "spokesman said that Iran betrayed"):  # 24, 33
        a = at(OLD, quote)
        new = with_lines({40: "Nobody's " + quote + "; anyone.\n"})
        start = new.index(quote)
        assert one(OLD, new, a) == Anchored("moved", start, start + len(quote)), quote


def test_of_two_copies_agreeing_alike_the_nearer_wins_even_when_it_comes_later() -> None:
    """The old line stood before filler line 20: one copy 5 lines later, one 15 earlier."""
    new = with_lines({25: copy_agreeing(12, 12), 5: copy_agreeing(12, 12)})
    assert found(new) == new.rindex("Iran")


def test_context_counts_in_steps_of_eight_characters() -> None:
    """Agreement within one step of 8 is alike (the nearer copy wins); a step more agreeing
    wins from farther away."""
    alike = with_lines({25: copy_agreeing(10, 14), 5: copy_agreeing(16, 14)})  # 24 and 30
    assert found(alike) == alike.rindex("Iran")
    better = with_lines({25: copy_agreeing(10, 14), 5: copy_agreeing(17, 16)})  # 24 and 33
    assert found(better) == better.index("Iran")


def test_a_letter_added_right_after_the_quote_stays_out() -> None:
    edited = TEXT.replace("senior officials", "senior oficials")
    _, quote = fuzzy(edited.replace("accused Iran of", "accused Irans of"))
    assert quote == QUOTE.replace("officials", "oficials")


def test_context_steps_hold_for_a_quote_near_the_end_of_the_text() -> None:
    """19 characters of context after the quote (the text ends there): 51 in all, and the
    steps count what falls short of those 51 (31 and 27: one step, the nearer copy wins)."""
    old = "".join(FILLER[:100]) + "The spokesman said that Iran betrayed them all."
    a = at(old, "Iran")
    assert len(a.prefix) + len(a.suffix) == 51
    lines = FILLER[:100]
    lines.insert(90, copy_agreeing(10, 10, a))  # 20 agree, nearer the old place
    lines.insert(60, copy_agreeing(12, 12, a))  # 24 agree, farther
    new = "".join(lines)
    assert one(old, new, a).start == new.rindex("Iran")


def test_a_better_agreeing_copy_far_away_wins_over_a_weaker_one_nearby() -> None:
    """The nearby search finds a copy agreeing by 24 characters; the search of the changed
    text far away finds one agreeing by 50: that one is taken."""
    new = with_lines({25: copy_agreeing(12, 12)}) + copy_agreeing(25, 25)
    assert new.rindex("Iran") - ANNOTATED.start > 10_000
    assert found(new) == new.rindex("Iran")


def test_context_in_arabic_agrees_letter_by_letter() -> None:
    """Letters beyond Latin-1 compare by what they are (a quote in an Arabic report moved
    far, found by the words after it, or by those before it)."""
    line = "قال المتحدث إن إيران خانت المحور ثم غادر.\n"
    old = "".join(FILLER[:20]) + line + "".join(FILLER[20:])
    a = at(old, "إيران")
    for edit in (("قال المتحدث إن", "وأضاف:"), ("خانت المحور ثم غادر", "لم تفعل شيئا")):
        new = "".join(FILLER[:20] + FILLER[20:]) + line.replace(*edit)
        start = new.rindex("إيران")
        assert one(old, new, a) == Anchored("moved", start, start + len("إيران")), edit


def test_a_nearby_copy_is_found_by_the_context_before_it_alone() -> None:
    new = with_lines({25: copy_agreeing(20, 0)})
    assert found(new) == new.index("Iran")


def test_a_long_quote_moved_from_far_down_to_the_very_start_is_found() -> None:
    paragraph = " ".join(f"word{i}" for i in range(120)) + ".\n"
    old = "".join(FILLER[:120]) + paragraph + "".join(FILLER[120:])
    a = at(old, paragraph[:-1])
    new = paragraph + "".join(FILLER[:120] + FILLER[120:])
    assert a.start > 5_000  # the start of the new text is beyond the nearby search
    assert one(old, new, a) == Anchored("moved", 0, len(a.quote))


def test_a_copy_holding_some_of_its_own_text_is_taken_across_a_deletion() -> None:
    """Three like sentences, the last two annotated; one is deleted. What is left of the
    annotation's own text is in the copy made of the first two: it moves there. (A deletion
    leaves no changed text in the new one: only the search near the old place finds it.)"""
    sentence = "Iran said no. "
    old = "".join(FILLER[:20]) + "They heard it: " + sentence * 3 + "Then silence.\n"
    start = old.index(sentence) + len(sentence)
    a = anchor(old, start, start + 2 * len(sentence) - 1)
    new = old.replace(sentence * 3, sentence * 2)
    first = new.index(sentence)
    assert one(old, new, a) == Anchored("moved", first, first + len(a.quote))


def test_a_quote_that_lost_its_first_letter_starts_at_the_second() -> None:
    _, quote = fuzzy(TEXT.replace("[1] senior officials", "[1] enior officials"))
    assert quote == "enior officials in the Iran-backed Iraqi militias accused Iran"


def test_a_quote_whose_context_before_and_last_word_went_keeps_its_first_letter() -> None:
    """" factions,[1]" deleted before "senior" and "Iran" at the quote's end: the "s" of
    "senior" aligns as well with the deleted "factions" as with the quote; a tie goes to
    the passage."""
    new = TEXT.replace(" factions,[1]", "").replace("accused Iran of", "accused of")
    _, quote = fuzzy(new)
    assert quote == "senior officials in the Iran-backed Iraqi militias accused"


def test_a_tie_at_the_quotes_end_goes_to_the_passage_too() -> None:
    """"accused Iran of" become "accused Ira nof": the "n" aligns as well with the quote's
    last letter as with the context after it, and is the passage's. (The forward alignment
    gives it so already; the reversed one, used for the start, would not.)"""
    new = TEXT.replace("accused Iran of", "accused Ira nof")
    _, quote = fuzzy(new)
    assert quote == "senior officials in the Iran-backed Iraqi militias accused Ira n"


def test_a_fuzzy_span_takes_no_whitespace_the_quote_had_not_at_its_ends() -> None:
    _, quote = fuzzy(TEXT.replace("accused Iran of", "accused of"))
    assert quote == "senior officials in the Iran-backed Iraqi militias accused"
    edited = TEXT.replace("[1] senior officials", "[1]  enior officials")
    _, quote = fuzzy(edited)
    assert quote == "enior officials in the Iran-backed Iraqi militias accused Iran"


def test_the_score_is_the_lower_similarity_of_window_and_quote_to_one_decimal() -> None:
    """As documented: the lower of the similarity of prefix + quote + suffix to the new
    window and of the quote to the new quote (rapidfuzz's ratio), rounded to 0.1."""
    from rapidfuzz import fuzz

    a = at(TEXT, QUOTE)
    new = TEXT.replace("[1] senior officials", "officials")
    r, quote = fuzzy(new)
    window = new[r.start - len(a.prefix) : r.start] + quote + new[r.end : r.end + len(a.suffix)]
    raw = min(fuzz.ratio(a.prefix + a.quote + a.suffix, window), fuzz.ratio(a.quote, quote))
    assert raw != round(raw, 1)  # a score with more decimals than it is given with
    assert r.score == round(raw, 1)


def test_a_fuzzy_match_is_accepted_from_a_score_of_80() -> None:
    """Letters of the quote changed one by one until the score falls just under 80: the
    default threshold orphans it there, a threshold of 79 accepts it."""
    a = at(TEXT, QUOTE)
    start = TEXT.index(QUOTE)
    for n in range(1, 30):
        edited = "".join(c.upper() if i < 2 * n and i % 2 else c for i, c in enumerate(QUOTE))
        new = TEXT[:start] + edited + TEXT[start + len(QUOTE) :]
        score = reanchor(TEXT, new, [a], threshold=0)[0].score
        if score < 80:
            break
    assert 79 <= score < 80, score
    assert one(TEXT, new, a).status == "orphaned"
    assert reanchor(TEXT, new, [a], threshold=79)[0].status == "fuzzy"


def test_results_are_values_that_cannot_be_changed() -> None:
    import dataclasses

    r = one(OLD, OLD, ANNOTATED)
    try:
        r.start = 0  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("Anchored can be changed in place")
    assert {r: "kept"}[Anchored("kept", r.start, r.end)] == "kept"  # hashable, by value


def test_a_copy_holding_its_own_text_wins_over_a_retyped_one_agreeing_in_full() -> None:
    """The copy across the deletion holds some of the annotation's own text; a copy typed
    anew elsewhere, with every character of its context agreeing, does not: own text wins."""
    sentence = "Iran said no. "
    old = "".join(FILLER[:20]) + "They heard it: " + sentence * 3 + "Then silence.\n"
    old += "".join(FILLER[20:60])
    start = old.index(sentence) + len(sentence)
    a = anchor(old, start, start + 2 * len(sentence) - 1)
    retyped = "#" + a.prefix + a.quote + a.suffix + "#\n"
    new = old.replace(sentence * 3, sentence * 2).replace(FILLER[25], FILLER[25] + retyped)
    first = new.index(sentence)
    assert new.count(a.prefix + a.quote + a.suffix) == 1  # the retyped copy agrees in full
    assert one(old, new, a) == Anchored("moved", first, first + len(a.quote))


def test_the_score_of_a_passage_near_the_start_counts_the_context_there_is() -> None:
    from rapidfuzz import fuzz

    old = "Thus " + QUOTE + " of abandoning its allies.\n" + "".join(FILLER[:30])
    a = at(old, QUOTE)
    new = old.replace("senior officials", "senior oficials")
    r = one(old, new, a)
    quote = new[r.start : r.end]
    assert r.status == "fuzzy" and quote == QUOTE.replace("officials", "oficials")
    window = new[: r.start] + quote + new[r.end : r.end + len(a.suffix)]
    raw = min(fuzz.ratio(a.prefix + a.quote + a.suffix, window), fuzz.ratio(a.quote, quote))
    assert r.score == round(raw, 1)
