"""The README's screenshots of the window, the export dialog and an import's merge report,
made on a seeded workspace with two reviewers' work. Run under a real X server (Xvfb):

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m tests.ui.screenshots

It writes resources/screenshots/{main-window,window-1024,export-dialog,import-report}.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "resources" / "screenshots"
PASSAGES = (
    ("In a post on his X account", "Source", "Demo"),
    ("the fall of Bashar Assad", "Event", "Rana"),
    ("senior officials in the Iran-backed Iraqi militias accused Iran", "Accusation", "Demo"),
    ("Hamas and Hizbullah were left alone in the arena facing an unknown fate", "Accusation",
     "Demo"),
    ("Be prepared. Just as you abandoned Hizbullah and Bashar", "Threat", "Rana"),
    ("These officials expressed concern about the possible resurgence", "Warning", "Rana"),
)


def scene(ws: object, report_id: int) -> str:
    """Two reviewers' highlights, a decision and a discussion; the id of the one to show."""
    from glossator.services import Workspace
    from glossator.services.annotations import AddAnnotation
    from glossator.services.review import DecideAnnotations
    from glossator.services.review_comments import AddComment

    assert isinstance(ws, Workspace)
    text = ws.report(report_id).text
    tags = {t.name: t.id for t in ws.tags()}
    shown = ""
    for quote, tag, who in PASSAGES:
        ws.set_reviewer(who)
        at = text.index(quote)
        command = AddAnnotation(report_id, at, at + len(quote), tag_ids=[tags[tag]],
                                cites=ws.cites_for(report_id, at, at + len(quote)))
        if quote.startswith("Hamas"):
            command = AddAnnotation(report_id, at, at + len(quote), tag_ids=[tags[tag]],
                                    speaker="Muhammad Al-Tamimi",
                                    stances=[("Iran", "against", None)],
                                    note="Blames Iran for abandoning the axis",
                                    cites=ws.cites_for(report_id, at, at + len(quote)))
        ws.run(command)
        if quote.startswith("Hamas"):
            shown = command.uuid
    ws.set_reviewer("Rana")
    ws.run(AddComment(shown, "Is this Al-Tamimi's own view or is he quoting someone?"))
    ws.run(DecideAnnotations([shown], "accepted", "Yes: his post, note 3"))
    ws.set_reviewer("Demo")
    return shown


def colleague_set(tmp: Path, ws: object, report_id: int) -> Path:
    """Rana's set as she would send it: one of ours changed, two new, one on a report we
    lack."""
    from glossator.formats.registry import read_set
    from glossator.services import Workspace
    from glossator.services.annotations import AddAnnotation, AnnotationFields, EditAnnotation
    from glossator.services.exchange import export_annotations
    from glossator.services.exchange_import import ImportAnnotations

    assert isinstance(ws, Workspace)
    ours = tmp / "ours.jsonl"
    export_annotations(ws, "jsonl", ours)
    rana = Workspace.open(tmp / "rana.sqlite3", reviewer="Rana")
    rana.set_reviewer("Rana")
    rana.ensure_seeded(ROOT / "seeds")
    rana.run(ImportAnnotations(read_set(ours)))
    rid = rana.find_report("Following").id
    text = rana.report(rid).text
    first = next(a for a in rana.annotations(rid) if a.author == "Demo")
    rana.run(EditAnnotation(first.id, AnnotationFields(note="the militias' words, not his")))
    tags = {t.name: t.id for t in rana.tags()}
    for quote, tag in (("They warned Iran that its behavior", "Claim"),
                       ("the collapse of the entire axis", "Event")):
        if quote in text:
            at = text.index(quote)
            rana.run(AddAnnotation(rid, at, at + len(quote), tag_ids=[tags[tag]]))
    extra = tmp / "rana-only.txt"
    extra.write_text("Harbour Talks Stall\n\nMarch 3, 2025\n\nNegotiators left the table.\n",
                     encoding="utf-8")
    (outcome,) = rana.import_paths([extra])
    assert outcome.report_id is not None
    rana.run(AddAnnotation(outcome.report_id, 33, 55, tag_ids=[tags["Event"]]))
    path = tmp / "rana-annotations.jsonld"
    export_annotations(rana, "w3c", path)
    rana.close()
    return path


def main() -> int:
    os.environ["GLOSSATOR_HOME"] = tempfile.mkdtemp()
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from glossator.services import Workspace
    from glossator.ui.app.main_window import MainWindow
    from glossator.ui.app.run import application
    from glossator.ui.app.settings import AppSettings

    application()
    tmp = Path(tempfile.mkdtemp())
    ws = Workspace.open(tmp / "workspace.sqlite3", reviewer="Demo")
    ws.set_reviewer("Demo")
    ws.ensure_seeded(ROOT / "seeds")
    report_id = ws.find_report("Following").id
    shown = scene(ws, report_id)
    settings = AppSettings()
    settings.reviewer = "Demo"
    settings.set_reviewer_profile("Demo", "DE", "#1f6feb")

    def settle(window: MainWindow) -> None:
        QTest.qWait(1200)  # the suggestions and the table follow the first paint
        window.sync.flush_table()
        QTest.qWait(200)

    def window_at(width: int, height: int, before: int) -> MainWindow:
        window = MainWindow(ws, settings)
        window.resize(width, height)
        window.show()
        window.open_report(report_id)
        settle(window)
        window.select_annotation(shown)
        annotation = ws.annotation(shown)
        assert annotation is not None
        window.report_view.show_from(max(0, annotation.start - before))
        settle(window)
        return window

    big = window_at(1600, 1000, 900)
    big.grab().save(str(OUT / "main-window.png"))
    big.close()
    small = window_at(1024, 700, 250)
    small.grab().save(str(OUT / "window-1024.png"))
    dialog = small.exchange.open_export()
    dialog.set_format("w3c")
    dialog.chosen_reports.click()
    dialog.choose_reports([report_id])
    dialog.final_only.click()
    settle(small)
    dialog.grab().save(str(OUT / "export-dialog.png"))
    dialog.reject()
    small.exchange.import_sets([colleague_set(tmp, ws, report_id)])
    settle(small)
    merge = small.exchange.merge_dialog
    assert merge is not None
    merge.grab().save(str(OUT / "import-report.png"))
    merge.reject()
    small.close()
    ws.close()
    print("written:", ", ".join(sorted(p.name for p in OUT.glob("*.png"))))
    return 0 if QApplication.instance() is not None else 1


if __name__ == "__main__":
    sys.exit(main())
