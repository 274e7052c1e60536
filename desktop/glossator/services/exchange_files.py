"""Reading an annotation set from a file, the one way every caller does it: the file is
checked (never a live database) and read by the importer its suffix names, or the one
asked for; a refusal is a CommandError with the file's name and the reason."""

from __future__ import annotations

from pathlib import Path

from glossator.core.exchange import ExchangeSet
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.registry import IMPORTERS, importer_for
from glossator.services.commands import CommandError
from glossator.services.destinations import check_source


class SetRefused(CommandError):
    """An annotation-set file that will not be read; the message says why."""


def read_annotation_set(path: Path, format_name: str | None = None) -> ExchangeSet:
    check_source(path)
    try:
        importer = IMPORTERS[format_name] if format_name else importer_for(path)
        return importer.read(path)
    except ExchangeFormatError as exc:
        raise SetRefused(str(exc)) from exc
    except OSError as exc:
        raise SetRefused(f"{path.name}: cannot be read ({exc.strerror or exc})") from exc
