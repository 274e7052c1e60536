"""Names and aliases: a folding key, Arabic-article variants, and an index that finds names in text.

Folding makes matching insensitive to case, accents and combining marks, the various apostrophes
and hyphens, and runs of white space. Offsets reported by `NameIndex.find_all` are code points of
the original text, so they can be stored as annotation spans as they are.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata
from collections.abc import Iterable, Sequence

_APOSTROPHES = "\u2019\u2018\u02bc\u02bb\u2032\u00b4`\u201b"
_DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb"
_HYPHENS = "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe63\uff0d"
_CHAR_MAP = str.maketrans(
    {
        **dict.fromkeys(_APOSTROPHES, "'"),
        **dict.fromkeys(_DOUBLE_QUOTES, '"'),
        **dict.fromkeys(_HYPHENS, "-"),
    }
)

# Arabic definite article as it appears in transliterated names: "Al-", "al-", "El-", "Al ",
# and the assimilated forms before sun letters ("Ash-Sham", "Az-Zaydi") when the consonant doubles.
_ARTICLE_HYPHEN = re.compile(r"^(?P<article>[AaEe]l|[Aa](?:sh|th|dh|[dnrstz]))-(?P<base>\w.*)$")
_ARTICLE_WORD = re.compile(r"^[AaEe]l$")
_MAX_ARTICLE_WORDS = 3
_MIN_BASE_LETTERS = 3
_FORMS_PER_ARTICLE_WORD = 6

SCAN_CHUNK = 32_768  # folded characters searched for names per call of the matcher
_FUZZY_CUTOFF = 80.0
_FUZZY_MIN_QUERY = 4


@functools.cache
def _fold_char(char: str) -> str:
    """The folded form of one code point: possibly empty, possibly several characters."""
    if unicodedata.category(char) == "Cf":
        return ""
    if char.isspace():
        return " "
    folded = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", char).casefold())
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded.translate(_CHAR_MAP)


def name_key(name: str) -> str:
    """The comparison key of a name: folded case, accents, quotes, hyphens and spaces."""
    folded = "".join(_fold_char(c) for c in name)
    return " ".join(folded.split())


def fold_with_map(text: str) -> tuple[str, FoldOrigin | None]:
    """Fold `text` character by character as `name_key` does, with each index's origin.

    Every white-space character becomes one space (runs are not collapsed). The second value
    gives, for each folded character, its index in `text`; it is None when the indexes are the
    same, as they are unless some character folds to nothing or to several characters.
    """
    return _fold_with_map(text)


class FoldOrigin:
    """For each index of a folded text, the index in the original it comes from, kept only
    for the few characters that fold to nothing or to several (the rest map one to one)."""

    __slots__ = ("_folded_at", "_length", "_original", "_size")

    def __init__(self, text: str, lengths: dict[str, int], size: int) -> None:
        odd = "".join(re.escape(c) for c, n in lengths.items() if n != 1)
        self._folded_at: list[int] = []  # where each such character's folded piece starts
        self._original: list[int] = []
        self._length: list[int] = []
        self._size = size
        shift = 0  # folded index minus original index, so far
        for found in re.finditer(f"[{odd}]", text):
            i = found.start()
            n = lengths[text[i]]
            self._folded_at.append(i + shift)
            self._original.append(i)
            self._length.append(n)
            shift += n - 1

    def __len__(self) -> int:
        return self._size

    def __getitem__(self, folded: int) -> int:
        if not 0 <= folded < self._size:
            raise IndexError(folded)
        k = bisect.bisect_right(self._folded_at, folded) - 1
        if k < 0:
            return folded
        at, original, length = self._folded_at[k], self._original[k], self._length[k]
        return original if folded < at + length else original + 1 + (folded - at - length)


@functools.lru_cache(maxsize=1)  # speakers, then targets, are looked for in the same text
def _fold_with_map(text: str) -> tuple[str, FoldOrigin | None]:
    # Each distinct character is folded once and the text translated in C: a 1 MB report
    # went from half a second per call (a Python call per character) to a few milliseconds.
    # Both passes go a stretch at a time: each call holds the interpreter, and a search on
    # another thread must not keep the window's thread out for a megabyte's worth.
    stretches = range(0, len(text), SCAN_CHUNK)
    chars: set[str] = set()
    for first in stretches:
        chars.update(text[first : first + SCAN_CHUNK])
    table = {ord(c): _fold_char(c) for c in chars}
    folded = "".join(text[first : first + SCAN_CHUNK].translate(table) for first in stretches)
    if all(len(piece) == 1 for piece in table.values()):
        return folded, None
    lengths = {chr(code): len(piece) for code, piece in table.items()}
    return folded, FoldOrigin(text, lengths, len(folded))


def _word_forms(word: str) -> tuple[str, ...]:
    """The spellings of one word of a name: itself alone, or six forms of an article word.

    The six forms, in this order: as written, without the article, "Al-", "al-", "Al " and "El-".
    """
    match = _ARTICLE_HYPHEN.match(word)
    if match is None:
        return (word,)
    article, base = match["article"], match["base"]
    assimilated = article.lower() not in ("al", "el")
    if assimilated and not base.lower().startswith(article[1:].lower()):
        return (word,)
    if sum(c.isalpha() for c in base) < _MIN_BASE_LETTERS:
        return (word,)
    return (word, base, f"Al-{base}", f"al-{base}", f"Al {base}", f"El-{base}")


def article_variants(name: str) -> set[str]:
    """Spellings of `name` with and without the Arabic article on each word that carries one.

    "Al-Tamimi" gives {"Al-Tamimi", "Tamimi", "al-Tamimi", "Al Tamimi", "El-Tamimi"}; "Muhammad
    Al-Tamimi" keeps its first name in every variant. A separate article word ("Al Tamimi") is
    handled like a hyphenated one. Names with many article words vary only all together.
    """
    words = name.split()
    merged: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        if _ARTICLE_WORD.match(word) and index + 1 < len(words) and words[index + 1][:1].isupper():
            merged.append(f"{word}-{words[index + 1]}")
            index += 2
        else:
            merged.append(word)
            index += 1
    options = [_word_forms(word) for word in merged]
    article_words = sum(len(forms) > 1 for forms in options)
    variants = {name}
    if article_words == 0:
        return variants
    if article_words <= _MAX_ARTICLE_WORDS:
        for combination in itertools.product(*options):
            variants.add(" ".join(combination))
        return variants
    for position in range(_FORMS_PER_ARTICLE_WORD):
        variants.add(" ".join(forms[position] if len(forms) > 1 else forms[0] for forms in options))
    return variants


class NameIndex:
    """Registered names and their aliases, matched in running text and for type-ahead."""

    def __init__(self, entries: Iterable[tuple[str, Sequence[str]]]) -> None:
        self._canonicals: list[str] = []
        self._forms: dict[str, list[str]] = {}
        self._by_key: dict[str, str] = {}
        for canonical, aliases in entries:
            if canonical not in self._forms:
                self._canonicals.append(canonical)
                self._forms[canonical] = []
            for spelling in (canonical, *aliases):
                if not spelling.strip():
                    continue
                self._forms[canonical].append(spelling)
                for variant in article_variants(spelling):
                    key = name_key(variant)
                    if key:
                        self._by_key.setdefault(key, canonical)
        keys = sorted(self._by_key, key=lambda k: (-len(k), k))
        self._longest = len(keys[0]) if keys else 0
        self._pattern: re.Pattern[str] | None = None
        if keys:
            alternation = "|".join(re.escape(key).replace(r"\ ", " +") for key in keys)
            self._pattern = re.compile(rf"(?<!\w)(?=({alternation})(?!\w))")

    @property
    def canonicals(self) -> tuple[str, ...]:
        return tuple(self._canonicals)

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """Every non-overlapping occurrence of a registered name, longest first, sorted by start.

        Matching ignores case, accents, apostrophe and hyphen styles; a name matches only as
        whole words ("Iran" is not found inside "Iranian"). Offsets index the original `text`.
        """
        if self._pattern is None or not text:
            return []
        folded, origin = fold_with_map(text)
        candidates = self._candidates(folded)
        candidates.sort(key=lambda c: (c[0] - c[1], c[0]))
        claimed = bytearray(len(folded))
        found: list[tuple[int, int, str]] = []
        for start, end, key in candidates:
            if claimed.find(1, start, end) != -1:
                continue
            claimed[start:end] = b"\x01" * (end - start)
            if origin is not None:
                start, end = origin[start], origin[end - 1] + 1
            found.append((start, end, self._by_key[name_key(key)]))
        found.sort()
        return found

    def _candidates(self, folded: str) -> list[tuple[int, int, str]]:
        """Every place a name starts, and the longest name there. A long text is scanned a
        stretch at a time (each call of the matcher holds the interpreter, so a search
        running beside the window must not scan a megabyte in one call); each stretch is
        read on as far as a name starting in it could reach, so the places are the same."""
        assert self._pattern is not None
        size = len(folded)
        spaces = 1  # a space of a name matches a run of spaces: how long the runs get
        while size > SCAN_CHUNK and " " * (spaces + 1) in folded:
            spaces += 1
        reach = self._longest * spaces + 2  # past a name's last character, and one more
        found: list[tuple[int, int, str]] = []
        for first in range(0, max(size, 1), SCAN_CHUNK):
            last = min(size, first + SCAN_CHUNK)
            for match in self._pattern.finditer(folded, first, min(size, last + reach)):
                if match.start() >= last:
                    break
                start, end = match.span(1)
                found.append((start, end, match.group(1)))
        return found

    def lookup(self, query: str) -> list[str]:
        """Canonical names for a type-ahead query, best first.

        Ranking: exact name or alias, then a name or alias starting with the query, then one of
        its words starting with it, then containing it, then close fuzzy matches.
        """
        wanted = name_key(query)
        if not wanted:
            return sorted(self._canonicals, key=name_key)
        ranked: list[tuple[float, str, str]] = []
        for canonical in self._canonicals:
            rank = self._rank(wanted, canonical)
            if rank is not None:
                ranked.append((rank, name_key(canonical), canonical))
        ranked.sort()
        return [canonical for _, _, canonical in ranked]

    def _rank(self, wanted: str, canonical: str) -> float | None:
        best: float | None = None
        for spelling in self._forms[canonical]:
            for variant in article_variants(spelling):
                score = _rank_spelling(wanted, name_key(variant))
                if score is not None and (best is None or score < best):
                    best = score
        return best


def _rank_spelling(wanted: str, key: str) -> float | None:
    """Lower is better: 0 exact, 1 prefix, 2 word prefix, 3 substring, 4+ fuzzy; None no match."""
    if key == wanted:
        return 0.0
    if key.startswith(wanted):
        return 1.0
    words = re.split(r"[\s\-']+", key)
    if any(word.startswith(wanted) for word in words):
        return 2.0
    if wanted in key:
        return 3.0
    if len(wanted) < _FUZZY_MIN_QUERY:
        return None
    from rapidfuzz import fuzz  # first fuzzy match only: start-up does not pay for it

    score = float(fuzz.partial_ratio(wanted, key))
    if score < _FUZZY_CUTOFF:
        return None
    return 4.0 + (100.0 - score) / 100.0
