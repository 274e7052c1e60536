"""The package side of a Word ``.docx`` file: an untrusted zip of XML parts.

The archive is opened from memory with the limits of ``safe_zip`` (entry names, counts,
sizes and compression ratios checked before anything is inflated); every XML part is
parsed by defusedxml with DTDs, entities and external references refused, as a stream of
events so a large document never builds a whole tree. Parts are found the way Word finds
them, through the package relationships, with the usual names as a fallback. Every
problem becomes an ``ImportRefused`` naming the file and the reason, in one line.
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from .decoding import OLE_MAGIC, ZIP_MAGICS, ole_refusal
from .errors import ImportRefused
from .exchange_errors import ExchangeFormatError
from .safe_zip import SafeZip, ZipLimits
from .sizes import MiB, too_large

__all__ = ["DOCX_LIMITS", "DocxPackage", "XmlEvent"]

# A report is text: its parts stay far below these, while images may fill the archive.
DOCX_LIMITS = ZipLimits(
    archive_bytes=64 * MiB,
    entries=10_000,
    total_bytes=1024 * MiB,
    entry_bytes=256 * MiB,
    ratio=100,
)
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_OFFICE_DOCUMENT = "/officeDocument"
_MAIN_FALLBACK = "word/document.xml"

XmlEvent = tuple[str, Element]  # ("start" | "end", element)


def _not_a_word_document(names: list[str]) -> str:
    lowered = {name.replace("\\", "/").lower() for name in names}
    if "mimetype" in lowered:
        kind = "an OpenDocument file (save it as .docx to import it)"
    elif any(name.startswith("xl/") for name in lowered):
        kind = "an Excel workbook"
    elif any(name.startswith("ppt/") for name in lowered):
        kind = "a PowerPoint presentation"
    else:
        kind = "a zip archive"
    return f"not a Word document: {kind}, without word/document.xml"


class _ZipInMemory(SafeZip):
    """``SafeZip`` over bytes already read: the same checks, no file on disk."""

    def __init__(self, data: bytes, name: str, limits: ZipLimits) -> None:
        self.path, self.limits = Path(name), limits
        self._zip = zipfile.ZipFile(io.BytesIO(data))
        try:
            self._infos = self._check()
        except BaseException:
            self._zip.close()
            raise


class DocxPackage:
    """The parts of one ``.docx``, read on demand; use as a context manager."""

    def __init__(self, data: bytes, name: str, limits: ZipLimits = DOCX_LIMITS) -> None:
        self.name = name
        ole = ole_refusal(data)
        if ole is not None or data.startswith(OLE_MAGIC):
            raise ImportRefused(name, ole or "an old Microsoft Office file, not a .docx document")
        if not data.startswith(ZIP_MAGICS):
            raise ImportRefused(name, "not a Word .docx document (a .docx is a zip archive)")
        if len(data) > limits.archive_bytes:
            raise ImportRefused(
                name,
                too_large(len(data), limits.archive_bytes),
            )
        try:
            self._zip = _ZipInMemory(data, name, limits)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise ImportRefused(
                name, f"damaged Word document (not a readable zip: {exc})"
            ) from None
        except ExchangeFormatError as exc:
            raise self._refused(exc) from None
        try:
            self.main = self._main_part()
        except BaseException:
            self._zip.close()
            raise

    def _refused(self, exc: ExchangeFormatError) -> ImportRefused:
        """The safe-zip message without the file name it starts with."""
        reason = str(exc)
        prefix = f"{Path(self.name).name}: "
        reason = reason[len(prefix) :] if reason.startswith(prefix) else reason
        reason = reason.removeprefix("refused: ")
        return ImportRefused(self.name, reason)

    def _main_part(self) -> str:
        main = None
        for rel_type, target in self._relationships("_rels/.rels", ""):
            if rel_type.endswith(_OFFICE_DOCUMENT):
                main = self._zip.find(target)
                break
        main = main or self._zip.find(_MAIN_FALLBACK)
        if main is None:
            raise ImportRefused(self.name, _not_a_word_document(self._zip.names()))
        return main

    def _relationships(self, rels_name: str, base: str) -> Iterator[tuple[str, str]]:
        """(type, part name) of each internal relationship in a ``.rels`` part."""
        found = self._zip.find(rels_name)
        if found is None:
            return
        for event, element in self.events(found):
            if (
                event == "end"
                and element.tag == f"{_RELS_NS}Relationship"
                and element.get("TargetMode", "Internal") != "External"
            ):
                target = element.get("Target", "")
                path = target[1:] if target.startswith("/") else posixpath.join(base, target)
                yield element.get("Type", ""), posixpath.normpath(path)

    def related(self, kind: str, fallback: str) -> str | None:
        """The part the main document relates to as ``kind`` (``footnotes``, ``styles``...)."""
        base = posixpath.dirname(self.main)
        rels = posixpath.join(base, "_rels", posixpath.basename(self.main) + ".rels")
        for rel_type, target in self._relationships(rels, base):
            if rel_type.rsplit("/", 1)[-1] == kind:
                return self._zip.find(target)
        return self._zip.find(fallback)

    def find(self, name: str) -> str | None:
        return self._zip.find(name)

    def read(self, part: str) -> bytes:
        try:
            return self._zip.read(part)
        except ExchangeFormatError as exc:
            raise self._refused(exc) from None

    def events(self, part: str) -> Iterator[XmlEvent]:
        """Start and end events of a part's XML; refusals for DTDs, entities, bad XML."""
        data = self.read(part)
        try:
            yield from iterparse(
                io.BytesIO(data),
                events=("start", "end"),
                forbid_dtd=True,
                forbid_entities=True,
                forbid_external=True,
            )
        except DefusedXmlException as exc:
            raise ImportRefused(
                self.name,
                f"{part} declares a DTD or XML entities, which are never processed"
                f" (an XML bomb?) ({type(exc).__name__})",
            ) from None
        except (ParseError, ValueError, LookupError) as exc:
            raise ImportRefused(
                self.name, f"damaged Word document ({part} is not well-formed XML: {exc})"
            ) from None

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> DocxPackage:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
