"""The report in the centre of the window: read-only text with highlights and footnote markers.

Takes plain values (text, spans in code points) and speaks Qt signals; knows nothing of the
database. Built for 10 MB reports: the text goes into a QPlainTextEdit (lazy layout, one
QTextLayout per paragraph), and highlights are applied lazily as per-block layout formats,
only to the paragraphs being painted. An interval index finds a paragraph's spans; adding
or removing one highlight restyles only the paragraphs it touches.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import (
    QFont,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QResizeEvent,
    QTextBlock,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from glossator.ui.common.spans import LayerSpan
from glossator.ui.reader.geometry import (
    TopLine,
    first_visible_position,
    is_position_visible,
    paragraphs_in_view,
    range_rects,
    scroll_to_position,
    visible_blocks,
)
from glossator.ui.reader.highlighting import HighlightSpan, MarkerSpan, SpanIndex, segments
from glossator.ui.reader.layer import DashedLayer
from glossator.ui.reader.mouse import PointerTextEdit
from glossator.ui.reader.offsets import OffsetMap
from glossator.ui.reader.view_formats import FormatBuilder

__all__ = ["HighlightSpan", "MarkerSpan", "ReportView"]

_SERIF_FAMILIES = ["Noto Serif", "Source Serif 4", "Georgia", "Cambria", "DejaVu Serif", "serif"]
_POINT_SIZE = 12.0
_DOCUMENT_MARGIN = 18.0


def _block_state(generation: int, has_formats: bool) -> int:
    """A block's user state: the span generation its formats were built for, times two,
    plus one when it carries formats. New blocks start at -1 (never formatted), and a
    full replace of the spans bumps the generation, so stale blocks need no scan."""
    return generation * 2 + int(has_formats)


def _qt_text(text: str) -> str:
    """The text as handed to Qt, position for position. Stored text has LF line ends, but
    Qt would fold a stray CR LF into one paragraph break and shift every later position;
    the CR is shown as a space instead. (A lone CR, U+2028 or U+2029 keep their place.)"""
    return text.replace("\r\n", " \n") if "\r\n" in text else text


def reading_font() -> QFont:
    font = QFont()
    font.setFamilies(_SERIF_FAMILIES)
    font.setStyleHint(QFont.StyleHint.Serif)
    font.setPointSizeF(_POINT_SIZE)
    return font


class ReportView(PointerTextEdit):
    """Read-only report text. Offsets in and out are code points into the text."""

    highlightClicked = Signal(str)
    markerClicked = Signal(str, int)
    markerHovered = Signal(str, int)
    painted = Signal()  # once, after the paint that follows announce_next_paint()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setUndoRedoEnabled(False)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        doc = self.document()
        option = doc.defaultTextOption()
        # Each paragraph takes its direction from its first strong character. Justified
        # alignment is the one QPlainTextEdit mirrors, so right-to-left paragraphs end flush
        # right (left alignment would leave Arabic paragraphs hanging on the left).
        option.setTextDirection(Qt.LayoutDirection.LayoutDirectionAuto)
        option.setAlignment(Qt.AlignmentFlag.AlignJustify)
        doc.setDefaultTextOption(option)
        doc.setDocumentMargin(_DOCUMENT_MARGIN)
        self._base_font = reading_font()
        self.setFont(self._base_font)

        self._top = TopLine(self)
        self._text = ""
        self._offsets = OffsetMap("")
        self._highlights: SpanIndex[HighlightSpan] = SpanIndex()
        self._by_key: dict[str, HighlightSpan] = {}
        self._markers: SpanIndex[MarkerSpan] = SpanIndex()
        self._formats = FormatBuilder()
        self._formats.dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self._generation = 0
        self._selected: str | None = None
        self._shown: Callable[[str], bool] | None = None  # which highlight keys are painted
        self.layer = DashedLayer()  # suggestions: dashed, unfilled, never highlights
        self._announce = False

    # -- content -------------------------------------------------------------------------

    def set_document(
        self,
        text: str,
        markers: Sequence[MarkerSpan],
        highlights: Sequence[HighlightSpan],
    ) -> None:
        """Show a new report. Spans are indexed before the text goes in, so the first paint
        already has its colours."""
        self._text = text
        self._offsets = OffsetMap(text)
        self._markers = SpanIndex(markers)
        self._index_highlights(highlights)
        self._selected = None
        self._hovered = None
        self.layer.set_spans(())
        self._top.show_from(None)
        self.setPlainText(_qt_text(text))

    def text(self) -> str:
        return self._text

    def set_spans(self, markers: Sequence[MarkerSpan], highlights: Sequence[HighlightSpan]) -> None:
        """Replace the markers and highlights of the text shown (a report read in two steps:
        the spans in view first, every span a moment later)."""
        self._markers = SpanIndex(markers)
        self._index_highlights(highlights)
        self.viewport().update()

    def set_markers(self, markers: Sequence[MarkerSpan]) -> None:
        """Replace the markers (every one, once the report's notes have been read)."""
        self._markers = SpanIndex(markers)
        self._generation += 1
        self.viewport().update()

    def visible_range(self) -> tuple[int, int]:
        """Code points [lo, hi) covering the paragraphs in view, found without laying any
        out (the paint that follows does that once)."""
        q_start, q_end = paragraphs_in_view(self)
        return (self._offsets.from_qt(q_start), self._offsets.from_qt_end(q_end))

    def set_highlights(self, highlights: Sequence[HighlightSpan]) -> None:
        """Replace every highlight; paragraphs are restyled as they are painted."""
        self._index_highlights(highlights)
        self.viewport().update()

    def _index_highlights(self, highlights: Sequence[HighlightSpan]) -> None:
        self._by_key = {h.key: h for h in highlights}
        self._highlights = SpanIndex(self._by_key.values())
        self._generation += 1

    def add_highlight(self, h: HighlightSpan) -> None:
        """Add one highlight (or replace the one with the same key)."""
        old = self._by_key.get(h.key)
        if old is not None:
            self._highlights.remove(old)
            self._restyle(old.start, old.end)
        self._by_key[h.key] = h
        self._highlights.add(h)
        self._restyle(h.start, h.end)

    def add_highlights(self, spans: Sequence[HighlightSpan]) -> None:
        """Add many highlights at once (replacing any with the same key): one merge into
        the index, and the paragraphs in view restyled at the next paint."""
        fresh = []
        for h in spans:
            old = self._by_key.get(h.key)
            if old == h:
                continue
            if old is not None:
                self._highlights.remove(old)
            self._by_key[h.key] = h
            fresh.append(h)
        if not fresh:
            return
        self._highlights.extend(fresh)
        restyled = False  # only paragraphs already formatted are redone (those painted)
        for h in fresh:
            restyled = self._restyle(h.start, h.end, update=False) or restyled
        if restyled:
            self.viewport().update()

    def remove_highlight(self, key: str) -> None:
        old = self._by_key.pop(key, None)
        if old is not None:
            self._highlights.remove(old)
            self._restyle(old.start, old.end)

    def set_highlight_filter(self, shown: Callable[[str], bool] | None) -> None:
        """Paint (and find by position) only the highlights whose key passes `shown`;
        None paints every one. Paragraphs are restyled as they are painted."""
        self._shown = shown
        self._generation += 1
        self.viewport().update()

    def highlight_at(self, cp: int) -> list[str]:
        """Keys of the highlights covering the character at `cp`, shortest (top-most) first."""
        if not 0 <= cp < len(self._text):
            return []
        found = self._highlights.covering(cp)
        if self._shown is not None:
            found = [h for h in found if self._shown(h.key)]
        found.sort(key=lambda h: (h.end - h.start, h.start, h.key))
        return [h.key for h in found]

    def marker_at(self, cp: int) -> MarkerSpan | None:
        found = self._markers.covering(cp)
        return found[0] if found else None

    # -- selection and scrolling ---------------------------------------------------------

    def set_selected(self, key: str | None) -> None:
        """Outline the annotation `key` (None: none) and bring it into view if it is not."""
        self._selected = key
        self.viewport().update()
        h = self._by_key.get(key) if key is not None else None
        if h is not None:
            position = self._offsets.to_qt(self._clamp(h.start))
            if not is_position_visible(self, position):
                scroll_to_position(self, position)

    def selected(self) -> str | None:
        return self._selected

    def show_layer(self, spans: Sequence[LayerSpan]) -> None:
        """Draw these passages on the dashed layer (suggestions), nothing else."""
        self.layer.set_spans(spans)
        self.viewport().update()

    def set_layer_current(self, key: str | None) -> None:
        """The layer's passage drawn boxed (None: none)."""
        self.layer.current = key
        self.viewport().update()

    def caret(self) -> int:
        """The caret (or the selection's start) in code points."""
        return self._offsets.from_qt(self.textCursor().selectionStart())

    def selection_span(self) -> tuple[int, int] | None:
        cursor = self.textCursor()
        if not cursor.hasSelection():
            return None
        start = self._offsets.from_qt(cursor.selectionStart())
        end = self._offsets.from_qt_end(cursor.selectionEnd())
        return (start, end) if start < end else None

    def select_span(self, start: int, end: int) -> None:
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets.to_qt(self._clamp(start)))
        cursor.setPosition(self._offsets.to_qt(self._clamp(end)), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        if not is_position_visible(self, cursor.selectionStart()):
            scroll_to_position(self, cursor.selectionStart())

    def reveal(self, cp: int) -> None:
        """Scroll `cp` into view only when its line is not wholly visible."""
        position = self._offsets.to_qt(self._clamp(cp))
        if not is_position_visible(self, position):
            scroll_to_position(self, position)

    def first_visible(self) -> int:
        """The code point that starts the top line in view (what the window remembers)."""
        return self._offsets.from_qt(first_visible_position(self))

    def show_from(self, cp: int) -> None:
        """Scroll so that the line holding `cp` is the top line in view."""
        self._top.show_from(self._offsets.to_qt(self._clamp(cp)))

    def scroll_to(self, start: int) -> None:
        """Bring the line holding `start` to the upper third of the view (caret unmoved)."""
        scroll_to_position(self, self._offsets.to_qt(self._clamp(start)))

    def zoom_in(self) -> None:
        self.zoomIn(1)

    def zoom_out(self) -> None:
        if self.font().pointSizeF() > 6:
            self.zoomOut(1)

    def reset_zoom(self) -> None:
        self.setFont(self._base_font)

    def _clamp(self, cp: int) -> int:
        return max(0, min(cp, len(self._text)))

    # -- formatting ----------------------------------------------------------------------

    def _format_block(self, block: QTextBlock) -> None:
        offsets = self._offsets
        position = block.position()
        start = offsets.from_qt(position)
        end = offsets.from_qt(position + block.length() - 1)
        highlights = self._highlights.overlapping(start, end)
        if self._shown is not None:
            highlights = [h for h in highlights if self._shown(h.key)]
        segs = segments(start, end, highlights, self._markers.overlapping(start, end))
        state = block.userState()
        if segs or (state >= 0 and state % 2 == 1):
            block.layout().setFormats(self._formats.ranges(offsets, position, segs))
        block.setUserState(_block_state(self._generation, bool(segs)))

    def _is_current(self, block: QTextBlock) -> bool:
        return block.userState() // 2 == self._generation

    def _restyle(self, start: int, end: int, *, update: bool = True) -> bool:
        """Rebuild the formats of the painted paragraphs that [start, end) touches;
        whether there was one."""
        doc = self.document()
        q_end = self._offsets.to_qt(self._clamp(end))
        block = doc.findBlock(self._offsets.to_qt(self._clamp(start)))
        found = False
        while block.isValid():
            if self._is_current(block):
                self._format_block(block)
                found = True
            if block.position() + block.length() - 1 >= q_end:
                break
            block = block.next()
        if update:
            self.viewport().update()
        return found

    def format_visible_blocks(self) -> None:
        """Bring the formats of the paragraphs in view up to date (done before each paint)."""
        for block, _top in visible_blocks(self):
            if not self._is_current(block):
                self._format_block(block)

    def restyle(self) -> None:
        """Build every paragraph's formats again (the palette or the tag colours changed)."""
        self._formats.dark = self.palette().color(QPalette.ColorRole.Base).lightness() < 128
        self._formats.clear()
        self._generation += 1
        self.viewport().update()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # light or dark, as the system says
            self.restyle()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """The reader keeps their place: the character at the top stays at the top when a
        new width rewraps the lines (the scroll bar counts lines, which a rewrap shifts)."""
        top = first_visible_position(self) if self._text else None
        super().resizeEvent(event)
        if top and event.oldSize().width() != event.size().width():
            self._top.show_from(top)

    def paintEvent(self, event: QPaintEvent) -> None:
        self.format_visible_blocks()
        super().paintEvent(event)
        rects = self.selected_rects()
        if rects:
            painter = QPainter(self.viewport())
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Text), 2))
            for r in rects:
                painter.drawRoundedRect(r.adjusted(-1, 0, 1, 0), 2, 2)
            painter.end()
        self.layer.paint(self, self._offsets)
        if self._announce:
            self._announce = False
            self.painted.emit()

    def announce_next_paint(self) -> None:
        """Emit `painted` once the next paint is done."""
        self._announce = True

    def selected_rects(self) -> list[QRectF]:
        """Viewport rectangles of the selected annotation's visible lines (its outline)."""
        h = self._by_key.get(self._selected) if self._selected is not None else None
        if h is None or (self._shown is not None and not self._shown(h.key)):
            return []  # not painted (filtered out, orphaned): not outlined either
        to_qt = self._offsets.to_qt
        return range_rects(self, to_qt(self._clamp(h.start)), to_qt(self._clamp(h.end)))
