"""Markdown and HTML readers: readable text, footnotes in canonical form, hostile input."""

from __future__ import annotations

import pytest

from glossator.core.footnotes import detect_footnotes
from glossator.core.text import normalize_text
from glossator.formats.html_reader import html_fragment_text, read_html
from glossator.formats.markdown_reader import read_markdown
from glossator.formats.text_reader import Extracted, read_plain_text


def _md(source: str) -> str:
    return normalize_text(read_markdown(source).text)


def _html(source: str) -> str:
    return normalize_text(read_html(source).text)


def test_plain_text_is_taken_as_is():
    assert read_plain_text("a\r\n[1] b ") == Extracted("a\r\n[1] b ", None)


# --- Markdown ----------------------------------------------------------------------------


def test_markdown_headings_emphasis_links_and_images():
    source = (
        "# Main *title*\n\nSome **bold**, _em_, ~~gone~~ and [a link](http://x.invalid 'T') "
        "with ![alt text](http://x.invalid/p.png) an image and `co*de`.\n\n## Second\n"
    )
    extracted = read_markdown(source)
    assert extracted.title == "Main title"
    assert normalize_text(extracted.text) == (
        "Main title\n\nSome bold, em, gone and a link with  an image and co*de.\n\nSecond"
    )
    assert "x.invalid" not in extracted.text


def test_markdown_lists_quotes_code_and_tables():
    source = (
        "- one\n- two\n  1. nested\n  2. more\n\n3. three\n4. four\n\n> quoted\n> text\n\n"
        "```python\nx = [1]  # kept\n```\n\n| a | b |\n|---|---|\n| 1 | *2* |\n\n---\n"
    )
    assert _md(source) == (
        "- one\n- two\n  1. nested\n  2. more\n\n3. three\n4. four\n\nquoted\ntext\n\n"
        "x = [1]  # kept\n\na | b\n1 | 2"
    )


def test_markdown_footnotes_stay_and_definitions_move_to_the_end():
    source = (
        "Claim[^1] and another[^long-note] and[^1] again.\n\n"
        "[^long-note]: A *long* note,\n    continued.\n\n    Second paragraph.\n\n"
        "Middle paragraph.\n\n[^1]: First.\n[^unused]: Never cited.\n"
    )
    text = _md(source)
    assert text == (
        "Claim[^1] and another[^long-note] and[^1] again.\n\nMiddle paragraph.\n\n"
        "[^long-note]: A long note, continued. Second paragraph.\n\n[^1]: First.\n\n"
        "[^unused]: Never cited."
    )
    layout = detect_footnotes(text)
    assert layout.style == "markdown"
    assert [n.label for n in layout.notes] == ["long-note", "1", "unused"]
    assert layout.uncited_notes == ("unused",) and layout.missing_notes == ()


def test_markdown_undefined_reference_stays_as_a_missing_marker():
    text = _md("Cited[^9] but never defined, and[^1].\n\n[^1]: One.")
    layout = detect_footnotes(text)
    assert layout.missing_notes == ("9",)


def test_markdown_inline_notes_get_labels_that_do_not_clash():
    text = _md("A^[inline *one*] b[^1] c^[two].\n\n[^1]: Written one.\n")
    assert text == (
        "A[^inline-1] b[^1] c[^3].\n\n[^1]: Written one.\n\n[^inline-1]: inline one\n\n[^3]: two"
    )
    layout = detect_footnotes(text)
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_markdown_odd_labels_are_made_canonical():
    text = _md("X[^a.b].\n\n[^a.b]: Dotted.")
    assert text == "X[^a-b].\n\n[^a-b]: Dotted."


def test_markdown_raw_html_keeps_only_visible_text():
    source = (
        "Inline <b>bold</b><script>alert('inline script')</script> and <style>p{}</style>"
        "<!-- comment --> line<br>break.\n\n"
        "<div>\n<script>block script</script>\n<p>Block <em>html</em></p>\n</div>\n\n"
        "<script>\nstandalone script\n</script>\n"
    )
    text = _md(source)
    assert text == "Inline bold and  line\nbreak.\n\nBlock html"
    assert "script" not in text and "comment" not in text


def test_markdown_title_falls_back_to_none_without_a_heading():
    assert read_markdown("Just a paragraph.\n\nAnother.").title is None


def test_markdown_deep_nesting_does_not_crash_or_lose_text():
    source = ">" * 5000 + " deep\n\n" + "- " * 3000 + "item\n\nlast"
    text = _md(source)
    assert "deep" in text and "item" in text and text.endswith("last")
    assert _md("*" * 5000 + "x" + "*" * 5000) == "x"
    assert _md("[" * 50_000 + "x" + "]" * 50_000) == "[" * 50_000 + "x" + "]" * 50_000


def test_markdown_moderate_nesting_is_parsed():
    assert _md("> " * 40 + "quoted\n\n" + "- " * 40 + "item") == "quoted\n\n" + "- " * 40 + "item"


# --- HTML --------------------------------------------------------------------------------


def test_html_blocks_inline_elements_entities_and_lists():
    source = (
        "<html><head><title> The  title </title><style>p{color:red}</style></head><body>"
        "<h1>Heading</h1><p>One &amp; <b>two</b>\n   three&nbsp;four<br>five</p>"
        "<ul><li>a</li><li>b</li></ul><ol start='3'><li>c</li><li>d</li></ol>"
        "<pre>  keep\n    spacing</pre><table><tr><th>x</th><th>y</th></tr>"
        "<tr><td>1</td><td>2</td></tr></table><div>last</div></body></html>"
    )
    extracted = read_html(source)
    assert extracted.title == "The title"
    assert normalize_text(extracted.text) == (
        "Heading\n\nOne & two three four\nfive\n\n- a\n\n- b\n\n3. c\n\n4. d\n\n"
        "  keep\n    spacing\n\nx | y\n\n1 | 2\n\nlast"
    )


def test_html_title_falls_back_to_the_first_h1():
    assert read_html("<h1>First <script>x</script><i>one</i></h1><h1>Second</h1>").title == (
        "First one"
    )
    assert read_html("<p>none</p>").title is None


def test_html_footnotes_become_bracket_markers_and_a_notes_list():
    source = (
        "<p>Claim<sup><a href='#fn1' id='r1'>1</a></sup> and<sup>[<a href='#fn2'>2</a>]</sup>"
        " again<a href='#fn1'>1</a>.</p>"
        "<section class='footnotes'><h2>Notes</h2><ol>"
        "<li id='fn1'><p>First <em>note</em>. <a href='#r1' class='footnote-backref'>↩</a></p></li>"
        "<li id='fn2'>Second. <a href='#r2'>&#8617;&#xFE0E;</a></li>"
        "<li id='fn7'>Uncited seventh.</li></ol></section><p>After.</p>"
    )
    text = _html(source)
    assert text == (
        "Claim[1] and[2] again[1].\n\nAfter.\n\n[1] First note.\n\n[2] Second.\n\n"
        "[7] Uncited seventh."
    )
    layout = detect_footnotes(text)
    assert layout.style == "bracket"
    assert [n.label for n in layout.notes] == ["1", "2", "7"]
    assert layout.uncited_notes == ("7",)


def test_html_notes_list_found_by_ids_without_a_container():
    source = (
        "<p>A<a href='#footnote-1'>1</a> b<a href='#fn:2'>2</a></p>"
        "<ol><li id='footnote-1'>One <a href='#x'>back</a></li><li id='fn:2'>Two ↑</li>"
        "<li id='fn:3'>Three</li></ol>"
    )
    assert _html(source) == "A[1] b[2]\n\n[1] One\n\n[2] Two\n\n[3] Three"


def test_html_word_style_footnotes():
    source = (
        "<p>Body<a href='#_ftn1' name='_ftnref1'>[1]</a>.</p><div><p>"
        "<a href='#_ftnref1' name='_ftn1'>[1]</a> Word note.</p></div>"
    )
    assert _html(source) == "Body[1].\n\n[1] Word note."


@pytest.mark.parametrize(
    "container",
    [
        "<aside epub:type='footnotes'>{}</aside>",
        "<div role='doc-endnotes' class>{}</div>",
        "<div id='footnotes' hidden-marker>{}</div>",
    ],
)
def test_html_footnote_sections_by_role_epub_type_or_id(container: str):
    notes = "<ol><li id='x1'>One.</li><li>Two, uncited.</li></ol>"
    source = "<p>Text<a href='#x1'>1</a>.</p>" + container.format(notes)
    assert _html(source) == "Text[1].\n\n[1] One.\n\n[2] Two, uncited."


def test_html_reference_to_its_own_paragraph_is_plain_text():
    assert _html("<p id='fn1'>Self<a href='#fn1'>1</a>.</p>") == "Self1."


def test_html_link_from_one_note_to_another_is_plain_text():
    source = (
        "<p>A<a href='#fn1'>1</a></p><ol class='footnotes'>"
        "<li id='fn1'>See note <a href='#fn2'>2</a>.</li><li id='fn2'>Two.</li></ol>"
    )
    text = _html(source)
    assert text == "A[1]\n\n[1] See note 2.\n\n[2] Two."
    assert detect_footnotes(text).uncited_notes == ("2",)


def test_html_non_numeric_labels_use_the_markdown_form():
    source = (
        "<p>x<sup><a href='#fn:a'>a</a></sup> y<sup><a href='#fn:2'>2</a></sup></p>"
        "<div class='footnotes'><ol><li id='fn:a'>Alpha</li><li id='fn:2'>Two</li></ol></div>"
    )
    text = _html(source)
    assert text == "x[^a] y[^2]\n\n[^a]: Alpha\n\n[^2]: Two"
    assert detect_footnotes(text).style == "markdown"


def test_html_ordinary_links_are_just_text():
    source = "<p><a href='#section-2'>2</a> and <a href='#fn1'>see note</a></p><h2 id='fn1'>x</h2>"
    assert _html(source) == "2 and see note\n\nx"


@pytest.mark.parametrize(
    "source",
    [
        "<script>SECRET()</script><p>ok</p>",
        "<p>ok<style>SECRET{}</style><template><p>SECRET</p></template></p>",
        "<p>ok</p><noscript><p>SECRET</p></noscript><iframe>SECRET</iframe>",
        "<p>ok</p><svg><text>SECRET</text><script>SECRET</script></svg><math><mi>SECRET</mi></math>",
        "<p>ok</p><object>SECRET</object><textarea>SECRET</textarea><select><option>SECRET",
        "<p hidden>SECRET</p><p style='display: none'>SECRET</p><p>ok</p>",
        "<p>ok<!-- SECRET --></p><img alt='SECRET' src='http://SECRET.invalid/t.png'>",
        "<p>ok</p><script>document.write('<p>SECRET</p>')</script>",
    ],
)
def test_html_hidden_and_non_text_content_never_reaches_the_text(source: str):
    text = _html(source)
    assert "SECRET" not in text
    assert text == "ok"


def test_html_deep_nesting_does_not_crash():
    source = "<div>" * 10_000 + "deep<script>SECRET</script>" + "</div>" * 10_000
    assert _html(source) == "deep"
    assert "x" in _html("<b><i><span>" * 5000 + "x<script>SECRET")


def test_html_huge_attribute_and_unclosed_tags():
    assert _html('<p title="' + "a" * 2_000_000 + '">hello') == "hello"
    assert _html("<p>one<p>two<div>three<ul><li>four<li>five") == (
        "one\n\ntwo\n\nthree\n\n- four\n\n- five"
    )


def test_html_active_content_is_ignored():
    source = (
        "<head><base href='http://evil.invalid/'><meta http-equiv='refresh' "
        "content='0;url=http://evil.invalid/'></head><body onload='SECRET()'>"
        "<a href='javascript:SECRET()'>click</a><form action='http://evil.invalid'>"
        "<input value='SECRET'><button>SECRET</button></form></body>"
    )
    text = _html(source)
    assert text == "click"


def test_html_fragment_text_for_raw_html_in_markdown():
    assert html_fragment_text("<div><script>x</script><p>a</p><p>b</p></div>") == "a\n\nb"
    assert html_fragment_text("") == ""
