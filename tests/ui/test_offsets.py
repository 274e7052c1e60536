"""Code points (what we store) versus UTF-16 units (what Qt counts)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from glossator.ui.reader.offsets import OffsetMap, astral_positions, cp_to_utf16, utf16_to_cp

FAMILY = "👨\u200d👩\u200d👧"  # ZWJ sequence: 3 astral people + 2 joiners = 5 code points
FLAG = "🇮🇶"  # regional indicators: 2 astral code points
ARABIC = "قال المسؤول"
COMBINING = "e\u0301te\u0301"  # "été" with combining acute accents (BMP)


def brute_to_qt(text: str, cp: int) -> int:
    return len(text[:cp].encode("utf-16-le")) // 2


def brute_from_qt(text: str, u16: int) -> int:
    units = 0
    for i, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > u16:
            return i
        units += width
    return len(text)


def test_astral_positions():
    assert astral_positions("a😀b🇮🇶") == [1, 3, 4]
    assert astral_positions("قال") == []


def test_ascii_is_identity():
    m = OffsetMap("hello world")
    assert m.is_identity
    assert [m.to_qt(i) for i in range(12)] == list(range(12))
    assert [m.from_qt(i) for i in range(12)] == list(range(12))


def test_bmp_only_text_is_identity():
    text = ARABIC + COMBINING + "€ – “quoted”"
    m = OffsetMap(text)
    assert m.is_identity
    assert m.utf16_length == len(text)
    assert astral_positions(text) == []


def test_emoji_shifts_following_positions():
    text = "a😀b"
    m = OffsetMap(text)
    assert not m.is_identity
    assert [m.to_qt(i) for i in range(4)] == [0, 1, 3, 4]
    assert [m.from_qt(u) for u in range(5)] == [0, 1, 1, 2, 3]  # 2 is inside the pair
    assert m.utf16_length == 4
    assert [m.from_qt_end(u) for u in range(5)] == [0, 1, 2, 2, 3]


def test_zwj_sequence_and_flag_before_position():
    text = FAMILY + " " + FLAG + " said"
    m = OffsetMap(text)
    said = text.index("said")
    assert said == 5 + 1 + 2 + 1
    assert m.to_qt(said) == said + 3 + 2
    assert m.from_qt(m.to_qt(said)) == said
    assert astral_positions(text) == [0, 2, 4, 6, 7]


def test_arabic_and_combining_marks_before_position():
    text = ARABIC + " " + COMBINING + " 😀 target"
    m = OffsetMap(text)
    target = text.index("target")
    assert m.to_qt(target) == target + 1
    assert m.from_qt(target + 1) == target
    assert cp_to_utf16(text, target) == target + 1
    assert utf16_to_cp(text, target + 1) == target


def test_module_functions_match_map():
    text = "x😀" * 5 + ARABIC + FLAG + "end"
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        assert cp_to_utf16(text, cp) == m.to_qt(cp) == brute_to_qt(text, cp)
    for u in range(m.utf16_length + 1):
        assert utf16_to_cp(text, u) == m.from_qt(u) == brute_from_qt(text, u)


def test_round_trip_every_position():
    text = FAMILY + ARABIC + FLAG + COMBINING + "😀😀" + "tail"
    m = OffsetMap(text)
    for cp in range(len(text) + 1):
        assert m.from_qt(m.to_qt(cp)) == cp


def test_qt_agrees_with_the_map(qapp):
    from PySide6.QtGui import QTextDocument

    text = FAMILY + " " + ARABIC + "\n" + FLAG + COMBINING + " end"
    doc = QTextDocument()
    doc.setPlainText(text)
    m = OffsetMap(text)
    assert doc.characterCount() - 1 == m.utf16_length
    end = text.index("end")
    assert doc.characterAt(m.to_qt(end)) == "e"


def test_long_text_scanned_lazily_in_any_order():
    chunk = "word " * 20_000 + "😀 " + "قال " * 10_000 + "🇮🇶\n"
    text = chunk * 6
    reference = OffsetMap(text)
    assert reference.utf16_length == len(text.encode("utf-16-le")) // 2
    probes = [len(text), 5, len(text) // 2, 100_000, 100_001, 250_000, 0, 1_000]
    far_first = OffsetMap(text)
    near_first = OffsetMap(text)
    for cp in probes:
        assert far_first.to_qt(cp) == brute_to_qt(text, cp)
    for cp in sorted(probes):
        assert near_first.to_qt(cp) == reference.to_qt(cp)
    backwards = OffsetMap(text)
    for u in sorted((reference.to_qt(cp) + 1 for cp in probes if cp < len(text)), reverse=True):
        assert backwards.from_qt(u) == reference.from_qt(u) == brute_from_qt(text, u)


text_strategy = st.text(
    alphabet=st.one_of(
        st.characters(max_codepoint=0x7F),
        st.sampled_from(list(ARABIC + "\u0301\u200d\u2028")),
        st.characters(min_codepoint=0x10000, max_codepoint=0x1FAFF),
        st.sampled_from(["😀", "🇮", "🇶", "👩"]),
    ),
    max_size=60,
)


@given(text_strategy, st.data())
def test_property_against_brute_force(text: str, data: st.DataObject):
    m = OffsetMap(text)
    cp = data.draw(st.integers(min_value=0, max_value=len(text)))
    u16 = data.draw(st.integers(min_value=0, max_value=m.utf16_length))
    assert m.to_qt(cp) == brute_to_qt(text, cp) == cp_to_utf16(text, cp)
    assert m.from_qt(u16) == brute_from_qt(text, u16) == utf16_to_cp(text, u16)
    assert m.from_qt(m.to_qt(cp)) == cp
    assert m.utf16_length == len(text.encode("utf-16-le")) // 2
