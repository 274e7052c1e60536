"""Notes lists as books print them: a label alone over a quoted letter, a label run into its
text, lettered notes; and a reference standing alone in a table cell."""

from __future__ import annotations

from glossator.core.footnotes import detect_footnotes


def _notes(text: str) -> list[tuple[str, str]]:
    return [(note.label, note.text) for note in detect_footnotes(text).notes]


def test_a_label_alone_over_a_quoted_letter_takes_it_to_the_next_note():
    text = (
        "Dussek wrote.[1] And again.[2] Then.[3]\n\nFOOTNOTES:\n\n[1] Schindler, vol. ii.\n\n"
        "[2]\n\nHAMBURGH, _June 12, 1801._\n\nMR. CLEMENTI,--\n\nI have received your letter.\n\n"
        "DUSSEK.\n\n[3] _Musical Times_, 1877.\n\nEnd of the Project Gutenberg EBook."
    )
    assert _notes(text) == [
        ("1", "Schindler, vol. ii."),
        (
            "2",
            "HAMBURGH, _June 12, 1801._\n\nMR. CLEMENTI,--\n\nI have received your letter."
            "\n\nDUSSEK.",
        ),
        ("3", "_Musical Times_, 1877."),
    ]


def test_a_reference_alone_in_a_table_cell_is_a_marker_of_the_note_listed_later():
    text = (
        "Film | Song\n\nChoron Ka Chor\n\n[44]\n\n| O Mere Dildaar\n\nMore rows.[45]\n\n"
        "[44] Muvyz, Choron Ka Chor songs.\n\n[45] Raaga, 1970 songs."
    )
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["44", "45"]
    assert [(n.label, n.text) for n in layout.notes] == [
        ("44", "Muvyz, Choron Ka Chor songs."),
        ("45", "Raaga, 1970 songs."),
    ]
    assert layout.uncited_notes == () and layout.missing_notes == ()


def test_a_label_run_into_its_text_starts_a_note():
    text = (
        "Et nos vaisseaux sont trop ras.[1]\n\nNous allons avec Dras[2]\n\n"
        "[1]_Ras_--Terme de Mer.\n\n[2] _Dras_--Drake."
    )
    assert _notes(text) == [("1", "_Ras_--Terme de Mer."), ("2", "_Dras_--Drake.")]


def test_lettered_notes_after_each_chapter():
    text = (
        "Consecutive.\"[A]\n\nFOOTNOTES:\n\n[A] \"Beethoven and His Nine Symphonies,\" p. 374."
        "\n\nCHAPTER II\n\nIts meaning.\"[B] Set forth.\"[C]\n\nFOOTNOTES:\n\n"
        "[B] \"Studies in the Wagnerian Drama,\" p. 22.\n\n[C] Grove, 2d ed."
    )
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["A", "B", "C"]
    assert [note.label for note in layout.notes] == ["A", "B", "C"]
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_lettered_lines_not_starting_at_a_or_never_cited_are_not_notes():
    options = "Choose one:\n\n[A] Red\n[B] Blue\n\nDone."
    assert detect_footnotes(options).notes == ()
    legend = "Key:\n\n[C]  or [C/4] = C-shaped time.\n\nIn [C] the bar has four beats."
    layout = detect_footnotes(legend)
    assert layout.notes == () and layout.markers == ()


def test_numbered_paragraphs_that_nothing_cites_are_the_text_not_notes():
    text = (
        "Abgebrochene Forschung\n\nKommentare: 1\n\n[1] Wer im Wissenschaftsbetrieb würde "
        "sich nicht besinnen, beim Stichwort der abgebrochenen Forschung?\n\n[2] Sie ist "
        "verwandt mit dem Scheitern, und wer spricht schon gerne darüber?\n\n[3] An "
        "Gutachtern gescheiterte Anträge, am Peer-Review gescheiterte Manuskripte."
    )
    layout = detect_footnotes(text)
    assert layout.notes == () and layout.style == "none"
    end_notes = "A long body without markers, as an excerpt may be.\n\n[1] One.\n\n[2] Two."
    assert [n.label for n in detect_footnotes(end_notes).notes] == ["1", "2"]


def test_lettered_notes_right_after_their_paragraph_without_a_heading():
    text = (
        "\"There is only one Beethoven.\"[A]\n\n[A] Frimmel's Beethoven.\n\n"
        "It was raining. Pity,[B] that sentiment, comes first.\n\n[B] The German Mitleid."
    )
    layout = detect_footnotes(text)
    assert [(m.label, layout.note_for(m)) for m in layout.markers] == [
        ("A", layout.notes[0]),
        ("B", layout.notes[1]),
    ]
    assert [n.text for n in layout.notes] == ["Frimmel's Beethoven.", "The German Mitleid."]


def test_a_label_on_its_own_line_over_its_text_is_a_note_not_a_lone_marker():
    """The same label alone in a table cell (a marker) and over its note's text on the
    next line: no blank line follows the note's label, so it is the note."""
    text = (
        "Film | Song\n\nChoron Ka Chor\n\n[44]\n\n| O Mere Dildaar\n\nMore rows.\n\nNotes\n\n"
        "[44]\nMuvyz, Choron Ka Chor songs."
    )
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["44"]
    assert [(n.label, n.text) for n in layout.notes] == [("44", "Muvyz, Choron Ka Chor songs.")]


def test_a_label_alone_that_continues_a_list_is_its_last_note():
    """[4] alone in a table cell is a marker; [4] alone after notes 1 to 3 continues their
    list (the note before it is 3, not the list's first or second) and is a note."""
    text = (
        "Report.[1] More.[2] Again.[3]\n\nTable:\n\n[4]\n\n| a cell\n\nNOTES:\n\n[1] One.\n\n"
        "[2] Two.\n\n[3] Three.\n\n[4]\n\nDear sir, a letter quoted at length.\n\nYours, D."
    )
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["1", "2", "3", "4"]
    assert [n.label for n in layout.notes] == ["1", "2", "3", "4"]
    assert layout.note_for(layout.markers[3]) is not None


def test_a_marker_after_every_notes_block_of_its_label_cites_the_last_one():
    text = (
        "A.[1]\n\n[1] First chapter's note.\n\nCHAPTER II\n\nB.[1]\n\n[1] Second chapter's note."
        "\n\nAFTERWORD\n\nIt cites it again.[1]"
    )
    layout = detect_footnotes(text)
    cited = [layout.note_for(m) for m in layout.markers]
    assert [n.text if n else None for n in cited] == [
        "First chapter's note.", "Second chapter's note.", "Second chapter's note."]


def test_uncited_numbered_paragraphs_are_notes_unless_they_are_most_of_the_text():
    """Three [n] paragraphs nothing cites, two fifths of the text: notes (uncited); more
    than half of it: the text's own numbered points."""
    intro = "An introduction of some length, which says a good deal before its points. "
    points = "\n\n".join(f"[{i}] Point {i} of the argument, stated briefly here."
                         for i in (1, 2, 3))
    some = intro * 3 + "\n\n" + points
    assert 0.35 < len(points) / len(some) < 0.45
    layout = detect_footnotes(some)
    assert [n.label for n in layout.notes] == ["1", "2", "3"]
    assert layout.uncited_notes == ("1", "2", "3")
    assert detect_footnotes(intro + "\n\n" + points).notes == ()


def test_a_label_alone_before_the_next_note_of_its_list_is_a_note():
    """[5] alone in a table cell is a marker; [5] alone right before note 6 begins their
    list (nothing before it) and takes the letter up to note 6."""
    text = (
        "Report.[6]\n\nTable:\n\n[5]\n\n| a cell\n\nNOTES:\n\n[5]\n\n"
        "Dear sir, a letter quoted at length.\n\n[6] Six."
    )
    layout = detect_footnotes(text)
    assert [m.label for m in layout.markers] == ["6", "5"]
    assert [(n.label, n.text) for n in layout.notes] == [
        ("5", "Dear sir, a letter quoted at length."), ("6", "Six.")]
