"""The window's default size and pane sizes, for the panes and for the skeleton shown
before them (which must not import the panes)."""

from __future__ import annotations

SPLITTER_SIZES = {"main": [310, 900, 390], "left": [470, 400], "centre": [620, 250],
                  "right": [300, 600]}
DEFAULT_SIZE = (1480, 920)
