"""The seed report and the three samples, read end to end from their bytes."""

from __future__ import annotations

import codecs
import datetime

import pytest

from glossator.core.footnotes import FootnoteLayout
from glossator.formats.errors import ImportRefused
from glossator.formats.reports import SUPPORTED_SUFFIXES, ParsedReport, read_report, sniff_format
from tests.conftest import SEED_REPORT, SEEDS
from tests.formats.note_spans import assert_exact_spans, read_with_notes


def _read(name: str) -> tuple[ParsedReport, FootnoteLayout]:
    path = SEEDS / name
    return read_with_notes(path.read_bytes(), path.name)


def test_seed_report():
    report, layout = _read(SEED_REPORT.name)
    first_line = SEED_REPORT.read_text(encoding="utf-8").split("\n", 1)[0].strip()
    assert report.title == first_line
    assert report.date == datetime.date(2024, 12, 9)
    assert (report.source_format, report.encoding, report.encoding_guessed) == (
        "text",
        "utf-8",
        False,
    )
    assert "\u00a0" not in report.text and "\r" not in report.text
    assert layout.style == "bracket"
    assert [m.label for m in layout.markers] == ["1", "2", "3", "4", "5", "6"]
    assert [n.label for n in layout.notes] == ["2", "3", "4", "5"]
    assert layout.missing_notes == ("1", "6")
    assert next(n for n in layout.notes if n.label == "3").text == "X, December 8, 2024."
    assert_exact_spans(report, layout)
    for word in ("[to see]", "[both]", "[in Syria]", "[in preserving]", "[with Israel]"):
        position = report.text.index(word)
        assert all(not (m.start <= position < m.end) for m in layout.markers)


def test_plain_text_sample():
    report, layout = _read("harbor-closure-reactions.txt")
    assert report.title is not None and report.title.startswith("Port Closure In Velmora")
    assert report.date == datetime.date(2025, 3, 3)
    assert layout.uncited_notes == ("8",)
    assert layout.missing_notes == ("7",)
    five = next(n for n in layout.notes if n.label == "5")
    assert len(layout.citations(five)) == 2
    assert_exact_spans(report, layout)


def test_markdown_sample():
    report, layout = _read("river-council-statements.md")
    assert report.source_format == "markdown"
    assert report.title == "River Council Members Split Over Dam Agreement"
    assert report.date == datetime.date(2025, 6, 14)
    assert layout.style == "markdown"
    assert len(layout.notes) == 4
    three = next(n for n in layout.notes if n.label == "3")
    assert len(layout.citations(three)) == 2
    assert "#" not in report.text and "*" not in report.text
    assert_exact_spans(report, layout)


def test_html_sample():
    report, layout = _read("border-market-briefing.html")
    assert report.source_format == "html"
    assert report.title == "Border Market Traders Protest New Tariff"
    assert report.date == datetime.date(2025, 9, 22)
    assert layout.style == "bracket"
    assert [n.label for n in layout.notes] == ["1", "2", "3"]
    two = next(n for n in layout.notes if n.label == "2")
    assert len(layout.citations(two)) == 2
    assert layout.missing_notes == () and layout.uncited_notes == ()
    assert two.text == "Press briefing at the market gate, September 21, 2025."
    for leaked in ("this script must never run", "tracking", "example.invalid", "↩", "<"):
        assert leaked not in report.text
    assert_exact_spans(report, layout)


def test_html_sample_in_utf16_without_an_extension_is_sniffed():
    data = (SEEDS / "border-market-briefing.html").read_bytes().decode("utf-8")
    encoded = codecs.BOM_UTF16_LE + data.encode("utf-16-le")
    assert sniff_format(encoded, "download") == "html"
    report = read_report(encoded, "download")
    assert report.source_format == "html" and report.encoding == "utf-16"
    assert report.title == "Border Market Traders Protest New Tariff"


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("a.TXT", b"<html>", "text"),
        ("a.text", b"x", "text"),
        ("a.md", b"<!doctype html>", "markdown"),
        ("a.Markdown", b"x", "markdown"),
        ("a.htm", b"plain", "html"),
        ("a.xhtml", b"x", "html"),
        ("noext", b"  <!DOCTYPE html><p>x", "html"),
        ("noext", b"\xef\xbb\xbf<html><body>x", "html"),
        ("noext", b"<?xml version='1.0'?>\n<html xmlns='http://www.w3.org/1999/xhtml'>", "html"),
        ("noext", b"# Heading\n\ntext[^1]", "text"),
        ("report.dat", b"<p>not a document root</p>", "text"),
    ],
)
def test_sniff_format(name: str, data: bytes, expected: str):
    assert sniff_format(data, name) == expected


def test_supported_suffixes():
    assert {
        ".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".pdf"
    } == SUPPORTED_SUFFIXES


def test_read_report_normalizes_and_guesses_cp1252():
    data = "Café report\r\n\r\n\r\n\r\nOn 9 December 2024 he said “no”.[1]\r\n\r\n[1] X.\r\n"
    report = read_report(data.encode("cp1252"), "old.txt")
    assert report.text == "Café report\n\nOn 9 December 2024 he said “no”.[1]\n\n[1] X."
    assert (report.encoding, report.encoding_guessed) == ("cp1252", True)
    assert report.date == datetime.date(2024, 12, 9)
    assert report.title == "Café report"


def test_read_report_refuses_a_document_without_text():
    with pytest.raises(ImportRefused) as caught:
        read_report(b"<html><script>only()</script><img src=x></html>", "blank.html")
    assert str(caught.value).startswith("blank.html: refused: no readable text")


def test_read_report_refuses_binary_with_the_file_name():
    with pytest.raises(ImportRefused, match=r"^scan\.png: refused: binary file \(PNG image\)$"):
        read_report(b"\x89PNG\r\n\x1a\n" + bytes(100), "scan.png")
    with pytest.raises(ImportRefused, match=r"^letter\.docx: refused: damaged Word document"):
        read_report(b"PK\x03\x04" + bytes(100), "letter.docx")
    with pytest.raises(ImportRefused, match=r"^bundle\.zip: refused: not a Word document: a zip"):
        read_report(b"PK\x05\x06" + bytes(18), "bundle.zip")


def test_long_heading_title_is_cut():
    report = read_report(("# " + "word " * 200).encode(), "long.md")
    assert report.title is not None and len(report.title) <= 300


def test_html_meta_charset_settles_a_guessed_encoding():
    page = "<html><head><meta charset='koi8-r'><title>Отчёт</title></head><body><p>Привет</p>"
    report = read_report(page.encode("koi8-r"), "page.html")
    assert (report.title, report.text) == ("Отчёт", "Привет")
    assert (report.encoding, report.encoding_guessed) == ("koi8-r", False)


def test_html_latin1_label_is_read_as_windows_1252():
    page = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-1"><p>“café”'
    report = read_report(page.encode("cp1252"), "page.htm")
    assert report.text == "“café”" and report.encoding == "cp1252"


def test_html_meta_charset_does_not_override_valid_utf8():
    page = "<meta charset='windows-1251'><p>naïve</p>"
    report = read_report(page.encode("utf-8"), "page.html")
    assert report.text == "naïve" and report.encoding == "utf-8"
