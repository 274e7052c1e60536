"""Passages drawn over the report view by other packages than the reader."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class LayerSpan:
    """A passage of the layer: `key` names it, `kind` picks its colour; code points."""

    key: str
    start: int
    end: int
    kind: str
