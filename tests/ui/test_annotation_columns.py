"""The annotation table's Speaker, Stances and Cites columns, used as a reader does: a click
on a column's header sorts by it (again: the other way round), and typing `speaker:`,
`stance:` or `cites:` before words in the filter box keeps only the rows they match there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from glossator.services.annotations import AddAnnotation
from glossator.ui.annotations.columns import CITES, HEADERS, QUOTE, SPEAKER, STANCES


@pytest.fixture
def annotated(window, workspace, seed_report_id):
    """Four highlights of the seed report: speakers, stances and cited notes differ."""
    report = workspace.report(seed_report_id)
    text, labels = report.text, [n.label for n in report.notes]
    assert len(labels) >= 2
    words = [w for w in ("senior officials", "accused Iran", "Be prepared", "Hamas") if w in text]
    assert len(words) == 4
    fields = [
        ("Muhammad Al-Tamimi", [("Iran", "against", None)], [labels[1]]),
        ("Shibl Al-Zaydi", [("ISIS", "favor", None)], [labels[0]]),
        (None, [("Iran", "favor", None), ("ISIS", "against", None)], []),
        ("Abu Mahdi Al-Muhandis", [], [labels[0], labels[1]]),
    ]
    ids = {}
    for word, (speaker, stances, cites) in zip(words, fields, strict=True):
        start = text.index(word)
        command = AddAnnotation(seed_report_id, start, start + len(word), speaker=speaker,
                                stances=stances, cites=cites)
        workspace.run(command)
        ids[word] = command.uuid
    window.open_report(seed_report_id, top=0)
    window.sync.complete()
    window.sync.flush_table()
    return ids, words, labels


def column(table, col: int) -> list[str]:
    model = table.model
    return [model.index(r, col).data() for r in range(model.rowCount())]


def click_header(qtbot, table, col: int) -> None:
    header = table.view.horizontalHeader()
    table.view.scrollTo(table.model.index(0, col))
    x = header.sectionViewportPosition(col) + header.sectionSize(col) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                     pos=header.rect().center().__class__(x, header.height() // 2))


def test_the_new_columns_show_speaker_stances_and_cites(window, annotated):
    ids, words, labels = annotated
    table = window.table
    assert HEADERS[SPEAKER] == "Speaker" and HEADERS[STANCES] == "Stances"
    row = table.model.row_of(ids[words[2]])
    assert table.model.index(row, STANCES).data() == "Iran: favor; ISIS: against"
    row = table.model.row_of(ids[words[3]])
    assert table.model.index(row, SPEAKER).data() == "Abu Mahdi Al-Muhandis"
    assert table.model.index(row, CITES).data() == f"{labels[0]}, {labels[1]}"


def test_clicking_a_header_sorts_by_that_column_and_again_reverses(qtbot, window, annotated):
    table = window.table
    table.view.setFocus()
    click_header(qtbot, table, SPEAKER)
    assert column(table, SPEAKER) == sorted(column(table, SPEAKER), key=str.casefold)
    assert column(table, SPEAKER)[0] == ""  # the passage nobody speaks comes first
    click_header(qtbot, table, SPEAKER)
    assert column(table, SPEAKER)[0] == "Shibl Al-Zaydi"
    click_header(qtbot, table, STANCES)
    stances = column(table, STANCES)
    assert stances == sorted(stances, key=str.casefold)
    click_header(qtbot, table, CITES)
    cites = column(table, CITES)
    assert cites[0] == "" and len(cites) == 4


def test_typing_a_column_name_before_words_filters_by_that_column(qtbot, window, annotated):
    ids, words, labels = annotated
    table = window.table
    table.search.setFocus()
    qtbot.keyClicks(table.search, "speaker:tamimi")
    assert [table.model.annotation(r).id for r in range(table.model.rowCount())] == [
        ids[words[0]]]
    table.search.clear()
    qtbot.keyClicks(table.search, "stance:against")
    assert {table.model.annotation(r).id for r in range(table.model.rowCount())} == {
        ids[words[0]], ids[words[2]]}
    table.search.clear()
    qtbot.keyClicks(table.search, "stance:isis stance:against")  # every word must match
    assert [table.model.annotation(r).id for r in range(table.model.rowCount())] == [
        ids[words[2]]]
    table.search.clear()
    qtbot.keyClicks(table.search, f"cites:{labels[1]}")
    assert {table.model.annotation(r).id for r in range(table.model.rowCount())} == {
        ids[words[0]], ids[words[3]]}
    table.search.clear()
    qtbot.keyClicks(table.search, "zaydi")  # a word alone looks in every column
    assert [table.model.annotation(r).id for r in range(table.model.rowCount())] == [
        ids[words[1]]]
    table.search.clear()
    assert table.model.rowCount() == 4
    assert column(table, QUOTE)  # nothing lost


def test_the_quote_keeps_a_readable_width_in_a_narrow_window(qtbot, window, annotated):
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.table.view.horizontalHeader().sectionSize(QUOTE) >=
                    window.table.fontMetrics().averageCharWidth() * 40)
