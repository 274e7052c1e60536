"""Bytes to text for imported reports: BOMs, UTF-8, legacy encodings; binary files refused."""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from .errors import ImportRefused
from .sizes import MiB, too_large

__all__ = [
    "MAX_REPORT_BYTES",
    "OLE_MAGIC",
    "PDF_MAGIC",
    "ZIP_MAGICS",
    "Decoded",
    "check_report_size",
    "decode_report_bytes",
    "ole_refusal",
]

MAX_REPORT_BYTES = 64 * MiB

# Longest first where one BOM is a prefix of another (UTF-32 LE starts like UTF-16 LE).
_BOMS: tuple[tuple[bytes, str, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF8, "utf-8-sig", "UTF-8"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: old Office, or encrypted
ZIP_MAGICS = (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08")  # .docx files are zip archives
PDF_MAGIC = b"%PDF-"
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (PDF_MAGIC, "PDF document"),
    *((magic, "ZIP archive") for magic in ZIP_MAGICS),
    (OLE_MAGIC, "old Microsoft Office document"),
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x7fELF", "ELF executable"),
    (b"\xca\xfe\xba\xbe", "executable or Java class"),
    (b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (b"\x00asm", "WebAssembly module"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh91AY&SY", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "Zstandard archive"),
    (b"SQLite format 3\x00", "SQLite database"),
    (b"OggS", "Ogg media"),
)
_RIFF_KINDS = {b"WEBP": "WebP image", b"WAVE": "WAV audio", b"AVI ": "AVI video"}

# C0 controls that never appear in text (TAB, LF, VT, FF, CR and ESC are tolerated).
_CONTROL_BYTES = bytes(c for c in range(0x20) if c not in (0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x1B))
_MAX_CONTROL_RATIO = 0.02


@dataclass(frozen=True, slots=True)
class Decoded:
    """Decoded report text and how it was decoded.

    ``encoding`` is a Python codec name that decodes the original bytes again
    (``utf-8-sig`` and ``utf-16`` consume their BOM); ``guessed`` is True when the
    encoding was detected rather than known from a BOM or valid UTF-8.
    """

    text: str
    encoding: str
    guessed: bool


def ole_refusal(data: bytes) -> str | None:
    """Why an OLE compound file (an old Office file, or an encrypted new one) is refused,
    when it is a Word document or encrypted; None for anything else.

    The names of the streams in the file's directory are UTF-16: an encrypted Office
    document holds ``EncryptedPackage``, a Word 97-2003 document holds ``WordDocument``.
    """
    if not data.startswith(OLE_MAGIC):
        return None
    if _utf16("EncryptedPackage") in data or _utf16("EncryptionInfo") in data:
        return (
            "password-protected or encrypted Office document; remove the password in Word"
            " (File > Info > Protect Document), save, and import it again"
        )
    if _utf16("WordDocument") in data:
        return (
            "legacy Word 97-2003 document (.doc); open it in Word or LibreOffice, save it"
            " as .docx, and import that"
        )
    return None


def _utf16(name: str) -> bytes:
    return name.encode("utf-16-le")


def _refusal(data: bytes) -> str | None:
    """Why ``data`` (without a BOM) is not a text report, or None when it may be."""
    if data.startswith(b"{\\rtf"):
        return "RTF documents are not supported yet"
    office = ole_refusal(data)
    if office is not None:
        return office
    kind = _binary_kind(data)
    return None if kind is None else f"binary file ({kind})"


def _signature_kind(data: bytes) -> str | None:
    """The known binary format ``data`` starts like, else None."""
    for signature, kind in _SIGNATURES:
        if data.startswith(signature):
            return kind
    if data.startswith(b"RIFF") and data[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[data[8:12]]
    if data[4:8] == b"ftyp":
        return "MP4/QuickTime media"
    return None


def _binary_kind(data: bytes) -> str | None:
    """A description of ``data`` when it is a known binary format, else None."""
    kind = _signature_kind(data)
    if kind is not None:
        return kind
    if b"\x00" in data:
        return "contains NUL bytes"
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    if controls and controls > _MAX_CONTROL_RATIO * len(data):
        return "many control characters"
    return None


_UTF16_SAMPLE = 64 * 1024


def _control_ratio(text: str) -> float:
    controls = sum(1 for c in text if c < " " and c not in "\t\n\r\x0b\x0c\x1b")
    return controls / max(1, len(text))


def _utf16_without_bom(data: bytes) -> Decoded | None:
    """UTF-16 text saved without a byte-order mark, or None. In such a file the high byte
    of every Latin letter, digit, space and line end is zero, so the bytes on one side
    (odd positions: little-endian; even: big-endian) are mostly zero and the other side
    almost never; the whole must then decode as strict UTF-16 into real text."""
    sample = data[:_UTF16_SAMPLE]
    half = len(sample) // 2
    if half < 2 or len(data) % 2:
        return None
    even_zero, odd_zero = sample[0::2].count(0), sample[1::2].count(0)
    if odd_zero >= 0.3 * half and even_zero <= 0.02 * half:
        codec = "utf-16-le"
    elif even_zero >= 0.3 * half and odd_zero <= 0.02 * half:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    if "\x00" in text or _control_ratio(text) > _MAX_CONTROL_RATIO:
        return None
    return Decoded(text, codec, guessed=True)


def _legacy(data: bytes) -> tuple[str, str] | None:
    """Text and codec name for bytes in a legacy (non-Unicode) encoding, or None.

    charset_normalizer's language model often prefers a neighbouring code page
    (cp1250 for French, cp850 for English quotes); Windows-1252 is by far the most
    common legacy encoding, so it wins whenever it decodes as cleanly as the best guess.
    """
    from charset_normalizer import from_bytes  # only for files that are not Unicode

    best = from_bytes(data).best()
    as_1252 = from_bytes(data, cp_isolation=["cp1252"]).best()
    clean_1252 = as_1252 is not None and as_1252.encoding == "cp1252"
    if as_1252 is not None and clean_1252 and (best is None or as_1252.chaos <= best.chaos):
        return str(as_1252), "cp1252"
    if best is not None:
        return str(best), codecs.lookup(best.encoding).name
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    printable = sum(1 for char in text if char.isprintable() or char in "\t\n\r")
    return (text, "cp1252") if printable >= 0.95 * len(text) else None


def _from_bom(data: bytes, name: str) -> Decoded | None:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), codec, guessed=False)
            except UnicodeDecodeError:
                raise ImportRefused(
                    name, f"not valid {label} text despite its byte-order mark"
                ) from None
    return None


def check_report_size(data: bytes, name: str) -> None:
    """``ImportRefused`` for an empty file or one over ``MAX_REPORT_BYTES``."""
    if len(data) > MAX_REPORT_BYTES:
        raise ImportRefused(name, too_large(len(data), MAX_REPORT_BYTES))
    if not data:
        raise ImportRefused(name, "empty file")


def decode_report_bytes(data: bytes, name: str) -> Decoded:
    """Decode the bytes of a report file, or raise ``ImportRefused`` with a clear reason."""
    check_report_size(data, name)
    decoded = _from_bom(data, name)
    if decoded is None and _signature_kind(data) is None:
        decoded = _utf16_without_bom(data)
    if decoded is None:
        refusal = _refusal(data)
        if refusal is not None:
            raise ImportRefused(name, refusal)
        try:
            decoded = Decoded(data.decode("utf-8"), "utf-8", guessed=False)
        except UnicodeDecodeError:
            legacy = _legacy(data)
            if legacy is None:
                raise ImportRefused(name, "unknown text encoding") from None
            decoded = Decoded(legacy[0], legacy[1], guessed=True)
    if not decoded.text.strip().lstrip("\ufeff"):
        raise ImportRefused(name, "empty file")
    return decoded
