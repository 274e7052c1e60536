"""Every annotation-set format by name: what writes it, what reads it back.

`EXPORTERS[name].write(set, path)` writes a file (brat: a `.zip`, or a folder when the path
has no `.zip` suffix); `IMPORTERS[name].read(path)` reads one into an ExchangeSet and raises
ExchangeFormatError on a file it refuses. Formats that carry report texts (brat, .qdpx) say
so with `needs_texts`, so callers load the texts only for them; the codebook-only format
says `needs_annotations=False`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from glossator.core.exchange import ExchangeSet
from glossator.formats.brat import write_brat
from glossator.formats.csv_export import write_csv
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.jsonl import read_jsonl, write_jsonl
from glossator.formats.qdc import read_qdc, write_qdc
from glossator.formats.qdpx import write_qdpx
from glossator.formats.qdpx_reader import read_qdpx
from glossator.formats.w3c import write_w3c
from glossator.formats.w3c_reader import read_w3c


@dataclass(frozen=True, slots=True)
class Exporter:
    name: str
    suffix: str
    description: str
    write: Callable[[ExchangeSet, Path], None]
    needs_texts: bool = False
    needs_annotations: bool = True  # False: the codebook alone is written
    folder_unless_zip: bool = False  # brat: a folder, unless the name ends in .zip

    def writes_folder(self, dest: Path) -> bool:
        """Whether `dest` will be written as a folder rather than a file."""
        return self.folder_unless_zip and dest.suffix.lower() != ".zip"


@dataclass(frozen=True, slots=True)
class Importer:
    name: str
    suffixes: tuple[str, ...]
    description: str
    read: Callable[[Path], ExchangeSet]


EXPORTERS: dict[str, Exporter] = {
    e.name: e
    for e in (
        Exporter(
            "w3c",
            ".jsonld",
            "W3C Web Annotation JSON-LD collection (lossless; web annotation tools)",
            write_w3c,
        ),
        Exporter("jsonl", ".jsonl", "JSON Lines, one annotation per line (lossless)", write_jsonl),
        Exporter("csv", ".csv", "CSV, one row per annotation (Excel, R, pandas)", write_csv),
        Exporter(
            "qdpx",
            ".qdpx",
            "REFI-QDA project with the report texts (NVivo, ATLAS.ti, MAXQDA, QualCoder)",
            write_qdpx,
            needs_texts=True,
        ),
        Exporter(
            "qdc",
            ".qdc",
            "REFI-QDA codebook: the codes alone",
            write_qdc,
            needs_annotations=False,
        ),
        Exporter(
            "brat",
            ".zip",
            "brat standoff .txt + .ann per report (brat, INCEpTION), in a .zip or a folder",
            write_brat,
            needs_texts=True,
            folder_unless_zip=True,
        ),
    )
}

IMPORTERS: dict[str, Importer] = {
    i.name: i
    for i in (
        Importer("w3c", (".jsonld", ".json"), "W3C Web Annotation JSON-LD", read_w3c),
        Importer("jsonl", (".jsonl", ".ndjson"), "JSON Lines from Glossator", read_jsonl),
        Importer("qdpx", (".qdpx",), "REFI-QDA project", read_qdpx),
        Importer("qdc", (".qdc",), "REFI-QDA codebook (codes only)", read_qdc),
    )
}


def importer_for(path: Path) -> Importer:
    """The importer for a file, chosen by its suffix."""
    suffix = path.suffix.lower()
    for importer in IMPORTERS.values():
        if suffix in importer.suffixes:
            return importer
    known = ", ".join(s for i in IMPORTERS.values() for s in i.suffixes)
    raise ExchangeFormatError(
        f"{path.name}: cannot tell the format from the suffix {suffix or '(none)'!r} "
        f"(annotation sets are read from {known})"
    )


def read_set(path: Path) -> ExchangeSet:
    return importer_for(path).read(path)
