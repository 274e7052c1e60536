"""Word's own footnote numbering: custom marks (``*`` typed as the reference), the number
format and first number the document sets (``*, †, ‡``, roman, from 5)."""

from __future__ import annotations

from glossator.core.footnotes import FootnoteLayout, detect_footnotes
from glossator.formats.reports import read_report
from tests.formats.docx_builder import build_docx, fn_ref, p, r

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _linked(data: bytes) -> tuple[str, list[tuple[str, str | None]]]:
    report = read_report(data, "report.docx")
    layout: FootnoteLayout = detect_footnotes(report.text)
    pairs = [(m.label, n.text if (n := layout.note_for(m)) else None) for m in layout.markers]
    return report.text, pairs


def _custom(note_id: int, mark: str) -> str:
    return (
        f'<w:r><w:footnoteReference w:customMarkFollows="1" w:id="{note_id}"/></w:r>'
        f"<w:r><w:t>{mark}</w:t></w:r>"
    )


def _settings(fmt: str, start: int = 1) -> str:
    return (
        f'<?xml version="1.0"?><w:settings {_W}><w:footnotePr><w:numFmt w:val="{fmt}"/>'
        f'<w:numStart w:val="{start}"/></w:footnotePr></w:settings>'
    )


def test_a_custom_mark_labels_its_note_and_takes_no_number():
    body = p("The author", _custom(1, "*"), " thanks; a claim", fn_ref(2), " and", fn_ref(3))
    notes = {1: r("*") + r(" Thanks to the archive."), 2: r(" First."), 3: r(" Second.")}
    text, linked = _linked(build_docx(body, footnotes=notes))
    assert linked == [("*", "Thanks to the archive."), ("1", "First."), ("2", "Second.")]
    assert "[^*]*" not in text and text.startswith("The author[^*] thanks")


def test_the_documents_number_format_and_first_number():
    body = p("One", fn_ref(1), " two", fn_ref(2), " five", fn_ref(3), " six", fn_ref(4), ".")
    notes = {1: r(" a."), 2: r(" b."), 3: r(" c."), 4: r(" d.")}
    symbols = build_docx(body, footnotes=notes, extra={"word/settings.xml": _settings("chicago")})
    assert [label for label, _ in _linked(symbols)[1]] == ["*", "†", "‡", "§"]
    roman_settings = {"word/settings.xml": _settings("lowerRoman", 5)}
    roman = build_docx(body, footnotes=notes, extra=roman_settings)
    assert _linked(roman)[1] == [("v", "a."), ("vi", "b."), ("vii", "c."), ("viii", "d.")]
