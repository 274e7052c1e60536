"""Codebook values: validation of every problem kind, lookups, and merging by name."""

from __future__ import annotations

import dataclasses

import pytest

from glossator.core.codebook import (
    STANCE_DEFAULTS,
    Codebook,
    SpeakerDef,
    SpeakerKind,
    StanceLabelDef,
    TagDef,
    TargetDef,
)


def test_defaults_are_frozen_tuples_with_four_stances():
    cb = Codebook()
    assert tuple(s.name for s in cb.stance_labels) == STANCE_DEFAULTS
    assert cb.tags == () and cb.speakers == () and cb.targets == ()
    assert cb.validate() == []
    with pytest.raises(dataclasses.FrozenInstanceError):
        cb.tags = ()  # type: ignore[misc]
    assert SpeakerDef("X").kind is SpeakerKind.PERSON
    assert SpeakerKind.GROUP == "group"


def test_sound_codebook_has_no_problems():
    cb = Codebook(
        tags=(TagDef("Claim", shortcut="1"), TagDef("Prediction", parent="Claim", color="#AABBCC")),
        speakers=(SpeakerDef("Muhammad Al-Tamimi", ("Al-Tamimi", "Tamimi")),),
        targets=(TargetDef("Iran", ("the Iranian regime",)),),
    )
    assert cb.validate() == []


@pytest.mark.parametrize(
    ("codebook", "expected"),
    [
        (Codebook(tags=(TagDef("Claim"), TagDef("claim"))), "duplicate tag name"),
        (
            Codebook(speakers=(SpeakerDef("Al-Tamimi"), SpeakerDef("AL-TAMIMI"))),
            "duplicate speaker",
        ),
        (Codebook(targets=(TargetDef("Iran"), TargetDef(" iran "))), "duplicate target"),
        (
            Codebook(stance_labels=(StanceLabelDef("favor"), StanceLabelDef("Favor"))),
            "duplicate stance label",
        ),
        (Codebook(tags=(TagDef("  "),)), "empty name"),
        (
            Codebook(speakers=(SpeakerDef("A B", ("Bee",)), SpeakerDef("C B", ("bee",)))),
            "alias 'bee' is used by speakers 'A B' and 'C B'",
        ),
        (
            Codebook(
                speakers=(SpeakerDef("Tamimi"), SpeakerDef("Muhammad Al-Tamimi", ("Tamimi",)))
            ),
            "alias 'Tamimi' is used by speakers",
        ),
        (
            Codebook(targets=(TargetDef("Iran", ("X",)), TargetDef("Iraq", ("x",)))),
            "used by targets",
        ),
        (Codebook(speakers=(SpeakerDef("A", ("",)),)), "empty alias"),
        (Codebook(tags=(TagDef("Child", parent="Nowhere"),)), "unknown parent 'Nowhere'"),
        (Codebook(tags=(TagDef("A", parent="B"), TagDef("B", parent="A"))), "parent cycle"),
        (Codebook(tags=(TagDef("Self", parent="self"),)), "parent cycle"),
        (
            Codebook(tags=(TagDef("A", shortcut="3"), TagDef("B", shortcut="3"))),
            "shortcut 3 is used by tags 'A' and 'B'",
        ),
        (Codebook(tags=(TagDef("A", shortcut="0"),)), "not 1-9"),
        (Codebook(tags=(TagDef("A", shortcut="10"),)), "not 1-9"),
        (Codebook(tags=(TagDef("A", color="yellow"),)), "bad colour 'yellow'"),
        (Codebook(tags=(TagDef("A", color="#ffd96"),)), "bad colour"),
        (Codebook(tags=(TagDef("A", color="#ffd96g"),)), "bad colour"),
        (Codebook(stance_labels=()), "no labels"),
    ],
)
def test_validate_reports_each_problem(codebook: Codebook, expected: str):
    problems = codebook.validate()
    assert any(expected in p for p in problems), problems


def test_cycle_reported_once_and_through_a_chain():
    cb = Codebook(
        tags=(
            TagDef("A", parent="C"),
            TagDef("B", parent="A"),
            TagDef("C", parent="B"),
            TagDef("D", parent="A"),
        )
    )
    problems = cb.validate()
    assert sum("parent cycle" in p for p in problems) == 1


def test_alias_equal_to_own_name_is_fine():
    cb = Codebook(speakers=(SpeakerDef("Tamimi", ("tamimi", "Al-Tamimi")),))
    assert cb.validate() == []


def test_lookups_by_name_and_alias_ignore_case_and_apostrophes():
    cb = Codebook(
        tags=(TagDef("Claim"), TagDef("Prediction", parent="claim"), TagDef("Event")),
        speakers=(SpeakerDef("Muhammad Al-Tamimi", ("Al-Tamimi",)),),
        targets=(TargetDef("HTS", ("Hay'at Tahrir Al-Sham",)),),
    )
    assert cb.tag("CLAIM") == TagDef("Claim")
    assert cb.tag("nothing") is None
    speaker = cb.speaker("al-tamimi")
    assert speaker is not None and speaker.name == "Muhammad Al-Tamimi"
    target = cb.target("Hay’at Tahrir al-Sham")
    assert target is not None and target.name == "HTS"
    assert [t.name for t in cb.tag_children(None)] == ["Claim", "Event"]
    assert [t.name for t in cb.tag_children("Claim")] == ["Prediction"]


def test_merged_unions_by_name_and_fills_blanks():
    ours = Codebook(
        tags=(TagDef("Claim", shortcut="1"), TagDef("Threat", description="")),
        speakers=(SpeakerDef("Muhammad Al-Tamimi", ("Al-Tamimi",), role="militia leader"),),
        targets=(TargetDef("Iran"),),
        stance_labels=(StanceLabelDef("favor"), StanceLabelDef("against")),
    )
    theirs = Codebook(
        tags=(
            TagDef("threat", parent=None, shortcut="3", description="Announces harm"),
            TagDef("Event", shortcut="7"),
        ),
        speakers=(
            SpeakerDef(
                "muhammad al-tamimi",
                ("Tamimi", "al-tamimi"),
                SpeakerKind.GROUP,
                affiliation="Faylaq Al-Wa'ad Al-Sadiq",
                role="commander",
            ),
            SpeakerDef("Shibl Al-Zaydi", ("Al-Zaydi",)),
        ),
        targets=(TargetDef("IRAN", ("Iranian regime",), "the state"),),
        stance_labels=(StanceLabelDef("Favor", "supports"), StanceLabelDef("neutral")),
    )
    merged = ours.merged(theirs)
    assert [t.name for t in merged.tags] == ["Claim", "Threat", "Event"]
    threat = merged.tag("Threat")
    assert threat == TagDef("Threat", shortcut="3", description="Announces harm")
    tamimi = merged.speaker("Tamimi")
    assert tamimi is not None
    assert tamimi.name == "Muhammad Al-Tamimi"
    assert tamimi.aliases == ("Al-Tamimi", "Tamimi")
    assert tamimi.kind is SpeakerKind.PERSON  # ours is kept where it is set
    assert tamimi.role == "militia leader"
    assert tamimi.affiliation == "Faylaq Al-Wa'ad Al-Sadiq"
    assert [s.name for s in merged.speakers] == ["Muhammad Al-Tamimi", "Shibl Al-Zaydi"]
    assert merged.targets == (TargetDef("Iran", ("Iranian regime",), "the state"),)
    assert [(s.name, s.description) for s in merged.stance_labels] == [
        ("favor", "supports"),
        ("against", ""),
        ("neutral", ""),
    ]
    assert merged.validate() == []


def test_merged_with_itself_or_empty_is_identity():
    cb = Codebook(tags=(TagDef("A", shortcut="1"),), speakers=(SpeakerDef("X", ("Y",)),))
    assert cb.merged(cb) == cb
    assert cb.merged(Codebook(stance_labels=())) == cb
    assert Codebook(stance_labels=()).merged(cb) == cb
