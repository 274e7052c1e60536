"""Self-test steps for what an installation needs beyond the basics: the full-text index
(SQLite's FTS5 in the bundled or system library), Word documents (zip and XML readers), the
review workflow. Each returns what it saw, or raises with what is wrong."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.review import DecideAnnotations

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_DOCUMENT = (
    f'<w:document {_W}><w:body>'
    "<w:p><w:r><w:t>Self-test Word report</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>The spokesman denied the claim.</w:t></w:r>"
    '<w:r><w:footnoteReference w:id="2"/></w:r></w:p>'
    "</w:body></w:document>"
)
_FOOTNOTES = (
    f"<w:footnotes {_W}>"
    '<w:footnote w:id="2"><w:p><w:r><w:t>Statement of 9 December.</w:t></w:r></w:p>'
    "</w:footnote></w:footnotes>"
)
_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="r1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
)
_DOC_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="r2" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/footnotes" Target="footnotes.xml"/></Relationships>'
)


def _fail_unless(condition: object, message: str) -> None:
    if not condition:
        raise RuntimeError(message)


def word_document() -> bytes:
    """A small .docx with one Word footnote."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in (
            ("[Content_Types].xml", _TYPES),
            ("_rels/.rels", _RELS),
            ("word/_rels/document.xml.rels", _DOC_RELS),
            ("word/document.xml", _DOCUMENT),
            ("word/footnotes.xml", _FOOTNOTES),
        ):
            z.writestr(name, text)
    return buffer.getvalue()


def step_search(ws: Workspace, report_title: str) -> str:
    word = next(w for w in report_title.split() if len(w) > 4 and w.isalpha())
    hits = ws.search(word)
    _fail_unless(any(h.title == report_title for h in hits),
                 f"searching for {word!r} did not find the seed report")
    return f"{word!r} found in {len(hits)} report(s)"


def step_word(ws: Workspace, folder: Path) -> str:
    path = folder / "self-test.docx"
    path.write_bytes(word_document())
    (outcome,) = ws.import_paths([path])
    _fail_unless(outcome.status == "imported" and outcome.report_id,
                 f"the Word document was not imported: {outcome.reason}")
    detail = ws.report(outcome.report_id or 0)
    linked = [m for m in detail.markers if m.note is not None]
    _fail_unless(linked and detail.notes[0].text.startswith("Statement of 9 December"),
                 "the Word footnote is not linked to its note")
    return f"imported with its footnote linked ({len(detail.text)} characters)"


def step_review(ws: Workspace, report_id: int) -> str:
    author, reviewer = ws.reviewer, "self-test reviewer"
    text = ws.report(report_id).text
    start = text.find(" ") + 1
    add = AddAnnotation(report_id, start, start + 12)
    ws.run(add)
    try:
        ws.set_reviewer(reviewer)
        decide = DecideAnnotations([add.uuid], "accepted", "checked")
        ws.run(decide)
        decided = ws.annotation(add.uuid)
        _fail_unless(decided is not None and decided.status == "accepted",
                     "the decision did not set the status")
        ws.revert(decide)
        undone = ws.annotation(add.uuid)
        _fail_unless(undone is not None and undone.status == "proposed",
                     "undoing the decision did not restore the status")
    finally:
        ws.set_reviewer(author or "self-test")
        ws.revert(add)
    return "a second reviewer accepted a highlight, and the decision was undone"
