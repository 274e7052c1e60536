"""Notes blocks as real documents have them: several paragraphs per note, notes after each
chapter or letter, lists mid-document, labels that restart, boilerplate after the notes."""

from __future__ import annotations

from glossator.core.footnotes import FootnoteLayout, detect_footnotes


def _notes(layout: FootnoteLayout) -> list[tuple[str, str]]:
    return [(n.label, n.text) for n in layout.notes]


def _links(text: str, layout: FootnoteLayout) -> list[tuple[str, str | None]]:
    """Each marker's label with the first words of the note it links to."""
    out: list[tuple[str, str | None]] = []
    for marker in layout.markers:
        note = layout.note_for(marker)
        out.append((marker.label, None if note is None else note.text.split()[0]))
    return out


# --- a note runs over its paragraphs ----------------------------------------------------


def test_a_note_of_several_paragraphs_keeps_them_until_the_next_label():
    text = (
        "Body one.[1] Body two.[2]\n\n"
        "[1] First paragraph of the note.\n\nIts second paragraph, unindented.\n\n"
        "And a third.\n\n[2] The next note."
    )
    layout = detect_footnotes(text)
    assert _notes(layout) == [
        ("1", "First paragraph of the note.\n\nIts second paragraph, unindented.\n\nAnd a third."),
        ("2", "The next note."),
    ]
    assert [m.label for m in layout.markers] == ["1", "2"]
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_indented_paragraphs_continue_a_note_with_a_hanging_indent():
    text = (
        "Text.[1][2]\n\n[1]  A note that wraps\n     onto an indented line.\n\n"
        "     A second paragraph, indented the same.\n\n[2]  Short.\n\n"
        "     Its own second paragraph.\n\nCHAPTER II\n\nMore text."
    )
    layout = detect_footnotes(text)
    assert _notes(layout) == [
        (
            "1",
            "A note that wraps\n     onto an indented line.\n\n"
            "     A second paragraph, indented the same.",
        ),
        ("2", "Short.\n\n     Its own second paragraph."),
    ]


def test_body_between_two_lists_is_not_note_text():
    # the paragraph between note 2 and note 3 cites a note: it is body, and starts a new block
    text = (
        "A.[1] B.[2]\n\n[1] One.\n\n[2] Two.\n\nMore body with a marker.[3]\n\n[3] Three."
    )
    layout = detect_footnotes(text)
    assert _notes(layout) == [("1", "One."), ("2", "Two."), ("3", "Three.")]
    assert [m.label for m in layout.markers] == ["1", "2", "3"]
    assert layout.blocks == (0, 0, 1)


def test_a_heading_between_two_notes_ends_the_first_block():
    text = "A.[1]\n\n[1] One.\n\nCHAPTER TWO\n\n[2] Two, cited nowhere."
    layout = detect_footnotes(text)
    assert _notes(layout) == [("1", "One."), ("2", "Two, cited nowhere.")]
    assert layout.blocks == (0, 1)


def test_text_after_the_last_note_is_not_note_text():
    text = (
        "Claim.[1]\n\n[1] X, December 8, 2024.\n\n"
        "The full text of this post is available to subscribers.\n\nShare this article\n\n"
        "Read More"
    )
    layout = detect_footnotes(text)
    assert _notes(layout) == [("1", "X, December 8, 2024.")]
    assert layout.body_end == text.index("[1] X")


def test_a_label_wrapped_to_the_start_of_a_body_line_is_a_marker():
    text = "The minister said that the\n[2] figures were wrong.\n\n[2] Ministry release."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["2"]
    assert _notes(layout) == [("2", "Ministry release.")]


# --- every notes block counts, labels may restart -------------------------------------


def test_notes_after_each_chapter_all_count():
    text = (
        "CHAPTER I\n\nOne.[1] Two.[2]\n\n[1] Note one.\n\n[2] Note two.\n\n"
        "CHAPTER II\n\nThree.[3]\n\n[3] Note three."
    )
    layout = detect_footnotes(text)
    assert [n.label for n in layout.notes] == ["1", "2", "3"]
    assert layout.missing_notes == () and layout.uncited_notes == ()
    assert layout.body_end == text.index("[3] Note three.")


def test_labels_that_restart_link_to_the_nearest_following_block():
    text = (
        "Letter one.[1] Again.[2]\n\n[1] First letter, note one.\n\n"
        "[2] First letter, note two.\n\n"
        "Letter two.[1]\n\n[1] Second letter, note one."
    )
    layout = detect_footnotes(text)
    assert _links(text, layout) == [("1", "First"), ("2", "First"), ("1", "Second")]
    first, second = layout.notes[0], layout.notes[2]
    assert layout.citations(first) == (layout.markers[0],)
    assert layout.citations(second) == (layout.markers[2],)
    assert layout.uncited_notes == () and layout.missing_notes == ()


def test_a_marker_after_every_block_links_to_the_nearest_one_before_it():
    text = "[1] A note placed first.\n\nThen the text cites it.[1]"
    layout = detect_footnotes(text)
    assert _links(text, layout) == [("1", "A")]


def test_a_notes_list_mid_document_and_one_at_the_end():
    text = (
        "Part one.[1]\n\nNotes\n\n1. Mid-document note.\n\n"
        "Part two.[2]\n\nNotes\n\n2. End note."
    )
    layout = detect_footnotes(text)
    assert _links(text, layout) == [("1", "Mid-document"), ("2", "End")]
    assert layout.body_end == text.rindex("Notes")


# --- notes sections under a heading ----------------------------------------------------


def test_a_notes_heading_with_numbered_notes_in_each_form():
    for form in ("1. {}", "1) {}", "[1] {}"):
        first, second = form.format("One."), form.replace("1", "2").format("Two.")
        for heading in ("Notes", "Endnotes", "FOOTNOTES", "References:", "Sources"):
            text = f"Claim.[1] Another.[2]\n\n{heading}\n\n{first}\n\n{second}"
            layout = detect_footnotes(text)
            assert _notes(layout) == [("1", "One."), ("2", "Two.")], (form, heading)
            assert layout.missing_notes == () and layout.uncited_notes == ()


def test_a_notes_section_followed_by_boilerplate():
    text = (
        "He said so.[1] She agreed.[2]\n\nNotes\n\n1. X, December 8, 2024.\n\n"
        "2. Interview, December 9, 2024.\n\nThe full text of this post is available to "
        "subscribers.\n\nShare this:\n\nRead more"
    )
    layout = detect_footnotes(text)
    assert _notes(layout) == [("1", "X, December 8, 2024."), ("2", "Interview, December 9, 2024.")]


def test_a_numbered_list_elsewhere_is_not_a_notes_list():
    text = "Steps:\n\n1. Open the door.\n2. Walk in.\n\nA claim.[1]\n\nNotes\n\n1. The note."
    layout = detect_footnotes(text)
    assert _notes(layout) == [("1", "The note.")]
