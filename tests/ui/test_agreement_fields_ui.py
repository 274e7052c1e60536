"""The agreement dialog as a reviewer uses it for speakers: compute, read the field
measures, open the confusion matrix and its passages, settle a speaker disagreement, undo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from glossator.core.agreement import FieldDisagreement
from glossator.services.annotations import AddAnnotation
from glossator.services.registry import SPEAKERS, EntryFields, SaveEntry

PASSAGES = [
    "senior officials in the Iran-backed Iraqi militias accused Iran",
    "Hamas and Hizbullah were left alone in the arena facing an unknown fate",
    "Al-Tamimi accused Iran of abandoning its allies",
]
# Bea (A) and Tester (B) annotate the same three passages; they differ on the last speaker.
# The seed's codebook has "Muhammad Al-Tamimi" (alias "Al-Tamimi"); "Hadi al-Amiri" is added.
TAMIMI, AMIRI = "Muhammad Al-Tamimi", "Hadi al-Amiri"
SPEAKERS_BEA = ["Al-Tamimi", TAMIMI, TAMIMI]
SPEAKERS_TESTER = [TAMIMI, "Al-Tamimi", AMIRI]


@pytest.fixture
def coded(workspace, seed_report_id):
    text = workspace.report(seed_report_id).text
    assert TAMIMI in [s.name for s in workspace.speakers()]
    workspace.run(SaveEntry(SPEAKERS, EntryFields(AMIRI)))
    made: dict[str, list[str]] = {"Bea": [], "Tester": []}
    for who, speakers in (("Bea", SPEAKERS_BEA), ("Tester", SPEAKERS_TESTER)):
        workspace.set_reviewer(who)
        for quote, speaker in zip(PASSAGES, speakers, strict=True):
            start = text.index(quote)
            command = AddAnnotation(seed_report_id, start, start + len(quote), speaker=speaker)
            workspace.run(command)
            made[who].append(command.uuid)
    workspace.set_reviewer("Tester")  # Tester settles
    return made


def test_speaker_measures_confusion_matrix_settling_and_undo(qtbot, window, workspace,
                                                             seed_report_id, coded):
    dialog = window.review.open_agreement()
    qtbot.addWidget(dialog)
    dialog.tick(["Tester", "Bea"], [seed_report_id])
    qtbot.mouseClick(dialog.compute_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.field_measures.rowCount() > 0)
    rows = {(dialog.field_measures.index(r, 0).data(), dialog.field_measures.index(r, 1).data()):
            r for r in range(dialog.field_measures.rowCount())}
    speaker_row = rows[("speaker", "unpaired = (no annotation)")]
    # By hand: 3 units, agreed on 2: p_o = 2/3. Bea: Al-Tamimi 3; Tester: Al-Tamimi 2,
    # al-Amiri 1: p_e = 1 * 2/3 = 2/3, so kappa = 0 (Bea never varies).
    assert dialog.field_measures.index(speaker_row, 2).data() == "3"
    assert dialog.field_measures.index(speaker_row, 3).data() == "0.667"
    assert dialog.field_measures.index(speaker_row, 4).data() == "0.000"
    assert ("speaker", "unpaired left out") in rows
    dialog.tabs.setCurrentWidget(dialog.confusion)
    dialog.confusion.select_field("speaker")
    model = dialog.confusion.model
    assert model.headerData(0, Qt.Orientation.Vertical) == f"A: {TAMIMI}"
    cells = {model.pair(r, c): model.index(r, c).data()
             for r in range(model.rowCount()) for c in range(model.columnCount())}
    assert cells == {(TAMIMI, AMIRI): "1", (TAMIMI, TAMIMI): "2"}  # aliases: one speaker
    column = next(c for c in range(model.columnCount())
                  if model.pair(0, c) == (TAMIMI, AMIRI))
    view = dialog.confusion.view
    rect = view.visualRect(model.index(0, column))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.confusion.passages.count() == 1
    assert PASSAGES[2][:30] in dialog.confusion.passages.item(0).text()
    # The speaker disagreement is in the queue beside the tag ones; take Tester's (B's)
    # value. Tester may not accept her own: Bea's annotation takes the speaker, accepted.
    dialog.tabs.setCurrentIndex(2)
    row = next(r for r in range(dialog.disagreements.rowCount())
               if isinstance(dialog.disagreements.disagreement(r), FieldDisagreement))
    assert dialog.disagreements.index(row, 1).data() == "speaker"
    assert dialog.disagreements.index(row, 3).data() == f"A: {TAMIMI} \u2260 B: {AMIRI}"
    dialog.list.selectRow(row)
    assert dialog.keep_buttons["edit"].isEnabled()
    assert not dialog.keep_buttons["both"].isEnabled()
    qtbot.mouseClick(dialog.keep_buttons["b"], Qt.MouseButton.LeftButton)
    bea, tester = coded["Bea"][2], coded["Tester"][2]
    assert (workspace.annotation(bea).status, workspace.annotation(bea).speaker) == (
        "accepted", AMIRI)
    assert workspace.annotation(tester).status == "rejected"
    assert dialog.disagreements.index(row, 5).data() == f"kept: {AMIRI}"
    assert window.menu_actions.undo.text() == "&Undo settle the speaker"
    window.menu_actions.undo.trigger()  # one step: the edit and both decisions
    assert (workspace.annotation(bea).status, workspace.annotation(bea).speaker) == (
        "proposed", TAMIMI)
    assert workspace.annotation(tester).status == "proposed"
    qtbot.waitUntil(lambda: dialog.disagreements.index(row, 5).data() == "")
