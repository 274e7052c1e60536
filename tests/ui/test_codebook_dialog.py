"""The codebook editor: add, edit, merge and delete speakers, targets, tags and stance
labels through the window's undo stack; deleting what is in use asks first."""

from __future__ import annotations

import json

import pytest
from PySide6.QtWidgets import QDialog, QInputDialog, QMessageBox

from glossator.services.annotations import AddAnnotation
from glossator.services.registry import EntryFields
from glossator.services.stance_scale import StanceLabelFields
from glossator.services.tags import TagFields
from glossator.ui.codebook.forms import EntryForm, LabelForm, TagForm


@pytest.fixture
def editor(qtbot, window):
    window.attribution.actions.codebook.trigger()
    dialog = window.findChild(QDialog, "codebookDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def select_named(tab, name):
    row = next(i for i, e in enumerate(tab.entries) if e.name == name)
    tab.table.selectRow(row)


def answer(monkeypatch, yes: bool, asked: list[str]):
    def question(_parent, title, text, *args, **kwargs):
        asked.append(text)
        return QMessageBox.StandardButton.Yes if yes else QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)


def test_merging_two_speakers_keeps_the_annotations_and_undo_splits_them(
        qtbot, window, editor, workspace, seed_report_id, monkeypatch):
    monkeypatch.setattr(EntryForm, "ask", lambda *a, **k: EntryFields("M. Tamimi", ("Abu T",)))
    editor.speakers.buttons["add"].click()
    a = AddAnnotation(seed_report_id, 10, 30, speaker="M. Tamimi")
    b = AddAnnotation(seed_report_id, 40, 60, speaker="Muhammad Al-Tamimi")
    window.undo.push(a)
    window.undo.push(b)
    editor.reload()
    select_named(editor.speakers, "M. Tamimi")
    monkeypatch.setattr(QInputDialog, "getItem",
                        lambda *args, **kw: ("Muhammad Al-Tamimi", True))
    editor.speakers.buttons["merge"].click()
    assert "M. Tamimi" not in [e.name for e in editor.speakers.entries]
    assert {workspace.annotation(u).speaker for u in (a.uuid, b.uuid)} == {"Muhammad Al-Tamimi"}
    assert window.annotations[a.uuid].speaker == "Muhammad Al-Tamimi"  # the window follows
    tamimi = next(e for e in editor.speakers.entries if e.name == "Muhammad Al-Tamimi")
    assert tamimi.uses == 2 and {"M. Tamimi", "Abu T"} <= set(tamimi.aliases)
    assert window.inspector.speaker.findText("M. Tamimi") < 0
    window.menu_actions.undo.trigger()
    assert workspace.annotation(a.uuid).speaker == "M. Tamimi"
    assert window.annotations[a.uuid].speaker == "M. Tamimi"
    qtbot.waitUntil(lambda: "M. Tamimi" in [e.name for e in editor.speakers.entries])


def test_deleting_a_target_in_use_asks_first_and_is_undoable(
        qtbot, window, editor, workspace, seed_report_id, monkeypatch):
    a = AddAnnotation(seed_report_id, 10, 30, stances=[("Iran", "against", None)])
    window.undo.push(a)
    editor.reload()
    select_named(editor.targets, "Iran")
    asked: list[str] = []
    answer(monkeypatch, False, asked)
    editor.targets.buttons["delete"].click()
    assert asked and "used 1 time" in asked[0]
    assert "Iran" in {t.name for t in workspace.targets()}
    answer(monkeypatch, True, asked)
    editor.targets.buttons["delete"].click()
    assert "Iran" not in {t.name for t in workspace.targets()}
    assert workspace.annotation(a.uuid).stances == ()
    assert window.annotations[a.uuid].stances == ()
    window.menu_actions.undo.trigger()
    assert [s.target for s in workspace.annotation(a.uuid).stances] == ["Iran"]


def test_an_unused_speaker_is_deleted_without_a_question(editor, workspace, monkeypatch):
    asked: list[str] = []
    answer(monkeypatch, False, asked)
    select_named(editor.speakers, "Qasem Soleimani")
    editor.speakers.buttons["delete"].click()
    assert asked == []
    assert "Qasem Soleimani" not in {s.name for s in workspace.speakers()}


def test_editing_a_speaker_renames_it_everywhere(window, editor, workspace, seed_report_id,
                                                  monkeypatch):
    a = AddAnnotation(seed_report_id, 10, 30, speaker="Shibl Al-Zaydi")
    window.undo.push(a)
    select_named(editor.speakers, "Shibl Al-Zaydi")
    monkeypatch.setattr(EntryForm, "ask", lambda parent, noun, entry: EntryFields(
        "Shibl al-Zaidi", (*entry.aliases, "Shibl Al-Zaydi"), entry.description, entry.kind,
        entry.affiliation, "secretary-general"))
    editor.speakers.buttons["edit"].click()
    assert workspace.annotation(a.uuid).speaker == "Shibl al-Zaidi"
    assert window.annotations[a.uuid].speaker == "Shibl al-Zaidi"
    assert window.inspector.speaker.findText("Shibl al-Zaidi") >= 0


def test_a_refused_change_shows_why(editor, monkeypatch):
    monkeypatch.setattr(EntryForm, "ask", lambda *a, **k: EntryFields("Someone", ("Tamimi",)))
    editor.speakers.buttons["add"].click()
    assert "already the speaker" in editor.status.text()


def test_tags_added_under_a_parent_reach_the_palette_and_merge(qtbot, window, editor,
                                                                workspace, monkeypatch):
    tree = editor.tags.tree
    tree.setCurrentItem(tree.topLevelItem(0))  # Claim
    claim = editor.tags.current()
    monkeypatch.setattr(TagForm, "ask", lambda parent, tags, tag=None, parent_id=None:
                        TagFields("Rumour", parent_id, "#aabbcc"))
    editor.tags.buttons["child"].click()
    rumour = next(t for t in workspace.tags() if t.name == "Rumour")
    assert rumour.parent_id == claim.id
    assert window.tag_palette.item_for(rumour.id) is not None
    item = next(tree.topLevelItem(0).child(i) for i in range(tree.topLevelItem(0).childCount())
                if tree.topLevelItem(0).child(i).text(0) == "Rumour")
    tree.setCurrentItem(item)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Claim / Prediction", True))
    editor.tags.buttons["merge"].click()
    assert "Rumour" not in {t.name for t in workspace.tags()}
    window.menu_actions.undo.trigger()
    assert "Rumour" in {t.name for t in workspace.tags()}


def test_stance_scale_add_rename_and_move_reach_the_inspector(qtbot, window, editor, driver,
                                                              workspace, monkeypatch):
    monkeypatch.setattr(LabelForm, "ask", lambda parent, label=None:
                        StanceLabelFields("hostile", "strongly against", True))
    editor.scale.buttons["add"].click()
    assert [lbl.name for lbl in workspace.stance_labels()][-1] == "hostile"
    driver.highlight("Be prepared")
    window.inspector.stances.add_row()
    labels = window.inspector.stances.rows[-1].label
    assert labels.findText("hostile") >= 0
    editor.scale.table.selectRow(len(editor.scale.labels) - 1)
    editor.scale.buttons["up"].click()
    assert [lbl.name for lbl in workspace.stance_labels()][-2] == "hostile"
    for _ in range(3):  # the move, the highlight, the label
        window.menu_actions.undo.trigger()
    assert "hostile" not in [lbl.name for lbl in workspace.stance_labels()]


def test_export_and_import_as_json_and_qdc(editor, workspace, tmp_path):
    path = tmp_path / "codebook.json"
    assert editor.export_file(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["speakers"].append({"name": "Hadi Al-Amiri", "aliases": ["Al-Amiri"], "kind": "person",
                             "affiliation": "Badr Organization", "role": "", "description": ""})
    path.write_text(json.dumps(data), encoding="utf-8")
    assert editor.import_file(path)
    assert "Hadi Al-Amiri" in {s.name for s in workspace.speakers()}
    assert "Hadi Al-Amiri" in [e.name for e in editor.speakers.entries]
    qdc = tmp_path / "codebook.qdc"
    assert editor.export_file(qdc)
    assert qdc.read_text(encoding="utf-8").startswith("<?xml")
    assert editor.import_file(qdc)
    bad = tmp_path / "bad.json"
    bad.write_text("[]", encoding="utf-8")
    assert not editor.import_file(bad)
    assert "bad.json" in editor.status.text()
