"""Word .docx reports: text, real footnotes and endnotes as linked markers, tracked changes."""

from __future__ import annotations

import datetime

from glossator.core.footnotes import FootnoteLayout
from glossator.formats.docx_reader import read_docx
from glossator.formats.reports import ParsedReport, read_report, sniff_format
from tests.formats.docx_builder import build_docx, en_ref, fn_ref, p, r, table
from tests.formats.note_spans import assert_exact_spans, read_with_notes


def _read(data: bytes, name: str = "report.docx") -> tuple[ParsedReport, FootnoteLayout]:
    return read_with_notes(data, name)


def test_footnotes_become_linked_markers_and_notes():
    body = p("Heading text", style="Title") + p(
        "The minister said", fn_ref(2), " it twice", fn_ref(3)
    )
    data = build_docx(body, footnotes={2: r(" Interview, May 2, 2024."), 3: r(" Second source.")})
    report, layout = _read(data)
    assert report.source_format == "docx"
    assert report.text == (
        "Heading text\n\nThe minister said[1] it twice[2]\n\n"
        "[1] Interview, May 2, 2024.\n\n[2] Second source."
    )
    assert layout.style == "bracket"
    assert [(m.label, layout.note_for(m).text) for m in layout.markers] == [  # type: ignore[union-attr]
        ("1", "Interview, May 2, 2024."),
        ("2", "Second source."),
    ]
    assert layout.missing_notes == () and layout.uncited_notes == ()
    assert layout.body_end == report.text.index("[1] Interview")
    assert_exact_spans(report, layout)


def test_footnotes_are_numbered_by_first_reference_and_one_may_be_cited_twice():
    body = p("A", fn_ref(7), " b", fn_ref(4), " c", fn_ref(7), ".")
    report, layout = _read(build_docx(body, footnotes={4: r("Four"), 7: r("Seven")}))
    assert report.text == "A[1] b[2] c[1].\n\n[1] Seven\n\n[2] Four"
    seven = next(n for n in layout.notes if n.label == "1")
    assert [report.text[m.start : m.end] for m in layout.citations(seven)] == ["[1]", "[1]"]
    assert layout.citations(seven)[0].start < layout.citations(seven)[1].start


def test_a_note_never_referenced_is_listed_and_flagged():
    body = p("Only one", fn_ref(1), ".")
    report, layout = _read(build_docx(body, footnotes={1: r("One"), 2: r("Orphan note")}))
    assert report.text.endswith("[1] One\n\n[2] Orphan note")
    assert layout.uncited_notes == ("2",) and layout.missing_notes == ()


def test_a_reference_to_a_note_that_does_not_exist_is_a_missing_note():
    body = p("Cited", fn_ref(1), " and", fn_ref(9), ".")
    _, layout = _read(build_docx(body, footnotes={1: r("One")}))
    assert layout.missing_notes == ("2",)
    assert [m.label for m in layout.markers] == ["1", "2"]


def test_endnotes_alone_are_numbered_like_footnotes():
    body = p("End", en_ref(1), " noted", en_ref(2), ".")
    report, layout = _read(build_docx(body, endnotes={1: r("E one"), 2: r("E two")}))
    assert report.text == "End[1] noted[2].\n\n[1] E one\n\n[2] E two"
    assert layout.style == "bracket" and layout.missing_notes == ()


def test_footnotes_and_endnotes_together_keep_distinct_labels():
    body = p("Foot", fn_ref(1), " end", en_ref(1), " end again", en_ref(2), " foot", fn_ref(2))
    data = build_docx(body, footnotes={1: r("F1"), 2: r("F2")}, endnotes={1: r("E1"), 2: r("E2")})
    report, layout = _read(data)
    assert report.text == (
        "Foot[^1] end[^i] end again[^ii] foot[^2]\n\n[^1]: F1\n\n[^2]: F2\n\n[^i]: E1\n\n[^ii]: E2"
    )
    assert layout.style == "markdown"
    assert {m.label: layout.note_for(m).text for m in layout.markers} == {  # type: ignore[union-attr]
        "1": "F1",
        "i": "E1",
        "ii": "E2",
        "2": "F2",
    }
    assert_exact_spans(report, layout)


def test_a_note_with_several_paragraphs_and_formatting_is_one_line():
    note = (
        r(" First ") + r("bold", props="<w:b/>") + r(" part.") + "</w:p><w:p>" + r("Second para.")
    )
    _report, layout = _read(build_docx(p("X", fn_ref(1)), footnotes={1: note}))
    assert layout.notes[0].text == "First bold part. Second para."


def test_typed_markers_and_a_typed_notes_list_are_found_in_the_text():
    body = (
        p("Typed report")
        + p("He said [to see] it was over.[3] Then [sic] more.[4]")
        + p("[3] X, December 8, 2024.")
        + p("[4] Y.")
    )
    report, layout = _read(build_docx(body))
    assert layout.style == "bracket"
    assert [m.label for m in layout.markers] == ["3", "4"]
    assert [n.text for n in layout.notes] == ["X, December 8, 2024.", "Y."]
    assert_exact_spans(report, layout)


def test_arabic_and_emoji_offsets_are_code_points_and_quotes_slice():
    arabic = "قال المتحدث إن الاتفاق «انتهى» 👍🏽 اليوم"
    body = p(arabic, fn_ref(1), " — done.", ppr="<w:bidi/>")
    report, layout = _read(build_docx(body, footnotes={1: r("مصدر: مقابلة 🎙️")}))
    (marker,) = layout.markers
    assert marker.start == len(arabic)  # 👍🏽 counts as two code points, as in Python
    assert report.text[marker.start : marker.end] == "[1]"
    quote = "«انتهى» 👍🏽"
    start = report.text.index(quote)
    assert report.text[start : start + len(quote)] == quote
    assert layout.notes[0].text == "مصدر: مقابلة 🎙️"
    assert_exact_spans(report, layout)


def test_headings_tables_tabs_breaks_and_hyphens():
    body = (
        p("Report heading", style="Heading1")
        + p("Sub", style="berschrift2")
        + p(
            "a\u00adb",
            r(inner="<w:tab/>"),
            "c",
            r(inner="<w:br/>"),
            "Al",
            r(inner="<w:noBreakHyphen/>"),
            "Tamimi",
            r(inner="<w:softHyphen/>"),
            "x",
        )
        + table(["Name", "Role"], ["Al-Tamimi", p("spokes") + p("person")], ["", ""])
        + p("   ")
        + p("After")
    )
    extracted = read_docx(build_docx(body), "t.docx")
    assert extracted.title == "Report heading"
    assert extracted.text == (
        "Report heading\n\nSub\n\nab\tc\nAl-Tamimix\n\nName | Role\n\nAl-Tamimi | spokes person\n\n"
        "After"
    )


def test_title_from_core_properties_else_title_style_else_first_line():
    assert read_report(build_docx(p("Body line"), title="  Core  title "), "a.docx").title == (
        "Core title"
    )
    styled = p("Intro") + p("Styled", style="Title") + p("Heading", style="Heading1")
    assert read_report(build_docx(styled, title=""), "b.docx").title == "Styled"
    assert read_report(build_docx(p("First line") + p("second")), "c.docx").title == "First line"


def test_date_comes_from_the_text_not_from_the_file_creation_time():
    dated = build_docx(p("Title") + p("Baghdad, 9 December 2024: talks"), title="T")
    assert read_report(dated, "d.docx").date == datetime.date(2024, 12, 9)
    undated = build_docx(p("Title") + p("No date here"), title="T")  # core.xml says 2020-01-02
    assert read_report(undated, "u.docx").date is None


def test_tracked_changes_read_as_accepted():
    ins = f'<w:ins w:id="1" w:author="a">{r(" inserted")}</w:ins>'
    dele = '<w:del w:id="2" w:author="a"><w:r><w:delText> deleted</w:delText></w:r></w:del>'
    moved_away = f'<w:moveFrom w:id="3">{r(" moved-away")}</w:moveFrom>'
    moved_here = f'<w:moveTo w:id="4">{r(" moved-here")}</w:moveTo>'
    gone_ref = '<w:del w:id="5"><w:r><w:footnoteReference w:id="2"/></w:r></w:del>'
    joined = p("Half", ppr='<w:rPr><w:del w:id="6" w:author="a"/></w:rPr>') + p(" joined")
    deleted_row = (
        "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>kept row</w:t></w:r></w:p></w:tc></w:tr>"
        '<w:tr><w:trPr><w:del w:id="7"/></w:trPr><w:tc><w:p><w:r><w:t>gone row</w:t></w:r>'
        "</w:p></w:tc></w:tr></w:tbl>"
    )
    body = p("Text", ins, dele, moved_away, moved_here, gone_ref, fn_ref(1)) + joined + deleted_row
    report, layout = _read(build_docx(body, footnotes={1: r("Kept"), 2: r("Deleted with ref")}))
    assert report.text == "Text inserted moved-here[1]\n\nHalf joined\n\nkept row\n\n[1] Kept"
    assert layout.uncited_notes == () and "Deleted with ref" not in report.text


def test_hidden_text_drawings_fields_and_comments_give_nothing_but_results():
    body = p(
        r("visible"),
        r(" SECRET", props="<w:vanish/>"),
        r(" shown", props='<w:vanish w:val="false"/>'),
        r(inner="<w:drawing><wp:inline xmlns:wp='urn:x'><w:t>IMAGE</w:t></wp:inline></w:drawing>"),
        r(inner='<w:fldChar w:fldCharType="begin"/>'),
        r(inner='<w:instrText xml:space="preserve"> HYPERLINK "http://x.invalid" </w:instrText>'),
        r(inner='<w:fldChar w:fldCharType="separate"/>'),
        r(" link text"),
        r(inner='<w:fldChar w:fldCharType="end"/>'),
        '<w:fldSimple w:instr=" DATE "><w:r><w:t xml:space="preserve"> field result</w:t></w:r></w:fldSimple>',  # noqa: E501
        '<w:hyperlink w:anchor="x"><w:r><w:t xml:space="preserve"> anchor</w:t></w:r>'
        "</w:hyperlink>",
        r(inner='<w:commentReference w:id="0"/>'),
    )
    sdt = (
        "<w:sdt><w:sdtPr><w:alias w:val='HIDDEN-ALIAS'/></w:sdtPr><w:sdtContent>"
        + p("in control")
        + "</w:sdtContent></w:sdt>"
    )
    text = read_docx(build_docx(body + sdt), "h.docx").text
    assert text == "visible shown link text field result anchor\n\nin control"


def test_numbered_and_bulleted_lists():
    numbering = (
        '<w:abstractNum w:abstractNumId="0">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'  # noqa: E501
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%2)"/></w:lvl>'  # noqa: E501
        '</w:abstractNum><w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0">'
        '<w:numFmt w:val="bullet"/><w:lvlText w:val="\u2022"/></w:lvl></w:abstractNum>'
        '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>'
        '<w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>'
    )

    def item(text: str, num: int, level: int = 0) -> str:
        return p(text, ppr=f'<w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/></w:numPr>')

    body = item("one", 1) + item("sub", 1, 1) + item("sub2", 1, 1) + item("two", 1) + item("dot", 2)
    text = read_docx(build_docx(body, numbering=numbering), "l.docx").text
    assert text == "1. one\n\n(a) sub\n\n(b) sub2\n\n2. two\n\n- dot"


def test_strict_ooxml_namespace_is_read():
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    xml = f'<w:document xmlns:w="{strict}"><w:body>{p("Strict", fn_ref(1))}</w:body></w:document>'
    notes = f'<w:footnotes xmlns:w="{strict}"><w:footnote w:id="1">{p("Note")}</w:footnote></w:footnotes>'  # noqa: E501
    data = build_docx(document_xml=xml, extra={"word/footnotes.xml": notes})
    assert read_docx(data, "s.docx").text == "Strict[1]\n\n[1] Note"


def test_a_docx_is_sniffed_by_its_content_whatever_its_name():
    data = build_docx(p("Body"))
    assert sniff_format(data, "download") == "docx"
    assert sniff_format(data, "renamed.txt") == "docx"
    assert sniff_format(b"x", "a.DOCX") == "docx"
    assert read_report(data, "download").text == "Body"
