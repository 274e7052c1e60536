"""Markdown as blogs and RFCs write it: TOML and YAML front matter is metadata (title and
date, kept out of the text); brackets in code are never footnote markers."""

from __future__ import annotations

import datetime

from glossator.core.footnotes import detect_footnotes
from glossator.formats.markdown_reader import read_markdown
from glossator.formats.reports import read_report


def test_toml_front_matter_gives_title_and_date_and_is_not_text():
    source = (
        '+++\npath = "2022/04/19/post"\ntitle = "Imposter Syndrome"\ndate = 2022-04-19\n\n'
        '[extra]\nteam = "Directors"\n+++\n\n# A heading in the body\n\nBody text.[^1]\n\n'
        "[^1]: The note.\n"
    )
    report = read_report(source.encode(), "post.md")
    assert report.title == "Imposter Syndrome"
    assert report.date == datetime.date(2022, 4, 19)
    assert "+++" not in report.text and "Directors" not in report.text
    assert report.text.startswith("A heading in the body")
    assert detect_footnotes(report.text).missing_notes == ()


def test_yaml_front_matter_gives_title_and_date():
    source = (
        "---\nlayout: post\ntitle: 'Keyword generics: an initiative'\n"
        "date: 2022-07-27 10:00:00 +0000\ntags: [rust, lang]\n---\n\nBody.\n"
    )
    extracted = read_markdown(source)
    assert extracted.title == "Keyword generics: an initiative"
    assert extracted.date == datetime.date(2022, 7, 27)
    assert extracted.text == "Body."


def test_front_matter_without_a_title_keeps_the_first_heading():
    extracted = read_markdown('+++\nauthors = ["X"]\n+++\n\n## Recap\n\nText.')
    assert extracted.title == "Recap"
    assert extracted.date is None


def test_a_horizontal_rule_first_is_not_front_matter():
    assert "Not: [valid: yaml" in read_markdown("---\nNot: [valid: yaml\n---\n\nText.").text
    extracted = read_markdown("---\n\nA paragraph between rules.\n\n---\n\nText after.")
    assert extracted.text == "A paragraph between rules.\n\nText after."


def test_brackets_in_code_are_never_markers():
    source = (
        "Read `values[1]` and see:\n\n```rust\nlet x = v[2];\n```\n\n"
        "- in a list:\n\n  ```\n  arr[3]\n  ```\n\nA real marker[4].\n\n[4] A note in brackets.\n"
    )
    report = read_report(source.encode(), "code.md")
    layout = detect_footnotes(report.text, report.verbatim)
    assert [m.label for m in layout.markers] == ["4"]
    assert layout.missing_notes == ()
    code = [report.text[s:e] for s, e in report.verbatim]
    assert code == ["values[1]", "let x = v[2];", "arr[3]"]


def test_regular_expressions_in_code_are_never_footnotes():
    source = (
        "Strip digits with `[^0-9]`, as here[^note]:\n\n```python\n"
        's = re.sub(r"[^a-z]", "", s)\n[^x]: not a definition\n```\n\n'
        "[^note]: The only note.\n"
    )
    report = read_report(source.encode(), "regex.md")
    layout = detect_footnotes(report.text, report.verbatim)
    assert [m.label for m in layout.markers] == ["note"]
    assert [n.label for n in layout.notes] == ["note"]
    assert layout.missing_notes == () and layout.uncited_notes == ()


def test_a_pandoc_title_block_gives_title_and_date_and_is_not_text():
    source = (
        "% Pandoc Test Suite\n% John MacFarlane; Anonymous\n% July 17, 2006\n\n"
        "# Headers\n\nBody.[^1]\n\n[^1]: A note.\n"
    )
    report = read_report(source.encode(), "testsuite.md")
    assert report.title == "Pandoc Test Suite"
    assert report.date == datetime.date(2006, 7, 17)
    assert "%" not in report.text and "MacFarlane" not in report.text
    assert read_report(b"%d items are shown\n\nBody.", "f.md").title == "%d items are shown"
