"""The limits a .qdpx project is read within by default (README, "Exchanging annotation
sets"), each at its edge: the archive at most 1 GiB, 50,000 entries, 512 MiB per entry
unpacked and 2 GiB in all. Sizes are what the archive declares, so the large ones are
declared, not written: the checks come before a byte is inflated."""

from __future__ import annotations

import dataclasses
import zipfile
from pathlib import Path

import pytest

from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.safe_zip import DEFAULT_LIMITS, SafeZip

MiB = 1024 * 1024
CENTRAL = b"PK\x01\x02"


def declared(path: Path, sizes: dict[str, tuple[int, int]]) -> Path:
    """Rewrite the central directory so that each named entry declares (unpacked,
    compressed) sizes of our choosing; what follows the directory is never read."""
    data = bytearray(path.read_bytes())
    at = data.find(CENTRAL)
    while at >= 0:
        length = int.from_bytes(data[at + 28 : at + 30], "little")
        name = data[at + 46 : at + 46 + length].decode()
        if name in sizes:
            unpacked, packed = sizes[name]
            data[at + 20 : at + 24] = packed.to_bytes(4, "little")
            data[at + 24 : at + 28] = unpacked.to_bytes(4, "little")
        at = data.find(CENTRAL, at + 4)
    path.write_bytes(bytes(data))
    return path


def archive(path: Path, names: list[str]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name in names:
            z.writestr(name, b"x")
    return path


def test_an_archive_of_one_gib_is_opened_and_one_byte_more_is_refused_unread(
    tmp_path: Path,
) -> None:
    edge = tmp_path / "edge.qdpx"
    with edge.open("wb") as f:  # sparse: a size on disk, no bytes written
        f.truncate(1024 * MiB)
    with pytest.raises(ExchangeFormatError, match="not a readable zip archive"):
        SafeZip(edge)  # past the size check: it is opened, and is not a zip
    over = tmp_path / "over.qdpx"
    with over.open("wb") as f:
        f.truncate(1024 * MiB + 1)
    with pytest.raises(ExchangeFormatError, match=r"the limit is 1,024 MiB\)"):
        SafeZip(over)


def test_the_entry_past_fifty_thousand_is_refused(tmp_path: Path) -> None:
    names = [f"{i}.txt" for i in range(50_001)]
    with pytest.raises(ExchangeFormatError, match=r"50,001 entries \(the limit is 50,000\)"):
        SafeZip(archive(tmp_path / "over.zip", names))


def test_an_entry_of_512_mib_is_opened_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    packed = 6 * MiB  # well within the ratio: the size alone decides
    edge = declared(archive(tmp_path / "edge.zip", ["a.txt"]), {"a.txt": (512 * MiB, packed)})
    with SafeZip(edge) as z:
        assert z.names() == ["a.txt"]
    over = declared(archive(tmp_path / "over.zip", ["a.txt"]),
                    {"a.txt": (512 * MiB + 1, packed)})
    with pytest.raises(ExchangeFormatError, match=r"'a\.txt' unpacks to .*the limit is 512 MiB"):
        SafeZip(over)


def test_two_gib_in_all_are_opened_and_one_byte_more_is_refused(tmp_path: Path) -> None:
    four = {f"{i}.txt": (512 * MiB, 6 * MiB) for i in range(4)}
    edge = declared(archive(tmp_path / "edge.zip", list(four)), four)
    with SafeZip(edge) as z:
        assert sorted(z.names()) == sorted(four)
    over = declared(archive(tmp_path / "over.zip", [*four, "extra.txt"]),
                    {**four, "extra.txt": (1, 1)})
    with pytest.raises(ExchangeFormatError, match=r"in all \(the limit is 2,048 MiB\)"):
        SafeZip(over)


def test_the_limits_cannot_be_changed_in_place() -> None:
    """Every archive shares DEFAULT_LIMITS: a caller that loosened them would loosen them
    for all; they are frozen, and a looser set is a new value."""
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_LIMITS.entries = 10**9  # type: ignore[misc]
    assert dataclasses.replace(DEFAULT_LIMITS, entries=10).entries == 10


def test_an_entry_declared_packed_into_nothing_or_one_byte_is_a_bomb(tmp_path: Path) -> None:
    """The ratio of an entry that declares 0 or 1 packed bytes is its whole unpacked size (a
    declared 0 divides by one, never by zero)."""
    for packed in (0, 1):
        path = declared(archive(tmp_path / f"packed{packed}.zip", ["a.txt"]),
                        {"a.txt": (2 * MiB, packed)})
        with pytest.raises(ExchangeFormatError, match=r"compressed 2,097,152 to 1 \(a zip bomb"):
            SafeZip(path)
