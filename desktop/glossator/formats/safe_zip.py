"""Reading zip archives from strangers: names, counts and sizes checked before any byte is
inflated, and every read capped, so a crafted archive cannot escape, flood or exhaust.

Nothing is ever extracted to disk: entries are read into memory by name. Names that could
escape a folder when someone else extracts the archive (absolute paths, drive letters, ``..``)
are refused all the same, since such an archive is not one we wrote or a tool would write.
"""

from __future__ import annotations

import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from types import TracebackType

from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.sizes import MiB, mib, too_large


@dataclass(frozen=True, slots=True)
class ZipLimits:
    archive_bytes: int = 1024 * MiB  # the .zip / .qdpx file itself
    entries: int = 50_000
    total_bytes: int = 2048 * MiB  # all entries, uncompressed
    entry_bytes: int = 512 * MiB  # any one entry, uncompressed
    ratio: int = 100  # uncompressed / compressed, checked for entries over 1 MiB


DEFAULT_LIMITS = ZipLimits()


def check_file_size(path: Path, limit: int, what: str) -> int:
    """The size of `path`; ExchangeFormatError when it is missing or over `limit` bytes."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise ExchangeFormatError(f"{path.name}: cannot be read ({exc.strerror or exc})") from None
    if not path.is_file():
        raise ExchangeFormatError(f"{path.name}: not a file")
    if size > limit:
        raise ExchangeFormatError(
            f"{path.name}: {what} is {too_large(size, limit)}"
        )
    return size


def unsafe_name(name: str) -> str | None:
    """Why an entry name is refused, or None when it is a plain relative path."""
    if not name or "\x00" in name:
        return "an empty or NUL-bearing name"
    if name.startswith(("/", "\\")) or (len(name) > 1 and name[1] == ":"):
        return "an absolute path"
    parts = PurePosixPath(name.replace("\\", "/")).parts
    if ".." in parts:
        return "a path that climbs out of the archive (..)"
    return None


class SafeZip:
    """A zip archive opened for reading within limits; use as a context manager."""

    def __init__(self, path: Path, limits: ZipLimits = DEFAULT_LIMITS) -> None:
        self.path, self.limits = path, limits
        check_file_size(path, limits.archive_bytes, "the archive")
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise ExchangeFormatError(f"{path.name}: not a readable zip archive ({exc})") from None
        try:
            self._infos = self._check()
        except BaseException:
            self._zip.close()
            raise

    def _refuse(self, reason: str) -> ExchangeFormatError:
        return ExchangeFormatError(f"{self.path.name}: refused: {reason}")

    def _check(self) -> dict[str, zipfile.ZipInfo]:
        infos = self._zip.infolist()
        lim = self.limits
        if len(infos) > lim.entries:
            raise self._refuse(f"{len(infos):,} entries (the limit is {lim.entries:,})")
        total = 0
        out: dict[str, zipfile.ZipInfo] = {}
        for info in infos:
            why = unsafe_name(info.filename)
            if why is not None:
                raise self._refuse(f"entry {info.filename[:80]!r} has {why}")
            if info.flag_bits & 0x1:
                raise self._refuse(f"entry {info.filename[:80]!r} is encrypted")
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise self._refuse(
                    f"entry {info.filename[:80]!r} uses compression method "
                    f"{info.compress_type} (only stored and deflated entries are read)"
                )
            if info.file_size > lim.entry_bytes:
                raise self._refuse(
                    f"entry {info.filename[:80]!r} unpacks to {mib(info.file_size)} "
                    f"(the limit is {mib(lim.entry_bytes)})"
                )
            ratio = info.file_size // max(1, info.compress_size)
            if info.file_size > MiB and ratio > lim.ratio:
                raise self._refuse(
                    f"entry {info.filename[:80]!r} is compressed {ratio:,} to 1"
                    f" (a zip bomb? the limit is {lim.ratio} to 1)"
                )
            total += info.file_size
            if info.filename in out:
                raise self._refuse(f"entry {info.filename[:80]!r} appears twice")
            out[info.filename] = info
        if total > lim.total_bytes:
            raise self._refuse(
                f"entries unpack to {mib(total)} in all "
                f"(the limit is {mib(lim.total_bytes)})"
            )
        return out

    def names(self) -> list[str]:
        return [n for n, i in self._infos.items() if not i.is_dir()]

    def find(self, name: str) -> str | None:
        """The entry called `name`, compared without case and with either slash."""
        want = name.replace("\\", "/").casefold()
        for n in self._infos:
            if n.replace("\\", "/").casefold() == want:
                return n
        return None

    def read(self, name: str) -> bytes:
        """The bytes of one entry, never more than its declared size or the entry limit."""
        info = self._infos.get(name)
        if info is None:
            raise ExchangeFormatError(f"{self.path.name}: has no entry {name[:80]!r}")
        cap = min(info.file_size, self.limits.entry_bytes)
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as stream:
                while True:
                    chunk = stream.read(min(MiB, cap - got + 1))
                    if not chunk:
                        break
                    got += len(chunk)
                    if got > cap:
                        raise self._refuse(f"entry {name[:80]!r} unpacks to more than it declares")
                    chunks.append(chunk)
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, zlib.error,
                NotImplementedError) as exc:
            raise ExchangeFormatError(
                f"{self.path.name}: entry {name[:80]!r} is damaged ({exc})"
            ) from None
        return b"".join(chunks)

    def close(self) -> None:
        self._zip.close()

    def __enter__(self) -> SafeZip:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        self.close()
