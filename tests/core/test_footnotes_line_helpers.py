"""The line helpers every footnote detector stands on, and the rule that tells a list of
notes from labels that happen to follow each other: each at the edges where an off-by-one
would move a note's end or join two lists."""

from __future__ import annotations

import pytest

from glossator.core.footnotes_lines import (
    is_blank,
    looks_like_heading,
    next_line,
    paragraph_end,
    skip_space,
    starts_paragraph,
)
from glossator.core.footnotes_notes import labels_run_on


@pytest.mark.parametrize(("previous", "following"), [
    ("4", "5"), ("12", "13"), ("12", "12a"), ("12a", "12b"), ("12b", "13"), ("a", "b"),
    ("x", "y"),
])
def test_labels_that_run_on(previous: str, following: str) -> None:
    assert labels_run_on(previous, following)


@pytest.mark.parametrize(("previous", "following"), [
    ("5", "4"), ("4", "6"), ("12b", "12a"), ("12a", "12a"), ("13", "12a"), ("b", "a"),
    ("a", "c"), ("a", "a"), ("", "a"), ("a", ""), ("a", "bc"), ("ab", "b"), ("iv", "v"),
])
def test_labels_that_do_not_run_on(previous: str, following: str) -> None:
    assert not labels_run_on(previous, following)


def test_the_next_line_starts_after_the_newline_even_at_the_first_character() -> None:
    assert next_line("\nsecond", 0) == 1
    assert next_line("a\nb", 0) == 2 and next_line("a\nb", 2) == 3
    assert next_line("no newline", 3) == len("no newline")


def test_skipping_space_stops_at_the_limit_and_at_the_first_letter() -> None:
    text = "a  \n  b   "
    assert skip_space(text, 1, len(text)) == 6
    assert skip_space(text, 1, 3) == 3  # never past the limit
    assert skip_space(text, 7, len(text)) == len(text)  # space to the very end
    assert skip_space(text, 0, len(text)) == 0


def test_a_paragraph_starts_after_a_blank_line_or_at_the_text_start() -> None:
    text = "one\ntwo\n\nthree\n  \nfour"
    assert starts_paragraph(text, 0)
    assert not starts_paragraph(text, text.index("two"))
    assert starts_paragraph(text, text.index("three"))
    assert starts_paragraph(text, text.index("four"))  # after a line of spaces
    assert not starts_paragraph("ab\ncd", 3)


def test_a_paragraph_ends_at_its_last_line_before_a_blank_one() -> None:
    text = "first line\nsecond line\nthird\n\nnext paragraph"
    assert paragraph_end(text, 0, len(text)) == text.index("\n\n")
    assert paragraph_end(text, 0, 15) == 15  # never past the limit
    assert paragraph_end("only line", 0, 9) == 9


def test_blank_means_only_whitespace_or_nothing() -> None:
    assert is_blank(" \t\n", 0, 3) and is_blank("abc", 2, 2) and is_blank("abc", 3, 1)
    assert not is_blank(" a ", 0, 3)


def test_a_heading_is_one_short_line() -> None:
    assert looks_like_heading("CHAPTER II", 0, 10)
    assert looks_like_heading("A Story of Leux", 0, 15)
    assert not looks_like_heading("It ended there.", 0, 15)
    assert not looks_like_heading("TWO\nLINES", 0, 9)
    edge = "A Title of Eighty Characters " + "x" * 51  # a heading up to 80 characters
    assert len(edge) == 80 and looks_like_heading(edge, 0, 80)
    assert not looks_like_heading(edge + "x", 0, 81)
