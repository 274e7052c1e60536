"""PDF reports through the services: imported with their notes and pages, the original
bytes kept, the page exported with every annotation, re-imported when corrected."""

from __future__ import annotations

import csv
import json
import zipfile
from pathlib import Path

from sqlalchemy import select

from glossator.core.pages import page_at
from glossator.formats.registry import read_set
from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.exchange import build_set, export_annotations
from glossator.services.reimport import ReimportReport
from glossator.store.models import ReportRow
from tests.formats.pdf_builder import Book
from tests.formats.test_qdpx import schema
from tests.formats.test_w3c_suite import failures, musts

PAGE_ONE = ("The harbour office announced^{1} that the port would stay closed until the channel "
            "had been dredged, and that ships already inside could leave at high tide.")
PAGE_TWO = ("The unions answered that the closure had cost their members three weeks of pay^{2} "
            "and asked the ministry to pay for the lost shifts before the summer.")
QUOTE = "asked the ministry to pay for the lost shifts"


def _pdf(path: Path, before: str | None = None) -> Path:
    book = Book(head="Harbour Review")
    first = book.page()
    if before:
        first.para(before)
    first.para(PAGE_ONE)
    first.note("1", "Notice of the harbour office, 2 May 2024.")
    second = book.page()
    second.para(PAGE_TWO)
    second.note("2", "Statement of the dockers' union, 9 May 2024.")
    path.write_bytes(book.pdf())
    return path


def _import(ws: Workspace, path: Path) -> int:
    (outcome,) = ws.import_paths([path])
    assert outcome.status == "imported", outcome.line()
    assert outcome.report_id is not None
    return outcome.report_id


def _annotate(ws: Workspace, rid: int, passage: str) -> str:
    start = ws.report_text(rid).text.index(passage)
    command = AddAnnotation(rid, start, start + len(passage))
    ws.run(command)
    return command.uuid


def test_a_pdf_is_imported_with_its_notes_its_pages_and_its_bytes(ws: Workspace, tmp_path: Path):
    path = _pdf(tmp_path / "harbour.pdf")
    rid = _import(ws, path)
    detail = ws.report(rid)
    assert detail.summary.source_format == "pdf"
    assert [(m.label, m.note) for m in detail.markers] == [("1", "1"), ("2", "2")]
    assert [n.text for n in detail.notes] == [
        "Notice of the harbour office, 2 May 2024.",
        "Statement of the dockers' union, 9 May 2024.",
    ]
    text = detail.text
    assert page_at(detail.pages, text.index("The harbour office")) == 1
    assert page_at(detail.pages, text.index("The unions")) == 2
    assert [page_at(detail.pages, n.start) for n in detail.notes] == [1, 2]
    with ws.db.session() as session:
        original = session.scalar(select(ReportRow.original).where(ReportRow.id == rid))
    assert original == path.read_bytes()


def test_every_export_says_on_which_page_a_passage_is(ws: Workspace, tmp_path: Path):
    rid = _import(ws, _pdf(tmp_path / "harbour.pdf"))
    _annotate(ws, rid, QUOTE)
    assert [a.page for a in build_set(ws).annotations] == [2]
    jsonl, table = tmp_path / "set.jsonl", tmp_path / "set.csv"
    export_annotations(ws, "jsonl", jsonl)
    assert json.loads(jsonl.read_text("utf-8").splitlines()[1])["page"] == 2
    assert [a.page for a in read_set(jsonl).annotations] == [2]  # read back
    export_annotations(ws, "csv", table)
    (row,) = csv.DictReader(table.read_text("utf-8-sig").splitlines())
    assert row["page"] == "2" and row["quote"] == QUOTE
    w3c = tmp_path / "set.jsonld"
    export_annotations(ws, "w3c", w3c)
    document = json.loads(w3c.read_text("utf-8"))
    (item,) = document["first"]["items"]
    fragment = item["target"]["selector"][2]
    assert fragment["type"] == "FragmentSelector" and fragment["value"] == "page=2"
    assert fragment["refinedBy"]["exact"] == QUOTE
    assert failures(item, musts("annotations/annotationMusts.test")) == []
    assert [a.page for a in read_set(w3c).annotations] == [2]
    qdpx = tmp_path / "set.qdpx"
    export_annotations(ws, "qdpx", qdpx)
    from lxml import etree

    with zipfile.ZipFile(qdpx) as archive:
        qde = archive.read("project.qde")
    assert schema("Project-mrt2019.xsd").validate(etree.fromstring(qde))
    assert b"<Description>p. 2\n\n[Glossator] {\"page\":2}</Description>" in qde
    assert [a.page for a in read_set(qdpx).annotations] == [2]


def test_a_corrected_pdf_re_anchors_and_brings_its_pages(ws: Workspace, tmp_path: Path):
    rid = _import(ws, _pdf(tmp_path / "harbour.pdf"))
    uuid = _annotate(ws, rid, QUOTE)
    old_pages = ws.report(rid).pages
    corrected = _pdf(tmp_path / "harbour-v2.pdf", before="A correction was added here.")
    command = ReimportReport.from_file(rid, corrected)
    ws.run(command)
    assert command.plan is not None and command.plan.counts["moved"] == 1
    detail = ws.report(rid)
    (annotation,) = ws.annotations(rid)
    assert annotation.id == uuid
    assert detail.text[annotation.start : annotation.end] == QUOTE
    assert detail.text.startswith("A correction was added here.")
    assert detail.pages != old_pages
    assert page_at(detail.pages, annotation.start) == 2
    assert [a.page for a in build_set(ws).annotations] == [2]
    ws.revert(command)
    assert ws.report(rid).pages == old_pages
