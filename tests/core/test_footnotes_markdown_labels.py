"""Labels of ``[^label]`` notes as readers write them for pages: grouped labels with a
space (Wikipedia's ``n 1``), symbols; and code, where no footnote is."""

from __future__ import annotations

import pytest

from glossator.core.footnotes import detect_footnotes


def test_grouped_labels_keep_their_group_apart_from_the_main_numbering():
    text = (
        "Anthem[^n 1] and language[^n 2], population[^1].\n\n"
        "[^n 1]: Used on regal occasions.[^2]\n\n[^n 2]: English is de facto.\n\n"
        "[^1]: Census 2018.\n\n[^2]: Ministry for Culture and Heritage."
    )
    layout = detect_footnotes(text)
    linked = [(m.label, layout.note_for(m)) for m in layout.markers]
    assert [(label, note.text if note else None) for label, note in linked] == [
        ("n 1", "Used on regal occasions.[^2]"),
        ("n 2", "English is de facto."),
        ("1", "Census 2018."),
        ("2", "Ministry for Culture and Heritage."),
    ]
    assert layout.uncited_notes == ()


@pytest.mark.parametrize("label", ["*", "†", "‡", "**", "комм. 1", "note 3", "nb 1"])
def test_symbol_and_word_labels(label: str):
    text = f"Said[^{label}].\n\n[^{label}]: The note."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == [label]
    assert [n.label for n in layout.notes] == [label]


def test_code_holds_no_markdown_markers_nor_notes():
    text = (
        "Use the regex [^0-9] here[^1] and:\n\ns = re.sub(r\"[^a-z]\", \"\", s)\n\n"
        "[^x]: inside a code block\n\n[^1]: A note."
    )
    code = ["[^0-9]", 's = re.sub(r"[^a-z]", "", s)', "[^x]: inside a code block"]
    verbatim = tuple((text.index(c), text.index(c) + len(c)) for c in code)
    layout = detect_footnotes(text, verbatim)
    assert [m.label for m in layout.markers] == ["1"]
    assert [n.label for n in layout.notes] == ["1"]
    assert layout.missing_notes == ()


def test_words_with_a_space_are_no_label():
    text = "Not a reference, it has a space.[^my note] A real one.[^1]\n\n[^1]: The note."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1"]
    assert layout.missing_notes == ()


def test_a_markdown_note_takes_every_wrapped_line_of_its_paragraph():
    text = "Text.[^1] More.\n\n[^1]: One wrapped\ntwo wrapped\nthree wrapped.\n\nBody again."
    (note,) = detect_footnotes(text).notes
    assert note.text == "One wrapped\ntwo wrapped\nthree wrapped."


def test_a_markdown_note_goes_on_over_two_blank_lines_to_an_indented_paragraph():
    text = ("Text.[^1] More.\n\n[^1]: First paragraph.\n\n\n"
            "    Second paragraph, after two blank lines.\n\nBody again.")
    (note,) = detect_footnotes(text).notes
    assert note.text == "First paragraph.\n\n\n    Second paragraph, after two blank lines."
