"""A PDF dropped on the window: its footnotes in the notes pane, the page of a highlighted
passage in the inspector."""

from __future__ import annotations

from tests.formats.pdf_builder import Book
from tests.ui.dropping import drop_files


def test_a_dropped_pdf_shows_its_footnotes_and_the_page_of_a_passage(
    qtbot, window, driver, tmp_path
):
    book = Book(head="Harbour Review", title="Harbour digest")
    first = book.page()
    first.para("The harbour office said the port would reopen^{1} within weeks, once the "
               "channel had been dredged and the pilots were back at work.")
    first.note("1", "Notice of the harbour office, 2 May 2024.")
    second = book.page()
    second.para("The dockers' union answered that its members had lost three weeks of pay^{2} "
                "and asked to be paid for the lost shifts.")
    second.note("2", "Statement of the dockers' union, 9 May 2024.")
    path = tmp_path / "harbour-digest.pdf"
    path.write_bytes(book.pdf())

    drop_files(window, [path])
    qtbot.waitUntil(lambda: window.report is not None
                    and window.report.summary.source_name == "harbour-digest.pdf")
    model = window.footnotes.model()
    notes = [model.note(row) for row in range(model.rowCount())]
    assert [(n.label, n.text, n.missing, n.uncited) for n in notes] == [
        ("1", "Notice of the harbour office, 2 May 2024.", False, False),
        ("2", "Statement of the dockers' union, 9 May 2024.", False, False),
    ]

    driver.highlight("asked to be paid for the lost shifts")
    qtbot.waitUntil(lambda: window.inspector.current_id() is not None)
    page = window.inspector.page
    assert page.text() == "p. 2" and page.isVisibleTo(window.inspector)
    driver.highlight("within weeks")
    qtbot.waitUntil(lambda: window.inspector.page.text() == "p. 1")


def test_a_text_report_shows_no_page(qtbot, window, driver, seed_report_id):
    window.open_report(seed_report_id)
    qtbot.waitUntil(lambda: window.report is not None and window.report.id == seed_report_id)
    driver.highlight("blamed it for the disintegration")
    qtbot.waitUntil(lambda: window.inspector.current_id() is not None)
    assert window.inspector.page.text() == ""
    assert not window.inspector.page.isVisibleTo(window.inspector)
