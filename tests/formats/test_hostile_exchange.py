"""Annotation-set files from strangers: zip slip, zip bombs, XML entities and DTDs, sources
outside the archive, oversized and malformed files are all refused with a clear message."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from glossator.formats import exchange_json
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.jsonl import read_jsonl
from glossator.formats.qdc import read_qdc
from glossator.formats.qdpx import write_qdpx
from glossator.formats.qdpx_reader import read_qdpx
from glossator.formats.registry import read_set
from glossator.formats.safe_zip import SafeZip, ZipLimits, unsafe_name
from glossator.formats.w3c_reader import read_w3c
from tests.formats.test_jsonl import sample_set


def good_project(tmp_path: Path) -> dict[str, bytes]:
    path = tmp_path / "good.qdpx"
    write_qdpx(sample_set(), path)
    with zipfile.ZipFile(path) as archive:
        return {n: archive.read(n) for n in archive.namelist()}


def archive(tmp_path: Path, files: dict[str, bytes], name: str = "bad.qdpx") -> Path:
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for entry, data in files.items():
            out.writestr(entry, data)
    return path


@pytest.mark.parametrize(
    "entry", ["../evil.txt", "Sources/../../evil.txt", "/etc/passwd", "C:\\evil.txt", "\\evil"]
)
def test_zip_slip_names_are_refused(tmp_path: Path, entry: str) -> None:
    files = good_project(tmp_path)
    files[entry] = b"x"
    with pytest.raises(ExchangeFormatError, match=r"refused: entry .* has an? "):
        read_qdpx(archive(tmp_path, files))


def test_unsafe_name() -> None:
    assert unsafe_name("Sources/a.txt") is None and unsafe_name("a..b.txt") is None
    assert unsafe_name("a/../../b") and unsafe_name("") and unsafe_name("a\x00b")


def test_a_zip_bomb_entry_is_refused_before_inflating(tmp_path: Path) -> None:
    files = good_project(tmp_path)
    files["Sources/bomb.txt"] = b"\0" * (20 * 1024 * 1024)  # about 1000 to 1
    with pytest.raises(ExchangeFormatError, match="zip bomb"):
        read_qdpx(archive(tmp_path, files))


def test_entry_count_total_and_entry_size_limits(tmp_path: Path) -> None:
    path = archive(tmp_path, {f"f{i}.txt": b"abc" * 100 for i in range(5)}, "many.zip")
    with pytest.raises(ExchangeFormatError, match="5 entries"):
        SafeZip(path, ZipLimits(entries=4))
    with pytest.raises(ExchangeFormatError, match="in all"):
        SafeZip(path, ZipLimits(total_bytes=1000))
    with pytest.raises(ExchangeFormatError, match="unpacks to"):
        SafeZip(path, ZipLimits(entry_bytes=100))
    with pytest.raises(ExchangeFormatError, match="archive is too large"):
        SafeZip(path, ZipLimits(archive_bytes=10))
    with SafeZip(path) as z:
        assert z.read("f0.txt") == b"abc" * 100


def test_an_encrypted_entry_is_refused(tmp_path: Path) -> None:
    path = archive(tmp_path, {"project.qde": b"<Project/>"}, "locked.qdpx")
    data = bytearray(path.read_bytes())  # set the "encrypted" flag in both headers
    local, central = data.index(b"PK\x03\x04"), data.index(b"PK\x01\x02")
    data[local + 6] |= 0x1
    data[central + 8] |= 0x1
    path.write_bytes(bytes(data))
    with pytest.raises(ExchangeFormatError, match="encrypted"):
        read_qdpx(path)


def test_not_a_zip(tmp_path: Path) -> None:
    path = tmp_path / "fake.qdpx"
    path.write_bytes(b"<Project/>")
    with pytest.raises(ExchangeFormatError, match="not a readable zip archive"):
        read_qdpx(path)
    with pytest.raises(ExchangeFormatError, match=r"no project\.qde"):
        read_qdpx(archive(tmp_path, {"readme.txt": b"hi"}))


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Project [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&lol3;"/>"""

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE Project [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<Project xmlns="urn:QDA-XML:project:1.0" name="&xxe;"/>"""

DTD_ONLY = b"""<?xml version="1.0"?>
<!DOCTYPE Project SYSTEM "http://example.org/project.dtd">
<Project xmlns="urn:QDA-XML:project:1.0" name="x"/>"""


@pytest.mark.parametrize("xml", [BILLION_LAUGHS, XXE, DTD_ONLY])
def test_dtds_and_entities_are_refused(tmp_path: Path, xml: bytes) -> None:
    with pytest.raises(ExchangeFormatError, match="refused: the XML declares a DTD"):
        read_qdpx(archive(tmp_path, {"project.qde": xml}))
    codebook = tmp_path / "codes.qdc"
    codebook.write_bytes(xml.replace(b"Project", b"CodeBook"))
    with pytest.raises(ExchangeFormatError, match="refused: the XML declares a DTD"):
        read_qdc(codebook)


def test_malformed_or_foreign_xml(tmp_path: Path) -> None:
    with pytest.raises(ExchangeFormatError, match="not well-formed XML"):
        read_qdpx(archive(tmp_path, {"project.qde": b"<Project><unclosed></Project>"}))
    with pytest.raises(ExchangeFormatError, match="root element is not <Project>"):
        read_qdpx(archive(tmp_path, {"project.qde": b"<Project/>"}))  # no namespace


def test_sources_outside_the_archive_are_never_read(tmp_path: Path) -> None:
    files = good_project(tmp_path)
    qde = files["project.qde"].decode("utf-8")
    start = qde.index('plainTextPath="') + len('plainTextPath="')
    end = qde.index('"', start)
    for path, message in (
        ("file:///etc/passwd", "outside the project"),
        ("/etc/passwd", "outside the project"),
        ("internal://../../etc/passwd", "missing file"),
    ):
        files["project.qde"] = (qde[:start] + path + qde[end:]).encode("utf-8")
        with pytest.raises(ExchangeFormatError, match=message):
            read_qdpx(archive(tmp_path, files))


def test_selections_outside_the_text_are_refused(tmp_path: Path) -> None:
    files = good_project(tmp_path)
    qde = files["project.qde"].decode("utf-8")
    files["project.qde"] = qde.replace('endPosition="', 'endPosition="9999', 1).encode()
    with pytest.raises(ExchangeFormatError, match="do not fit the source text"):
        read_qdpx(archive(tmp_path, files))
    files["project.qde"] = qde.replace('startPosition="', 'startPosition="-', 1).encode()
    with pytest.raises(ExchangeFormatError, match="negative"):
        read_qdpx(archive(tmp_path, files))


def test_oversized_json_is_refused_unread(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(exchange_json, "MAX_JSON_BYTES", 100)
    path = tmp_path / "big.jsonl"
    path.write_text("{}\n" * 100, "utf-8")
    with pytest.raises(ExchangeFormatError, match="too large"):
        read_jsonl(path)
    path = tmp_path / "big.jsonld"
    path.write_text(" " * 200, "utf-8")
    with pytest.raises(ExchangeFormatError, match="too large"):
        read_w3c(path)


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonld"
    path.write_text("[" * 200_000 + "]" * 200_000, "utf-8")
    with pytest.raises(ExchangeFormatError, match="nested too deeply"):
        read_w3c(path)


def test_unknown_suffix_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ExchangeFormatError, match="cannot tell the format"):
        read_set(tmp_path / "set.docx")
    with pytest.raises(ExchangeFormatError, match="cannot be read"):
        read_set(tmp_path / "missing.jsonl")


def test_a_damaged_deflate_stream_is_refused_not_raised(tmp_path: Path) -> None:
    """A corrupted compressed entry reads as a refusal with its name, not a zlib error."""
    import io

    from glossator.formats.safe_zip import SafeZip

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", "<Project>" + "".join(f"<x n='{i * i}'/>" for i in range(5000))
                   + "</Project>")
    data = bytearray(buffer.getvalue())
    start = data.index(b"project.qde") + len("project.qde")
    data[start + 30 : start + 70] = bytes(40)  # inside the deflated stream
    path = tmp_path / "garbled.qdpx"
    path.write_bytes(bytes(data))
    damaged = pytest.raises(ExchangeFormatError, match=r"project\.qde.*damaged")
    with SafeZip(path) as archive, damaged:
        archive.read("project.qde")


def test_an_entry_compressed_with_an_unsupported_method_is_refused(tmp_path: Path) -> None:
    """Deflate64 (method 9), which Python cannot unpack, is refused up front with a reason,
    for annotation sets and Word documents alike."""
    from glossator.formats.errors import ImportRefused
    from glossator.formats.reports import read_report
    from glossator.formats.safe_zip import SafeZip

    path = tmp_path / "odd.qdpx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("project.qde", "<Project/>" * 50)
    data = bytearray(path.read_bytes())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):  # local, central
        at = data.index(signature)
        data[at + offset : at + offset + 2] = (9).to_bytes(2, "little")
    path.write_bytes(bytes(data))
    with pytest.raises(ExchangeFormatError, match="compression method 9"):
        SafeZip(path)
    with pytest.raises(ImportRefused, match="compression method 9"):
        read_report(bytes(data), "odd.docx")


def _lines_with_surrogate(tmp_path: Path) -> Path:
    good = tmp_path / "good.jsonl"
    from glossator.formats.jsonl import write_jsonl

    write_jsonl(sample_set(), good)
    lines = good.read_text("utf-8").split("\n")
    assert len(lines) >= 3
    lines[2] = lines[2].replace('"quote":"', '"quote":"broken \\ud800 here ', 1)
    assert "\\ud800" in lines[2]
    bad = tmp_path / "bad.jsonl"
    bad.write_text("\n".join(lines), "utf-8")
    return bad


def test_a_lone_surrogate_in_json_lines_is_refused_with_its_line(tmp_path: Path) -> None:
    with pytest.raises(ExchangeFormatError, match=r"bad.jsonl: line 3: .*lone UTF-16 surrogate"):
        read_jsonl(_lines_with_surrogate(tmp_path))


def test_a_lone_surrogate_in_json_ld_is_refused_with_its_line(tmp_path: Path) -> None:
    from glossator.formats.w3c import write_w3c

    good = tmp_path / "good.jsonld"
    write_w3c(sample_set(), good)
    lines = good.read_text("utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if '"exact":"' in line)
    lines[at] = lines[at].replace('"exact":"', '"exact":"\\udc00', 1)
    bad = tmp_path / "bad.jsonld"
    bad.write_text("\n".join(lines), "utf-8")
    with pytest.raises(ExchangeFormatError, match=rf"line {at + 1}: .*lone UTF-16 surrogate"):
        read_w3c(bad)


def test_escaped_backslashes_and_surrogate_pairs_are_text(tmp_path: Path) -> None:
    raw = '{"a": "\\\\ud800 is how you write it", "b": "\\ud83d\\ude00"}'
    value = exchange_json.parse_json(raw, "x.json")
    assert value == {"a": "\\ud800 is how you write it", "b": "\U0001f600"}


def test_a_lone_surrogate_in_a_codebook_is_refused() -> None:
    from glossator.formats.codebook_json import CodebookFormatError, codebook_from_json

    data = b'{"format": "glossator-codebook", "version": 1,\n "tags": [{"name": "x\\ud800"}]}'
    with pytest.raises(CodebookFormatError, match=r"line 2: .*lone UTF-16 surrogate"):
        codebook_from_json(data)


@pytest.mark.parametrize("content", [b"", b"\n\n  \n", b"\xef\xbb\xbf"])
def test_an_empty_json_lines_file_is_refused(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_bytes(content)
    with pytest.raises(ExchangeFormatError, match=r"empty\.jsonl: the file is empty"):
        read_jsonl(path)
