"""Brackets that refer elsewhere: a note citing another note, a label written twice, a
cross-reference to a numbered letter, a key to symbols."""

from __future__ import annotations

from glossator.core.footnotes import FootnoteLayout, detect_footnotes


def _linked(layout: FootnoteLayout) -> list[tuple[str, str | None]]:
    pairs: list[tuple[str, str | None]] = []
    for marker in layout.markers:
        note = layout.note_for(marker)
        pairs.append((marker.label, None if note is None else note.label))
    return pairs


def test_an_explanatory_note_cites_its_source_with_a_marker():
    # Wikipedia's explanatory notes cite the references list; so do Markdown definitions
    text = (
        "Anthem.[1] Flag.[2]\n\n[1] Used only on regal occasions.[3]\n\n"
        "[2] Adopted in 1902.\n\n[3] Ministry for Culture and Heritage."
    )
    layout = detect_footnotes(text)
    assert _linked(layout) == [("1", "1"), ("2", "2"), ("3", "3")]
    assert layout.uncited_notes == () and layout.missing_notes == ()


def test_a_markdown_definition_cites_another_definition():
    text = "Claim.[^a]\n\n[^a]: Explained, with its source.[^src]\n\n[^src]: The source."
    layout = detect_footnotes(text)
    assert _linked(layout) == [("a", "a"), ("src", "src")]
    assert layout.uncited_notes == ()


def test_a_note_that_writes_its_label_twice_does_not_cite_itself():
    text = "Body.[1] More.[2]\n\n[1] [1] This work was undertaken.\n\n[2] [2] I have given."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1", "2"]
    assert [note.text for note in layout.notes] == [
        "[1] This work was undertaken.",
        "[2] I have given.",
    ]


def test_a_number_standing_far_beyond_the_notes_is_a_cross_reference():
    # letters numbered 216 to 370, each with notes numbered from 1
    text = (
        "216.\n\nSend the plate.[1] I will repay you.[2]\n\n[Footnote 1: A visiting-card.]\n\n"
        "[Footnote 2: Threefold.]\n\n217.\n\nThough refused on this matter [337], and\n"
        "again [3], still.[1]\n\n[Footnote 1: The Mass.]"
    )
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1", "2", "3", "1"]
    assert layout.missing_notes == ("3",)  # near the notes' numbers: a note gone missing


def test_attached_and_nearby_numbers_without_notes_stay_markers():
    text = "One.[1] Two.[40] Three [9].\n\n[1] The only note."
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1", "40", "9"]
    assert layout.missing_notes == ("40", "9")


def test_a_key_to_symbols_is_neither_marker_nor_note():
    text = (
        "TRANSCRIBER'S NOTE\n\nRhythms:\n\n[1]  = Whole-note\n[2] = Half-note\n\n"
        "Pitches: [C] = common time.\n\nRhythm is all.[01]\n\n[01] The Fate motive."
    )
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["01"]
    assert [note.label for note in layout.notes] == ["01"]
    assert layout.missing_notes == () and layout.uncited_notes == ()
