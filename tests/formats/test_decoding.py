"""Decoding report bytes: BOMs, UTF-8, legacy encodings, and refusals with clear messages."""

from __future__ import annotations

import codecs
import pickle
import random

import pytest

from glossator.formats import decoding
from glossator.formats.decoding import Decoded, decode_report_bytes
from glossator.formats.errors import ImportRefused

SAMPLE = "Café «quoted» — قال 👍🏽\nline two"


def _refusal(data: bytes, name: str = "report.bin") -> ImportRefused:
    with pytest.raises(ImportRefused) as caught:
        decode_report_bytes(data, name)
    message = str(caught.value)
    assert message.startswith(f"{name}: refused: ")
    assert "\n" not in message
    assert caught.value.name == name
    return caught.value


def test_utf8_without_bom():
    assert decode_report_bytes(SAMPLE.encode("utf-8"), "a.txt") == Decoded(SAMPLE, "utf-8", False)


def test_utf8_with_bom():
    decoded = decode_report_bytes(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "a.txt")
    assert decoded == Decoded(SAMPLE, "utf-8-sig", False)


@pytest.mark.parametrize(
    ("codec", "expected"),
    [("utf-16-le", "utf-16"), ("utf-16-be", "utf-16"), ("utf-32-le", "utf-32")],
)
def test_utf16_and_utf32_with_bom(codec: str, expected: str):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}
    data = bom.get(codec, codecs.BOM_UTF32_LE) + SAMPLE.encode(codec)
    decoded = decode_report_bytes(data, "a.txt")
    assert decoded == Decoded(SAMPLE, expected, False)


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF8 + SAMPLE.encode("utf-8"),
        codecs.BOM_UTF16_BE + SAMPLE.encode("utf-16-be"),
        SAMPLE.encode("utf-8"),
        "caf\xe9 \x93quoted\x94".encode("latin-1"),
    ],
)
def test_the_encoding_name_decodes_the_original_bytes_again(data: bytes):
    decoded = decode_report_bytes(data, "a.txt")
    assert data.decode(decoded.encoding) == decoded.text


def test_cp1252_is_decoded_and_marked_guessed():
    decoded = decode_report_bytes(b"caf\xe9 \x93quoted\x94", "old.txt")
    assert decoded == Decoded("café “quoted”", "cp1252", True)


def test_longer_cp1252_french_text_is_not_taken_for_another_code_page():
    text = "Le ministère a déclaré que la réunion aurait lieu à Genève; « nous espérons »."
    decoded = decode_report_bytes(text.encode("cp1252"), "fr.txt")
    assert decoded.text == text and decoded.guessed


@pytest.mark.parametrize(
    ("text", "codec"),
    [
        ("Правительство заявило, что переговоры продолжатся на следующей неделе. " * 3, "cp1251"),
        ("قالت الحكومة إن المفاوضات ستستمر الأسبوع المقبل في القاهرة. " * 2, "cp1256"),
        ("Ο δήμαρχος είπε ότι ο δρόμος θα κλείσει αύριο το πρωί. " * 2, "cp1253"),
    ],
)
def test_other_legacy_encodings_are_detected(text: str, codec: str):
    decoded = decode_report_bytes(text.encode(codec), "legacy.txt")
    assert decoded.text == text
    assert decoded.guessed


def test_invalid_text_after_a_bom_is_refused():
    refused = _refusal(codecs.BOM_UTF8 + b"ok \xff\xfe\xfd", "bad.txt")
    assert "UTF-8" in refused.reason


@pytest.mark.parametrize(
    ("data", "words"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(64), "PNG"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00" + bytes(30), "ZIP archive"),
        (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
        (b"GIF89a\x01\x00", "GIF"),
        (b"\x7fELF\x02\x01\x01", "ELF"),
        (b"plain text with a \x00 NUL byte", "NUL"),
        (b"\x01\x02\x03\x04 text \x05\x06\x07\x08", "control characters"),
    ],
)
def test_binary_files_are_refused(data: bytes, words: str):
    refused = _refusal(data, "upload.dat")
    assert refused.reason.startswith("binary file (")
    assert words in str(refused)


def test_word_97_2003_and_encrypted_office_files_get_their_own_reason():
    ole = decoding.OLE_MAGIC + bytes(504)
    assert _refusal(ole + "WordDocument".encode("utf-16-le"), "old.doc").reason.startswith(
        "legacy Word 97-2003 document (.doc); open it in Word or LibreOffice"
    )
    encrypted = ole + "EncryptedPackage".encode("utf-16-le")
    assert "password-protected" in _refusal(encrypted, "secret.docx").reason
    assert _refusal(ole, "other.xls").reason == "binary file (old Microsoft Office document)"


def test_random_bytes_are_refused():
    data = random.Random(7).randbytes(4096)
    assert "binary file" in _refusal(data, "noise.bin").reason


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
@pytest.mark.parametrize(
    "text",
    [
        "plain ascii [1] and a note\n\n[1] The note.\n",
        "Été à Paris : « citation » [2].\r\n",
        "قال المتحدث [3] إن الوضع خطير.\n[3] وكالة الأنباء، 8 ديسمبر 2024.\n",
    ],
)
def test_utf16_without_bom_is_read_as_a_guess(codec: str, text: str):
    decoded = decode_report_bytes(text.encode(codec), "x.txt")
    assert decoded.text == text
    assert decoded.encoding == codec and decoded.guessed
    assert decoded.text.encode(decoded.encoding) == text.encode(codec)  # decodes the bytes


def test_zero_bytes_on_both_sides_are_still_binary():
    data = bytes([0, 0, 7, 0, 0, 9, 0, 0]) * 300  # zeros at odd and even positions alike
    assert "NUL" in _refusal(data, "table.bin").reason
    odd_length = "plain ascii text".encode("utf-16-le") + b"x"  # cannot be UTF-16
    assert "binary" in _refusal(odd_length, "x.txt").reason


def test_rtf_is_refused():
    assert "RTF" in _refusal(b"{\\rtf1\\ansi Hello}", "doc.rtf").reason


def test_undecodable_bytes_are_refused():
    data = bytes(range(0x80, 0x100)) * 4
    assert _refusal(data, "odd.txt").reason == "unknown text encoding"


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")]
)
def test_empty_and_whitespace_only_files_are_refused(data: bytes):
    assert _refusal(data, "empty.txt").reason == "empty file"


def test_too_large_is_refused_before_decoding(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(decoding, "MAX_REPORT_BYTES", 3 * 1024 * 1024)
    data = b"a" * (5 * 1024 * 1024 + 300 * 1024)
    refused = _refusal(data, "huge.txt")
    assert refused.reason == "too large (5.3 MiB; the limit is 3 MiB)"
    assert decode_report_bytes(b"a" * 1024, "small.txt").text == "a" * 1024


def test_the_default_limit_is_64_mb():
    assert decoding.MAX_REPORT_BYTES == 64 * 1024 * 1024
    monkey_size = decoding.MAX_REPORT_BYTES + 1
    assert "the limit is 64 MiB" in _refusal(b"a" * monkey_size, "big.txt").reason


def test_import_refused_message_pickles_and_keeps_fields():
    error = ImportRefused("my report.bin", "binary file (contains NUL bytes)")
    assert str(error) == "my report.bin: refused: binary file (contains NUL bytes)"
    copy = pickle.loads(pickle.dumps(error))
    assert (copy.name, copy.reason, str(copy)) == (error.name, error.reason, str(error))


def test_import_refused_message_is_one_line():
    error = ImportRefused("two\nlines.txt", "a\nreason")
    assert str(error) == "two lines.txt: refused: a reason"
