"""Agreement at its edges: what the methods text says about the bootstrap, the annotations
a disagreement names, and coverage counted over a coder's spans lying inside each other."""

from __future__ import annotations

from glossator.core.agreement import AgreementOptions, Counting
from glossator.core.agreement_methods import methods
from glossator.core.agreement_spans import CodedSpan, coverage_patterns, disagreements


def test_the_methods_name_the_bootstrap_resamples_and_seed_or_say_there_are_none() -> None:
    told = methods(AgreementOptions(resamples=500, seed=7), Counting())
    assert any("500 resamples (seed 7)" in text for text in told.values())
    assert not any("No bootstrap intervals" in text for text in told.values())
    none = methods(AgreementOptions(resamples=0), Counting())
    assert any("No bootstrap intervals (0 resamples)." in text for text in none.values())


def test_a_disagreement_names_its_annotations_first_coder_first() -> None:
    spans = [
        CodedSpan("a1", 1, "A", "Claim", 0, 10),
        CodedSpan("b1", 1, "B", "Claim", 5, 40),
    ]
    (d,) = disagreements(spans, [], "A", "B")
    assert d.annotation_ids == ("a1", "b1")
    assert d.kind == "both, differently"


def test_spans_inside_a_coders_earlier_span_add_no_coverage() -> None:
    """A's spans 0-2, 4-6 and 8-12, then 9-10 inside the last: 8 code points coded of 12."""
    spans = [CodedSpan(f"a{i}", 1, "A", "Claim", s, e)
             for i, (s, e) in enumerate([(0, 2), (4, 6), (8, 12), (9, 10)])]
    patterns = coverage_patterns({1: 12}, spans, ["A"])
    assert patterns == {(1,): 8, (0,): 4}
