"""Footnote detection on the seed report and the plain-text and Markdown samples."""

from __future__ import annotations

import pytest

from glossator.core.footnotes import FootnoteLayout, Marker, Note, detect_footnotes
from glossator.core.text import normalize_text
from tests.conftest import SEED_REPORT, SEEDS


def _read(path) -> str:
    return normalize_text(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def seed() -> tuple[str, FootnoteLayout]:
    text = _read(SEED_REPORT)
    return text, detect_footnotes(text)


def _assert_spans_exact(text: str, layout: FootnoteLayout) -> None:
    for marker in layout.markers:
        expected = {"bracket": f"[{marker.label}]", "markdown": f"[^{marker.label}]"}
        assert text[marker.start : marker.end] == expected[layout.style]
    for note in layout.notes:
        assert note.text == text[note.text_start : note.end]
        assert note.start <= note.text_start <= note.end <= len(text)
        assert text[note.start] == "["
        assert note.text == note.text.strip()


def test_seed_is_bracket_style_with_six_markers_in_order(seed):
    text, layout = seed
    assert layout.style == "bracket"
    assert [m.label for m in layout.markers] == ["1", "2", "3", "4", "5", "6"]
    starts = [m.start for m in layout.markers]
    assert starts == sorted(starts)
    assert all(m.start < layout.body_end for m in layout.markers)
    _assert_spans_exact(text, layout)


def test_seed_notes_two_to_five_are_linked(seed):
    _, layout = seed
    assert [n.label for n in layout.notes] == ["2", "3", "4", "5"]
    for marker in layout.markers:
        note = layout.note_for(marker)
        if marker.label in {"1", "6"}:
            assert note is None
        else:
            assert note is not None and note.label == marker.label
            assert layout.citations(note) == (marker,)


def test_seed_missing_and_uncited(seed):
    _, layout = seed
    assert layout.missing_notes == ("1", "6")
    assert layout.uncited_notes == ()


def test_seed_note_three_text(seed):
    text, layout = seed
    note = next(n for n in layout.notes if n.label == "3")
    assert note.text == "X, December 8, 2024."
    assert text[note.start : note.end] == "[3] X, December 8, 2024."


def test_seed_notes_block_is_followed_by_boilerplate(seed):
    text, layout = seed
    assert text[layout.body_end :].startswith("[2] Al-Tamimi is referring")
    assert "The Cyber & Jihad Lab" in text[layout.notes[-1].end :]
    assert layout.notes[-1].text == "X, December 8, 2024."


@pytest.mark.parametrize(
    "word", ["[to see]", "[both]", "[in Syria]", "[in preserving]", "[with Israel]"]
)
def test_seed_bracketed_insertions_are_not_markers(seed, word: str):
    text, layout = seed
    position = text.index(word)
    assert all(not (m.start <= position < m.end) for m in layout.markers)


def test_seed_markers_attached_to_words_and_punctuation(seed):
    text, layout = seed
    before = {m.label: text[m.start - 1] for m in layout.markers}
    assert before["1"] == ","  # "factions,[1]"
    assert text[: layout.markers[0].end].endswith("factions,[1]")


def test_plain_text_sample():
    text = _read(SEEDS / "harbor-closure-reactions.txt")
    layout = detect_footnotes(text)
    assert layout.style == "bracket"
    _assert_spans_exact(text, layout)
    assert [m.label for m in layout.markers] == ["1", "2", "3", "4", "5", "5", "6", "7"]
    assert [n.label for n in layout.notes] == ["1", "2", "3", "4", "5", "6", "8"]
    assert layout.uncited_notes == ("8",)
    assert layout.missing_notes == ("7",)
    seven = next(m for m in layout.markers if m.label == "7")
    assert layout.note_for(seven) is None
    five = next(n for n in layout.notes if n.label == "5")
    assert len(layout.citations(five)) == 2
    eight = next(n for n in layout.notes if n.label == "8")
    assert layout.citations(eight) == ()
    for word in ("[legal]", "[sic]"):
        position = text.index(word)
        assert all(not (m.start <= position < m.end) for m in layout.markers)


def test_markdown_sample():
    text = _read(SEEDS / "river-council-statements.md")
    layout = detect_footnotes(text)
    assert layout.style == "markdown"
    _assert_spans_exact(text, layout)
    assert [n.label for n in layout.notes] == ["1", "2", "3", "4"]
    three = layout.notes[2]
    assert len(layout.citations(three)) == 2
    assert three.text == "Interview with Radio Talvar, June 13, 2025."
    assert layout.missing_notes == () and layout.uncited_notes == ()
    assert text[layout.body_end :].startswith("[^1]: Talvar Herald")


def test_layout_values_are_frozen_and_comparable():
    layout = detect_footnotes("A claim.[1]\n\n[1] Source.")
    again = detect_footnotes("A claim.[1]\n\n[1] Source.")
    assert layout == again and hash(layout.markers) == hash(again.markers)
    with pytest.raises(AttributeError):
        layout.style = "none"  # type: ignore[misc]
    assert layout.markers == (Marker("1", 8, 11),)
    assert layout.notes == (Note("1", 13, 24, 17, "Source."),)


def test_unknown_style_is_rejected():
    with pytest.raises(ValueError, match="style"):
        FootnoteLayout("footnotes", (), (), 0)


def test_duplicate_note_labels_link_to_the_first():
    text = "Claim[1] and claim[1].\n\n[1] First.\n\n[1] Second."
    layout = detect_footnotes(text)
    assert [n.text for n in layout.notes] == ["First.", "Second."]
    assert all(layout.note_for(m) == layout.notes[0] for m in layout.markers)
    assert layout.citations(layout.notes[1]) == layout.citations(layout.notes[0])
    assert layout.uncited_notes == ()


def test_missing_and_uncited_labels_are_unique_in_text_order():
    text = "a[3] b[1] c[3] d[1]\n\n[9] x\n\n[2] y\n\n[9] z"
    layout = detect_footnotes(text)
    assert layout.missing_notes == ("3", "1")
    assert layout.uncited_notes == ("9", "2")
