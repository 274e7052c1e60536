"""The inspector's speaker picker: type a name or an alias, pick the match, or add a new one.

An editable combo box: its list shows every registered speaker, and typing opens the
type-ahead popup (`NameCompleter`). Enter on a name nobody has, or the popup's "Add … as a new
speaker" row, asks for a new speaker; an empty field clears the speaker.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QWidget

from glossator.services.values import SpeakerView
from glossator.ui.common.widgets import line_edit, popup
from glossator.ui.inspector.name_completer import NameCompleter, NameEntry


def speaker_detail(s: SpeakerView) -> str:
    """"affiliation, role" (or "group"), whatever of it is known."""
    parts = [p for p in (s.affiliation, s.role) if p]
    if s.kind == "group" and not parts:
        parts = ["group"]
    return ", ".join(parts)


class SpeakerPicker(QComboBox):
    """Chooses the speaker of an annotation; says so through signals, never writes itself."""

    #: a registered speaker's id was chosen, or None when the field was emptied
    speakerChosen = Signal(object)
    #: a name nobody has was entered: the reviewer wants it registered and chosen
    newSpeakerRequested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("speakerPicker")
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.setCompleter(None)  # type: ignore[arg-type]  # None: Qt's own completer off
        self.setMaxVisibleItems(15)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(12)
        line = line_edit(self)
        line.setPlaceholderText("who speaks? type a name or alias (S)")
        line.setClearButtonEnabled(True)
        self.names = NameCompleter(line, "speaker", self)
        self._ids: dict[str, int] = {}
        self._current: str | None = None
        self._quiet = False
        self.names.chosen.connect(self._choose)
        self.names.createRequested.connect(self._create)
        self.activated.connect(self._picked_from_list)
        line.returnPressed.connect(self._entered)
        line.editingFinished.connect(self._left)

    def set_speakers(self, speakers: Sequence[SpeakerView]) -> None:
        self._ids = {s.name: s.id for s in speakers}
        self.names.set_entries(
            [NameEntry(s.name, s.aliases, speaker_detail(s)) for s in speakers])
        self._quiet = True
        try:
            self.clear()
            for s in speakers:
                self.addItem(s.name, s.id)
                detail = speaker_detail(s)
                self.setItemData(self.count() - 1, detail or s.name,
                                 Qt.ItemDataRole.ToolTipRole)
            self.show_speaker(self._current)
        finally:
            self._quiet = False

    def show_speaker(self, name: str | None) -> None:
        """Show the annotation's speaker (None: none) without sending anything."""
        self._current = name
        self._quiet = True
        try:
            index = self.findText(name) if name else -1
            self.setCurrentIndex(index)
            self.setEditText(name or "")
        finally:
            self._quiet = False

    def current_name(self) -> str | None:
        return self._current

    def detail(self, name: str | None) -> str:
        entry = self.names.entry(name) if name else None
        return entry.detail if entry else ""

    # -- the reviewer's choices -----------------------------------------------------------

    def _choose(self, name: str) -> None:
        if self._quiet or name == self._current:
            return
        speaker_id = self._ids.get(name)
        if speaker_id is not None:
            self.speakerChosen.emit(speaker_id)

    def _create(self, name: str) -> None:
        if not self._quiet:
            self.newSpeakerRequested.emit(name)

    def _picked_from_list(self, index: int) -> None:
        if index >= 0:
            self._choose(self.itemText(index))

    def _entered(self) -> None:
        """Enter with the popup closed: the name typed, an alias of one, none, or a new one."""
        text = " ".join(self.currentText().split())
        if not text:
            if self._current is not None and not self._quiet:
                self.speakerChosen.emit(None)
            return
        name = self.names.exact(text)
        if name is not None:
            self.setEditText(name)
            self._choose(name)
        elif text != self._current:
            self._create(text)

    def _left(self) -> None:
        """Focus left the field: an emptied field clears; anything else unsent is undone."""
        if popup(self.names).isVisible():
            return
        text = self.currentText().strip()
        if not text and self._current is not None and not self._quiet:
            self.speakerChosen.emit(None)
        elif text and self.names.exact(text) != self._current:
            self.show_speaker(self._current)
