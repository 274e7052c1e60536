"""brat standoff: every text-bound span read back by an independent reader matches the text."""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest

from glossator.core.exchange import ExchangeSet
from glossator.formats.brat import brat_name, file_stem, fragments, write_brat
from glossator.formats.exchange_errors import ExchangeFormatError
from tests.formats.test_jsonl import REPORT_A, REPORT_B, sample_set, without_texts


@dataclass
class Span:
    id: str
    type: str
    fragments: list[tuple[int, int]]
    text: str


def parse_ann(ann: str) -> tuple[dict[str, Span], list[list[str]], list[list[str]]]:
    """A small brat standoff reader: T, A and # lines, strict about their shape."""
    spans: dict[str, Span] = {}
    attributes: list[list[str]] = []
    notes: list[list[str]] = []
    for line in ann.split("\n"):
        if not line:
            continue
        ident, rest = line.split("\t", 1)
        if ident.startswith("T"):
            head, text = rest.split("\t", 1)
            kind, offsets = head.split(" ", 1)
            pieces = [tuple(int(x) for x in f.split(" ")) for f in offsets.split(";")]
            assert all(len(p) == 2 for p in pieces), line
            spans[ident] = Span(ident, kind, [(p[0], p[1]) for p in pieces], text)
        elif ident.startswith("A"):
            attributes.append(rest.split(" "))
        elif ident.startswith("#"):
            head, text = rest.split("\t", 1)
            notes.append([*head.split(" "), text])
        else:
            raise AssertionError(f"unexpected line {line!r}")
    return spans, attributes, notes


def check_files(files: dict[str, bytes]) -> dict[str, tuple[str, dict[str, Span]]]:
    conf = files.pop("annotation.conf").decode("utf-8")
    declared = set(re.findall(r"^(\S+)", conf, re.MULTILINE))
    out = {}
    for name in sorted(n for n in files if n.endswith(".ann")):
        text = files[name[:-4] + ".txt"].decode("utf-8")
        spans, attributes, notes = parse_ann(files[name].decode("utf-8"))
        for span in spans.values():
            assert span.type in declared and re.fullmatch(r"[\w-]+", span.type)
            for start, end in span.fragments:
                assert 0 <= start < end <= len(text)
                assert "\n" not in text[start:end]
            assert span.text == " ".join(text[s:e] for s, e in span.fragments)
        for attribute in attributes:
            assert attribute[0] in declared and attribute[1] in spans and len(attribute) == 3
        for note in notes:
            assert note[0] == "AnnotatorNotes" and note[1] in spans
        out[name] = (text, spans)
    return out


def test_folder_export_spans_match_the_text(tmp_path: Path) -> None:
    write_brat(sample_set(), tmp_path / "out")
    files = {p.name: p.read_bytes() for p in (tmp_path / "out").iterdir()}
    assert (
        files[file_stem(REPORT_A.title, REPORT_A.uuid) + ".txt"] == (REPORT_A.text or "").encode()
    )
    checked = check_files(files)
    _, spans_a = checked[file_stem(REPORT_A.title, REPORT_A.uuid) + ".ann"]
    types = sorted(s.type for s in spans_a.values())
    assert types == ["Blame", "Politics", "Quote"]  # one text-bound line per tag


def test_a_span_across_lines_becomes_fragments(tmp_path: Path) -> None:
    write_brat(sample_set(), tmp_path / "out")
    ann = (tmp_path / "out" / (file_stem(REPORT_A.title, REPORT_A.uuid) + ".ann")).read_text()
    spans, _, _ = parse_ann(ann)
    (politics,) = [s for s in spans.values() if s.type == "Politics"]
    assert len(politics.fragments) == 2  # the line break and the blank line are left out
    a = sample_set().annotations[1]
    assert politics.fragments[0][0] == a.start and politics.fragments[-1][1] == a.end


def test_zip_export_attributes_and_notes(tmp_path: Path) -> None:
    path = tmp_path / "set.zip"
    write_brat(sample_set(), path)
    with zipfile.ZipFile(path) as archive:
        files = {n: archive.read(n) for n in archive.namelist()}
    assert len(files) == 5
    ann_b = files[file_stem(REPORT_B.title, REPORT_B.uuid) + ".ann"].decode()
    ann_a = files[file_stem(REPORT_A.title, REPORT_A.uuid) + ".ann"].decode()
    check_files(dict(files))
    assert "\tHighlight " in ann_b  # an annotation without tags
    assert "Speaker T1 Iraqi_officials" in ann_b and "Stance_ISIS T1 against" in ann_b
    assert "Speaker T1 Muhammad_Al-Tamimi" in ann_a and "Stance_Iran T1 against" in ann_a
    assert "Status T1 accepted" in ann_a
    notes = [line for line in ann_a.split("\n") if line.startswith("#")]
    assert notes and all("\n" not in n for n in notes) and "cites notes 1" in notes[0]


def test_helpers() -> None:
    assert fragments("ab\n\ncd", 0, 6) == [(0, 2), (4, 6)]
    assert fragments("\n\n", 0, 2) == []
    assert brat_name("Stance / Iran (new)") == "Stance_Iran_new"
    assert brat_name("!!!", "Tag") == "Tag"


def test_texts_are_required(tmp_path: Path) -> None:
    with pytest.raises(ExchangeFormatError, match="needs the text"):
        write_brat(without_texts(sample_set()), tmp_path / "out")


def test_empty_set(tmp_path: Path) -> None:
    write_brat(ExchangeSet(), tmp_path / "out.zip")
    with zipfile.ZipFile(tmp_path / "out.zip") as archive:
        assert archive.namelist() == ["annotation.conf"]
