"""The methods text of an agreement result: how units are formed, paired and counted, in
words a paper can cite. README's "Agreement: methods" states the same; `glossator agreement
--json` carries it with the settings of the run filled in. Plain Python."""

from __future__ import annotations

from glossator.core.agreement import AgreementOptions, Counting


def _counting(counting: Counting) -> str:
    out = []
    for name, included in (("rejected", counting.include_rejected),
                           ("orphaned", counting.include_orphaned)):
        out.append(f"{name} annotations {'included' if included else 'left out'}")
    left = ", ".join(f"{n} {why}" for why, n in counting.left_out if n)
    return (
        "Annotations counted: every annotation of the chosen reviewers on the chosen "
        f"reports, {' and '.join(out)}"
        + (f" (left out here: {left})" if left else "")
        + ". Every chosen reviewer counts as having read every chosen report."
    )


def methods(options: AgreementOptions, counting: Counting) -> dict[str, str]:
    j = f"{options.min_jaccard:g}"
    tag_units = (
        "the code points at least one reviewer coded with the tag (text no reviewer coded "
        "is left out)" if options.coded_only else
        "every code point of the chosen reports (text no reviewer coded counts as "
        "agreement on 'not coded')"
    )
    intervals = (
        f"95% bootstrap intervals of Krippendorff's alpha after Hayes & Krippendorff (2007): "
        f"{options.resamples} resamples (seed {options.seed}), each drawing M = n/2 pairs of "
        "values with replacement from the coincidence matrix (a pair c,k with probability "
        "o_ck/n; n the pairable values) and giving alpha* = 1 - D_o*/D_e with the expected "
        "disagreement D_e of the data held fixed; the interval is the 2.5th to 97.5th "
        "percentile, and the share of resamples below 0.667 and 0.800 is given. Intervals "
        "are computed over all chosen reports, not per report."
        if options.resamples else "No bootstrap intervals (0 resamples)."
    )
    return {
        "counting": _counting(counting),
        "tag_units": (
            f"Tags: the unit is the code point (Unicode code point of the normalized text). "
            f"For each tag, {tag_units} is, for each reviewer, coded (inside one of their "
            "annotations carrying the tag) or not. Percent agreement, Cohen's kappa (two "
            "reviewers), Fleiss' kappa and Krippendorff's alpha (nominal) are computed over "
            "these binary units; the overall row pools every tag (a unit is a code point and "
            "a tag)."
        ),
        "tag_spans": (
            f"Tag spans: an annotation of A and one of B with the same tag pair when their "
            f"Jaccard index (shared code points over covered code points) is at least {j}, "
            "best overlaps first, each annotation in at most one pair; precision, recall and "
            "F1 are B's against A's. Krippendorff's unitizing alpha (alpha-u; Krippendorff "
            "1995, 2004) is computed per tag on the continuum formed by the chosen reports' "
            "texts end to end (a gap ends at a report's end; a reviewer's overlapping spans "
            "of one tag are merged), and over all tags as 1 - sum D_o / sum D_e."
        ),
        "field_units": (
            "Fields (speaker, stance toward each target, cited notes): the unit is a passage "
            "formed by pairing the reviewers' annotations as spans, tags aside. The first "
            "reviewer's annotations each start a unit; each further reviewer's annotations "
            f"pair one to one with the units so far when the Jaccard index of their span "
            f"with the unit's first span is at least {j} (best overlaps first); unpaired "
            "annotations start units of their own. A unit's value is read from each "
            "reviewer's annotation: the speaker (a codebook speaker, so aliases are the same "
            "speaker; none is the value '(no speaker)'), the stance label toward the target "
            "('(no stance)' when none), the set of cited notes ('(no note cited)' when none)."
        ),
        "field_counting": (
            "Each field is measured twice. With unpaired spans as a value: a reviewer with "
            "no annotation in a unit gives it the value '(no annotation)', and every unit "
            "counts. Unpaired left out: that reviewer's value is missing; Cohen's kappa, "
            "Fleiss' kappa and percent agreement count only the units every reviewer "
            "annotated, Krippendorff's alpha every unit with two values or more. Alpha "
            "ordinal (stance fields) ranks the labels by the codebook's stance scale, top to "
            "bottom; '(no stance)' and '(no annotation)' are missing for it."
        ),
        "coefficients": (
            "Percent agreement: the share of agreeing reviewer pairs per unit, averaged over "
            "the units counted (two reviewers: the share of units they agree on). Cohen's "
            "kappa (1960); Fleiss' kappa (1971); Krippendorff's alpha from the coincidence "
            "matrix (Krippendorff 2011), nominal and ordinal differences. A coefficient is "
            "undefined (null) with no units or when chance agreement is 1."
        ),
        "intervals": intervals,
        "disagreements": (
            "Disagreements to settle: unpaired tag spans (overlapping ones of one tag "
            "grouped), and units both reviewers annotated whose speaker or stance differs."
        ),
    }
