"""Units of paired spans for the field measures, the confusion matrix, the field
disagreements, and the tag measures over coded text only."""

from __future__ import annotations

import pytest

from glossator.core.agreement import AgreementOptions, CodedSpan, measure
from glossator.core.agreement_units import (
    NO_ANNOTATION,
    NO_STANCE,
    SPEAKER,
    CodedAnnotation,
    form_units,
    stance_field,
)


def ann(coder: str, start: int, end: int, speaker: str | None = None, stance: str | None = None,
        report: int = 1) -> CodedAnnotation:
    stances = (("Iran", stance),) if stance else ()
    where = "" if report == 1 else f"r{report}:"
    return CodedAnnotation(f"{where}{coder}{start}-{end}", report, coder, start, end, speaker,
                           stances)


def test_two_coders_pair_by_jaccard_and_the_threshold_is_configurable():
    items = [ann("A", 0, 10), ann("B", 0, 9), ann("A", 20, 30), ann("B", 24, 30),
             ann("B", 50, 60)]
    units = form_units(items, ["A", "B"])
    shape = [tuple(m.id if m else None for m in u.members) for u in units]
    assert shape == [("A0-10", "B0-9"), ("A20-30", "B24-30"), (None, "B50-60")]  # J .9, .6
    strict = form_units(items, ["A", "B"], min_jaccard=0.8)
    assert [u.complete for u in strict] == [True, False, False, False]


def test_three_coders_join_the_units_of_the_first():
    items = [ann("A", 0, 10), ann("B", 1, 10), ann("C", 0, 10), ann("C", 40, 50)]
    units = form_units(items, ["A", "B", "C"])
    assert [[m is not None for m in u.members] for u in units] == [
        [True, True, True], [False, False, True]]


def test_speaker_measures_both_ways_confusion_matrix_and_queue():
    # Five passages both annotated: speakers agree on 3 (X, X, Y), differ on 2; one passage
    # only A annotated (speaker X).
    items = [
        ann("A", 0, 10, "X"), ann("B", 0, 10, "X"),
        ann("A", 20, 30, "X"), ann("B", 20, 30, "X"),
        ann("A", 40, 50, "Y"), ann("B", 40, 50, "Y"),
        ann("A", 60, 70, "X"), ann("B", 60, 70, "Y"),
        ann("A", 80, 90, "Y"), ann("B", 80, 90, None),
        ann("A", 100, 110, "X"),
    ]
    result = measure({1: 200}, [], ["A", "B"], annotations=items,
                     options=AgreementOptions(resamples=0))
    speaker = next(f for f in result.fields if f.field == SPEAKER)
    assert speaker.paired_only.units == 5 and speaker.with_unpaired.units == 6
    assert speaker.paired_only.percent == pytest.approx(3 / 5)
    assert speaker.with_unpaired.percent == pytest.approx(3 / 6)
    # Paired only, by hand: A = X X Y X Y, B = X X Y Y (none): p_o = 3/5;
    # p_e = (3/5)(2/5) [X] + (2/5)(2/5) [Y] + 0 [none] = 10/25: kappa = (.6 - .4) / .6
    assert speaker.paired_only.kappa == pytest.approx(1 / 3)
    matrix = speaker.confusion
    assert matrix is not None
    assert matrix.count("X", "Y") == 1 and matrix.count("Y", "(no speaker)") == 1
    assert matrix.count("X", NO_ANNOTATION) == 1 and matrix.count("X", "X") == 2
    assert [result.units[i].start for i in matrix.off_diagonal] == [60, 80, 100]
    assert [(d.field, d.start, d.value_a, d.value_b) for d in result.field_disagreements] == [
        (SPEAKER, 60, "X", "Y"), (SPEAKER, 80, "Y", "(no speaker)")]


def test_stance_fields_per_target_with_alpha_ordinal_on_the_scale():
    scale = ("against", "neutral", "favor")
    items = [ann("A", 0, 10, stance="favor"), ann("B", 0, 10, stance="neutral"),
             ann("A", 20, 30, stance="against"), ann("B", 20, 30, stance="against"),
             ann("A", 40, 50, stance="favor"), ann("B", 40, 50, stance="favor"),
             ann("A", 60, 70, stance="neutral"), ann("B", 60, 70)]
    result = measure({1: 100}, [], ["A", "B"], annotations=items,
                     options=AgreementOptions(resamples=0, stance_order=scale))
    iran = next(f for f in result.fields if f.field == stance_field("Iran"))
    assert iran.paired_only.alpha_ordinal is not None and iran.paired_only.alpha is not None
    assert iran.paired_only.alpha_ordinal > iran.paired_only.alpha  # favor~neutral is near
    assert iran.confusion is not None and iran.confusion.count("neutral", NO_STANCE) == 1
    assert [d.field for d in result.field_disagreements] == [stance_field("Iran")] * 2


def test_tag_measures_over_coded_text_only():
    spans = [CodedSpan("a", 1, "A", "T", 0, 40), CodedSpan("b", 1, "B", "T", 20, 60)]
    everything = measure({1: 100}, spans, ["A", "B"])
    coded = measure({1: 100}, spans, ["A", "B"], options=AgreementOptions(coded_only=True))
    assert everything.tags[0].units == 100 and coded.tags[0].units == 60
    # Coded only: 60 code points, A coded 40, B 40, both 20: p_o = 20/60,
    # p_e = (40/60)^2 + (20/60)^2 = 20/36: kappa = (1/3 - 5/9) / (4/9) = -1/2
    assert coded.tags[0].kappa == pytest.approx(-0.5)
    assert coded.tags[0].percent == pytest.approx(1 / 3)
    assert everything.tags[0].percent == pytest.approx(0.6)
    assert everything.tags[0].alpha_ci is not None and coded.options.coded_only


def test_per_report_measures_when_several_reports():
    items = [ann("A", 0, 10, "X"), ann("B", 0, 10, "X"),
             ann("A", 0, 10, "X", report=2), ann("B", 0, 10, "Y", report=2)]
    result = measure({1: 50, 2: 50}, [], ["A", "B"], annotations=items)
    by_report = {r.report_id: r for r in result.per_report}
    assert by_report[1].fields[0].paired_only.percent == 1.0
    assert by_report[2].fields[0].paired_only.percent == 0.0
    assert result.fields[0].paired_only.percent == 0.5
    assert result.spans_alpha_u == pytest.approx(1.0)
