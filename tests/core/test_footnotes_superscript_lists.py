"""Superscript markers with notes lists: every list counts, a note keeps its paragraphs."""

from __future__ import annotations

from glossator.core.footnotes import detect_footnotes


def test_a_note_in_a_notes_list_keeps_its_later_paragraphs():
    text = (
        "The minister spoke¹ and left.²\n\nNotes\n\n1. First note.\n\n"
        "It has a second paragraph.\n\n2. Second note.\n\nShare this article"
    )
    layout = detect_footnotes(text)
    assert layout.style == "superscript"
    assert [(n.label, n.text) for n in layout.notes] == [
        ("1", "First note.\n\nIt has a second paragraph."),
        ("2", "Second note."),
    ]
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_every_notes_list_counts_and_labels_may_restart():
    text = (
        "Chapter one.¹\n\nNotes\n\n1. One, first chapter.\n\n"
        "Chapter two.¹ And more.²\n\nNotes\n\n1. One, second chapter.\n2. Two, second chapter."
    )
    layout = detect_footnotes(text)
    assert [layout.note_for(m).text for m in layout.markers] == [
        "One, first chapter.",
        "One, second chapter.",
        "Two, second chapter.",
    ]
    assert layout.body_end == text.rindex("Notes")
