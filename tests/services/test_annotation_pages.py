"""A report's annotations read a page at a time: every one exactly once, in text order,
whatever the page size, ties of start and end included; the values are those of the
report's full read. And the library's line of a report with many markers whose notes are
missing lists each missing label once, in text order."""

from __future__ import annotations

from pathlib import Path

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation


def _report(ws: Workspace, tmp_path: Path) -> int:
    body = "\n\n".join(f"Paragraph {n} says the militia warned the regime." for n in range(60))
    path = tmp_path / "pages.txt"
    path.write_text(f"Paged report\n\n{body}\n", encoding="utf-8")
    (outcome,) = ws.import_paths([path])
    return outcome.report_id or 0


def test_pages_give_every_annotation_once_in_text_order(ws: Workspace, tmp_path: Path):
    rid = _report(ws, tmp_path)
    text = ws.report(rid).text
    tag = ws.tags()[0].id
    spans = []
    for n in range(0, 60, 3):
        start = text.index(f"Paragraph {n} says")
        spans += [(start, start + 12), (start, start + 12), (start + 2, start + 30)]  # ties
    for start, end in spans:
        ws.run(AddAnnotation(rid, start, end, tag_ids=[tag], note="n"))
    everything = ws.annotations(rid)
    for size in (1, 2, 7, 100):
        read, after = [], None
        while True:
            page = ws.annotation_page(rid, after, size)
            assert len(page.annotations) <= size
            read += page.annotations
            if page.next is None:
                break
            after = page.next
        assert read == everything  # the same values, in the same order, each once


def test_a_report_without_annotations_is_one_empty_page(ws: Workspace, tmp_path: Path):
    rid = _report(ws, tmp_path)
    page = ws.annotation_page(rid, None, 50)
    assert page.annotations == () and page.next is None


def test_missing_labels_are_listed_once_each_in_text_order(ws: Workspace, tmp_path: Path):
    markers = " ".join(f"claim[{n}]" for n in (5, 3, 5, 9, 3, 1))
    path = tmp_path / "missing.txt"
    path.write_text(f"Missing notes\n\nThe text {markers} ends.\n\n[1] The only note.\n",
                    encoding="utf-8")
    (outcome,) = ws.import_paths([path])
    summary = ws.report_summary(outcome.report_id or 0)
    assert summary is not None and summary.missing_notes == ("5", "3", "9")


def test_the_light_list_follows_blind_coding_as_the_workspace_does(tmp_path: Path):
    from glossator.services.library import LibraryReader
    from glossator.services.team import SetBlindCoding

    db = tmp_path / "blind.sqlite3"
    with Workspace.open(db, reviewer="ana") as ws:
        rid = _report(ws, tmp_path)
        text = ws.report(rid).text
        start = text.index("Paragraph 3 says")
        ws.run(AddAnnotation(rid, start, start + 10))
        ws.set_reviewer("ben")
        ws.run(AddAnnotation(rid, start + 12, start + 20))
        ws.run(AddAnnotation(rid, start + 22, start + 30))
    with LibraryReader.open(db, "ana") as reader:
        assert reader.sees_everyone()
        assert [s.annotation_count for s in reader.reports()] == [3]
        assert [line.annotation_count for line in reader.first_list()] == [3]
    with Workspace.open(db, reviewer="ana") as ws:
        ws.run(SetBlindCoding(True))
    for name in ("ana", "ben"):
        with Workspace.open(db, reviewer=name) as ws:
            expected = ws.reports()
        with LibraryReader.open(db, name) as reader:
            assert not reader.sees_everyone()
            assert reader.reports() == expected  # as the workspace lists it for them
            assert [line.annotation_count for line in reader.first_list()] == [None]
