"""PDF reports typeset in the test (ReportLab): text in reading order, paragraphs rebuilt,
running heads gone, notes at the pages' feet linked to their markers, pages known."""

from __future__ import annotations

from glossator.core.footnotes import FootnoteLayout, detect_footnotes
from glossator.core.pages import page_at
from glossator.formats.reports import ParsedReport, read_report, sniff_format
from tests.formats.pdf_builder import Book


def _read(data: bytes, name: str = "report.pdf") -> tuple[ParsedReport, FootnoteLayout]:
    report = read_report(data, name)
    return report, detect_footnotes(report.text)


def _links(layout: FootnoteLayout) -> list[tuple[str, str | None]]:
    out = []
    for marker in layout.markers:
        note = layout.note_for(marker)
        out.append((marker.label, note.text if note else None))
    return out


def _page_of(report: ParsedReport, words: str) -> int | None:
    at = report.text.index(words)
    return page_at(report.pages, at)


MINISTER = (
    "The minister said on Monday that the port would reopen^{1} within weeks and that the "
    "grain trade would recover once the channel had been dredged, a claim that the opposition "
    "parties disputed^{2} the same day in a statement read to the press outside the harbour."
)


def test_notes_at_the_foot_of_the_page_are_linked_to_their_superscript_markers():
    book = Book(title="Harbour closure")
    page = book.page()
    page.para(MINISTER)
    page.note("1", "Statement of the ministry of transport, 3 May 2024.")
    page.note("2", "Opposition press release, 3 May 2024.")
    report, layout = _read(book.pdf())
    assert report.source_format == "pdf"
    assert report.title == "Harbour closure"
    assert report.text == (
        MINISTER.replace("^{1}", "[1]").replace("^{2}", "[2]") + "\n\n"
        "[1] Statement of the ministry of transport, 3 May 2024.\n\n"
        "[2] Opposition press release, 3 May 2024."
    )
    assert layout.style == "bracket"
    assert _links(layout) == [
        ("1", "Statement of the ministry of transport, 3 May 2024."),
        ("2", "Opposition press release, 3 May 2024."),
    ]
    assert report.pages == ((0, 1),)


def test_running_heads_and_page_numbers_are_left_out_and_pages_are_known():
    book = Book(head="Harbour Review 2024 | Monitoring digest")
    texts = [
        f"Page {word} of the digest reports what the council said about the harbour on the "
        f"day of its {word} session, and what the unions and the port authority answered."
        for word in ("one", "two", "three")
    ]
    for text in texts:
        book.page().para(text)
    report, layout = _read(book.pdf())
    assert report.text.split("\n\n") == texts
    assert [_page_of(report, f"Page {w}") for w in ("one", "two", "three")] == [1, 2, 3]
    assert report.pages == ((0, 1), (len(texts[0]) + 2, 2), (len(texts[0] + texts[1]) + 4, 3))
    assert layout.style == "none"


SHIPPING = (
    "Shipping agents told the monitors that the closure had cost them dearly^{1} and that the "
    "insurers would not cover ships waiting outside the harbour mouth for longer than a week, "
    "which left the smaller lines without any cover at all during the three weeks of the "
    "closure, as the agents of two of those lines confirmed."
)


def test_a_sentence_and_a_note_carried_over_a_page_break_read_whole():
    book = Book(head="Harbour Review")
    first = book.page()
    rest = first.para(SHIPPING, lines=2)
    first.note("1", "Interviews with four shipping agents in the harbour office, held on 5 and")
    second = book.page()
    second.note(None, "6 May 2024 and written down the same evening.")
    second.para(rest, continued=True)
    report, layout = _read(book.pdf())
    assert rest and report.text == (
        SHIPPING.replace("^{1}", "[1]") + "\n\n"
        "[1] Interviews with four shipping agents in the harbour office, held on 5 and 6 May "
        "2024 and written down the same evening."
    )
    assert _links(layout) == [("1", layout.notes[0].text)]
    first_word_after = rest.split()[0]
    at = report.text.index(" " + first_word_after + " ", report.text.index("harbour mouth")) + 1
    assert page_at(report.pages, at - 2) == 1
    assert page_at(report.pages, at) == 2  # the page changes inside the sentence
    assert _page_of(report, "[1] Interviews") == 1  # a note is cited on the page it starts on


def test_two_columns_are_read_left_column_first():
    left = ("The mayor said that the harbour would reopen before the winter, and that the "
            "fishermen would be paid for all the weeks they lost.")
    right = ("The union answered that no money had reached its members yet, and that the "
             "mayor had made the same promise in the spring.")
    book = Book()
    page = book.page()
    page.heading("Two voices on the closure")
    page.two_columns()
    page.para(left)
    page.next_column()
    page.para(right)
    report, _ = _read(book.pdf())
    assert report.text == f"Two voices on the closure\n\n{left}\n\n{right}"


def test_words_hyphenated_at_a_line_end_are_joined():
    book = Book()
    book.page().lines([  # broken where the test wants the hyphens
        "The co-operation of the two ports was praised, and the ministry of transport said "
        "that ex-",
        "ports of grain would double by the end of the year, and the harbour master added that "
        "the co-",
        "operation between the two harbours would go on, as the governors had agreed, and the "
        "COVID-",
        "19 rules were over.",
    ])
    report, _ = _read(book.pdf())
    assert report.text == (
        "The co-operation of the two ports was praised, and the ministry of transport said that "
        "exports of grain would double by the end of the year, and the harbour master added that "
        "the co-operation between the two harbours would go on, as the governors had agreed, and "
        "the COVID-19 rules were over."
    )


def test_notes_numbered_anew_on_each_page_keep_their_page_in_the_label():
    book = Book()
    for word in ("first", "second"):
        page = book.page()
        page.para(f"The {word} page cites its own note^{{1}} here.")
        page.note("1", f"The note of the {word} page.")
    report, layout = _read(book.pdf())
    assert layout.style == "markdown"
    assert _links(layout) == [
        ("p1-1", "The note of the first page."),
        ("p2-1", "The note of the second page."),
    ]
    assert [page_at(report.pages, n.start) for n in layout.notes] == [1, 2]


def test_endnotes_are_read_by_the_rules_for_text_reports():
    book = Book()
    page = book.page()
    page.para("The council voted^{1} against the plan, and the mayor resigned^{2} a week later.")
    page.space(20)
    page.para("Notes", indent=0)
    page.para("1 Minutes of the council, 2 May 2024.", indent=0)
    page.para("2 Letter of resignation, 9 May 2024.", indent=0)
    report, layout = _read(book.pdf())
    assert "voted¹ against" in report.text and "resigned² a week" in report.text
    assert layout.style == "superscript"
    assert _links(layout) == [
        ("1", "Minutes of the council, 2 May 2024."),
        ("2", "Letter of resignation, 9 May 2024."),
    ]


def test_a_marker_whose_note_is_missing_is_kept():
    book = Book()
    page = book.page()
    page.para("The port reopened^{1} in June and closed^{2} again in July.")
    page.note("1", "Harbour office notice, 1 June 2024.")
    _report, layout = _read(book.pdf())
    assert _links(layout) == [("1", "Harbour office notice, 1 June 2024."), ("2", None)]
    assert layout.missing_notes == ("2",)


def test_the_title_is_the_largest_type_when_the_file_names_none():
    book = Book()
    page = book.page()
    page.heading("Grain exports after the closure", size=20)
    page.para("The first paragraph of the report.")
    report, _ = _read(book.pdf())
    assert report.title == "Grain exports after the closure"


def test_a_pdf_is_sniffed_by_its_content_whatever_its_name():
    book = Book()
    book.page().para("Some text.")
    data = book.pdf()
    assert sniff_format(data, "report.txt") == "pdf"
    assert sniff_format(data, "no-suffix") == "pdf"
    assert read_report(data, "report.txt").text == "Some text."
