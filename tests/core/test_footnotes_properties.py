"""Property tests: detection recovers exactly the markers and notes a generator inserted."""

from __future__ import annotations

from dataclasses import dataclass

from hypothesis import given, settings
from hypothesis import strategies as st

from glossator.core.footnotes import Marker, Note, detect_footnotes

_WORDS = st.sampled_from(
    [
        "said", "the", "Assad.''", "factions,", "2024", "№5", "😀", "👍🏽", "👩\u200d👩\u200d👧",
        "قال", "المتحدث", "العربية،", "e\u0301", "a\u0323\u0307", "naïve", "«quote»", "x:y",
        "[sic]", "[to see]", "[in Syria]", "[both]", "[legal]", "(1)", "1.", "-", "—", "—3",
    ]
)  # fmt: skip
_BRACKET_LABELS = st.integers(min_value=0, max_value=9999).map(str)
_MARKDOWN_LABELS = st.from_regex(r"[A-Za-z0-9_-]{1,8}|[é数ق][a-z]{0,3}", fullmatch=True)


@dataclass
class _Doc:
    text: str
    markers: list[Marker]
    notes: list[Note]


class _Builder:
    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.markers: list[Marker] = []

    def text(self) -> str:
        return "".join(self.parts)

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def marker(self, label: str, form: str) -> None:
        text = form.format(label)
        self.markers.append(Marker(label, self.length, self.length + len(text)))
        self.add(text)


def _paragraph(draw: st.DrawFn, builder: _Builder, labels: st.SearchStrategy[str], form: str):
    """Words joined by spaces, with markers after random words (never first on the line)."""
    words = draw(st.lists(_WORDS, min_size=1, max_size=8))
    for index, word in enumerate(words):
        if index:
            builder.add(" ")
        builder.add(word)
        for label in draw(st.lists(labels, max_size=2)):
            if draw(st.booleans()) and _may_stand_apart(word, label):
                builder.add(" ")
            builder.marker(label, form)


def _may_stand_apart(word: str, label: str) -> bool:
    """A marker may follow a space, except where the rules read it as something else: a
    year in brackets (doubtful without its note) or a page number after a comma (an index
    entry)."""
    year = len(label) == 4 and label.isdigit() and 1000 <= int(label) <= 2199
    return not year and not word.endswith(",")


@st.composite
def _documents(draw: st.DrawFn, markdown: bool) -> _Doc:
    labels = _MARKDOWN_LABELS if markdown else _BRACKET_LABELS
    marker_form = "[^{}]" if markdown else "[{}]"
    builder = _Builder()
    for index in range(draw(st.integers(min_value=1, max_value=4))):
        if index:
            builder.add("\n\n")
        _paragraph(draw, builder, labels, marker_form)
    cited = list(dict.fromkeys(m.label for m in builder.markers))
    chosen = draw(st.lists(st.sampled_from(cited), unique=True)) if cited else []
    extra = draw(st.lists(labels.filter(lambda label: label not in cited), max_size=3))
    note_labels = draw(st.permutations(chosen + extra))
    notes: list[Note] = []
    for index, label in enumerate(note_labels):
        builder.add("\n\n" if index == 0 or draw(st.booleans()) else "\n")
        start = builder.length
        head = f"[^{label}]: " if markdown else f"[{label}] "
        builder.add(head)
        words = draw(st.lists(_WORDS, min_size=1, max_size=5))
        for index, word in enumerate(words):
            builder.add((" " if index else "") + word)
            if index == 0 and draw(st.booleans()):  # a note citing another note
                builder.marker(draw(labels), marker_form)
        body = builder.text()[start + len(head) :]
        notes.append(Note(label, start, builder.length, start + len(head), body))
    if notes and draw(st.booleans()):  # boilerplate after the notes, still body text
        builder.add("\n\n")
        _paragraph(draw, builder, labels, marker_form)
    text = builder.text()
    if markdown:
        return _Doc(text, builder.markers, notes)
    markers = _without_far_beyond(text, builder.markers, notes)
    covered = sum(note.end - note.start for note in notes)
    if not markers and len(notes) >= 3 and covered > len(text) / 2:
        notes = []  # numbered paragraphs nothing cites: the text's own, not notes
    return _Doc(text, markers, notes)


def _without_far_beyond(text: str, markers: list[Marker], notes: list[Note]) -> list[Marker]:
    """A number standing apart, with no note, far beyond the notes' highest number (over
    twice it and ten more) is a cross-reference, not a marker."""
    if not notes:
        return markers
    labels = {note.label for note in notes}
    highest = max(int(note.label) for note in notes)
    return [
        m
        for m in markers
        if not (
            (m.start == 0 or text[m.start - 1] in " (")
            and m.label not in labels
            and int(m.label) > max(2 * highest, highest + 10)
        )
    ]


def _unique(labels: list[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(labels))


def _check(doc: _Doc, style: str) -> None:
    layout = detect_footnotes(doc.text)
    if not doc.markers and not doc.notes:
        assert layout.style == "none"
        return
    assert layout.style == style
    assert list(layout.markers) == doc.markers
    assert list(layout.notes) == doc.notes
    for marker in layout.markers:
        assert doc.text[marker.start : marker.end].endswith(f"{marker.label}]")
    note_labels = {n.label for n in doc.notes}
    marker_labels = {m.label for m in doc.markers}
    assert layout.missing_notes == _unique(
        [m.label for m in doc.markers if m.label not in note_labels]
    )
    assert layout.uncited_notes == _unique(
        [n.label for n in doc.notes if n.label not in marker_labels]
    )
    for note in layout.notes:
        assert layout.citations(note) == tuple(m for m in doc.markers if m.label == note.label)
    if doc.notes:
        assert layout.body_end <= doc.notes[0].start
        assert not doc.text[layout.body_end : doc.notes[0].start].strip()


@settings(max_examples=300, deadline=None)
@given(_documents(markdown=False))
def test_bracket_style_recovers_inserted_markers_and_notes(doc: _Doc):
    _check(doc, "bracket")


@settings(max_examples=300, deadline=None)
@given(_documents(markdown=True))
def test_markdown_style_recovers_inserted_markers_and_notes(doc: _Doc):
    _check(doc, "markdown")
