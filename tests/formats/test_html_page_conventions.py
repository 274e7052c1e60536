"""More HTML footnotes as real pages write them: Wikipedia's grouped notes, margin page
numbers and screen-reader text, notes of several paragraphs, diaries saved with links to
their own file, notes that repeat their label, tooltip references side by side."""

from __future__ import annotations

from tests.formats.html_notes import linked, read_notes


def _ref(note_id: str, shown: str) -> str:
    return (
        f"<sup id='cite_ref-{note_id}' class='reference'><a href='#cite_note-{note_id}'>"
        f"<span class='cite-bracket'>&#91;</span>{shown}<span class='cite-bracket'>&#93;"
        "</span></a></sup>"
    )


def _note(note_id: str, text: str) -> str:
    return (
        f"<li id='cite_note-{note_id}'><span class='mw-cite-backlink'><b>"
        f"<a href='#cite_ref-{note_id}'>^</a></b></span> <span class='reference-text'>{text}"
        "</span></li>"
    )


def test_wikipedia_grouped_notes_link_to_their_group_and_references_to_theirs():
    source = (
        f"<p>Anthem{_ref('2', 'n 1')} and English{_ref('4', 'note 2')}, 5 million"
        f"{_ref('5', '3')}; a tax{_ref('7', 'a')} and a fee{_ref('8', 'nb 1')}."
        "<sup class='noprint Inline-Template Template-Fact'>[<i><a href='/wiki/Wikipedia:"
        "Citation_needed'><span title='This claim needs references'>citation needed</span>"
        "</a></i>]</sup></p><h2>Footnotes</h2><div class='reflist'><ol class='references'>"
        + _note("2", f"Used only on regal occasions.{_ref('1', '1')}")
        + _note("4", f"De facto official.{_ref('3', '2')}")
        + "</ol></div><div class='reflist reflist-lower-alpha'><ol class='references'>"
        + _note("7", "Goods and services tax.")
        + "</ol></div><ol class='references'>"
        + _note("8", "Paid at the border.")
        + "</ol><h2>Citations</h2><ol class='references'>"
        + _note("1", "Protocol for the anthems.")
        + _note("3", "English language.")
        + _note("5", "Census 2018.")
        + "</ol>"
    )
    text, layout = read_notes(source)
    assert linked(layout) == [
        ("n 1", "Used only on regal occasions.[^1]"),
        ("note 2", "De facto official.[^2]"),
        ("3", "Census 2018."),
        ("a", "Goods and services tax."),
        ("nb 1", "Paid at the border."),
        ("1", "Protocol for the anthems."),
        ("2", "English language."),
    ]
    assert layout.uncited_notes == () and layout.missing_notes == ()
    assert "citation needed" in text and "[^citation needed]" not in text


def test_margin_page_numbers_and_screen_reader_text_are_not_text():
    source = (
        "<ul class='u-sr-only'><li><a href='#main' accesskey='1'>Skip to content [1]</a></li>"
        "</ul><p>kindly communicated<span class='pagenum'><a name='Page_11'>[11]</a></span>"
        " by ladies<a name='FNanchor_1'></a><a href='#Footnote_1' class='fnanchor'>[1]</a>."
        "</p><p><span class='pagenum'>[13a]</span></p><div class='footnotes'><p>"
        "<a name='Footnote_1' id='Footnote_1'></a><a href='#FNanchor_1'><span class='label'>"
        "[1]</span></a> The legends of Miss Lane.</p></div>"
    )
    text, layout = read_notes(source)
    assert text.startswith("kindly communicated by ladies[1].")
    assert "[11]" not in text and "[13a]" not in text and "Skip" not in text
    assert linked(layout) == [("1", "The legends of Miss Lane.")]


def test_a_note_of_several_paragraphs_is_the_footnote_block_around_them():
    source = (
        "<p>in the words of the old song<a name='FNanchor_E_5'></a>"
        "<a href='#Footnote_E_5' class='fnanchor'>[E]</a> and more<a name='FNanchor_F_6'>"
        "</a><a href='#Footnote_F_6' class='fnanchor'>[F]</a>.</p><h3>FOOTNOTES</h3>"
        "<div class='footnote'><p><a name='Footnote_E_5' id='Footnote_E_5'></a>"
        "<a href='#FNanchor_E_5'><span class='label'>[E]</span></a> Da Ponte's comedy.</p>"
        "<div class='poem'><span>Questo è il fin di chi fa mal</span></div>"
        "<p>New York Musical Season.</p></div><div class='footnote-editor'><p>"
        "<a name='Footnote_F_6' id='Footnote_F_6'></a><a href='#FNanchor_F_6'>"
        "<span class='label'>[F]</span></a> The vavasseurs:</p><ul><li>Jean Perchard</li>"
        "<li>Philippin Paint</li></ul></div>"
    )
    _, layout = read_notes(source)
    assert linked(layout) == [
        ("E", "Da Ponte's comedy. Questo è il fin di chi fa mal New York Musical Season."),
        ("F", "The vavasseurs: - Jean Perchard - Philippin Paint"),
    ]


def test_a_diary_saved_with_links_to_its_own_file():
    notes = (
        "<div class='footnote'><p class='footnote'><a name='f01' href='./20190211.html#fm01'>"
        "*1</a>&nbsp;The first note.</p><p class='footnote'><a name='f02' "
        "href='./20190211.html#fm02'>*2</a>&nbsp;The second note.</p></div>"
    )
    body = (
        "<p>Hard to say<span class='footnote'><a name='fm01' href='./20190211.html#f01' "
        "title='The first note.'>*1</a></span><span class='footnote'><a name='fm02' "
        "href='./20190211.html#f02' title='The second note.'>*2</a></span>.</p>"
    )
    canonical = "<head><link rel='canonical' href='http://example.jp/diary/20190211.html'></head>"
    for head in (canonical, ""):  # without its address the notes still link back
        text, layout = read_notes(f"<html>{head}<body>{body}{notes}</body></html>")
        assert linked(layout) == [("1", "The first note."), ("2", "The second note.")]
        assert "*1" not in text.split("\n\n", 1)[1]


def test_a_link_to_another_page_of_the_site_is_not_a_footnote():
    source = (
        "<p>See <a name='x1' href='./other.html#f01'>*1</a>.</p>"
        "<p><a name='f01' href='#top'>*1</a> A place on this page.</p>"
    )
    _, layout = read_notes(source)
    assert layout.markers == ()


def test_a_note_that_repeats_its_label_shows_it_once():
    source = (
        "<p>the small plate.<sup class='footref'><a href='#footnote132'>[1]</a></sup> I "
        "will repay you.</p><div class='footnote' id='footnote132'><p>[Footnote 1: A "
        "visiting-card, <i>Wir bleiben die Alten</i> [sic].]</p></div><h3>220.</h3><p>To the "
        "Baroness.<sup class='footref'><a href='#footnote133'>[1]</a></sup></p>"
        "<div class='footnote' id='footnote133'><p>1. She played Beethoven well.</p></div>"
    )
    _, layout = read_notes(source)
    assert layout.style == "bracket"
    assert linked(layout) == [
        ("1", "A visiting-card, Wir bleiben die Alten [sic]."),
        ("1", "She played Beethoven well."),
    ]


def test_tooltip_references_side_by_side_each_keep_their_own_note():
    source = (
        "<p>It is <span class='footnote'><a title='The first &lt;a href=&quot;https://x.org"
        "&quot;&gt;note&lt;/a&gt;.'>*14</a></span><span class='footnote'><a title='The "
        "second note.'>*15</a></span> so.</p>"
    )
    _, layout = read_notes(source)
    assert linked(layout) == [("14", "The first note."), ("15", "The second note.")]


def test_a_link_showing_a_word_with_a_title_is_no_footnote():
    source = (
        "<p>Posted by <span class='author vcard'><a class='url fn n' href='/author/doumae' "
        "title='View all posts by doumae'>doumae</a></span>.</p><ul><li><a class='js-tooltip'"
        " title='Catalan' href='?lang=ca'>Català</a></li><li><a class='js-tooltip' "
        "title='8:27 AM - 21 Jun 2016' href='/status/1'>Jun 21</a></li></ul>"
        "<p>A real one<sup class='footnote' title='The note itself.'>1</sup>.</p>"
    )
    _, layout = read_notes(source)
    assert linked(layout) == [("1", "The note itself.")]


def test_symbol_notes_that_restart_each_chapter_link_to_their_own_chapter():
    def chapter(n: int) -> str:
        return (
            f"<h2>Chapter {n}</h2><p>First claim<a id='r{n}a' href='#n{n}a'>*</a> and second"
            f"<a id='r{n}b' href='#n{n}b'>†</a>.</p><p id='n{n}a'><a href='#r{n}a'>*</a> "
            f"Star note of chapter {n}.</p><p id='n{n}b'><a href='#r{n}b'>†</a> Dagger note "
            f"of chapter {n}.</p>"
        )

    _, layout = read_notes(chapter(1) + chapter(2))
    assert linked(layout) == [
        ("*", "Star note of chapter 1."),
        ("†", "Dagger note of chapter 1."),
        ("*", "Star note of chapter 2."),
        ("†", "Dagger note of chapter 2."),
    ]


def test_a_saved_wikipedia_page_whose_links_name_its_own_file_or_path():
    for base in ("New_Zealand", "/wiki/New_Zealand", "./New_Zealand.html"):
        source = (
            f"<p>Anthem<sup id='cite_ref-2' class='reference'><a href='{base}#cite_note-2'>"
            "[n 1]</a></sup>.</p><ol class='references'><li id='cite_note-2'><span "
            "class='mw-cite-backlink'><b><a href='#cite_ref-2'>^</a></b></span> <span "
            "class='reference-text'>Used on regal occasions.</span></li></ol>"
        )
        _, layout = read_notes(source)
        assert linked(layout) == [("n 1", "Used on regal occasions.")], base
