"""Title and date guesses."""

from __future__ import annotations

import datetime

import pytest

from glossator.core.metadata import guess_date, guess_title
from glossator.core.text import normalize_text
from tests.conftest import SEED_REPORT


def _seed() -> str:
    return normalize_text(SEED_REPORT.read_text(encoding="utf-8"))


def test_title_of_the_seed_is_its_first_line():
    text = _seed()
    assert guess_title(text) == text.split("\n", 1)[0]
    assert guess_title(text).startswith("Following The Fall Of The Regime In Syria")


def test_title_skips_blank_lines_and_trims_whitespace():
    assert guess_title("\n  \n   A   spaced\ttitle  \nbody") == "A spaced title"


def test_title_is_cut_to_300_characters():
    title = guess_title("x" * 299 + " " + "y" * 50)
    assert title is not None and len(title) <= 300
    assert title == "x" * 299


def test_no_title_for_blank_text():
    assert guess_title("") is None
    assert guess_title(" \n\t\n") is None


def test_date_of_the_seed():
    assert guess_date(_seed()) == datetime.date(2024, 12, 9)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("December 9, 2024", (2024, 12, 9)),
        ("9 December 2024", (2024, 12, 9)),
        ("2024-12-09", (2024, 12, 9)),
        ("Dec. 9, 2024", (2024, 12, 9)),
        ("Dec 9 2024", (2024, 12, 9)),
        ("Sept. 3, 2025", (2025, 9, 3)),
        ("posted on 3rd March 2025 by staff", (2025, 3, 3)),
        ("*June 14, 2025 — sample*", (2025, 6, 14)),
        ("12 of May, 2023", (2023, 5, 12)),
        ("june 1, 2020", (2020, 6, 1)),
    ],
)
def test_date_forms(line: str, expected: tuple[int, int, int]):
    assert guess_date(f"Some title\n\n{line}\n\nBody.") == datetime.date(*expected)


def test_the_first_date_in_text_order_wins():
    assert guess_date("Title\n2023-01-02 then March 4, 2024") == datetime.date(2023, 1, 2)
    assert guess_date("Title\nMarch 4, 2024 then 2023-01-02") == datetime.date(2024, 3, 4)


def test_impossible_dates_are_skipped():
    assert guess_date("February 30, 2024 and 2024-13-01 then 2024-02-29") == datetime.date(
        2024, 2, 29
    )


def test_only_the_first_fifteen_lines_are_searched():
    text = "\n".join(["line"] * 15 + ["December 9, 2024"])
    assert guess_date(text) is None
    text = "\n".join(["line"] * 14 + ["December 9, 2024"])
    assert guess_date(text) == datetime.date(2024, 12, 9)


@pytest.mark.parametrize(
    "text",
    ["", "No date here", "Version 2024-12", "December 2024", "Mayday 5, 2024", "A1 March 2024"],
)
def test_no_date(text: str):
    assert guess_date(text) is None


def test_a_title_header_line_names_the_title():
    text = (
        "The Project Gutenberg EBook of The Mide'wiwin or \"Grand Medicine Society\"\n"
        "of the Ojibwa, by Walter James Hoffman\n\nThis eBook is for the use of anyone.\n\n"
        "Title: The Mide'wiwin or \"Grand Medicine Society\" of the Ojibwa\n"
        "       Seventh Annual Report of the Bureau of Ethnology\n\nAuthor: W. J. Hoffman\n"
    )
    assert guess_title(text) == (
        "The Mide'wiwin or \"Grand Medicine Society\" of the Ojibwa "
        "Seventh Annual Report of the Bureau of Ethnology"
    )


def test_a_title_line_deep_in_the_text_is_not_the_title():
    text = "First line\n" + "body\n" * 80 + "Title: not this one\n"
    assert guess_title(text) == "First line"


def test_footnote_markers_on_the_first_line_are_not_part_of_the_title():
    assert guess_title("Ouch[1].[2]\n\n[1] A tachyon.\n\n[2] Fin.") == "Ouch."
    assert guess_title("Test footnote.[^1] Test endnote.[^i]\n\nBody") == (
        "Test footnote. Test endnote."
    )
    assert guess_title("[1]\n\nExample text[1].\n\n[1] Example") == "Example text."
    assert guess_title("Treaty of 1648 [sic] revisited") == "Treaty of 1648 [sic] revisited"
