"""A web page's "print" (or "share", "email") line above the date is dropped from a report's
text; the same words anywhere else are text."""

from __future__ import annotations

from glossator.core.page_chrome import drop_navigation_lines
from glossator.formats.reports import read_report
from tests.conftest import SEED_REPORT

TITLE = "Militias Blame Iran"


def test_a_lone_print_line_before_the_date_is_dropped() -> None:
    text = f"{TITLE}\n\nprint\nDecember 9, 2024\n\nThe report.\n"
    assert drop_navigation_lines(text) == f"{TITLE}\n\nDecember 9, 2024\n\nThe report.\n"


def test_several_navigation_words_on_their_line_go_too() -> None:
    text = f"{TITLE}\nPrint | Share | E-mail\n  share  \n9 December 2024\nText.\n"
    assert drop_navigation_lines(text) == f"{TITLE}\n9 December 2024\nText.\n"


def test_the_words_are_kept_in_a_sentence_after_the_date_or_without_a_date() -> None:
    in_sentence = f"{TITLE}\nprint this page\nDecember 9, 2024\nText.\n"
    after = f"{TITLE}\nDecember 9, 2024\nprint\nText.\n"
    no_date = f"{TITLE}\nprint\nText without a date.\n"
    as_title = "Print\nDecember 9, 2024\nText.\n"  # the first line is the title
    for text in (in_sentence, after, no_date, as_title):
        assert drop_navigation_lines(text) == text


def test_a_date_far_down_leaves_the_top_alone() -> None:
    text = TITLE + "\nprint\n" + "line\n" * 20 + "December 9, 2024\n"
    assert drop_navigation_lines(text) == text


def test_the_seed_report_reads_without_its_print_line() -> None:
    parsed = read_report(SEED_REPORT.read_bytes(), SEED_REPORT.name)
    head = parsed.text.split("\n")[:4]
    assert "print" not in head and head[2] == "December 9, 2024"
    assert parsed.date is not None and parsed.date.isoformat() == "2024-12-09"
