"""Proposed annotations: mentions of codebook speakers and targets, and attributed quotations.

`suggest` is a pure function of the text and the codebook. A quotation is attributed to the
speaker named before it in its sentence ("X wrote that ''...''"), to one named right after it
("''...,'' said X"), or, when its own sentence names nobody ("He added ''...''"), to the subject
of the closest earlier sentence that names a speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from enum import StrEnum

from glossator.core.codebook import Codebook
from glossator.core.names import NameIndex
from glossator.core.text import paragraphs

# (opening mark, closing marks, marks that are also apostrophes or straight quotes)
_QUOTE_MARKS: tuple[tuple[str, tuple[str, ...], bool], ...] = (
    ("''", ("''",), True),
    ("\u2018\u2018", ("\u2019\u2019",), False),
    ('"', ('"',), True),
    ("\u201c", ("\u201d",), False),
    ("\u00ab", ("\u00bb",), False),
    ("\u201e", ("\u201c", "\u201d"), False),
    ("\u300c", ("\u300d",), False),
    ("\u300e", ("\u300f",), False),
)
_CLOSINGS = {opening: (closings, ambiguous) for opening, closings, ambiguous in _QUOTE_MARKS}
_OPENING = re.compile("|".join(re.escape(opening) for opening, _, _ in _QUOTE_MARKS))
_AFTER_TERMINAL = re.compile(
    r"(?:[\"'\u2019\u201d\u00bb\u300d\u300f)\]]|\[\^?\w{1,4}\]|[\u00b9\u00b2\u00b3\u2070-\u2079]+)*"
    r"(?=\s|$)"
)
_ABBREVIATION = re.compile(
    r"(?<!\S)(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|Maj|Prof|St|Sen|Rep|Gov|No|Jr|Sr|vs|etc|[A-Z]"
    r"|\S*\.\S*)$"
)
_SPEECH_VERBS = (
    r"said|says|say|wrote|writes|write|told|tells|added|adds|stated|states|asserted|asserts|"
    r"argued|argues|claimed|claims|warned|warns|accused|accuses|declared|declares|noted|notes|"
    r"posted|posts|tweeted|tweets|urged|urges|called|calls|demanded|demands|insisted|insists|"
    r"replied|replies|responded|responds|explained|explains|stressed|stresses|emphasized|"
    r"emphasised|continued|continues|promised|promises|announced|announces|threatened|"
    r"threatens|criticized|criticised|praised|praises|denied|denies|affirmed|affirms|"
    r"concluded|concludes|disagreed|disagrees|agreed|agrees|commented|comments|expressed"
)
_SPEECH_AFTER = re.compile(
    rf"^[\s,]*(?:(?:also|further|then|later|has|had|have|\w+ly)\s+){{0,3}}(?:{_SPEECH_VERBS})\b",
    re.IGNORECASE,
)
_SPEECH_BEFORE = re.compile(
    r"\b(?:said|says|wrote|writes|added|adds|replied|continued|according to)[\s,]*$",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"^(?:'s|\u2019s|')(?!\w)")
_PRONOUN = re.compile(r"\b(?:he|she|they|his|her|their|him|them)\b", re.IGNORECASE)
_MAX_LOOKBACK = 3
_SUBJECT_WINDOW = 60


class SuggestionKind(StrEnum):
    MENTION = "mention"
    QUOTE = "quote"


@dataclass(frozen=True, slots=True)
class Suggestion:
    kind: SuggestionKind
    start: int
    end: int
    quote: str
    speaker: str | None
    target: str | None


@dataclass(frozen=True, slots=True)
class Quotation:
    """A quoted passage: `start`/`end` cover the words, `outer_*` include the quote marks."""

    start: int
    end: int
    outer_start: int
    outer_end: int


def _opens(text: str, at: int, mark: str, ambiguous: bool) -> bool:
    if not text.startswith(mark, at):
        return False
    after = at + len(mark)
    if after >= len(text) or text[after].isspace():
        return False
    return not (ambiguous and at > 0 and text[at - 1].isalnum())


def _closes(text: str, at: int, mark: str, ambiguous: bool) -> bool:
    if not text.startswith(mark, at) or text[at - 1].isspace():
        return False
    after = at + len(mark)
    return not (ambiguous and after < len(text) and text[after].isalnum())


def quotations_in(text: str, start: int, end: int) -> list[Quotation]:
    """Quoted passages of `text[start:end]`, one paragraph: quotes never cross its ends."""
    found: list[Quotation] = []
    at = start
    while (match := _OPENING.search(text, at, end)) is not None:
        opening, position = match.group(), match.start()
        closings, ambiguous = _CLOSINGS[opening]
        close = None
        if _opens(text, position, opening, ambiguous):
            close = _find_close(text, position + len(opening), end, closings, ambiguous)
        if close is None:
            at = position + 1
            continue
        inner_start, inner_end = position + len(opening), close[0]
        while inner_start < inner_end and text[inner_start].isspace():
            inner_start += 1
        while inner_end > inner_start and text[inner_end - 1].isspace():
            inner_end -= 1
        found.append(Quotation(inner_start, inner_end, position, close[1]))
        at = close[1]
    return found


def _find_close(
    text: str, at: int, end: int, closings: tuple[str, ...], ambiguous: bool
) -> tuple[int, int] | None:
    best: tuple[int, int] | None = None
    for closing in closings:
        position = text.find(closing, at + 1, end)
        while position != -1 and not _closes(text, position, closing, ambiguous):
            position = text.find(closing, position + 1, end)
        if position != -1 and (best is None or position < best[0]):
            best = (position, position + len(closing))
    return best


def find_quotations(text: str) -> list[Quotation]:
    """Quoted passages of `text`, each within one paragraph, sorted by position."""
    found: list[Quotation] = []
    for start, end in paragraphs(text):
        found += quotations_in(text, start, end)
    return found


def _inside(position: int, quotes: list[Quotation], starts: list[int]) -> Quotation | None:
    """The quotation (marks included) around `position`; `starts` are the quotes' outer starts."""
    index = bisect.bisect_right(starts, position) - 1
    if index >= 0 and position < quotes[index].outer_end:
        return quotes[index]
    return None


def sentences(text: str, quotes: list[Quotation] | None = None) -> list[tuple[int, int]]:
    """Sentence spans: split after . ! ? (and closing marks, footnote markers) before a space.

    Punctuation inside a quotation ends a sentence only when it ends the quotation.
    """
    quotes = find_quotations(text) if quotes is None else quotes
    starts = [q.outer_start for q in quotes]
    spans: list[tuple[int, int]] = []
    for p_start, p_end in paragraphs(text):
        start = p_start
        for match in re.finditer(r"[.!?\u2026]", text[p_start:p_end]):
            position = p_start + match.start()
            quote = _inside(position, quotes, starts)
            if quote is not None and text[position + 1 : quote.end].strip():
                continue
            tail = _AFTER_TERMINAL.match(text, position + 1, p_end)
            if tail is None:
                continue
            follower = text[tail.end() : p_end].lstrip()[:1]
            if follower.islower() or (
                text[position] == "." and _ABBREVIATION.search(text, start, position)
            ):
                continue
            spans.append((start, tail.end()))
            start = tail.end()
            while start < p_end and text[start].isspace():
                start += 1
        if start < p_end:
            spans.append((start, p_end))
    return spans


def _score(text: str, start: int, end: int) -> int:
    """How likely a mention is the one speaking: speech verb 3, plain 2, possessive 1."""
    if _SPEECH_AFTER.match(text[end : end + _SUBJECT_WINDOW]):
        return 3
    if _SPEECH_BEFORE.search(text[max(0, start - _SUBJECT_WINDOW) : start]):
        return 3
    return 1 if _POSSESSIVE.match(text[end : end + 3]) else 2


@dataclass(frozen=True, slots=True)
class _Scene:
    """What attribution looks at: the text, its quotations, sentences and speaker mentions."""

    text: str
    quotes: list[Quotation]
    spans: list[tuple[int, int]]
    mentions: list[tuple[int, int, str]]
    mention_starts: list[int]

    def mentions_within(self, start: int, end: int) -> list[tuple[int, int, str]]:
        first = bisect.bisect_left(self.mention_starts, start)
        last = bisect.bisect_left(self.mention_starts, end)
        return [m for m in self.mentions[first:last] if m[1] <= end]

    def score(self, mention: tuple[int, int, str]) -> int:
        return _score(self.text, mention[0], mention[1])

    def refers_back(self, sentence: int) -> bool:
        words = _outside_quotes(self.text, *self.spans[sentence], self.quotes)
        return _PRONOUN.search(words) is not None


def _attribute(scene: _Scene, quote: Quotation, sentence: int) -> str | None:
    s_start, s_end = scene.spans[sentence]
    before = scene.mentions_within(s_start, quote.outer_start)
    if before:
        return max(reversed(before), key=scene.score)[2]
    after = scene.mentions_within(quote.outer_end, s_end)
    speaking_after = after and scene.score(after[0]) == 3
    if speaking_after and not _PRONOUN.search(scene.text[quote.outer_end : after[0][0]]):
        return after[0][2]
    # Back through earlier sentences: the previous one always; further back only while the
    # quote's sentence and every sentence passed over name someone by a pronoun only
    # ("She wrote ''...'' In a second post she added ''...''").
    for earlier in range(sentence - 1, max(-1, sentence - 1 - _MAX_LOOKBACK), -1):
        if earlier < sentence - 1 and not (
            scene.refers_back(sentence) and scene.refers_back(earlier + 1)
        ):
            return None
        named = scene.mentions_within(*scene.spans[earlier])
        if named:
            return max(named, key=scene.score)[2]
    return None


def _outside_quotes(text: str, start: int, end: int, quotes: list[Quotation]) -> str:
    """The words of `text[start:end]` that are not quoted."""
    pieces: list[str] = []
    for quote in quotes:
        if quote.outer_end <= start or quote.outer_start >= end:
            continue
        pieces.append(text[start : max(start, quote.outer_start)])
        start = max(start, quote.outer_end)
    pieces.append(text[start:end])
    return " ".join(pieces)


def suggest(text: str, codebook: Codebook, *, body_end: int | None = None) -> list[Suggestion]:
    """Mentions of every speaker and target, and quotations before `body_end`, by position."""
    speakers = NameIndex((s.name, s.aliases) for s in codebook.speakers)
    targets = NameIndex((t.name, t.aliases) for t in codebook.targets)
    speaker_hits = speakers.find_all(text)
    result = [
        Suggestion(SuggestionKind.MENTION, start, end, text[start:end], name, None)
        for start, end, name in speaker_hits
    ]
    result += [
        Suggestion(SuggestionKind.MENTION, start, end, text[start:end], None, name)
        for start, end, name in targets.find_all(text)
    ]
    limit = len(text) if body_end is None else body_end
    quotes = [q for q in find_quotations(text) if q.outer_end <= limit and q.start < q.end]
    spans = sentences(text, quotes)
    starts = [q.outer_start for q in quotes]
    outside = [m for m in speaker_hits if _inside(m[0], quotes, starts) is None]
    scene = _Scene(text, quotes, spans, outside, [m[0] for m in outside])
    index = 0
    for quote in quotes:
        while index < len(spans) - 1 and spans[index][1] <= quote.outer_start:
            index += 1
        result.append(
            Suggestion(
                SuggestionKind.QUOTE,
                quote.start,
                quote.end,
                text[quote.start : quote.end],
                _attribute(scene, quote, index),
                None,
            )
        )
    result.sort(key=lambda s: (s.start, s.end, s.kind, s.speaker or "", s.target or ""))
    return result
