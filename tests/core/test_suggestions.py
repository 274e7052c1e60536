"""Name matching (`core.names`) and proposed mentions and quotations (`core.suggestions`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossator.core.codebook import Codebook, SpeakerDef, TargetDef
from glossator.core.footnotes import detect_footnotes
from glossator.core.names import NameIndex, article_variants, name_key
from glossator.core.suggestions import (
    Suggestion,
    SuggestionKind,
    find_quotations,
    sentences,
    suggest,
)
from glossator.core.text import normalize_text

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
MENTION, QUOTE = SuggestionKind.MENTION, SuggestionKind.QUOTE


def _read(name: str) -> str:
    return normalize_text((SEEDS / name).read_text(encoding="utf-8"))


# -- names ------------------------------------------------------------------------------------


def test_names_key_folds_case_accents_quotes_hyphens_and_spaces():
    assert name_key("  Hay’at  Tahrir\tAL‑Shām ") == "hay'at tahrir al-sham"
    assert name_key("Hayʼat") == name_key("HAY'AT") == name_key("hay‘at")
    assert name_key("Ｔａｍｉｍｉ") == "tamimi"
    assert name_key("Mu\u0301hammad") == "muhammad"
    assert name_key("Soft\u00adhyphen") == "softhyphen"


def test_names_article_variants():
    assert article_variants("Al-Tamimi") == {
        "Al-Tamimi",
        "Tamimi",
        "al-Tamimi",
        "Al Tamimi",
        "El-Tamimi",
    }
    variants = article_variants("Muhammad Al-Tamimi")
    assert {"Muhammad Al-Tamimi", "Muhammad Tamimi", "Muhammad al-Tamimi"} <= variants
    assert "Tamimi" not in variants
    assert "Sham" in article_variants("Ash-Sham")
    assert "Tamimi" in article_variants("Al Tamimi")
    assert article_variants("Iran") == {"Iran"}
    assert article_variants("As-Tamimi") == {"As-Tamimi"}  # not a doubled consonant
    assert article_variants("Al-Ab") == {"Al-Ab"}  # too short to stand alone
    many = article_variants("Al-Aaa Al-Bbb Al-Ccc Al-Ddd")
    assert "Aaa Bbb Ccc Ddd" in many and len(many) < 10


@pytest.fixture
def index() -> NameIndex:
    return NameIndex(
        [
            ("Muhammad Al-Tamimi", ["Al-Tamimi", "Tamimi"]),
            ("Iran", ["the Iranian regime", "Iranian regime"]),
            ("HTS", ["Hay'at Tahrir Al-Sham"]),
            ("José Núñez", []),
            ("U.S.", ["United States"]),
        ]
    )


def _found(index: NameIndex, text: str) -> list[tuple[str, str]]:
    return [(text[s:e], name) for s, e, name in index.find_all(text)]


def test_names_word_boundaries_and_longest_match(index: NameIndex):
    text = "Iranian officials and the Iranian regime; Iran-backed Iran. Tamimiya, Tamimi."
    assert _found(index, text) == [
        ("the Iranian regime", "Iran"),
        ("Iran", "Iran"),
        ("Iran", "Iran"),
        ("Tamimi", "Muhammad Al-Tamimi"),
    ]
    assert _found(index, "Muhammad Al-Tamimi wrote") == [
        ("Muhammad Al-Tamimi", "Muhammad Al-Tamimi")
    ]
    assert _found(index, "muhammad al tamimi") == [("muhammad al tamimi", "Muhammad Al-Tamimi")]
    assert _found(index, "the U.S. and the U.S.A") == [("U.S.", "U.S.")]


def test_names_longest_wins_over_leftmost():
    index = NameIndex([("Islamic Iraq", []), ("Iraq Movement – Imam Ali Brigades", [])])
    text = "the Islamic Iraq Movement – Imam Ali Brigades militia"
    longest = "Iraq Movement – Imam Ali Brigades"
    assert _found(index, text) == [(longest, longest)]


def test_names_accents_curly_apostrophes_and_hyphens(index: NameIndex):
    text = "JOSE NUNEZ met Hay’at Tahrir al‑Sham and El-Tamimi"
    assert _found(index, text) == [
        ("JOSE NUNEZ", "José Núñez"),
        ("Hay’at Tahrir al‑Sham", "HTS"),
        ("El-Tamimi", "Muhammad Al-Tamimi"),
    ]
    decomposed = "Jose\u0301 Nu\u0303n\u0303ez said"
    assert _found(index, decomposed) == [("Jose\u0301 Nu\u0303n\u0303ez", "José Núñez")]


def test_names_offsets_are_code_points_after_arabic_and_emoji(index: NameIndex):
    text = "قال محمد التميمي 😀👩‍👩‍👧 ثم Al-Tamimi\u00a0 wrote  about   the   Iranian\nregime"
    found = index.find_all(text)
    assert [(text[s:e], n) for s, e, n in found] == [
        ("Al-Tamimi", "Muhammad Al-Tamimi"),
        ("the   Iranian\nregime", "Iran"),
    ]
    assert found[0][0] == text.index("Al-Tamimi")


def test_names_empty_index_and_text():
    assert NameIndex([]).find_all("anything") == []
    assert NameIndex([("A B", ["  "])]).find_all("") == []


def test_names_lookup_ranks_prefix_then_word_then_fuzzy(index: NameIndex):
    assert index.lookup("Iran")[0] == "Iran"
    assert index.lookup("tam") == ["Muhammad Al-Tamimi"]
    assert index.lookup("hay’at") == ["HTS"]
    assert index.lookup("nunez") == ["José Núñez"]
    assert index.lookup("Tamimy") == ["Muhammad Al-Tamimi"]
    assert index.lookup("united st")[0] == "U.S."
    assert index.lookup("zz") == []
    assert index.lookup("") == sorted(index.canonicals, key=name_key)
    both = NameIndex([("Ann Mora", []), ("Mora Ann", [])])
    assert both.lookup("mora") == ["Mora Ann", "Ann Mora"]


# -- suggestions --------------------------------------------------------------------------------

SEED_CODEBOOK = Codebook(
    speakers=(
        SpeakerDef("Muhammad Al-Tamimi", ("Al-Tamimi", "Tamimi")),
        SpeakerDef("Shibl Al-Zaydi", ("Al-Zaydi",)),
    ),
    targets=(TargetDef("Iran", ("the Iranian regime", "Iranian regime")),),
)


def _quotes(found: list[Suggestion]) -> list[tuple[str, str | None]]:
    return [(s.quote, s.speaker) for s in found if s.kind is QUOTE]


def _quote_starting(found: list[Suggestion], words: str) -> Suggestion:
    return next(s for s in found if s.kind is QUOTE and s.quote.startswith(words))


def test_suggest_on_the_seed():
    text = _read("000_93b5b4f369dc47da.txt")
    found = suggest(text, SEED_CODEBOOK, body_end=detect_footnotes(text).body_end)
    assert found == sorted(found, key=lambda s: s.start)
    speakers = {s.quote for s in found if s.kind is MENTION and s.speaker}
    assert speakers == {"Muhammad Al-Tamimi", "Al-Tamimi", "Shibl Al-Zaydi", "Al-Zaydi"}
    assert all(s.target is None for s in found if s.speaker)
    targets = [s.quote for s in found if s.kind is MENTION and s.target == "Iran"]
    assert "the Iranian regime" in targets and "Iranian" not in targets
    for s in found:
        assert text[s.start : s.end] == s.quote
    assert _quote_starting(found, "didn’t bat an eye,").speaker == "Muhammad Al-Tamimi"
    hamas = next(s for s in found if "Hamas and Hizbullah were left alone in the arena" in s.quote)
    assert hamas.speaker == "Muhammad Al-Tamimi"
    assert hamas.quote.startswith("Hamas") and hamas.quote.endswith("fate,")
    assert _quote_starting(found, "Be prepared.").speaker == "Muhammad Al-Tamimi"
    assert _quote_starting(found, "at the time").speaker == "Shibl Al-Zaydi"
    await_ = _quote_starting(found, "we await with caution")
    assert await_.speaker == "Shibl Al-Zaydi" and await_.quote.endswith("region.")
    assert len(_quotes(found)) == 5
    assert not any("Takfir" in s.quote for s in found if s.kind is QUOTE)


def test_suggest_without_body_end_sees_whole_text_and_notes_quote_is_ignored():
    text = "Note section.\n\n[4] 'Takfir'' is a practice."
    assert _quotes(suggest(text, SEED_CODEBOOK)) == []


def test_suggest_on_the_harbor_sample():
    text = _read("harbor-closure-reactions.txt")
    codebook = Codebook(
        speakers=(
            SpeakerDef("Idris Varga", ("Varga",)),
            SpeakerDef("Leyla Osterhagen", ("Osterhagen",)),
            SpeakerDef("Tomas Rill", ("Rill",)),
        )
    )
    found = suggest(text, codebook, body_end=detect_footnotes(text).body_end)
    assert [s.quote for s in found if s.kind is MENTION] == [
        "Idris Varga",
        "Varga",
        "Leyla Osterhagen",
        "Tomas Rill",
    ]
    assert _quotes(found) == [
        ("did not begin yesterday, but on the day our partners chose silence.", "Idris Varga"),
        ("left the fishermen of Keshet to face the storm alone", "Idris Varga"),
        (
            "whoever abandons a friend at sea should not expect a rope when his own boat sinks.",
            "Idris Varga",
        ),
        (
            "we will watch, with patience and with open eyes, how the new rules are applied,"
            " because what happens in Keshet will shape the whole coast.",
            "Leyla Osterhagen",
        ),
        ("have no interest in the unity of the coast.", "Leyla Osterhagen"),
        ("the first honest decision in ten years.", None),
        ("has lost the right to speak for the coast.", "Tomas Rill"),
    ]


def test_suggest_on_the_river_council_markdown():
    text = _read("river-council-statements.md")
    codebook = Codebook(
        speakers=(
            SpeakerDef("Mirela Dascu", ("Dascu",)),
            SpeakerDef("Orhan Belisz", ("Belisz",)),
            SpeakerDef("Sana Quill", ("Quill",)),
        )
    )
    found = suggest(text, codebook, body_end=detect_footnotes(text).body_end)
    assert _quotes(found) == [
        ("a victory for every farmer downstream", "Mirela Dascu"),
        ("We signed away the spring floods,", "Orhan Belisz"),
        ("and the spring floods are our fields.", "Orhan Belisz"),
        ("negotiating in the dark", "Orhan Belisz"),
        ("wait for the first quota report", "Sana Quill"),
    ]


def test_suggest_on_curly_and_guillemet_quotes():
    text = (
        "Market elder Vasco Lind told reporters that the tariff “punishes the people.” "
        "Ana Petrel called it «temporary and necessary». ‘‘We wait,’’ said Lind."
    )
    codebook = Codebook(speakers=(SpeakerDef("Vasco Lind", ("Lind",)), SpeakerDef("Ana Petrel")))
    assert _quotes(suggest(text, codebook)) == [
        ("punishes the people.", "Vasco Lind"),
        ("temporary and necessary", "Ana Petrel"),
        ("We wait,", "Vasco Lind"),
    ]


def test_attribution_prefers_the_speaking_mention():
    codebook = Codebook(speakers=(SpeakerDef("Anna Berg"), SpeakerDef("Carl Dunn")))
    text = "Anna Berg told Carl Dunn that ''nothing changes.''"
    assert _quotes(suggest(text, codebook)) == [("nothing changes.", "Anna Berg")]
    text = "Carl Dunn's ally, Anna Berg, stood up. She said ''enough.''"
    assert _quotes(suggest(text, codebook)) == [("enough.", "Anna Berg")]
    text = "Anna Berg spoke first. The crowd cheered. ''Enough,'' he said."
    assert _quotes(suggest(text, codebook)) == [("Enough,", None)]
    text = "Anna Berg spoke first. He stood. They waited. ''Enough,'' he said."
    assert _quotes(suggest(text, codebook)) == [("Enough,", "Anna Berg")]
    text = "''We stay,'' he said, according to Carl Dunn."
    assert _quotes(suggest(text, codebook)) == [("We stay,", None)]
    text = "''We stay,'' said Carl Dunn."
    assert _quotes(suggest(text, codebook)) == [("We stay,", "Carl Dunn")]


def test_quotations_need_a_closing_mark_in_the_same_paragraph():
    text = "He said ''open\n\nclose'' and \"it's\" and don''t"
    assert [text[q.start : q.end] for q in find_quotations(text)] == ["it's"]


def test_sentences_ignore_inner_punctuation_and_abbreviations():
    text = (
        "He said ''Be ready. It comes.''[3] Then the U.S. envoy left. Mr. Hale stayed!"
        " Dr. X asked? yes."
    )
    assert [text[s:e] for s, e in sentences(text)] == [
        "He said ''Be ready. It comes.''[3]",
        "Then the U.S. envoy left.",
        "Mr. Hale stayed!",
        "Dr. X asked? yes.",
    ]
