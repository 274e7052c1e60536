"""Each footnote style on small texts, and how a style is chosen."""

from __future__ import annotations

import pytest

from glossator.core.footnotes import FootnoteLayout, detect_footnotes


def _spans(text: str, layout: FootnoteLayout) -> list[str]:
    return [text[m.start : m.end] for m in layout.markers]


def _notes(layout: FootnoteLayout) -> list[tuple[str, str]]:
    return [(n.label, n.text) for n in layout.notes]


# --- bracket ---------------------------------------------------------------------------


def test_bracket_markers_right_after_words_and_quotes():
    text = "the bull[2] If so, Assad.''[3] and factions,[1] then [12]x.\n\n[2] a\n[3] b"
    layout = detect_footnotes(text)
    assert _spans(text, layout) == ["[2]", "[3]", "[1]", "[12]"]
    assert _notes(layout) == [("2", "a"), ("3", "b")]


def test_bracket_labels_are_one_to_four_digits_with_an_optional_letter():
    text = "a[sic] b[12345] c[1a] d[ 1] e[0001] f[2024] g[12ab]"
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1a", "0001", "2024"]
    assert layout.style == "bracket" and layout.notes == ()


def test_a_note_citing_another_note_holds_a_marker_but_its_own_label_is_none():
    text = "Body.[1]\n\n[1] See also [2] and [3].\n\n[2] Two.\n\n[4] Four."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1", "2", "3"]
    assert _notes(layout) == [("1", "See also [2] and [3]."), ("2", "Two."), ("4", "Four.")]
    assert layout.missing_notes == ("3",) and layout.uncited_notes == ("4",)


def test_every_bracket_notes_block_counts():
    text = (
        "Intro.[1]\n\n[1] an early note, mid-document[2]\n\nMore body.[3]\n\n"
        "[2] Two.\n\n[3] Three.\n\nFooter text with [4]."
    )
    layout = detect_footnotes(text)
    assert _notes(layout) == [
        ("1", "an early note, mid-document[2]"),
        ("2", "Two."),
        ("3", "Three."),
    ]
    assert [m.label for m in layout.markers] == ["1", "2", "3", "4"]  # note 1 cites note 2
    assert layout.uncited_notes == () and layout.missing_notes == ("4",)
    assert layout.body_end == text.index("[2] Two.")


def test_bracket_notes_may_be_consecutive_lines_and_wrap():
    text = "Body[1][2][3].\n\n[1] one\n[2] two which\ncontinues here\n[3]: three"
    layout = detect_footnotes(text)
    assert _notes(layout) == [("1", "one"), ("2", "two which\ncontinues here"), ("3", "three")]
    assert _spans(text, layout) == ["[1]", "[2]", "[3]"]


def test_bracket_note_with_its_text_on_the_next_line():
    text = "Body[1].\n\n[1]\nThe note text."
    layout = detect_footnotes(text)
    assert _notes(layout) == [("1", "The note text.")]


def test_bracket_note_with_no_text():
    text = "Body[1].\n\n[1]"
    layout = detect_footnotes(text)
    (note,) = layout.notes
    assert (note.text, note.text_start, note.end) == ("", len(text), len(text))


def test_bracket_notes_only():
    layout = detect_footnotes("[1] Alone.")
    assert layout.style == "bracket" and layout.body_end == 0
    assert layout.uncited_notes == ("1",) and layout.markers == ()


def test_bracket_markers_without_any_notes_are_all_missing():
    layout = detect_footnotes("A[1] b[2] c[1].")
    assert layout.body_end == len("A[1] b[2] c[1].")
    assert layout.missing_notes == ("1", "2")


# --- markdown ----------------------------------------------------------------------------


def test_markdown_labels_and_continuation_lines():
    text = (
        "Text[^note-a] and[^b_2] and[^é].\n\n"
        "[^note-a]: First line\n    indented continuation\n\n    second paragraph\n"
        "[^b_2]: Lazy\ncontinuation\n\n[^é]: Accented."
    )
    layout = detect_footnotes(text)
    assert layout.style == "markdown"
    assert _spans(text, layout) == ["[^note-a]", "[^b_2]", "[^é]"]
    assert _notes(layout) == [
        ("note-a", "First line\n    indented continuation\n\n    second paragraph"),
        ("b_2", "Lazy\ncontinuation"),
        ("é", "Accented."),
    ]
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_markdown_definitions_anywhere_are_notes_and_body_ends_at_the_last_block():
    text = "Intro[^1].\n\n[^1]: Early.\n\nMiddle[^2][^3].\n\n[^2]: Late.\n\n[^9]: Spare."
    layout = detect_footnotes(text)
    assert [n.label for n in layout.notes] == ["1", "2", "9"]
    assert layout.body_end == text.index("[^2]: Late.")
    assert layout.missing_notes == ("3",) and layout.uncited_notes == ("9",)


def test_a_markdown_definition_citing_another_holds_a_marker():
    text = "A[^1].\n\n[^1]: See [^2].\n[^2]: Two.\n[^3]: Three."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1", "2"]
    assert layout.uncited_notes == ("3",)


def test_markdown_refs_without_definitions():
    text = "Only refs[^1] and[^x]."
    layout = detect_footnotes(text)
    assert layout.style == "markdown" and layout.missing_notes == ("1", "x")
    assert layout.body_end == len(text)


def test_markdown_wins_over_bracket_markers():
    text = "Ref[^1] and [2].\n\n[^1]: Note."
    layout = detect_footnotes(text)
    assert layout.style == "markdown"
    assert [m.label for m in layout.markers] == ["1"]


# --- superscript ---------------------------------------------------------------------------


def test_superscript_markers_and_notes_list():
    text = (
        "The minister spoke¹ and left.² Then “quotes”³ and again¹,² here.\n\n"
        "Notes:\n\n1. First note.\n2 Second note\ncontinued.\n³ Third.\n\nUnrelated footer."
    )
    layout = detect_footnotes(text)
    assert layout.style == "superscript"
    assert [m.label for m in layout.markers] == ["1", "2", "3", "1", "2"]
    assert _spans(text, layout) == ["¹", "²", "³", "¹", "²"]
    assert _notes(layout) == [
        ("1", "First note."),
        ("2", "Second note\ncontinued."),
        ("3", "Third."),
    ]
    assert layout.body_end == text.index("Notes:")
    assert text[layout.notes[0].start : layout.notes[0].text_start] == "1. "


def test_superscript_multi_digit_marker():
    text = "Claim¹² here.\n\nFootnotes\n12 Twelve."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["12"]
    assert layout.missing_notes == () and layout.uncited_notes == ()


@pytest.mark.parametrize("heading", ["Notes", "NOTES", "Footnotes:", "References", "Endnotes"])
def test_superscript_heading_forms(heading: str):
    layout = detect_footnotes(f"Word¹.\n\n{heading}\n1. A note.")
    assert layout.style == "superscript" and [n.label for n in layout.notes] == ["1"]


def test_superscript_detached_digits_are_not_markers():
    text = "Area 5 m² and ² alone.\n\nNotes\n1 Note."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["2"]  # "m²" is attached; " ²" is not
    assert layout.uncited_notes == ("1",)


def test_bracket_markers_link_to_a_numbered_list_under_a_notes_heading():
    text = "Body with a bracket marker[1].\n\nReferences\n1. Something."
    layout = detect_footnotes(text)
    assert layout.style == "bracket"
    assert _notes(layout) == [("1", "Something.")]
    assert layout.missing_notes == () and layout.uncited_notes == ()
    assert layout.body_end == text.index("References")


# --- inline --------------------------------------------------------------------------------


def test_inline_blocks_are_marker_and_note():
    text = "He said so.[Footnote 3: X, December 8, 2024.] Later [note a. Nested [sic] text ]."
    layout = detect_footnotes(text)
    assert layout.style == "inline" and layout.body_end == len(text)
    first, second = layout.markers
    assert text[first.start : first.end] == "[Footnote 3: X, December 8, 2024.]"
    assert text[second.start : second.end] == "[note a. Nested [sic] text ]"
    assert _notes(layout) == [("3", "X, December 8, 2024."), ("a", "Nested [sic] text")]
    assert layout.notes[0].start == first.start
    assert text[layout.notes[0].end] == "]"
    assert layout.note_for(first) == layout.notes[0]
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_inline_block_never_spans_a_blank_line():
    text = "[Footnote 1: unclosed\n\nparagraph] and [Note 2: closed]"
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["2"]


def test_inline_wins_over_bracket_and_superscript():
    text = "A[1] b¹ [Note 2: inline].\n\nNotes\n1 x"
    assert detect_footnotes(text).style == "inline"


# --- none ----------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "Plain text [sic] with [words] only.", "x² + y²"])
def test_no_footnotes(text: str):
    layout = detect_footnotes(text)
    assert layout == FootnoteLayout("none", (), (), len(text))
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_offsets_are_code_points_with_emoji_and_arabic():
    text = "👍🏽 قال[1] e\u0301[2]\n\n[1] 🎉 ملاحظة"
    layout = detect_footnotes(text)
    assert _spans(text, layout) == ["[1]", "[2]"]
    assert layout.markers[0].start == 6
    assert layout.notes[0].text == "🎉 ملاحظة"


def test_under_a_notes_heading_the_style_with_more_markers_wins_superscript_on_a_tie():
    more_brackets = "One.¹ Two.[1] Three.[2]\n\nNotes\n\n¹ Sup note.\n\n[1] First.\n\n[2] Second."
    more_superscripts = "One.¹ Two.² Three.[1]\n\nNotes\n\n¹ Sup one.\n\n² Sup two.\n\n[1] First."
    tie = "One.¹ Two.[1]\n\nNotes\n\n¹ Sup one.\n\n[1] First."
    assert detect_footnotes(more_brackets).style == "bracket"
    assert detect_footnotes(more_superscripts).style == "superscript"
    assert detect_footnotes(tie).style == "superscript"
