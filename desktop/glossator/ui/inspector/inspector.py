"""The inspector: the selected annotation's quote, tags, speaker, stances, note, span (with
its page, for a report read from a PDF), citations and its review (status, decisions and
the discussion thread).

Every edit is sent at once as an `EditAnnotation` (the note after a short pause in typing
or when the note field loses focus), so it is saved and undoable like any other change.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from glossator.core.pages import Pages, page_span, pages_label
from glossator.services.annotations import AnnotationFields
from glossator.services.values import (
    AnnotationView,
    SpeakerView,
    StanceLabelView,
    TagView,
    TargetView,
)
from glossator.ui.common.keys import FocusOrdered, chain_focus, claim_plain_keys
from glossator.ui.common.tag_colors import shown_color
from glossator.ui.common.tag_icon import tag_icon
from glossator.ui.inspector.speaker_picker import SpeakerPicker
from glossator.ui.inspector.stance_editor import StanceList

NOTE_PAUSE_MS = 900
TagIdRole = Qt.ItemDataRole.UserRole + 1


def _labels(text: str) -> tuple[str, ...]:
    parts = text.replace(";", ",").split(",")
    return tuple(dict.fromkeys(p.strip().strip("[]^") for p in parts if p.strip()))


class Inspector(QWidget):
    """Shows one annotation and turns the reviewer's edits into commands."""

    #: (annotation id, the fields that change, label for the Edit menu)
    edited = Signal(str, object, str)
    #: the reviewer wants the span set to the report view's current selection
    spanFromSelectionRequested = Signal(str)
    #: (annotation id, name): register a new speaker and attribute the passage to it
    newSpeakerRequested = Signal(str, str)
    #: (annotation id, stances, names of new targets to register first)
    stancesWithNewTargets = Signal(str, object, object)
    #: the annotation shown changed or was shown again (its id, or None): reload its thread
    annotationShown = Signal(object)

    def __init__(self, parent: QWidget | None = None, *, review: QWidget | None = None) -> None:
        """`review`: the review section shown at the foot (the review package makes it;
        none: an empty one)."""
        super().__init__(parent)
        self.setObjectName("inspector")
        self._current: AnnotationView | None = None
        self._updating = False
        self.empty = QLabel("Select a highlight to see and edit it here.", self)
        self.empty.setObjectName("inspectorEmpty")
        self.empty.setWordWrap(True)
        self.quote = QLabel(self)
        self.quote.setObjectName("inspectorQuote")
        self.quote.setWordWrap(True)
        self.quote.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(self)
        self.meta.setObjectName("inspectorMeta")
        self.meta.setWordWrap(True)  # an orphan's second line says how to fix it
        self.tags = QListWidget(self)
        self.tags.setObjectName("inspectorTags")
        self.tags.setUniformItemSizes(True)
        self.tags.setMinimumHeight(80)
        self.tags.setMaximumHeight(140)
        self.tags.setAccessibleName("Tags")
        self.tags.setToolTip("Space ticks or unticks the tag under the cursor")
        claim_plain_keys(self.tags)  # Space and letters here, not the report's tag keys
        self.speaker = SpeakerPicker(self)
        self.speaker_detail = QLabel(self)
        self.speaker_detail.setObjectName("speakerDetail")
        self.speaker_detail.setWordWrap(True)
        self.stances = StanceList(self)
        self.review = review if review is not None else QWidget()
        self.review.setParent(self)
        self.cites = QLineEdit(self)
        self.cites.setObjectName("inspectorCites")
        self.cites.setPlaceholderText("labels of the notes it cites, e.g. 2, 3")
        self.start = QSpinBox(self)
        self.start.setObjectName("inspectorStart")
        self.end = QSpinBox(self)
        self.end.setObjectName("inspectorEnd")
        self.page = QLabel(self)
        self.page.setObjectName("inspectorPage")
        self.page.setToolTip("The page of the original PDF the passage is printed on")
        self._pages: Pages = ()
        self.use_selection = QPushButton("Use selection", self)
        self.use_selection.setObjectName("inspectorUseSelection")
        self.use_selection.setToolTip("Set the span to the text selected in the report")
        self.note = QPlainTextEdit(self)
        self.note.setObjectName("inspectorNote")
        self.note.setPlaceholderText("A note on this passage")
        self.note.setTabChangesFocus(True)
        self.note.setMinimumHeight(60)
        self.note.setMaximumHeight(90)  # the review thread below gets the rest
        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_PAUSE_MS)
        self._build_layout()
        self.tags.itemChanged.connect(self._tags_changed)
        self.cites.editingFinished.connect(self._cites_changed)
        self.start.editingFinished.connect(self._span_changed)
        self.end.editingFinished.connect(self._span_changed)
        self.use_selection.clicked.connect(self._use_selection)
        self.speaker.speakerChosen.connect(self._speaker_chosen)
        self.speaker.newSpeakerRequested.connect(self._new_speaker)
        self.stances.stancesEdited.connect(self._stances_edited)
        self.note.textChanged.connect(self._note_typed)
        self._note_timer.timeout.connect(self.commit_note)
        self.note.installEventFilter(self)
        self.setFocusProxy(self.tags)
        self._focus_order()
        self.show_annotation(None)

    def _build_layout(self) -> None:
        self.form = QWidget(self)
        span = QHBoxLayout()
        span.setContentsMargins(0, 0, 0, 0)
        span.addWidget(self.start, 1)
        span.addWidget(QLabel("to", self))
        span.addWidget(self.end, 1)
        form = QFormLayout(self.form)
        form.setContentsMargins(0, 0, 0, 0)
        # A narrow pane (a 1024 px screen) puts a field under its label, never cut off.
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        form.addRow(self.quote)
        form.addRow(self.meta)
        form.addRow("&Tags", self.tags)
        form.addRow("Spea&ker", self.speaker)
        form.addRow("", self.speaker_detail)
        form.addRow("Stances", self.stances)
        form.addRow("&Cites", self.cites)
        span_label = QLabel("S&pan", self)  # a layout is no buddy: the label needs one
        span_label.setBuddy(self.start)
        form.addRow(span_label, span)
        use = QHBoxLayout()  # under the span: the pane stays narrow enough for 1024 px
        use.setContentsMargins(0, 0, 0, 0)
        use.addWidget(self.use_selection)
        use.addStretch(1)
        form.addRow("", use)
        form.addRow("Cited as", self.page)  # "p. 12": the page of the original PDF
        self.form_layout = form
        form.addRow("&Note", self.note)
        form.addRow(self.review)  # full width: the thread reads better wide
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.empty)
        layout.addWidget(self.form, 1)

    def _focus_order(self) -> None:
        """Tab from field to field down the form, then through the review section (which
        was made before the fields and would otherwise come first)."""
        fields: list[QWidget] = [self.tags, self.speaker, self.stances.add_button, self.cites,
                                 self.start, self.end, self.use_selection, self.note]
        if isinstance(self.review, FocusOrdered):
            fields += self.review.focus_order()
        chain_focus(fields)
        for widget, name in ((self.cites, "Cited notes"), (self.start, "Span start"),
                             (self.end, "Span end"), (self.note, "Note"),
                             (self.speaker, "Speaker")):
            widget.setAccessibleName(name)

    # -- showing --------------------------------------------------------------------------

    def set_tags(self, tags: list[TagView]) -> None:
        self._updating = True
        self.tags.clear()
        for tag in tags:
            item = QListWidgetItem(tag_icon(shown_color(tag.color)), tag.path, self.tags)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            item.setData(TagIdRole, tag.id)
        self._updating = False
        self.show_annotation(self._current)

    def set_registry(self, speakers: list[SpeakerView], targets: list[TargetView],
                     labels: list[StanceLabelView]) -> None:
        """The speakers, targets and stance scale the pickers offer."""
        self.speaker.set_speakers(speakers)
        self.stances.set_codebook(targets, labels)
        self._show_speaker_detail()

    def set_pages(self, pages: Pages) -> None:
        """Where the report's pages start (none: the report is not from a PDF)."""
        self._pages = pages

    def set_text_length(self, length: int) -> None:
        self.start.setRange(0, max(0, length))
        self.end.setRange(0, max(0, length))

    def set_editable(self, why_not: str | None) -> None:
        """Whether the shown annotation may be edited here (`why_not`: the reason it may
        not, shown as the fields' tooltip; None: it may). The review thread below stays
        usable: anyone may comment."""
        editable = why_not is None
        self.read_only_reason = why_not
        fields: tuple[QWidget, ...] = (self.tags, self.speaker, self.stances, self.cites,
                                       self.start, self.end, self.use_selection)
        for field in fields:
            field.setEnabled(editable)
        self.note.setReadOnly(not editable)
        if self._own_tips is None:
            self._own_tips = [(w, w.toolTip()) for w in (
                self.meta, self.note, self.tags, self.cites, self.start, self.end,
                self.speaker, self.stances)]
        for widget, tip in self._own_tips:
            widget.setToolTip(tip if why_not is None else why_not)

    read_only_reason: str | None = None
    _own_tips: list[tuple[QWidget, str]] | None = None

    @property
    def current(self) -> AnnotationView | None:
        """The annotation shown, as it was when shown (what an edit typed here is based on)."""
        return self._current

    def current_id(self) -> str | None:
        return self._current.id if self._current else None

    def show_annotation(self, annotation: AnnotationView | None) -> None:
        """Show an annotation (None: nothing selected) without sending any edit, except a
        note typed here and not sent yet: that goes first, based on the version it was typed
        on (so a newer version from someone else is a conflict to settle, not a silent
        loss of either)."""
        current = self._current
        if current is not None and (
            annotation is None or annotation.id != current.id
            or (annotation.version != current.version  # a new version, not of this note
                and annotation.note != self.note.toPlainText())
        ):
            self.commit_note()
        self._current = annotation
        self.empty.setVisible(annotation is None)
        self.form.setVisible(annotation is not None)
        if annotation is None:
            self.stances.show_stances(None, ())
            self.annotationShown.emit(None)
            return
        self._updating = True
        try:
            quote = " ".join(annotation.quote.split())
            if len(quote) > 400:
                quote = quote[:399] + "\u2026"
            self.quote.setText(f"\u201c{quote}\u201d")
            self.meta.setText(f"by {annotation.author}, {annotation.created:%Y-%m-%d %H:%M}"
                              + ("\norphaned \u2014 the quoted text was not found; adjust the"
                                 " span" if annotation.orphaned else ""))
            self.speaker.show_speaker(annotation.speaker)
            self._show_speaker_detail()
            self.stances.show_stances(annotation.id, annotation.stances)
            chosen = set(annotation.tag_ids)
            for i in range(self.tags.count()):
                item = self.tags.item(i)
                checked = item.data(TagIdRole) in chosen
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
            self.cites.setText(", ".join(annotation.cites))
            self.start.setValue(annotation.start)
            self.end.setValue(annotation.end)
            page = pages_label(page_span(self._pages, annotation.start, annotation.end))
            self.page.setText(page)
            self.form_layout.setRowVisible(self.page, bool(page))
            if self.note.toPlainText() != annotation.note:
                self.note.setPlainText(annotation.note)
        finally:
            self._updating = False
        self.annotationShown.emit(annotation.id)

    # -- editing --------------------------------------------------------------------------

    def _send(self, fields: AnnotationFields, label: str) -> None:
        if self._current is not None and not self._updating:
            self.edited.emit(self._current.id, fields, label)

    def _show_speaker_detail(self) -> None:
        detail = self.speaker.detail(self.speaker.current_name())
        self.speaker_detail.setText(detail)
        self.speaker_detail.setVisible(bool(detail))

    def _speaker_chosen(self, speaker_id: int | None) -> None:
        label = "attribute to a speaker" if speaker_id is not None else "clear the speaker"
        self._send(AnnotationFields(speaker_id=speaker_id), label)

    def _new_speaker(self, name: str) -> None:
        if self._current is not None and not self._updating:
            self.newSpeakerRequested.emit(self._current.id, name)

    def _stances_edited(self, specs: tuple[tuple[str, str, int | None], ...],
                        new_targets: tuple[str, ...]) -> None:
        if self._current is None or self._updating:
            return
        if new_targets:
            self.stancesWithNewTargets.emit(self._current.id, specs, new_targets)
        else:
            self._send(AnnotationFields(stances=specs), "edit stances")

    def _tags_changed(self, _item: QListWidgetItem) -> None:
        if self._updating or self._current is None:
            return
        ids = tuple(int(self.tags.item(i).data(TagIdRole)) for i in range(self.tags.count())
                    if self.tags.item(i).checkState() == Qt.CheckState.Checked)
        if ids != self._current.tag_ids:
            self._send(AnnotationFields(tag_ids=ids), "retag highlight")

    def _cites_changed(self) -> None:
        cites = _labels(self.cites.text())
        if self._current is not None and cites != self._current.cites:
            self._send(AnnotationFields(cites=cites), "edit cited notes")

    def _span_changed(self) -> None:
        span = (self.start.value(), self.end.value())
        if self._current is None or span == (self._current.start, self._current.end):
            return
        if span[0] >= span[1]:
            self.start.setValue(self._current.start)
            self.end.setValue(self._current.end)
            return
        self._send(AnnotationFields(span=span), "adjust highlight")

    def _use_selection(self) -> None:
        if self._current is not None:
            self.spanFromSelectionRequested.emit(self._current.id)

    def _note_typed(self) -> None:
        if not self._updating and self._current is not None:
            self._note_timer.start()

    def commit_note(self) -> None:
        """Send the note now if it differs from the stored one."""
        self._note_timer.stop()
        if self._current is not None and self.note.toPlainText() != self._current.note:
            self._send(AnnotationFields(note=self.note.toPlainText()), "edit note")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.note and event.type() == QEvent.Type.FocusOut:
            self.commit_note()
        return super().eventFilter(watched, event)
