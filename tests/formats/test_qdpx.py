"""REFI-QDA projects (.qdpx) and codebooks (.qdc): valid against the QDA-XML 1.0 schemas
(`shared/formats/refi-qda/qdasoftware-mrt2019`, beside the repository), stable GUIDs, and a
lossless round trip of our own projects."""

from __future__ import annotations

import uuid
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from glossator.core.exchange import ExchangeSet
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.qdc import read_qdc, write_qdc
from glossator.formats.qdpx import write_qdpx
from glossator.formats.qdpx_meta import GUID_NAMESPACE, guid, split_meta, with_meta
from glossator.formats.qdpx_reader import read_qdpx
from tests.formats.test_jsonl import REPORT_A, REPORT_B, sample_set, without_texts
from tests.shared_files import FORMATS, require

SCHEMAS = FORMATS / "refi-qda" / "qdasoftware-mrt2019"
NS = "{urn:QDA-XML:project:1.0}"


def schema(name: str) -> etree.XMLSchema:
    """The REFI-QDA schema: skipped without it locally, failed without it under CI."""
    path = require(SCHEMAS / name, "the REFI-QDA schema")
    return etree.XMLSchema(etree.parse(str(path)))


def project(tmp_path: Path, s: ExchangeSet | None = None) -> tuple[Path, bytes]:
    path = tmp_path / "set.qdpx"
    write_qdpx(s or sample_set(), path)
    with zipfile.ZipFile(path) as archive:
        return path, archive.read("project.qde")


def test_project_validates_against_the_xsd(tmp_path: Path) -> None:
    xsd = schema("Project-mrt2019.xsd")
    _, qde = project(tmp_path)
    document = etree.fromstring(qde)
    assert xsd.validate(document), xsd.error_log
    assert len(document.findall(f".//{NS}PlainTextSelection")) == 3


def test_empty_set_validates(tmp_path: Path) -> None:
    xsd = schema("Project-mrt2019.xsd")
    _, qde = project(tmp_path, ExchangeSet())
    assert xsd.validate(etree.fromstring(qde)), xsd.error_log


def test_codebook_validates_against_the_codebook_xsd(tmp_path: Path) -> None:
    xsd = schema("Codebook-mrt2019.xsd")
    path = tmp_path / "codes.qdc"
    write_qdc(sample_set(), path)
    assert xsd.validate(etree.parse(str(path))), xsd.error_log
    assert read_qdc(path).codebook == sample_set().codebook


def test_archive_layout_and_positions(tmp_path: Path) -> None:
    path, qde = project(tmp_path)
    with zipfile.ZipFile(path) as archive:
        names = sorted(archive.namelist())
        text_a = archive.read(f"Sources/{REPORT_A.uuid}.txt").decode("utf-8")
    assert names == sorted(
        ["project.qde", f"Sources/{REPORT_A.uuid}.txt", f"Sources/{REPORT_B.uuid}.txt"]
    )
    assert text_a == REPORT_A.text
    root = etree.fromstring(qde)
    source = root.find(f"{NS}Sources/{NS}TextSource[@guid='{REPORT_A.uuid}']")
    assert source.get("plainTextPath") == f"internal://{REPORT_A.uuid}.txt"
    for sel in source.findall(f"{NS}PlainTextSelection"):
        start, end = int(sel.get("startPosition")), int(sel.get("endPosition"))
        assert text_a[start:end] == sel.get("name")  # code points, end exclusive


def test_speakers_and_stances_are_codes_with_stable_guids(tmp_path: Path) -> None:
    _, qde = project(tmp_path)
    root = etree.fromstring(qde)
    codes = {c.get("guid"): c for c in root.iter(f"{NS}Code")}
    speakers = codes[guid("group", "Speakers")]
    assert speakers.get("name") == "Speakers" and speakers.get("isCodable") == "false"
    tamimi = codes[guid("speaker", "Muhammad Al-Tamimi")]
    assert tamimi.getparent() is speakers
    against_iran = codes[guid("stance", "Iran", "against")]
    assert against_iran.get("name") == "against"
    assert against_iran.getparent().get("name") == "Iran"
    assert against_iran.getparent().getparent().get("name") == "Stance"
    blame = codes[guid("tag", "Blame")]
    assert blame.getparent().get("name") == "Politics" and blame.get("color") == "#ffb8b0"
    assert guid("tag", "Blame") == str(uuid.uuid5(GUID_NAMESPACE, "tag:blame"))
    sel = root.find(f".//{NS}PlainTextSelection[@guid='{sample_set().annotations[0].uuid}']")
    coded = {ref.get("targetGUID") for ref in sel.iter(f"{NS}CodeRef")}
    assert coded == {
        guid("tag", "Blame"),
        guid("tag", "Quote"),
        guid("speaker", "Muhammad Al-Tamimi"),
        guid("stance", "Iran", "against"),
        guid("stance", "ISIS", "none"),
    }
    (note_ref,) = sel.findall(f"{NS}NoteRef")
    note = root.find(f"{NS}Notes/{NS}Note[@guid='{note_ref.get('targetGUID')}']")
    assert note.findtext(f"{NS}PlainTextContent") == sample_set().annotations[0].note


def test_exports_are_byte_identical(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    assert project(tmp_path / "a")[1] == project(tmp_path / "b")[1]


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    path, _ = project(tmp_path)
    back = read_qdpx(path)
    assert back.annotations == sample_set().annotations
    assert back.codebook == sample_set().codebook
    assert back.reports == sample_set().reports
    assert back.label == sample_set().label


def test_texts_are_required(tmp_path: Path) -> None:
    with pytest.raises(ExchangeFormatError, match="needs the text"):
        write_qdpx(without_texts(sample_set()), tmp_path / "x.qdpx")


def test_meta_block() -> None:
    text = with_meta("Line one.\n\nLine two.", {"role": "x", "aliases": [], "n": None})
    assert text == 'Line one.\n\nLine two.\n\n[Glossator] {"role":"x"}'
    assert split_meta(text) == ("Line one.\n\nLine two.", {"role": "x"})
    assert split_meta("plain") == ("plain", {})
    assert split_meta("[Glossator] not json") == ("[Glossator] not json", {})


FOREIGN = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="another tool">
<Users><User guid="{A1B2C3D4-0000-4000-8000-000000000001}" name="kim"/></Users>
<CodeBook><Codes>
<Code guid="11111111-1111-4111-8111-111111111111" name="Themes" isCodable="false" color="#abc">
<Description>Top level</Description>
<Code guid="22222222-2222-4222-8222-222222222222" name="Fear" isCodable="true"/>
</Code>
</Codes></CodeBook>
<Sources>
<TextSource guid="33333333-3333-4333-8333-333333333333" name="Interview 1">
<PlainTextContent>Hello fear world</PlainTextContent>
<PlainTextSelection guid="44444444-4444-4444-8444-444444444444" startPosition="6"
 endPosition="10" creatingUser="{A1B2C3D4-0000-4000-8000-000000000001}"
 creationDateTime="2024-01-02T03:04:05Z">
<Coding guid="55555555-5555-4555-8555-555555555555">
<CodeRef targetGUID="22222222-2222-4222-8222-222222222222"/></Coding>
<NoteRef targetGUID="66666666-6666-4666-8666-666666666666"/>
</PlainTextSelection>
</TextSource>
</Sources>
<Notes><Note guid="66666666-6666-4666-8666-666666666666" name="memo">
<PlainTextContent>a memo</PlainTextContent></Note></Notes>
</Project>
"""


def test_a_project_from_another_tool(tmp_path: Path) -> None:
    xsd = schema("Project-mrt2019.xsd")
    assert xsd.validate(etree.fromstring(FOREIGN.encode())), xsd.error_log
    path = tmp_path / "foreign.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", FOREIGN)
    s = read_qdpx(path)
    (a,) = s.annotations
    assert (a.quote, a.tags, a.note, a.author) == ("fear", ("Fear",), "a memo", "kim")
    assert a.created.isoformat() == "2024-01-02T03:04:05+00:00" and a.status == "proposed"
    assert a.report_title == "Interview 1" and s.reports[0].text == "Hello fear world"
    themes, fear = s.codebook.tags
    assert (themes.name, themes.color, themes.description) == ("Themes", "#aabbcc", "Top level")
    assert (fear.name, fear.parent) == ("Fear", "Themes")
    assert s.label == "Interviews"
