"""ReportView through a real widget: spans in code points, Qt's UTF-16 inside."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QHelpEvent, QTextCharFormat, QTextCursor, QTextFormat
from PySide6.QtWidgets import QToolTip

from glossator.ui.common.colors import (
    DEFAULT_PALETTE,
    blend,
    contrast_with_black,
    darken,
    parse_hex,
)
from glossator.ui.reader.highlighting import LONG_SPAN, SpanIndex, segments
from glossator.ui.reader.offsets import OffsetMap
from glossator.ui.reader.report_view import HighlightSpan, MarkerSpan, ReportView
from glossator.ui.reader.view_formats import MARKER_COLOR, fill_color

PREFIX = "😀 قال 👨\u200d👩\u200d👧 🇮🇶 intro\n"
BODY = "The official said[1] that the militia[2] will act.\n"
ARABIC = "قال المسؤول إن الميليشيات ستتحرك قريبا\n"
TEXT = PREFIX + BODY + ARABIC + "Last paragraph here."

OFFICIAL = TEXT.index("official")
M1 = TEXT.index("[1]")
M2 = TEXT.index("[2]")
MARKERS = [MarkerSpan("1", M1, M1 + 3, False), MarkerSpan("2", M2, M2 + 3, True)]
WIDE = HighlightSpan("wide", TEXT.index("The official"), TEXT.index(" will"), "#ffe08a")
NARROW = HighlightSpan("narrow", OFFICIAL, OFFICIAL + len("official"), "#a8d8ff")


@pytest.fixture
def view(qtbot):
    w = ReportView()
    w.setObjectName("reportView")
    qtbot.addWidget(w)
    w.resize(700, 400)
    w.set_document(TEXT, MARKERS, [WIDE, NARROW])
    w.show()
    qtbot.waitExposed(w)
    w.viewport().repaint()
    return w


def qt_pos(view: ReportView, cp: int) -> int:
    return OffsetMap(view.text()).to_qt(cp)


def char_center(view: ReportView, cp: int) -> QPoint:
    """Viewport point in the middle of the character at code point `cp`."""
    q = qt_pos(view, cp)
    a, b = QTextCursor(view.document()), QTextCursor(view.document())
    a.setPosition(q)
    b.setPosition(q + 1)
    ra, rb = view.cursorRect(a), view.cursorRect(b)
    return QPoint((ra.x() + rb.x()) // 2, ra.center().y())


def block_formats(view: ReportView, cp: int) -> list[tuple[int, int, QTextCharFormat]]:
    block = view.document().findBlock(qt_pos(view, cp))
    ranges = block.layout().formats()
    return [(r.start + block.position(), r.length, QTextCharFormat(r.format)) for r in ranges]


def test_document_matches_utf16_positions(view):
    assert view.document().characterCount() - 1 == OffsetMap(TEXT).utf16_length
    assert view.document().characterAt(qt_pos(view, OFFICIAL)) == "o"
    assert view.isReadOnly()


def test_positions_survive_crlf_and_separators(qtbot):
    w = ReportView()
    qtbot.addWidget(w)
    text = "one\r\ntwo\rthree\u2029four\u2028five 😀 six"
    w.set_document(text, [], [HighlightSpan("six", text.index("six"), len(text), "#ffe08a")])
    assert w.document().characterCount() - 1 == OffsetMap(text).utf16_length
    assert w.document().characterAt(qt_pos(w, text.index("six"))) == "s"
    w.select_span(text.index("four"), text.index("four") + 4)
    assert w.textCursor().selectedText() == "four"


def test_empty_document(qtbot):
    w = ReportView()
    qtbot.addWidget(w)
    w.show()
    w.set_document("", [], [HighlightSpan("k", 0, 5, "#ffe08a")])
    w.viewport().repaint()
    assert w.selection_span() is None
    assert w.highlight_at(0) == []
    w.set_selected("k")
    w.scroll_to(10)


def test_highlight_across_paragraphs_styles_each(view):
    start, end = TEXT.index("will act"), TEXT.index("المسؤول")
    view.add_highlight(HighlightSpan("across", start, end, "#d9c2f0"))
    view.viewport().repaint()
    assert any(s == qt_pos(view, start) for s, _, _ in block_formats(view, start))
    arabic = TEXT.index(ARABIC)
    assert (qt_pos(view, arabic), len("قال ")) in [
        (s, n) for s, n, _ in block_formats(view, arabic)
    ]
    view.set_selected("across")
    assert len(view.selected_rects()) >= 2


def test_visible_blocks_carry_highlight_and_marker_formats(view):
    formats = block_formats(view, OFFICIAL)
    by_start = {start: (length, fmt) for start, length, fmt in formats}
    q_official = qt_pos(view, OFFICIAL)
    length, fmt = by_start[q_official]
    assert length == len("official")
    assert fmt.background().color().name() == fill_color(["#ffe08a", "#a8d8ff"])
    marker_len, marker_fmt = by_start[qt_pos(view, M1)]
    assert marker_len == 3
    assert marker_fmt.foreground().color().name() == MARKER_COLOR
    assert marker_fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.SingleUnderline
    missing_fmt = by_start[qt_pos(view, M2)][1]
    assert missing_fmt.underlineStyle() == QTextCharFormat.UnderlineStyle.WaveUnderline


def test_keyboard_selection_in_code_points(view, qtbot):
    cursor = view.textCursor()
    cursor.setPosition(qt_pos(view, OFFICIAL))
    view.setTextCursor(cursor)
    view.setFocus()
    for _ in range(len("official")):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_span() == (OFFICIAL, OFFICIAL + len("official"))
    assert TEXT[slice(*view.selection_span())] == "official"


def test_keyboard_selection_across_emoji(view, qtbot):
    # The first paragraph's first strong character is Arabic: it runs right to left, so
    # the Left key moves forward through the text.
    assert view.document().firstBlock().textDirection() == Qt.LayoutDirection.RightToLeft
    cursor = view.textCursor()
    cursor.setPosition(0)
    view.setTextCursor(cursor)
    view.setFocus()
    for _ in range(3):
        qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.selection_span() == (0, 3)
    assert TEXT[:3] == "😀 ق"


def test_mouse_drag_selection_in_code_points(view, qtbot):
    start, end = TEXT.index("militia"), TEXT.index("militia") + len("militia")
    cursor = QTextCursor(view.document())
    cursor.setPosition(qt_pos(view, start))
    press = view.cursorRect(cursor).center()
    cursor.setPosition(qt_pos(view, end))
    release = view.cursorRect(cursor).center()
    vp = view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=press)
    qtbot.mouseMove(vp, press + QPoint(5, 0))
    qtbot.mouseMove(vp, release)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=release)
    assert view.selection_span() == (start, end)


def test_click_marker_emits_label_and_start(view, qtbot):
    with qtbot.waitSignal(view.markerClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_center(view, M1 + 1))
    assert blocker.args == ["1", M1]


def test_click_in_highlight_emits_shortest(view, qtbot):
    with qtbot.waitSignal(view.highlightClicked) as blocker:
        qtbot.mouseClick(
            view.viewport(), Qt.MouseButton.LeftButton, pos=char_center(view, OFFICIAL + 2)
        )
    assert blocker.args == ["narrow"]
    with qtbot.waitSignal(view.highlightClicked) as blocker:
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_center(view, M1 + 5))
    assert blocker.args == ["wide"]


def test_click_outside_highlights_emits_nothing(view, qtbot):
    last = TEXT.index("Last")
    with qtbot.assertNotEmitted(view.highlightClicked), qtbot.assertNotEmitted(view.markerClicked):
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=char_center(view, last))
    assert view.highlight_at(last) == []


def test_hover_missing_marker_tooltip_cursor_and_signal(view, qtbot):
    point = char_center(view, M2 + 1)
    assert view.tooltip_at(point) == "Note [2] is missing from the notes list"
    with qtbot.waitSignal(view.markerHovered) as blocker:
        qtbot.mouseMove(view.viewport(), point)
    assert blocker.args == ["2", M2]
    assert view.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor
    event = QHelpEvent(QEvent.Type.ToolTip, point, view.viewport().mapToGlobal(point))
    view.viewportEvent(event)
    qtbot.waitUntil(lambda: QToolTip.text() == "Note [2] is missing from the notes list")
    qtbot.mouseMove(view.viewport(), char_center(view, TEXT.index("Last")))
    assert view.viewport().cursor().shape() == Qt.CursorShape.IBeamCursor


def test_add_and_remove_highlight_restyle_the_block(view):
    act = TEXT.index("act.")
    added = HighlightSpan("new", act, act + 3, "#b8e6b0")
    view.add_highlight(added)
    starts = {start: fmt for start, _, fmt in block_formats(view, act)}
    assert starts[qt_pos(view, act)].background().color().name() == "#b8e6b0"
    assert view.highlight_at(act) == ["new"]
    view.remove_highlight("new")
    assert qt_pos(view, act) not in {start for start, _, _ in block_formats(view, act)}
    assert view.highlight_at(act) == []
    view.remove_highlight("no such key")


def test_set_highlights_replaces_all(view):
    view.set_highlights([HighlightSpan("only", OFFICIAL, OFFICIAL + 3, "#ffb8b0")])
    view.viewport().repaint()
    filled = QTextFormat.Property.BackgroundBrush
    formats = [(s, n) for s, n, f in block_formats(view, OFFICIAL) if f.hasProperty(filled)]
    assert formats == [(qt_pos(view, OFFICIAL), 3)]
    assert view.highlight_at(OFFICIAL + 4) == []


def test_arabic_paragraph_is_right_to_left(view):
    block = view.document().findBlock(qt_pos(view, TEXT.index(ARABIC)))
    assert block.textDirection() == Qt.LayoutDirection.RightToLeft
    assert view.document().findBlock(qt_pos(view, OFFICIAL)).textDirection() == (
        Qt.LayoutDirection.LeftToRight
    )
    cursor = QTextCursor(block)
    assert view.cursorRect(cursor).x() > view.viewport().width() / 2  # starts on the right


def test_selected_annotation_outlined_and_scrolled_into_view(qtbot):
    w = ReportView()
    qtbot.addWidget(w)
    w.resize(500, 300)
    text = "".join(f"Paragraph {i} 😀 with some words.\n" for i in range(2000))
    far = text.index("Paragraph 1500 ")
    w.set_document(text, [], [HighlightSpan("far", far, far + 14, "#ffe08a")])
    w.show()
    qtbot.waitExposed(w)
    assert w.selected_rects() == []
    w.set_selected("far")
    assert w.selected() == "far"
    w.viewport().repaint()
    rects = w.selected_rects()
    assert len(rects) == 1 and rects[0].width() > 20
    assert w.firstVisibleBlock().blockNumber() > 1400
    w.set_selected(None)
    assert w.selected_rects() == []


def test_select_span_and_scroll_to(view):
    view.select_span(OFFICIAL, OFFICIAL + 8)
    assert view.selection_span() == (OFFICIAL, OFFICIAL + 8)
    assert view.textCursor().selectedText() == "official"
    view.scroll_to(TEXT.index("Last"))
    assert view.selection_span() == (OFFICIAL, OFFICIAL + 8)


def test_zoom(view):
    size = view.font().pointSizeF()
    view.zoom_in()
    assert view.font().pointSizeF() > size
    view.zoom_out()
    view.zoom_out()
    assert view.font().pointSizeF() < size
    view.reset_zoom()
    assert view.font().pointSizeF() == size


def test_palette_is_distinct_and_readable():
    assert len(set(DEFAULT_PALETTE)) == 9
    assert all(contrast_with_black(c) >= 7 for c in DEFAULT_PALETTE)
    assert blend(["#000000", "#ffffff"]) in ("#808080", "#7f7f7f")
    assert darken("#ffffff", 0.5) == "#808080"
    assert parse_hex("#abc") == (0xAA, 0xBB, 0xCC)
    assert contrast_with_black(fill_color(DEFAULT_PALETTE[:4])) >= 4.5


def test_segments_split_overlaps_and_markers():
    a = HighlightSpan("a", 0, 10, "#ffe08a")
    b = HighlightSpan("b", 5, 15, "#a8d8ff")
    m = MarkerSpan("1", 8, 11, True)
    assert segments(0, 20, [a, b], [m]) == [
        (0, 5, ("#ffe08a",), 0),
        (5, 8, ("#a8d8ff", "#ffe08a"), 0),
        (8, 10, ("#a8d8ff", "#ffe08a"), 2),
        (10, 11, ("#a8d8ff",), 2),
        (11, 15, ("#a8d8ff",), 0),
    ]
    assert segments(3, 7, [a, b], []) == [
        (3, 5, ("#ffe08a",), 0),
        (5, 7, ("#a8d8ff", "#ffe08a"), 0),
    ]


spans = st.lists(
    st.tuples(st.integers(0, 6000), st.integers(0, 3000)).map(lambda t: (t[0], t[0] + t[1])),
    max_size=40,
)


@given(spans, st.integers(0, 9000), st.integers(0, 3000), st.data())
def test_span_index_matches_brute_force(raw, start, length, data):
    items = [HighlightSpan(str(i), s, e, "#ffffff") for i, (s, e) in enumerate(raw)]
    index = SpanIndex(items[: len(items) // 2])
    for h in items[len(items) // 2 :]:
        index.add(h)
    removed = data.draw(st.lists(st.sampled_from(items), max_size=5)) if items else []
    for h in set(removed):
        assert index.remove(h)
    alive = [h for h in items if h not in set(removed)]
    expected = {h.key for h in alive if h.start < start + length and h.end > start}
    assert {h.key for h in index.overlapping(start, start + length)} == expected
    assert len(index) == len(alive)
    assert any(h.end - h.start > LONG_SPAN for h in items) or not index._long
