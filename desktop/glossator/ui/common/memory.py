"""Keeping Python's cyclic collector out of the frames the reader waits for.

A collection runs when enough objects were allocated since the last one, wherever that
happens to be, and with a report's ten thousand annotation values in memory a collection
of the older generations costs several frames. So: what start-up allocated is frozen out
of the collector's sight, collections are made rarer, and the young generations are
collected right after a change has been painted (`collect_after_paint`), so the next
keypress starts with an empty nursery and no collection falls inside it.
"""

from __future__ import annotations

import gc

NURSERY = 50_000  # allocations between automatic young collections (default 700)


def settle_memory() -> None:
    """Once the window is up: freeze what start-up allocated, collect less often."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(NURSERY, 50, 100)


def collect_after_paint() -> None:
    """Collect the two young generations (a fraction of a millisecond after a change);
    the old generation is left to the rare automatic collection."""
    if gc.isenabled():
        gc.collect(1)



def settle_page() -> None:
    """After a page of a long report's values has been read (tens of thousands of them,
    which live as long as the report is open): the young generation is collected, so its
    garbage goes, and what survives is frozen out of the collector's sight, so that no
    collection walks those values again while the reader works (at 50,000 annotations a
    young collection took 10 ms and an older one 80 ms). They are freed as usual, by their
    reference counts, once the report is closed."""
    if gc.isenabled():
        gc.collect(0)
        gc.freeze()
