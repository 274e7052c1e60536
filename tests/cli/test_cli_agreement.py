"""`glossator agreement --json` on the seed: speakers of two reviewers over paired spans,
the confusion matrix, what counts, and the methods text."""

from __future__ import annotations

import json
import re

import pytest

from tests.cli.helpers import annotate, run
from tests.conftest import SEED_REPORT

AMIRI, BADR, HADI = "Hadi al-Amiri", "Badr Organization", "Hadi"
# Reviewer A's speakers of the ten passages, and B's: they differ on passages 3, 6 and 9.
# B names Al-Amiri by his alias "Amiri" on passage 0, which resolves to the same speaker.
SPEAKERS_A = [AMIRI, AMIRI, AMIRI, AMIRI, BADR, BADR, BADR, HADI, HADI, HADI]
SPEAKERS_B = ["Amiri", AMIRI, AMIRI, BADR, BADR, BADR, HADI, HADI, HADI, AMIRI]
DIFFER = [3, 6, 9]


def passages() -> list[str]:
    """Ten whole sentences of the seed report, each found once in its text."""
    text = SEED_REPORT.read_text(encoding="utf-8")
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", text)]
    once = [s for s in sentences if 30 <= len(s) <= 400 and "\n" not in s and text.count(s) == 1]
    return once[1:11]


@pytest.fixture
def coded(db: str, capsys) -> tuple[str, list[str], list[str]]:
    assert run(capsys, "--db", db, "speaker", "add", AMIRI, "--alias", "Amiri")[0] == 0
    ids: dict[str, list[str]] = {"A": [], "B": []}
    for n, quote in enumerate(passages()):
        for who, speakers in (("A", SPEAKERS_A), ("B", SPEAKERS_B)):
            code, out, err = annotate(capsys, db, "1", quote, "--speaker", speakers[n],
                                      "--reviewer", who, "--json")
            assert code == 0, err
            ids[who].append(json.loads(out)["id"])
    return db, ids["A"], ids["B"]


def agreement(capsys, db: str, *extra: str) -> dict:
    code, out, err = run(capsys, "--db", db, "agreement", "--reviewers", "A,B", "1",
                         "--json", *extra)
    assert code == 0, err
    return json.loads(out)


def test_speaker_kappa_by_hand_and_the_confusion_matrix_shows_the_three(capsys, coded):
    db, ids_a, ids_b = coded
    result = agreement(capsys, db)
    speaker = next(f for f in result["fields"] if f["field"] == "speaker")
    # By hand: 10 units, agreed on 7: p_o = 7/10. A gave Al-Amiri 4, Badr 3, Hadi 3; B gave
    # Al-Amiri 4 (passages 0, 1, 2, 9), Badr 3 (3, 4, 5), Hadi 3 (6, 7, 8).
    # p_e = (4*4 + 3*3 + 3*3) / 100 = .34; kappa = (.7 - .34) / (1 - .34) = .36/.66 = 6/11.
    for variant in ("with_unpaired", "paired_only"):  # every span is paired: both the same
        measures = speaker[variant]
        assert measures["units"] == 10
        assert measures["kappa"] == round(6 / 11, 4)
        assert measures["percent"] == 0.7
    matrix = speaker["confusion"]
    off = [c for c in matrix["cells"] if c["a"] != c["b"]]
    assert sorted((c["a"], c["b"], c["count"]) for c in off) == [
        (BADR, HADI, 1), (HADI, AMIRI, 1), (AMIRI, BADR, 1)]
    listed = sorted((p["a"], p["b"]) for c in off for p in c["passages"])
    assert listed == sorted((ids_a[i], ids_b[i]) for i in DIFFER)
    assert sum(c["count"] for c in matrix["cells"] if c["a"] == c["b"]) == 7
    queue = [(d["a"], d["value_a"], d["value_b"]) for d in result["field_disagreements"]]
    assert queue == [(ids_a[i], SPEAKERS_A[i], SPEAKERS_B[i]) for i in DIFFER]
    assert result["field_units"] == {"total": 10, "annotated_by_all": 10,
                                     "annotated_by": {"A": 10, "B": 10}}
    methods = result["methods"]
    assert "Jaccard index" in methods["field_units"] and "at least 0.5" in methods["field_units"]
    assert "1000 resamples (seed 12345)" in methods["intervals"]
    ci = speaker["paired_only"]["alpha_ci"]
    assert ci["resamples"] == 1000 and ci["seed"] == 12345
    assert ci["low"] <= speaker["paired_only"]["alpha"] <= ci["high"]
    assert "overall" in result and "tags" in result and "disagreements" in result  # as before


def test_rejected_annotations_are_left_out_unless_included(capsys, coded):
    db, ids_a, _ids_b = coded
    assert run(capsys, "--db", db, "review", "reject", ids_a[3], "--reviewer", "B")[0] == 0
    result = agreement(capsys, db)
    assert result["counted"] == {"rejected": False, "orphaned": False,
                                 "left_out": {"rejected": 1, "orphaned": 0}}
    assert "orphaned annotations left out (left out here: 1 rejected)" in (
        result["methods"]["counting"])
    speaker = next(f for f in result["fields"] if f["field"] == "speaker")
    assert speaker["paired_only"]["units"] == 9  # passage 3 has B's annotation only
    assert speaker["with_unpaired"]["units"] == 10
    # Paired only, by hand: 9 units, agreed on 7; A: Al-Amiri 3 (0, 1, 2), Badr 3, Hadi 3;
    # B: Al-Amiri 4 (0, 1, 2, 9), Badr 2 (4, 5), Hadi 3: p_e = (12 + 6 + 9) / 81 = 1/3;
    # kappa = (7/9 - 1/3) / (2/3) = 2/3.
    assert speaker["paired_only"]["kappa"] == round(2 / 3, 4)
    included = agreement(capsys, db, "--include-rejected")
    assert included["counted"]["rejected"] is True
    assert next(f for f in included["fields"] if f["field"] == "speaker")[
        "paired_only"]["kappa"] == round(6 / 11, 4)


def test_options_are_reported_and_bad_ones_refused_in_one_line(capsys, coded):
    db, _a, _b = coded
    result = agreement(capsys, db, "--jaccard", "0.9", "--bootstrap", "200", "--seed", "3",
                       "--coded-only")
    assert result["options"]["jaccard"] == 0.9 and result["options"]["coded_only"] is True
    assert result["options"]["bootstrap"] == {"resamples": 200, "seed": 3, "level": 0.95}
    assert "at least one reviewer coded" in result["methods"]["tag_units"]
    code, _out, err = run(capsys, "--db", db, "agreement", "--reviewers", "A,B",
                          "--jaccard", "1.5")
    assert code == 2 and "Jaccard" in err and err.count("\n") == 1
    code, out, _err = run(capsys, "--db", db, "agreement", "--reviewers", "A,B")
    assert code == 0 and "speaker" in out and "3 speaker/stance disagreement(s)" in out
