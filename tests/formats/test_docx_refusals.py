"""Untrusted .docx files: every bad one is refused with one line naming the file and why."""

from __future__ import annotations

import pytest

from glossator.formats.decoding import OLE_MAGIC
from glossator.formats.errors import ImportRefused
from glossator.formats.reports import read_report
from tests.formats.docx_builder import BILLION_LAUGHS, build_docx, document, p, zip_entries

_W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _refused(data: bytes, name: str) -> str:
    with pytest.raises(ImportRefused) as caught:
        read_report(data, name)
    message = str(caught.value)
    assert message.startswith(f"{name}: refused: ") and "\n" not in message
    return caught.value.reason


def _ole(*streams: str) -> bytes:
    """The start of an OLE compound file with directory entries named ``streams``."""
    directory = b"".join(s.encode("utf-16-le").ljust(64, b"\0") + bytes(64) for s in streams)
    return OLE_MAGIC + bytes(504) + "Root Entry".encode("utf-16-le").ljust(128, b"\0") + directory


def test_corrupt_zip_is_refused():
    reason = _refused(b"PK\x03\x04" + bytes(100), "broken.docx")
    assert reason.startswith("damaged Word document (not a readable zip")


def test_truncated_docx_is_refused():
    data = build_docx(p("Some text " * 200))
    assert "damaged Word document" in _refused(data[: len(data) // 2], "cut.docx")


def test_damaged_entry_is_refused():
    data = bytearray(build_docx(p("Some text that compresses " * 400)))
    start = data.index(b"word/document.xml") + len("word/document.xml")
    data[start + 40 : start + 80] = bytes(40)  # inside the deflated stream
    assert "word/document.xml" in _refused(bytes(data), "garbled.docx")


@pytest.mark.parametrize(
    ("entries", "words"),
    [
        ({"readme.txt": b"hello"}, "not a Word document: a zip archive, without word/document.xml"),
        ({"xl/workbook.xml": b"<x/>"}, "an Excel workbook"),
        ({"ppt/presentation.xml": b"<x/>"}, "a PowerPoint presentation"),
        ({"mimetype": b"application/vnd.oasis.opendocument.text"}, "OpenDocument"),
    ],
)
def test_zip_that_is_not_a_word_document_is_refused(entries: dict[str, bytes], words: str):
    assert words in _refused(zip_entries(entries), "archive.zip")
    assert words in _refused(zip_entries(entries), "mislabelled.docx")


def test_encrypted_office_file_is_refused():
    reason = _refused(_ole("EncryptionInfo", "EncryptedPackage"), "secret.docx")
    assert reason.startswith("password-protected or encrypted Office document")


def test_legacy_doc_is_refused_whatever_its_name():
    for name in ("old.doc", "old.docx", "download"):
        assert _refused(_ole("WordDocument", "1Table"), name).startswith(
            "legacy Word 97-2003 document (.doc)"
        )


def test_other_ole_files_are_refused_as_old_office_files():
    assert _refused(_ole("Workbook"), "sheet.xls") == "binary file (old Microsoft Office document)"
    assert "old Microsoft Office file" in _refused(_ole("Workbook"), "sheet.docx")


def test_text_named_docx_is_refused():
    assert "not a Word .docx document" in _refused(b"just some text", "notes.docx")


def test_xml_bomb_is_refused_before_any_entity_expands():
    bomb = (
        BILLION_LAUGHS
        + f"<w:document {_W}><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    )
    reason = _refused(build_docx(document_xml=bomb), "bomb.docx")
    assert "word/document.xml declares a DTD or XML entities" in reason


def test_external_entity_is_refused():
    xxe = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        f"<w:document {_W}><w:body><w:p><w:r><w:t>&x;</w:t></w:r></w:p></w:body></w:document>"
    )
    assert "DTD or XML entities" in _refused(build_docx(document_xml=xxe), "xxe.docx")


def test_entities_in_a_notes_part_are_refused_too():
    bomb = BILLION_LAUGHS + f"<w:footnotes {_W}/>"
    data = build_docx(p("Body"), extra={"word/footnotes.xml": bomb})
    assert "word/footnotes.xml declares a DTD" in _refused(data, "notes-bomb.docx")


def test_malformed_xml_is_refused():
    data = build_docx(document_xml=f"<w:document {_W}><w:body><w:p>unclosed")
    assert "word/document.xml is not well-formed XML" in _refused(data, "bad-xml.docx")


def test_zip_bomb_is_refused():
    data = build_docx(p("Body"), extra={"word/media/filler.bin": bytes(8 * 1024 * 1024)})
    reason = _refused(data, "zipbomb.docx")
    assert "word/media/filler.bin" in reason and "zip bomb" in reason


def test_entry_that_climbs_out_of_the_archive_is_refused():
    data = build_docx(p("Body"), extra={"../../evil.txt": b"x"})
    assert "climbs out of the archive" in _refused(data, "slip.docx")


def test_encrypted_zip_entry_is_refused():
    data = bytearray(build_docx(p("Body")))
    # Set the "encrypted" flag of every entry, in local and central headers alike.
    for signature, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(signature)
        while at >= 0:
            data[at + offset] |= 0x01
            at = data.find(signature, at + 4)
    assert "is encrypted" in _refused(bytes(data), "locked.docx")


def test_document_without_text_is_refused():
    data = build_docx(p("   ") + "<w:p><w:r><w:drawing/></w:r></w:p>")
    assert _refused(data, "blank.docx") == "no readable text (the docx file shows nothing)"


def test_a_good_document_next_to_these_still_reads():
    assert read_report(build_docx(document_xml=document(p("Fine"))), "ok.docx").text == "Fine"
