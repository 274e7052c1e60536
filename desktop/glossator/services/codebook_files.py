"""Codebook files for the window: read a JSON or REFI-QDA `.qdc` codebook, write either one.

Reading only parses the file; merging it is `ImportCodebook`, an undoable command.
"""

from __future__ import annotations

from pathlib import Path

from glossator.core.codebook import Codebook
from glossator.core.exchange import ExchangeSet
from glossator.formats.codebook_json import (
    CodebookFormatError,
    read_codebook_file,
    write_codebook_file,
)
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.qdc import read_qdc, write_qdc
from glossator.services.commands import CommandError
from glossator.services.destinations import check_destination, check_source

SUFFIXES = (".json", ".qdc")
FILTER = "Codebook (*.json *.qdc);;Glossator codebook (*.json);;REFI-QDA codebook (*.qdc)"


def read_codebook_path(path: Path) -> Codebook:
    """The codebook in a `.json` or `.qdc` file; a CommandError names what is wrong."""
    check_source(path)
    try:
        if path.suffix.lower() == ".qdc":
            return read_qdc(path).codebook
        return read_codebook_file(path)
    except (CodebookFormatError, ExchangeFormatError) as exc:
        raise CommandError(f"{path.name}: {exc}") from exc
    except OSError as exc:
        raise CommandError(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc


def write_codebook_path(codebook: Codebook, path: Path, *, overwrite: bool = False) -> Path:
    """Write the codebook as `.qdc` when the name says so, else as Glossator JSON (checked
    and written atomically like every export); returns where it was written."""
    path = check_destination(path, overwrite=overwrite)
    try:
        if path.suffix.lower() == ".qdc":
            write_qdc(ExchangeSet(codebook=codebook), path)
        else:
            write_codebook_file(path, codebook)
    except OSError as exc:
        raise CommandError(f"{path.name}: cannot be written ({exc.strerror or exc})") from exc
    return path
