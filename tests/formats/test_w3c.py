"""W3C Web Annotation JSON-LD: the shape other tools read, our own lossless round trip, and
annotations written by other tools."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from glossator.core.exchange import EPOCH, ExchangeSet
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.w3c import ANNO_CONTEXT, write_w3c
from glossator.formats.w3c_reader import read_w3c, uuid_of
from tests.formats.test_jsonl import REPORT_A, sample_set, without_texts


def exported(tmp_path: Path, s: ExchangeSet | None = None) -> dict[str, Any]:
    path = tmp_path / "set.jsonld"
    write_w3c(s or sample_set(), path)
    document: dict[str, Any] = json.loads(path.read_text("utf-8"))
    return document


def test_round_trip_is_lossless(tmp_path: Path) -> None:
    s = sample_set()
    path = tmp_path / "set.jsonld"
    write_w3c(s, path)
    assert read_w3c(path) == without_texts(s)


def test_writing_twice_gives_the_same_bytes(tmp_path: Path) -> None:
    write_w3c(sample_set(), tmp_path / "a.jsonld")
    write_w3c(sample_set(), tmp_path / "b.jsonld")
    assert (tmp_path / "a.jsonld").read_bytes() == (tmp_path / "b.jsonld").read_bytes()


def test_collection_page_and_annotation_shape(tmp_path: Path) -> None:
    doc = exported(tmp_path)
    assert doc["type"] == "AnnotationCollection" and ANNO_CONTEXT in doc["@context"]
    assert doc["id"].startswith("urn:uuid:") and doc["total"] == 3
    page = doc["first"]
    assert page["type"] == "AnnotationPage" and page["partOf"] == doc["id"]
    first = page["items"][0]
    assert first["@context"][0] == ANNO_CONTEXT
    assert first["id"] == "urn:uuid:1f0c3a52-8d4e-4f6b-9a1c-2b3d4e5f6a7b"
    assert first["type"] == "Annotation" and first["motivation"] == "commenting"
    assert first["creator"] == {"type": "Person", "name": "ana"}
    assert first["created"] == "2026-03-01T09:30:15.123456Z"
    target = first["target"]
    assert target["source"] == f"urn:uuid:{REPORT_A.uuid}"
    quote, position = target["selector"]
    assert quote["type"] == "TextQuoteSelector" and quote["exact"] == "Iran abandoned us"
    assert position == {
        "type": "TextPositionSelector",
        "start": sample_set().annotations[0].start,
        "end": sample_set().annotations[0].end,
    }
    purposes = [(b["purpose"], b["value"]) for b in first["body"]]
    assert ("tagging", "Blame") in purposes and ("tagging", "Quote") in purposes
    assert ("identifying", "Muhammad Al-Tamimi") in purposes
    assert ("classifying", "Iran=against(2)") in purposes
    assert ("commenting", sample_set().annotations[0].note) in purposes
    assert first["glossator:status"] == "accepted" and first["glossator:cites"] == ["1"]


def test_positions_count_code_points(tmp_path: Path) -> None:
    doc = exported(tmp_path)
    second = doc["first"]["items"][1]
    _, position = second["target"]["selector"]
    text = REPORT_A.text or ""
    assert text[position["start"] : position["end"]] == second["target"]["selector"][0]["exact"]
    assert "\U0001f525" in second["target"]["selector"][0]["exact"]


def test_annotations_from_another_tool(tmp_path: Path) -> None:
    foreign = {
        "@context": "http://www.w3.org/ns/anno.jsonld",
        "type": "AnnotationPage",
        "items": [
            {
                "@context": "http://www.w3.org/ns/anno.jsonld",
                "id": "https://example.org/anno/17",
                "type": "Annotation",
                "creator": [{"type": "Person", "nickname": "kim"}],
                "created": "2025-05-01T10:00:00+02:00",
                "bodyValue": "a plain comment",
                "body": [{"type": "TextualBody", "value": "Blame", "purpose": "tagging"}],
                "target": {
                    "source": "https://example.org/reports/a.txt",
                    "selector": [
                        {"type": "TextPositionSelector", "start": 3, "end": 9},
                        {"type": "TextQuoteSelector", "exact": "itia l"},
                    ],
                },
            }
        ],
    }
    path = tmp_path / "foreign.json"
    path.write_text(json.dumps(foreign), "utf-8")
    (a,) = read_w3c(path).annotations
    assert a.uuid == uuid_of("https://example.org/anno/17") and len(a.uuid) == 36
    assert a.tags == ("Blame",) and a.note == "a plain comment" and a.author == "kim"
    assert (a.start, a.end, a.quote) == (3, 9, "itia l")
    assert a.created.isoformat() == "2025-05-01T08:00:00+00:00" and a.modified == a.created
    assert a.status == "proposed" and a.created != EPOCH


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ({"type": "AnnotationCollection", "total": 5, "first": "https://x/page1"}, "never fetched"),
        ({"type": "Person"}, "not a Web Annotation document"),
        ({"type": "Annotation", "id": "urn:x", "target": "https://x"}, "no target"),
        (
            {
                "type": "Annotation",
                "id": "urn:x",
                "target": {"source": "https://x", "selector": {"type": "TextQuoteSelector"}},
            },
            "no TextPositionSelector",
        ),
        (
            {
                "type": "Annotation",
                "id": "urn:x",
                "target": {
                    "source": "https://x",
                    "selector": {"type": "TextPositionSelector", "start": 5, "end": 2},
                },
            },
            "empty or reversed",
        ),
    ],
)
def test_documents_it_will_not_read(tmp_path: Path, document: dict[str, Any], message: str) -> None:
    path = tmp_path / "bad.jsonld"
    path.write_text(json.dumps(document), "utf-8")
    with pytest.raises(ExchangeFormatError, match=message):
        read_w3c(path)


def test_malformed_json_names_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.jsonld"
    path.write_text('{\n  "type": "AnnotationCollection",\n  "total": ,\n}', "utf-8")
    with pytest.raises(ExchangeFormatError, match="line 3, column 12: not valid JSON"):
        read_w3c(path)
