"""``[Footnote n: ...]`` blocks as Project Gutenberg writes them: cited by ``[n]`` markers in
the body, over several paragraphs, after each paragraph or chapter, labels restarting."""

from __future__ import annotations

from glossator.core.footnotes import detect_footnotes


def test_body_markers_cite_the_blocks_and_the_blocks_are_the_notes():
    text = (
        "A statement,[1] and another.[2]\n\n[Footnote 1: The first note.]\n\n"
        "[Footnote 2: The second note.]\n\nMore text."
    )
    layout = detect_footnotes(text)
    assert layout.style == "inline"
    assert [text[m.start : m.end] for m in layout.markers] == ["[1]", "[2]"]
    assert [(n.label, n.text) for n in layout.notes] == [
        ("1", "The first note."),
        ("2", "The second note."),
    ]
    assert [layout.note_for(m) for m in layout.markers] == list(layout.notes)
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_a_block_runs_over_paragraphs_when_its_bracket_closes_a_paragraph():
    text = (
        "Glooscap blinded him.[13]\n\n[Footnote 13: In another story, Glooscap turned\n"
        "the eyes of the Snake white:--\n\n\"Once on a time the Snake wished to see.\n"
        "From that time the eyes of the Snake have been white.\"]\n\n"
        "[Music illustration: not a note.]\n\nThe story goes on."
    )
    layout = detect_footnotes(text)
    (note,) = layout.notes
    assert note.text.startswith("In another story")
    assert note.text.endswith("have been white.\"")
    assert layout.note_for(layout.markers[0]) == note


def test_a_block_that_never_closes_at_a_paragraph_end_is_not_a_note():
    text = "[Footnote 1: unclosed\n\nparagraph] and text.\n\n[Footnote 2: closed]"
    layout = detect_footnotes(text)
    assert [n.label for n in layout.notes] == ["2"]


def test_letter_markers_cite_lettered_blocks():
    text = "He wrote[A] and said[B].\n\n[Footnote A: Letter a.]\n\n[Footnote B: Letter b.]"
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["A", "B"]
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_restarting_labels_link_to_the_next_blocks():
    text = (
        "Chapter one says so.[1]\n\n[Footnote 1: Chapter one's note.]\n\n"
        "Chapter two says so too.[1]\n\n[Footnote 1: Chapter two's note.]"
    )
    layout = detect_footnotes(text)
    linked = [layout.note_for(m).text for m in layout.markers]
    assert linked == ["Chapter one's note.", "Chapter two's note."]
    assert layout.uncited_notes == ()


def test_blocks_apart_from_each_other_are_numbered_from_zero_in_text_order():
    text = (
        "One.[1] Two.[2]\n\n[Footnote 1: First.]\n\n[Footnote 2: Second.]\n\nChapter two.[3]"
        "\n\n[Footnote 3: Third.]\n\nChapter three.[4]\n\n[Footnote 4: Fourth.]\n\nThe end."
    )
    assert detect_footnotes(text).blocks == (0, 0, 1, 2)  # blank space only: one group


def test_a_lettered_block_is_cited_by_its_letter():
    text = "A claim.[A]\n\n[Footnote A: The lettered note.]\n\nMore."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["A"]
    assert layout.note_for(layout.markers[0]).text == "The lettered note."
    assert layout.missing_notes == ()
