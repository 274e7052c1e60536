"""File sizes in messages: always MiB, for the file and for the limit alike."""

from __future__ import annotations

MiB = 1024 * 1024


def mib(count: int | float) -> str:
    """`count` bytes in MiB: one decimal, none for a whole number of MiB (a limit)."""
    value = count / MiB
    if value == int(value) and value >= 1:
        return f"{int(value):,} MiB"
    return f"{value:,.1f} MiB" if value >= 0.1 else f"{value:,.2f} MiB"


def too_large(size: int | float, limit: int | float) -> str:
    """"too large (70.3 MiB; the limit is 64 MiB)"."""
    return f"too large ({mib(size)}; the limit is {mib(limit)})"
