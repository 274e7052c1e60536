"""What the safe zip reader says when it refuses: one line naming the archive and the entry,
a hostile entry name cut to its first 80 characters (a name can be 64 KiB long)."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.safe_zip import SafeZip, ZipLimits, check_file_size
from tests.formats.test_safe_zip_limits import with_ratio, write

LONG = "Sources/" + "n" * 300 + ".txt"


def refusal(path: Path, limits: ZipLimits | None = None) -> str:
    """The message of opening `path` and reading LONG from it, which must fail."""
    with pytest.raises(ExchangeFormatError) as caught, SafeZip(path, limits or ZipLimits()) as z:
        z.read(LONG)
    message = str(caught.value)
    assert message.startswith(f"{path.name}: ") and "\n" not in message
    return message


def test_a_climbing_name_is_quoted_cut(tmp_path: Path) -> None:
    name = "../" + LONG
    message = refusal(write(tmp_path / "climb.zip", [(name, b"x")]))
    assert f"entry {name[:80]!r} has a path that climbs out" in message


def test_an_encrypted_entry_is_quoted_cut(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.zip", [(LONG, b"x")])
    data = bytearray(path.read_bytes())
    data[data.index(b"PK\x01\x02") + 8] |= 0x1
    path.write_bytes(bytes(data))
    assert f"entry {LONG[:80]!r} is encrypted" in refusal(path)


def test_an_entry_over_its_size_is_quoted_cut(tmp_path: Path) -> None:
    path = write(tmp_path / "big.zip", [(LONG, b"x" * 100)])
    message = refusal(path, ZipLimits(entry_bytes=99))
    assert f"entry {LONG[:80]!r} unpacks to" in message


def test_a_bomb_is_quoted_cut_with_its_ratio(tmp_path: Path) -> None:
    path = write(tmp_path / "bomb.zip", [(LONG, with_ratio(500))])
    message = refusal(path)
    assert f"entry {LONG[:80]!r} is compressed " in message and "limit is 100 to 1" in message


def test_an_entry_in_another_compression_method_is_quoted_cut(tmp_path: Path) -> None:
    path = tmp_path / "bzip2.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_BZIP2) as z:
        z.writestr(LONG, b"packed another way")
    message = refusal(path)
    assert f"entry {LONG[:80]!r} uses compression method 12" in message


def test_a_name_given_twice_is_quoted_cut(tmp_path: Path) -> None:
    path = write(tmp_path / "twice.zip", [(LONG, b"a"), (LONG, b"b")])
    assert f"entry {LONG[:80]!r} appears twice" in refusal(path)


def test_a_missing_entry_is_quoted_cut(tmp_path: Path) -> None:
    path = write(tmp_path / "other.zip", [("a.txt", b"a")])
    assert f"has no entry {LONG[:80]!r}" in refusal(path)


def test_a_damaged_entry_is_quoted_cut(tmp_path: Path) -> None:
    path = tmp_path / "damaged.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as z:
        z.writestr(LONG, b"the stored bytes")
    data = path.read_bytes().replace(b"the stored bytes", b"THE STORED BYTES")  # CRC fails
    path.write_bytes(data)
    assert f"entry {LONG[:80]!r} is damaged" in refusal(path)


def test_a_file_that_cannot_be_read_says_why(tmp_path: Path) -> None:
    with pytest.raises(ExchangeFormatError) as caught:
        check_file_size(tmp_path / "gone.qdpx", 10, "the archive")
    assert str(caught.value) == "gone.qdpx: cannot be read (No such file or directory)"
    (tmp_path / "folder").mkdir()
    with pytest.raises(ExchangeFormatError, match=r"^folder: not a file$"):
        check_file_size(tmp_path / "folder", 10, "the archive")
