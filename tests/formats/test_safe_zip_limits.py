"""The edges of the safe zip reader, each where a looser check would let an archive through:
names that climb out with backslashes, a name given twice, the encrypted bit alone, the
bomb ratio at and just past its limit, the 1 MiB floor under which the ratio is not asked."""

from __future__ import annotations

import os
import random
import warnings
import zipfile
import zlib
from pathlib import Path

import pytest

from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.safe_zip import SafeZip, ZipLimits, unsafe_name

MiB = 1024 * 1024


def write(path: Path, files: list[tuple[str, bytes]]) -> Path:
    with warnings.catch_warnings():  # a duplicate name warns: it is what is being tested
        warnings.simplefilter("ignore")
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
            for name, data in files:
                out.writestr(name, data)
    return path


def with_ratio(target: int, size: int = 2 * MiB) -> bytes:
    """`size` bytes that deflate to about size / target: a random run, then zeros."""
    rng = random.Random(target)
    noise = size // target
    data = bytes(rng.getrandbits(8) for _ in range(noise)) + b"\0" * (size - noise)
    return data


def packed_size(data: bytes) -> int:
    """The size of `data` deflated as zipfile deflates an entry."""
    compressor = zlib.compressobj(zlib.Z_DEFAULT_COMPRESSION, zlib.DEFLATED, -15)
    return len(compressor.compress(data) + compressor.flush())


def ratio_of(data: bytes) -> int:
    return len(data) // packed_size(data)


@pytest.mark.parametrize("name", ["..\\evil.txt", "Sources\\..\\..\\evil.txt", "a\\..\\b"])
def test_backslash_climbs_are_refused(name: str) -> None:
    assert unsafe_name(name) == "a path that climbs out of the archive (..)"


def test_plain_names_with_dots_or_backslashes_inside_are_kept() -> None:
    assert unsafe_name("Sources\\a.txt") is None
    assert unsafe_name("a..\\b") is None and unsafe_name("ab:c.txt") is None


def test_absolute_and_drive_names_are_refused_for_what_they_are() -> None:
    for name in ("/etc/passwd", "\\evil", "C:\\evil.txt", "c:evil"):
        assert unsafe_name(name) == "an absolute path"
    assert unsafe_name("") == "an empty or NUL-bearing name"


def test_an_entry_given_twice_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "twice.zip", [("a.txt", b"first"), ("a.txt", b"second")])
    with pytest.raises(ExchangeFormatError, match=r"'a\.txt' appears twice"):
        SafeZip(path)


def test_only_the_encryption_bit_refuses_an_entry(tmp_path: Path) -> None:
    def flagged(bits: int) -> Path:
        path = write(tmp_path / f"flag{bits}.zip", [("a.txt", b"hello")])
        data = bytearray(path.read_bytes())
        data[data.index(b"PK\x01\x02") + 8] |= bits  # the central directory's flags
        path.write_bytes(bytes(data))
        return path

    with pytest.raises(ExchangeFormatError, match="encrypted"):
        SafeZip(flagged(0x1))
    with SafeZip(flagged(0x2)) as z:  # a deflate option bit: nothing to refuse
        assert z.names() == ["a.txt"]


def test_the_bomb_ratio_is_refused_just_past_its_limit_not_at_ten_times_it(
    tmp_path: Path,
) -> None:
    data = with_ratio(150)
    assert 100 < ratio_of(data) < 1000  # past the limit, well under a tenfold looser one
    path = write(tmp_path / "bomb.zip", [("b.txt", data)])
    with pytest.raises(ExchangeFormatError, match="zip bomb"):
        SafeZip(path)
    with SafeZip(path, ZipLimits(ratio=1000)) as z:  # a looser limit lets it through
        assert z.read("b.txt") == data


def test_an_entry_just_within_the_ratio_is_read(tmp_path: Path) -> None:
    data = with_ratio(60)
    assert 30 < ratio_of(data) < 100
    path = write(tmp_path / "fine.zip", [("b.txt", data)])
    with SafeZip(path) as z:
        assert z.read("b.txt") == data


def test_the_ratio_is_asked_only_of_entries_over_one_mib(tmp_path: Path) -> None:
    small = b"\0" * MiB  # about 1000 to 1, but small
    half = b"\0" * (MiB // 2)
    path = write(tmp_path / "small.zip", [("s.txt", small), ("h.txt", half)])
    with SafeZip(path) as z:
        assert z.read("s.txt") == small and z.read("h.txt") == half
    path = write(tmp_path / "big.zip", [("s.txt", small + b"\0")])
    with pytest.raises(ExchangeFormatError, match="zip bomb"):
        SafeZip(path)


def test_limits_hold_at_their_edge(tmp_path: Path) -> None:
    files = [(f"f{i}.txt", os.urandom(100)) for i in range(4)]
    path = write(tmp_path / "edge.zip", files)
    size = path.stat().st_size
    with SafeZip(path, ZipLimits(entries=4, total_bytes=400, entry_bytes=100,
                                 archive_bytes=size)) as z:
        assert sorted(z.names()) == [n for n, _ in files]
        assert z.read("f3.txt") == files[3][1]
    with pytest.raises(ExchangeFormatError, match="too large"):
        SafeZip(path, ZipLimits(archive_bytes=size - 1))
    with pytest.raises(ExchangeFormatError, match="in all"):
        SafeZip(path, ZipLimits(total_bytes=399))
    with pytest.raises(ExchangeFormatError, match="unpacks to"):
        SafeZip(path, ZipLimits(entry_bytes=99))


def test_find_ignores_case_and_slashes_and_read_names_a_missing_entry(tmp_path: Path) -> None:
    path = write(tmp_path / "names.zip", [("Sources/A.txt", b"a")])
    with SafeZip(path) as z:
        assert z.find("sources\\a.TXT") == "Sources/A.txt"
        assert z.find("Sources/B.txt") is None
        with pytest.raises(ExchangeFormatError, match=r"has no entry 'B\.txt'"):
            z.read("B.txt")


def test_one_character_names_and_a_bare_drive_are_told_apart() -> None:
    assert unsafe_name("a") is None and unsafe_name(":") is None
    assert unsafe_name("c:") == "an absolute path"


def test_the_ratio_is_counted_in_whole_numbers(tmp_path: Path) -> None:
    """An entry compressed 100.3 to 1 is within "100 to 1": the ratio is rounded down."""
    for target in range(100, 140):  # deflate's output differs a little between zlib builds
        data = with_ratio(target)
        if 100 < len(data) / packed_size(data) < 101:
            break
    else:
        pytest.fail("no entry compressed between 100 and 101 to 1 was found")
    path = write(tmp_path / "edge.zip", [("b.txt", data)])
    with SafeZip(path) as z:
        assert z.read("b.txt") == data
