"""HTML footnotes as real sites write them: Wikipedia, WordPress plugins, Pandoc, Hugo,
Jekyll, Project Gutenberg, tooltips and ``*1`` anchors; each read into linked notes."""

from __future__ import annotations

import pytest

from glossator.core.footnotes import detect_footnotes
from glossator.formats.reports import read_report
from tests.formats.html_notes import linked, read_notes


def test_wikipedia_cite_notes_linked_by_the_page_own_full_address():
    source = (
        "<html><head><link rel='canonical' href='https://en.wikipedia.org/wiki/Mozilla'></head>"
        "<body><p>Mozilla<sup class='reference'><a href='https://en.wikipedia.org/wiki/Mozilla"
        "#cite_note-1'>[1]</a></sup> and<sup class='reference'><a href='//en.wikipedia.org/wiki/"
        "Mozilla#cite_note-2'>[2]</a></sup>.</p><h2>References</h2><ol class='references'>"
        "<li id='cite_note-1'><span class='mw-cite-backlink'><b><a href='#cite_ref-1'>^</a></b>"
        "</span> <span class='reference-text'>First source.</span></li>"
        "<li id='cite_note-2'><span class='mw-cite-backlink'>^ <a href='#cite_ref-2a'><sup><i>"
        "<b>a</b></i></sup></a> <a href='#cite_ref-2b'><sup><i><b>b</b></i></sup></a></span> "
        "<span class='reference-text'>Second source.</span></li></ol></body></html>"
    )
    text, layout = read_notes(source)
    assert linked(layout) == [("1", "First source."), ("2", "Second source.")]
    assert "^" not in text


def test_a_full_address_to_another_page_is_an_ordinary_link():
    source = (
        "<head><link rel='canonical' href='https://example.org/a'></head>"
        "<p>See<a href='https://example.org/b#section-2'>2</a>.</p><h2 id='section-2'>x</h2>"
    )
    text, layout = read_notes(source)
    assert layout.markers == () and text == "See2.\n\nx"


def test_pandoc_section_footnotes_with_back_links():
    source = (
        "<p>Claim<a href='#fn1' class='footnote-ref' id='fnref1' role='doc-noteref'><sup>1</sup>"
        "</a>.</p><section class='footnotes' role='doc-endnotes'><hr><ol><li id='fn1'><p>A note."
        "</p><p>Its second paragraph. <a href='#fnref1' class='footnote-back' "
        "role='doc-backlink'>↩︎</a></p></li></ol></section>"
    )
    _, layout = read_notes(source)
    assert linked(layout) == [("1", "A note. Its second paragraph.")]


@pytest.mark.parametrize(
    "ref_and_notes",
    [
        # Hugo (goldmark)
        "<p>Text<sup id='fnref:1'><a href='#fn:1' class='footnote-ref' role='doc-noteref'>1</a>"
        "</sup>.</p><div class='footnotes' role='doc-endnotes'><hr><ol><li id='fn:1'><p>A note."
        "&#160;<a href='#fnref:1' class='footnote-backref' role='doc-backlink'>&#x21a9;&#xfe0e;"
        "</a></p></li></ol></div>",
        # Jekyll (kramdown)
        "<p>Text<sup id='fnref:1' role='doc-noteref'><a href='#fn:1' class='footnote' "
        "rel='footnote'>1</a></sup>.</p><div class='footnotes' role='doc-endnotes'><ol>"
        "<li id='fn:1' role='doc-endnote'><p>A note. <a href='#fnref:1' class='reversefootnote'"
        " role='doc-backlink'>&#8617;</a></p></li></ol></div>",
        # WordPress's own footnotes block: ids are UUIDs, the note links back
        "<p>Text<sup data-fn='9f' class='fn'><a href='#9f' id='9f-link'>1</a></sup>.</p>"
        "<ol class='wp-block-footnotes'><li id='9f'>A note. <a href='#9f-link' "
        "aria-label='Jump to footnote reference 1'>↩︎</a></li></ol>",
    ],
)
def test_static_site_and_wordpress_block_footnotes(ref_and_notes: str):
    text, layout = read_notes(ref_and_notes)
    assert linked(layout) == [("1", "A note.")]
    assert text.startswith("Text[1].")


def test_wordpress_footnotes_plugin_with_its_notes_in_a_table():
    source = (
        "<p>Claim<sup id='footnote_plugin_tooltip_7_1' class='footnote_plugin_tooltip_text' "
        "onclick='footnote_moveToReference_7_1();'>[1]</sup><span id='footnote_plugin_tooltip_"
        "text_7_1' class='footnote_tooltip'>Tooltip copy.</span> and more<sup "
        "class='footnote_plugin_tooltip_text'>[2]</sup>.</p>"
        "<div class='footnotes_reference_container'><div class='footnote_container_prepare'>"
        "<p><span class='footnote_reference_container_label'>References</span></p></div>"
        "<table class='footnotes_table footnote-reference-container'><tbody>"
        "<tr class='footnotes_plugin_reference_row'><th class='footnote_plugin_index'>"
        "<a id='footnote_plugin_reference_7_1' class='footnote_backlink'><span "
        "class='footnote_index_arrow'>&#8593;</span>1</a></th><td class='footnote_plugin_text'>"
        "First note.</td></tr><tr class='footnotes_plugin_reference_row'><th>"
        "<a class='footnote_backlink'>&#8593;2</a></th><td class='footnote_plugin_text'>"
        "Second note.</td></tr></tbody></table></div>"
    )
    text, layout = read_notes(source)
    assert linked(layout) == [("1", "First note."), ("2", "Second note.")]
    assert "Tooltip copy" not in text and "↑" not in text


def test_tooltip_footnotes_with_the_note_in_a_hidden_span_or_an_attribute():
    source = (
        "<p>One<sup class='modern-footnotes-footnote' data-mfn='1'><a href='javascript:void(0)'"
        " role='button'>1</a></sup><span role='tooltip' class='modern-footnotes-footnote__note'"
        " data-mfn='1'>Note in a span.</span> two<span class='tooltip'>2<span "
        "class='tooltiptext' style='display:none'>Note inside.</span></span> three"
        "<sup><a href='#' data-toggle='tooltip' title='Note in a title.'>3</a></sup>.</p>"
    )
    text, layout = read_notes(source)
    assert text.startswith("One[1] two[2] three[3].")
    assert linked(layout) == [
        ("1", "Note in a span."),
        ("2", "Note inside."),
        ("3", "Note in a title."),
    ]


def test_a_superscript_exponent_is_not_a_marker():
    text, layout = read_notes("<p>Area x<sup>2</sup> and E = mc<sup>2</sup>.</p>")
    assert layout.markers == () and text == "Area x2 and E = mc2."


def test_star_anchors_are_footnotes():
    source = (
        "<p>本文<a href='#note1' id='ref1'>*1</a>です<a href='#note2' id='ref2'>*2</a>。</p>"
        "<p id='note1'><a href='#ref1'>*1</a> First.</p><p id='note2'><a href='#ref2'>*2</a>"
        " Second.</p>"
    )
    _, layout = read_notes(source)
    assert linked(layout) == [("1", "First."), ("2", "Second.")]


def test_gutenberg_notes_that_link_back_to_their_reference():
    source = (
        "<p>He says<a class='tag' name='tagA' id='tagA' href='#noteA'>A</a> and so on.</p>"
        "<p class='mynote'>Transcriber's Footnotes:</p><p class='footnote'>"
        "<a name='noteA' id='noteA' href='#tagA'>A.</a><br>The chief priest says so.</p>"
    )
    _, layout = read_notes(source)
    assert linked(layout) == [("A", "The chief priest says so.")]


def test_brackets_in_code_are_verbatim_and_never_markers():
    source = "<p>Use <code>items[1]</code> here.</p><pre>x = v[2];\ny = v[3];</pre><p>ok[4]</p>"
    report = read_report(source.encode(), "code.html")
    layout = detect_footnotes(report.text, report.verbatim)
    assert [m.label for m in layout.markers] == ["4"]
    assert [report.text[s:e] for s, e in report.verbatim] == ["items[1]", "x = v[2];", "y = v[3];"]


def test_notes_whose_labels_restart_per_chapter_stay_where_the_page_puts_them():
    source = (
        "<h2>Chapter I</h2><p>One<a href='#Footnote_1_1' id='FNanchor_1_1'>[1]</a>.</p>"
        "<div class='footnote'><p><a id='Footnote_1_1' href='#FNanchor_1_1'>[1]</a> Chapter "
        "one's note.</p></div><h2>Chapter II</h2><p>Two<a href='#Footnote_1_2' "
        "id='FNanchor_1_2'>[1]</a>.</p><div class='footnote'><p><a id='Footnote_1_2' "
        "href='#FNanchor_1_2'>[1]</a> Chapter two's note.</p></div><p>The end.</p>"
    )
    text, layout = read_notes(source)
    assert text == (
        "Chapter I\n\nOne[1].\n\n[1] Chapter one's note.\n\nChapter II\n\nTwo[1].\n\n"
        "[1] Chapter two's note.\n\nThe end."
    )
    assert linked(layout) == [("1", "Chapter one's note."), ("1", "Chapter two's note.")]
