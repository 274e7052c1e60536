"""Finding names in long texts: the text folded in one pass (each distinct character once)
and searched a stretch at a time must give exactly what folding character by character and
searching the whole text at once gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import glossator.core.names as names
from glossator.core.names import NameIndex, _fold_char, fold_with_map

# Letters, and characters that fold to nothing (format characters, combining marks), to
# several (ß, ligatures, İ) or to a space; Arabic and emoji (astral) too.
ALPHABET = "abcÉé\u0301\u200b\u200d ß\ufb01İ\u2019\u2014\n\t\u00adقال😀-'."
WORDS = ["Muhammad", "Al-Tamimi", "al", "Tamimi", "Abu", "Mahdi", "Iran", "Iranian", "KH",
         "Kata\u2019ib", "Hizbullah", "ISIS", "x", "\n", "\n\n", "   ", "said", "😀", "e\u0301"]
INDEX = NameIndex([("Muhammad Al-Tamimi", ["Abu Mahdi"]), ("Iran", []),
                   ("Kata'ib Hizbullah", ["KH"]), ("ISIS", [])])


def folded_one_by_one(text: str) -> tuple[str, list[int] | None]:
    pieces = [_fold_char(c) for c in text]
    folded = "".join(pieces)
    if len(folded) == len(text) and "" not in pieces:
        return folded, None
    origin: list[int] = []
    for index, piece in enumerate(pieces):
        origin.extend([index] * len(piece))
    return folded, origin


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET, max_size=60))
def test_folding_in_one_pass_is_folding_each_character(text):
    folded, origin = fold_with_map(text)
    expected, expected_origin = folded_one_by_one(text)
    assert folded == expected
    assert (origin is None) == (expected_origin is None)
    if origin is not None:
        assert len(origin) == len(folded)
        assert [origin[i] for i in range(len(folded))] == expected_origin


@settings(max_examples=300)
@given(st.text(alphabet=ALPHABET, max_size=60), st.integers(1, 20))
def test_folding_a_stretch_at_a_time_is_folding_each_character(text, chunk):
    """The text is gathered and translated a stretch at a time (each call of C code holds
    the interpreter): the stretches' edges change nothing, not even inside ß or İ."""
    saved = names.SCAN_CHUNK
    names.SCAN_CHUNK = chunk
    try:
        folded, origin = fold_with_map(text)
    finally:
        names.SCAN_CHUNK = saved
    expected, expected_origin = folded_one_by_one(text)
    assert folded == expected
    assert (origin is None) == (expected_origin is None)
    if origin is not None:
        assert [origin[i] for i in range(len(folded))] == expected_origin


def whole(text: str) -> list[tuple[int, int, str]]:
    saved = names.SCAN_CHUNK
    names.SCAN_CHUNK = 10**9
    try:
        return INDEX.find_all(text)
    finally:
        names.SCAN_CHUNK = saved


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS), max_size=120), st.integers(1, 40))
def test_a_text_searched_a_stretch_at_a_time_finds_what_one_search_finds(words, chunk):
    text = " ".join(words)
    expected = whole(text)
    saved = names.SCAN_CHUNK
    names.SCAN_CHUNK = chunk
    try:
        assert INDEX.find_all(text) == expected
    finally:
        names.SCAN_CHUNK = saved


def test_a_name_across_a_stretch_boundary_and_a_long_run_of_spaces_is_found():
    text = "x" * 50 + " Muhammad" + " " * 30 + "Al-Tamimi said"
    saved = names.SCAN_CHUNK
    names.SCAN_CHUNK = 55  # the boundary falls inside the name
    try:
        found = INDEX.find_all(text)
    finally:
        names.SCAN_CHUNK = saved
    assert [(text[s:e], n) for s, e, n in found] == [
        ("Muhammad" + " " * 30 + "Al-Tamimi", "Muhammad Al-Tamimi")]
