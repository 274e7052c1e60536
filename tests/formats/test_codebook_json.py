"""The codebook JSON format: round trips, strict reading, the shipped codebooks."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from glossator.core.codebook import (
    STANCE_DEFAULTS,
    Codebook,
    SpeakerDef,
    SpeakerKind,
    StanceLabelDef,
    TagDef,
    TargetDef,
)
from glossator.core.names import name_key
from glossator.formats.codebook_json import (
    FORMAT,
    MAX_BYTES,
    VERSION,
    CodebookFormatError,
    codebook_from_json,
    codebook_to_json,
    load_default_codebook,
    read_codebook_file,
    write_codebook_file,
)

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = Codebook(
    tags=(
        TagDef("Claim", shortcut="1", description="An assertion"),
        TagDef("Prediction", parent="Claim", color="#a0b0c0"),
    ),
    speakers=(
        SpeakerDef(
            "Muhammad Al-Tamimi",
            ("Al-Tamimi", "Tamimi"),
            SpeakerKind.PERSON,
            "Faylaq Al-Wa'ad Al-Sadiq",
            "militia leader",
        ),
        SpeakerDef("Houthi officials", kind=SpeakerKind.GROUP, affiliation="Ansar Allah"),
    ),
    targets=(TargetDef("Iran", ("the Iranian regime",), "the state"),),
    stance_labels=(StanceLabelDef("favor", "supports", True), StanceLabelDef("against")),
)


def _document(**changes: object) -> str:
    data = json.loads(codebook_to_json(SAMPLE))
    data.update(changes)
    return json.dumps(data)


def test_writes_the_documented_shape():
    text = codebook_to_json(SAMPLE)
    data = json.loads(text)
    assert list(data) == ["format", "version", "tags", "speakers", "targets", "stance_labels"]
    assert data["format"] == FORMAT == "glossator-codebook" and data["version"] == VERSION == 1
    assert data["tags"][1] == {
        "name": "Prediction",
        "parent": "Claim",
        "color": "#a0b0c0",
        "shortcut": None,
        "description": "",
    }
    assert data["speakers"][1]["kind"] == "group"
    assert data["stance_labels"][0] == {
        "name": "favor",
        "description": "supports",
        "has_intensity": True,
    }
    assert "Wa'ad" in text and text.endswith("}\n") and "\n  " in text


def test_round_trip_and_stable_output():
    text = codebook_to_json(SAMPLE)
    assert codebook_from_json(text) == SAMPLE
    assert codebook_from_json(text.encode("utf-8")) == SAMPLE
    assert codebook_to_json(codebook_from_json(text)) == text


def test_non_ascii_is_written_as_is_and_bom_is_accepted():
    cb = Codebook(speakers=(SpeakerDef("محمد التميمي", ("Al-Tamimi",)),))
    text = codebook_to_json(cb)
    assert "محمد التميمي" in text
    assert codebook_from_json(b"\xef\xbb\xbf" + text.encode("utf-8")) == cb


def test_missing_optional_fields_take_defaults():
    text = json.dumps(
        {"format": FORMAT, "version": 1, "tags": [{"name": "Claim"}], "speakers": [{"name": "X"}]}
    )
    cb = codebook_from_json(text)
    assert cb.tags == (TagDef("Claim"),)
    assert cb.speakers == (SpeakerDef("X"),)
    assert tuple(s.name for s in cb.stance_labels) == STANCE_DEFAULTS


_names = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12).filter(
    lambda s: bool(name_key(s))
)


@st.composite
def codebooks(draw: st.DrawFn) -> Codebook:
    def unique(min_size: int = 0) -> list[str]:
        return draw(st.lists(_names, min_size=min_size, max_size=5, unique_by=name_key))

    tag_names = unique()
    shortcuts = draw(st.permutations(list("123456789")))
    tags = tuple(
        TagDef(
            name,
            parent=tag_names[index - 1] if index and draw(st.booleans()) else None,
            color=draw(st.from_regex(r"\A#[0-9a-fA-F]{6}\Z")),
            shortcut=shortcuts[index] if draw(st.booleans()) else None,
            description=draw(st.text(max_size=20)),
        )
        for index, name in enumerate(tag_names)
    )
    people = unique()
    speakers = tuple(
        SpeakerDef(
            name,
            (f"{name} alias {i}",),
            draw(st.sampled_from(SpeakerKind)),
            draw(st.text(max_size=10)),
            draw(st.text(max_size=10)),
        )
        for i, name in enumerate(people)
    )
    targets = tuple(TargetDef(name, description=draw(st.text(max_size=10))) for name in unique())
    stances = tuple(
        StanceLabelDef(n, draw(st.text(max_size=10)), draw(st.booleans()))
        for n in unique(min_size=1)
    )
    return Codebook(tags, speakers, targets, stances)


@settings(max_examples=60, deadline=None, database=None)
@given(codebooks())
def test_round_trip_of_arbitrary_valid_codebooks(cb: Codebook):
    assume(not cb.validate())  # a generated alias can collide with another speaker's name
    assert codebook_from_json(codebook_to_json(cb)) == cb


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (codebook_to_json(SAMPLE)[:-40], "not valid JSON"),
        ("", "not valid JSON"),
        (b"\xff\xfe{}", "not UTF-8"),
        ("[1, 2]", "holds an object, not a list"),
        (json.dumps({"format": "something-else", "version": 1}), "not a Glossator codebook"),
        (json.dumps({"version": 1}), "not a Glossator codebook"),
        (json.dumps({"format": FORMAT, "version": 2}), "unsupported codebook version 2"),
        (json.dumps({"format": FORMAT, "version": "1"}), "unsupported codebook version"),
        (json.dumps({"format": FORMAT, "version": True}), "unsupported codebook version"),
        (_document(tags={"name": "Claim"}), "'tags' must be a list, not an object"),
        (_document(tags=["Claim"]), "tags[0] must be an object, not a string"),
        (_document(tags=[{"parent": "X"}]), "tags[0] is missing 'name'"),
        (_document(tags=[{"name": ""}]), "tags[0].name is empty"),
        (_document(tags=[{"name": 5}]), "tags[0].name must be a string, not a number"),
        (_document(tags=[{"name": "A", "shortcut": 1}]), "shortcut must be a string or null"),
        (_document(tags=[{"name": "A", "colour": "#ffffff"}]), "unknown field 'colour'"),
        (_document(speakers=[{"name": "A", "aliases": "B"}]), "aliases must be a list of strings"),
        (_document(speakers=[{"name": "A", "kind": "robot"}]), 'must be "person" or "group"'),
        (_document(stance_labels=[{"name": "x", "has_intensity": "yes"}]), "true or false"),
        (_document(extra=1), "the codebook has an unknown field 'extra'"),
        (_document(tags=[{"name": "A", "color": "red"}]), "invalid codebook: tag 'A' has a bad"),
        (
            _document(tags=[{"name": "A"}, {"name": "a"}, {"name": "B", "parent": "C"}]),
            "(and 1 more)",
        ),
        ('{"format": "glossator-codebook", "format": "x"}', "repeats the key 'format'"),
        ('{"format": "glossator-codebook", "version": NaN}', "contains NaN"),
        ("[" * 100_000 + "]" * 100_000, "nested too deeply"),
    ],
)
def test_malformed_files_raise_one_line_errors(data: str | bytes, message: str):
    with pytest.raises(CodebookFormatError) as caught:
        codebook_from_json(data)
    text = str(caught.value)
    assert message in text
    assert "\n" not in text and len(text) < 200
    assert isinstance(caught.value, ValueError)


def test_huge_input_is_refused_before_parsing(tmp_path: Path):
    huge = '{"format": "glossator-codebook", "version": 1, "x": "' + "a" * MAX_BYTES + '"}'
    with pytest.raises(CodebookFormatError, match="too large"):
        codebook_from_json(huge)
    with pytest.raises(CodebookFormatError, match="too large"):
        codebook_from_json(huge.encode())
    path = tmp_path / "huge.json"
    path.write_text(huge)
    with pytest.raises(CodebookFormatError, match="too large"):
        read_codebook_file(path)


def test_file_helpers_round_trip(tmp_path: Path):
    path = tmp_path / "codebook.json"
    write_codebook_file(path, SAMPLE)
    assert b"\r\n" not in path.read_bytes()
    assert read_codebook_file(path) == SAMPLE


def test_default_codebook_loads_and_is_useful():
    cb = load_default_codebook()
    assert cb.validate() == []
    top = cb.tag_children(None)
    assert sorted(t.shortcut for t in top if t.shortcut) == list("123456789")
    assert len({t.color.lower() for t in top}) == len(top)
    assert any(t.parent for t in cb.tags)
    assert all(t.description for t in cb.tags)
    assert cb.speakers == () and cb.targets == ()
    assert tuple(s.name for s in cb.stance_labels) == STANCE_DEFAULTS
    assert all(s.description for s in cb.stance_labels)
    neutral = cb.stance_labels[2].description
    assert "without endorsing" in neutral
    text = (ROOT / "resources" / "codebook" / "default.json").read_text(encoding="utf-8")
    assert codebook_to_json(cb) == text


def test_seed_codebook_loads_and_names_the_seed_speakers():
    cb = read_codebook_file(ROOT / "seeds" / "codebook.json")
    assert cb.validate() == []
    assert cb.tags == load_default_codebook().tags
    tamimi = cb.speaker("Tamimi")
    assert tamimi is not None and tamimi.name == "Muhammad Al-Tamimi"
    assert tamimi.affiliation == "Faylaq Al-Wa'ad Al-Sadiq" and tamimi.role == "militia leader"
    zaydi = cb.speaker("Al-Zaydi")
    assert zaydi is not None and zaydi.affiliation == "Islamic Iraq Movement – Imam Ali Brigades"
    houthis = cb.speaker("Houthi officials")
    assert houthis is not None and houthis.kind is SpeakerKind.GROUP
    assert houthis.affiliation == "Ansar Allah"
    assert cb.speaker("Qasem Soleimani") and cb.speaker("Abu Mahdi Al-Muhandis")
    for alias, target in [
        ("the Iranian regime", "Iran"),
        ("Islamic State", "ISIS"),
        ("Assad", "Assad regime"),
        ("Hay'at Tahrir Al-Sham", "HTS"),
        ("United States", "U.S."),
        ("international elements", None),
        ("Syrian opposition", None),
        ("the axis of resistance", None),
    ]:
        found = cb.target(alias)
        assert found is not None and found.name == (target or alias)
    text = (ROOT / "seeds" / "codebook.json").read_text(encoding="utf-8")
    assert codebook_to_json(cb) == text
