"""Text normalization and paragraph spans."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from glossator.core.text import normalize_text, paragraphs


def test_line_endings_become_lf():
    assert normalize_text("a\r\nb\rc\nd") == "a\nb\nc\nd"


def test_crlf_blank_lines_collapse_like_lf():
    assert normalize_text("a\r\n\r\n\r\n\r\nb") == "a\n\nb"


def test_leading_bom_is_removed_but_an_inner_one_is_kept():
    assert normalize_text("\ufeffTitle\nx\ufeffy") == "Title\nx\ufeffy"


def test_nfc_composition():
    decomposed = "Cafe\u0301 and Ame\u0301lie"
    assert normalize_text(decomposed) == "Café and Amélie"
    assert unicodedata.is_normalized("NFC", normalize_text(decomposed))


def test_control_characters_are_dropped_but_tab_and_newline_kept():
    assert normalize_text("a\x00b\x01c\x1bd\x7fe\x9ff\tg\nh") == "abcdef\tg\nh"


def test_removing_a_control_character_never_leaves_an_uncomposed_pair():
    assert normalize_text("e\x01\u0301") == "é"


def test_page_and_line_separators_become_newlines():
    assert normalize_text("a\x0cb\u2028c\u2029d\x85e\x0bf") == "a\nb\nc\nd\ne\nf"


def test_no_break_spaces_become_spaces():
    assert normalize_text("a\u00a0complimentary\u00a0offering") == "a complimentary offering"


def test_trailing_spaces_are_stripped_and_whitespace_lines_become_blank():
    assert normalize_text("one  \t\n\u00a0 \ntwo ") == "one\n\ntwo"


def test_blank_line_runs_collapse_to_one_blank_line():
    assert normalize_text("a\n\n\n\n\nb\n\n\nc\n\nd\ne") == "a\n\nb\n\nc\n\nd\ne"


def test_leading_and_trailing_blank_lines_are_removed_but_indentation_kept():
    assert normalize_text("\n\n   \n  indented\n\n\n") == "  indented"


def test_scripts_emoji_and_combining_marks_are_kept():
    text = "قال المتحدث 👍🏽 نعم — a\u0323\u0307 ZWJ👩\u200d👩\u200d👧 Ⅻ ﬁ"
    assert normalize_text(text) == unicodedata.normalize("NFC", text)


def test_empty_and_blank_inputs():
    assert normalize_text("") == ""
    assert normalize_text("\ufeff \r\n\t\n") == ""


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("ab \t\n\r\x00\x01\x0c\u00a0\u2028\ufeff\u0301\u0323éقل👍🏽\u200d[]")
    ),
    max_size=60,
)


@given(_TEXT)
def test_normalization_is_idempotent(raw: str):
    once = normalize_text(raw)
    assert normalize_text(once) == once


@given(_TEXT)
def test_normalized_text_has_the_canonical_shape(raw: str):
    text = normalize_text(raw)
    assert "\r" not in text and "\u00a0" not in text and "\n\n\n" not in text
    assert not text.startswith(("\n", "\ufeff")) and not text.endswith("\n")
    assert all(line == line.rstrip() for line in text.split("\n"))
    assert unicodedata.is_normalized("NFC", text)
    assert all(ch in "\t\n" or unicodedata.category(ch) != "Cc" for ch in text)


def test_paragraphs_are_blocks_separated_by_blank_lines():
    text = "Title\n\nFirst line\nsecond line\n\n[1] Note."
    spans = paragraphs(text)
    assert [text[s:e] for s, e in spans] == ["Title", "First line\nsecond line", "[1] Note."]


def test_paragraphs_of_unnormalized_text_skip_whitespace_lines_and_trailing_space():
    text = "\n  \nA  \n \t \nB\n\n\n"
    assert [text[s:e] for s, e in paragraphs(text)] == ["A", "B"]


def test_paragraphs_keep_indentation_and_count_code_points():
    text = "  👍🏽 indented\n\nعربي"
    spans = paragraphs(text)
    assert spans == [(0, 13), (15, 19)]
    assert text[spans[1][0] : spans[1][1]] == "عربي"


def test_paragraphs_of_empty_text():
    assert paragraphs("") == []
    assert paragraphs("\n\n") == []


@given(_TEXT)
def test_paragraph_spans_are_ordered_non_blank_and_trimmed(raw: str):
    text = normalize_text(raw)
    spans = paragraphs(text)
    previous = -1
    for start, end in spans:
        assert previous <= start < end <= len(text)
        block = text[start:end]
        assert block.strip() and not block[-1].isspace()
        assert "\n\n" not in block
        previous = end
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())
