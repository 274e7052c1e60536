"""Which brackets are footnote markers: years, index pages, section numbers and code are not;
``[12a]`` and ``[3–5]`` are."""

from __future__ import annotations

import pytest

from glossator.core.footnotes import detect_footnotes


def _labels(text: str, verbatim: tuple[tuple[int, int], ...] = ()) -> list[str]:
    return [m.label for m in detect_footnotes(text, verbatim).markers]


def test_years_and_editions_in_brackets_are_not_markers():
    text = (
        "Hazewinkel, ed. (2001) [1994], Encyclopedia.[1] First printed [1887] and\n"
        "reprinted.\n\n[1] A note."
    )
    assert _labels(text) == ["1"]


def test_the_years_a_bracket_may_be_run_from_1000_to_2199():
    """A bracket standing apart with a year in it is a year, not a marker; 999 and 2200
    are not years, and are markers (their notes are missing)."""
    for year in ("1000", "2199"):
        assert _labels(f"Printed in [{year}] first.") == [], year
        assert _labels(f"Printed ([{year}]) first.") == [], year  # in parentheses too
    for number in ("999", "2200"):
        assert _labels(f"Printed in [{number}] first.") == [number]


def test_a_range_may_span_fifty_notes_past_its_first():
    assert _labels("Text[1-51] here.") == [str(n) for n in range(1, 52)]
    assert _labels("Text[1-52] here.") == []


def test_a_bracketed_year_is_a_marker_when_its_note_exists():
    text = "Text [1994] cited.\n\n[1994] The one thousand nine hundred and ninety-fourth note."
    assert _labels(text) == ["1994"]


def test_page_numbers_in_an_index_are_not_markers():
    text = (
        "Body.[1]\n\n[1] Note.\n\nINDEX\n\n  Banjo, [20]\n  Barrel-Organ, 5, [6], 10\n"
        "  Brown, Mr. (S.B.T. 9), [26]\n"
    )
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1"]
    assert layout.missing_notes == ()


def test_a_marker_after_a_comma_inside_a_sentence_is_still_a_marker():
    assert _labels("Seven Dials,[4] and more, [5] said he.\n\n[4] x\n\n[5] y") == ["4", "5"]


@pytest.mark.parametrize("word", ["[citation needed]", "[sic]", "[to see]", "[a]", "[i]"])
def test_editorial_brackets_are_not_markers(word: str):
    assert _labels(f"It was so{word} and more.[1]\n\n[1] Note.") == ["1"]


@pytest.mark.parametrize(
    "citation", ["§ 5[1]", "section 12[3]", "Section 4(2)[1]", "Art. 3[2]", "s. 7[1]", "rule 9[2]"]
)
def test_subsections_of_numbered_law_are_not_markers(citation: str):
    assert _labels(f"Under {citation} of the act.[7]\n\n[7] Note.") == ["7"]


@pytest.mark.parametrize(
    "line",
    [
        "let first = v[0];",
        "x[1] = y[2] + 1",
        "total += counts[3]",
        "name = items[1].strip()",
        "if a[2] == b[2] {",
        "grid[1][i] is the cell",
        "call(items[1]);",
        "call(items[1]);   ",
        "x = a[2];",
        "while (cells[3]) {",
    ],
)
def test_indices_in_code_are_not_markers(line: str):
    assert _labels(f"Code:\n\n    {line}\n\nProse.[4]\n\n[4] Note.") == ["4"]


def test_verbatim_spans_from_the_reader_hold_no_markers():
    text = "Call values[1] to read it.[2]\n\n[2] Note."
    start = text.index("values[1]")
    assert _labels(text) == ["1", "2"]
    assert _labels(text, ((start, start + len("values[1]")),)) == ["2"]
    bracket = text.index("[1]")  # a span that begins at the bracket holds it too
    assert _labels(text, ((bracket, bracket + 3),)) == ["2"]


def test_a_number_with_a_letter_is_a_marker():
    layout = detect_footnotes("Claim.[12a] Other.[12b]\n\n[12a] First.\n\n[12b] Second.")
    assert [m.label for m in layout.markers] == ["12a", "12b"]
    assert [n.label for n in layout.notes] == ["12a", "12b"]
    assert layout.missing_notes == () and layout.uncited_notes == ()


@pytest.mark.parametrize("dash", ["–", "-"])
def test_a_range_cites_every_note_in_it(dash: str):
    text = f"As shown before.[3{dash}5]\n\n[3] Three.\n\n[4] Four.\n\n[5] Five."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["3", "4", "5"]
    spans = [text[m.start : m.end] for m in layout.markers]
    assert spans == ["[3", dash, "5]"]
    assert [layout.note_for(m).text for m in layout.markers] == ["Three.", "Four.", "Five."]
    assert layout.uncited_notes == ()


@pytest.mark.parametrize("bracket", ["[5-3]", "[1-99]", "[3-3]", "[0-9]", "[0–5]"])
def test_ranges_that_do_not_run_upwards_or_are_too_long_are_not_markers(bracket: str):
    # a range from 0 is a class of characters in a pattern ("s/([0-9])\.so//")
    assert _labels(f"Text{bracket} here.") == []


def test_a_character_class_in_a_notes_shell_command_cites_nothing():
    text = (
        "Run it.[1]\n\n[1] The following command prints it: objdump -p lib.so | sed -n "
        "-e's/^[[:space:]]*SONAME[[:space:]]*//p' | sed -r -e's/([0-9])\\.so\\./\\1-/'"
    )
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1"]
    assert layout.missing_notes == ()
