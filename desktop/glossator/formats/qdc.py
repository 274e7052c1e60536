"""A REFI-QDA codebook (`.qdc`, QDA-XML codebook 1.0): the codebook alone, coded as in a
`.qdpx` project (tags, the Speakers group, the Stance group), for tools that import codes."""

from __future__ import annotations

from pathlib import Path

from glossator.core.exchange import ExchangeSet, used_codebook
from glossator.formats.exchange_json import read_limited
from glossator.formats.qdpx_codes import code_lines, read_codes
from glossator.formats.qdpx_meta import CODEBOOK_NS, ORIGIN
from glossator.formats.qdpx_reader import MAX_XML_BYTES, guid_reader, parse_xml
from glossator.safe_files import write_bytes


def codebook_xml(s: ExchangeSet) -> str:
    codes = "\n".join(code_lines(used_codebook(s)))
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        f'<CodeBook xmlns="{CODEBOOK_NS}" origin="{ORIGIN}"><Codes>\n{codes}\n</Codes></CodeBook>\n'
    )


def write_qdc(s: ExchangeSet, path: Path) -> None:
    write_bytes(path, codebook_xml(s).encode("utf-8"))


def read_qdc(path: Path) -> ExchangeSet:
    """A set with no annotations and the codebook of the file."""
    root = parse_xml(read_limited(path, MAX_XML_BYTES), path.name, CODEBOOK_NS, "CodeBook")
    codes = root.find(f"{{{CODEBOOK_NS}}}Codes")
    index = read_codes(codes, CODEBOOK_NS, guid_reader(path.name))
    return ExchangeSet(codebook=index.codebook, label=path.stem)
