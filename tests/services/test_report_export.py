"""A report with its annotations as standalone HTML, read back by independent parsers:
html5lib (WHATWG, strict: any parse error fails) and lxml.html. Every highlighted quote is
in the page once, with its tags; nothing is fetched and nothing hostile gets through."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from glossator.services import CommandError, Workspace
from glossator.services.analysis import Analysis
from glossator.services.annotation_edit import AnnotationFields, EditAnnotation
from glossator.services.destinations import DestinationExists
from glossator.services.memos import AddMemo
from glossator.services.passage_filters import PassageQuery
from tests.services.planted import QUOTES, Planted, plant

html5lib = pytest.importorskip("html5lib", reason="html5lib (a test dependency) parses HTML5")
lxml_html = pytest.importorskip("lxml.html")


@pytest.fixture
def planted(ws: Workspace) -> Planted:
    return plant(ws)


def parse_strict(data: str) -> Any:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(data)


def squash(text: str) -> str:
    return " ".join(text.split())


def test_every_quote_once_with_its_tags(ws: Workspace, planted: Planted, tmp_path: Path) -> None:
    h = planted.reports["H"]
    dest = Analysis(ws).export_report(h, tmp_path / "port.html")
    data = dest.read_text("utf-8")
    parse_strict(data)  # raises on any parse error
    doc = lxml_html.fromstring(data)
    # H holds h1 h2 h3 h4, numbered in order of start.
    expected = {1: "h1", 2: "h2", 3: "h3", 4: "h4"}
    tags = {  # in codebook order
        "h1": "Accusation / Betrayal", "h2": "Evaluation / Criticism; Quote",
            "h3": "Accusation / Betrayal; Quote", "h4": "Event; Quote"}
    for n, key in expected.items():
        marks = doc.xpath(f'//section[@id="text"]//mark[@data-ann="{n}"]')
        assert marks, key
        quote = "".join("".join(m.itertext()) if m.find("mark") is None else _own_text(m)
                        for m in marks)
        assert squash(quote) == squash(QUOTES[key][1]), key
        assert {m.get("data-tags") for m in marks} == {tags[key]}
        (entry,) = doc.xpath(f'//li[@id="ann-{n}"]')
        labels = squash("".join(entry.itertext()))
        for tag in tags[key].split("; "):
            assert tag in labels
        (ref,) = doc.xpath(f'//sup/a[@href="#ann-{n}"]')  # one reference per passage
        assert ref.get("id") == f"ref-{n}"
    assert len(doc.xpath("//sup[@class='ref']")) == 4
    entry3 = squash("".join(doc.xpath('//li[@id="ann-3"]')[0].itertext()))
    assert "Speaker: Idris Varga (Coastal League)" in entry3 and "Stance: Iran=against" in entry3
    # The text is all there, in paragraphs, and each quote's text occurs once in it.
    text = squash("".join(doc.xpath('//section[@id="text"]')[0].itertext()))
    for key in ("h1", "h2"):
        assert text.count(squash(QUOTES[key][1])) == 1
    # The report's notes are linked: a marker goes to its note, a cited note is linked.
    targets = {a.get("href")[1:] for a in doc.xpath('//a[@class="marker"]')}
    assert targets and all(doc.xpath(f'//*[@id="{t}"]') for t in targets)
    (cites,) = doc.xpath('//li[@id="ann-1"]//div[@class="cites"]')
    assert "Velmora Daily" in "".join(cites.itertext())
    assert doc.xpath('//li[@id="ann-1"]//div[@class="cites"]/a/@href') == ["#note-1"]
    # The legend lists each tag used, with its colour.
    legend = squash("".join(doc.xpath('//section[@id="legend"]')[0].itertext()))
    for tag in ("Accusation / Betrayal (2)", "Event (1)", "Evaluation / Criticism (1)",
                "Quote (3)"):
        assert tag in legend


def _own_text(mark: Any) -> str:
    """The text of an outer mark: its inner marks hold the same text, read once."""
    return "".join(mark.itertext())


def test_the_page_fetches_nothing_and_escapes_everything(
    ws: Workspace, planted: Planted, tmp_path: Path
) -> None:
    hostile = '<script>alert(1)</script><img src="http://example.invalid/x.png"> & "x"'
    ws.run(EditAnnotation(planted.ids["b1"], AnnotationFields(note=hostile)))
    memo = ("Memo <iframe src=//evil></iframe> **firm** ![x](http://example.invalid/y.png) "
            "[run](javascript:alert(1)) [source](https://example.invalid/page)")
    ws.run(AddMemo("report", planted.reports["B"], memo, "Title <b>bold</b>"))
    dest = Analysis(ws).export_report(planted.reports["B"], tmp_path / "b.html")
    data = dest.read_text("utf-8")
    parse_strict(data)
    doc = lxml_html.fromstring(data)
    assert not doc.xpath("//script | //img | //iframe | //object | //embed | //link")
    for attr in ("src", "srcset", "action", "formaction"):
        assert not doc.xpath(f"//@{attr}")
    assert all(h.startswith("#") for h in doc.xpath("//@href[not(ancestor::*[@id='memos'])]"))
    # a memo is Markdown: its emphasis shown, its links kept as links (never fetched), but
    # no image and no javascript: link
    assert doc.xpath("//section[@id='memos']//strong/text()") == ["firm"]
    assert doc.xpath("//section[@id='memos']//a/@href") == [
        "http://example.invalid/y.png", "https://example.invalid/page"]
    policy = doc.xpath('//meta[@http-equiv="Content-Security-Policy"]/@content')
    assert policy == ["default-src 'none'; style-src 'unsafe-inline'"]
    page = "".join(doc.itertext())
    assert hostile in page  # shown as text
    assert "Memo <iframe src=//evil></iframe>" in page and "Title <b>bold</b>" in page
    assert "[run](javascript:alert(1))" in page
    assert not re.search(r"url\(", data)


def test_rejected_ones_are_left_out_unless_asked(
    ws: Workspace, planted: Planted, tmp_path: Path
) -> None:
    a = planted.reports["A"]
    default = lxml_html.fromstring(Analysis(ws).export_report(
        a, tmp_path / "a.html").read_text("utf-8"))
    assert len(default.xpath("//li[starts-with(@id, 'ann-')]")) == 4  # a1-a4, not a5
    accepted = lxml_html.fromstring(Analysis(ws).export_report(
        a, tmp_path / "final.html", statuses=("accepted",)).read_text("utf-8"))
    assert len(accepted.xpath("//li[starts-with(@id, 'ann-')]")) == 1


def test_an_existing_file_is_kept_unless_replacing_is_asked(
    ws: Workspace, planted: Planted, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    dest = tmp_path / "out" / "r.html"
    dest.write_text("keep me", "utf-8")
    with pytest.raises(DestinationExists):
        Analysis(ws).export_report(planted.reports["R"], dest)
    assert dest.read_text("utf-8") == "keep me"
    Analysis(ws).export_report(planted.reports["R"], dest, overwrite=True)
    assert "River Council" in dest.read_text("utf-8")
    assert [p.name for p in dest.parent.iterdir()] == ["r.html"]  # nothing left beside
    with pytest.raises(CommandError, match="does not exist"):
        Analysis(ws).export_report(999, tmp_path / "none.html")


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "jsonl"])
def test_passage_documents_parse_and_hold_every_passage(
    ws: Workspace, planted: Planted, tmp_path: Path, fmt: str
) -> None:
    import csv
    import json

    from markdown_it import MarkdownIt

    dest = tmp_path / f"passages.{fmt}"
    n = Analysis(ws).export_passages(PassageQuery(), fmt, dest, by="speaker")
    assert n == 12
    data = dest.read_text("utf-8-sig")
    quotes = [QUOTES[k][1] for k in QUOTES if k != "a5"]
    if fmt == "csv":
        rows = list(csv.DictReader(data.splitlines()))
        assert sorted(r["quote"] for r in rows) == sorted(quotes)
        return
    if fmt == "jsonl":
        lines = [json.loads(line) for line in data.splitlines()]
        assert lines[0]["type"] == "glossator-passages"
        assert sorted(x["quote"] for x in lines[1:]) == sorted(quotes)
        return
    html = data if fmt == "html" else MarkdownIt("commonmark").render(data)
    if fmt == "html":
        parse_strict(html)
    doc = lxml_html.fromstring(html)
    shown = doc.xpath("//blockquote//mark" if fmt == "html" else "//blockquote//strong")
    # grouped by speaker, each passage is listed once: its quote highlighted once
    assert sorted(squash("".join(m.itertext())) for m in shown) == sorted(map(squash, quotes))
    headings = [squash("".join(h.itertext())) for h in doc.xpath("//h2")]
    assert headings[0].startswith("Idris Varga (Coastal League)")
    assert headings[-1].startswith("(no speaker)")

