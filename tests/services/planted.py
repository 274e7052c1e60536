"""A planted set of annotations on the seed reports, for the analysis tests (services, CLI).

Reports (seed dates): A = the MEMRI report (2024-12-09), H = "Port Closure In Velmora"
(2025-03-03), R = "River Council Members Split" (2025-06-14), B = "Border Market Traders"
(2025-09-22). Paragraph numbers are those of core.text.paragraphs.

| key | report, paragraph | tags | speaker | stances | author | status |
|-----|-------------------|------|---------|---------|--------|--------|
| a1 | A 6 | Betrayal | Muhammad Al-Tamimi | Iran=against | ana | accepted |
| a2 | A 6, overlaps a1 | Claim | Muhammad Al-Tamimi | | ben | proposed |
| a3 | A 6 | Quote, Warning | Muhammad Al-Tamimi | | ana | proposed |
| a4 | A 8 | Warning | Shibl Al-Zaydi | Syrian opposition=neutral | ben | disputed |
| a5 | A 8 | Accusation | Shibl Al-Zaydi | international elements=against | ana | rejected |
| h1 | H 3 (cites [1]) | Betrayal | | | ana | accepted |
| h2 | H 4 | Quote, Criticism | Idris Varga | | ben | proposed |
| h3 | H 4 | Betrayal, Quote | Idris Varga | Iran=against | ana | proposed |
| h4 | H 4, inside h3 | Event, Quote | | | ana | proposed |
| r1 | R 2 | Praise, Quote | Mirela Dascu | | ana | accepted |
| r2 | R 3, inside r3 | Criticism | Orhan Belisz | | ben | proposed |
| r3 | R 3 | Accusation | Orhan Belisz | | ben | proposed |
| b1 | B 4 | Quote | | Iran=favor | ana | proposed |

Idris Varga (alias Varga) is of the "Coastal League"; Mirela Dascu and Orhan Belisz of the
"Talvar River Council".
"""

from __future__ import annotations

from dataclasses import dataclass

from glossator.services import Workspace
from glossator.services.annotations import AddAnnotation
from glossator.services.registry import SPEAKERS, EntryFields, SaveEntry
from tests.conftest import SEEDS

QUOTES: dict[str, tuple[str, str]] = {  # key -> (report title prefix, quote)
    "a1": ("Following", "Al-Tamimi accused Iran of abandoning its allies"),
    "a2": ("Following", "accused Iran of abandoning its allies, thus leading the resistance "
                        "factions to lose hope"),
    "a3": ("Following", "''Hamas and Hizbullah were left alone in the arena facing an unknown "
                        "fate,''"),
    "a4": ("Following", "we await with caution and full readiness"),
    "a5": ("Following", "the international elements which we do"),
    "h1": ("Port Closure", "accused their northern allies of abandoning them"),
    "h2": ("Port Closure", "''did not begin yesterday, but on the day our partners chose "
                           "silence.''"),
    "h3": ("Port Closure", "''left the fishermen of Keshet to face the storm alone''"),
    "h4": ("Port Closure", "fishermen of Keshet"),
    "r1": ("River Council", '"a victory for every farmer downstream"'),
    "r2": ("River Council", '"negotiating in the dark"'),
    "r3": ("River Council", 'He accused the chair of "negotiating in the dark"'),
    "b1": ("Border Market", "\u201ctemporary and necessary\u201d"),
}

# key -> (tags, speaker, stances, author, status, cites)
CODING: dict[str, tuple[tuple[str, ...], str | None, tuple[tuple[str, str], ...], str, str,
                        tuple[str, ...]]] = {
    "a1": (("Betrayal",), "Al-Tamimi", (("Iran", "against"),), "ana", "accepted", ()),
    "a2": (("Claim",), "Muhammad Al-Tamimi", (), "ben", "proposed", ()),
    "a3": (("Quote", "Warning"), "Tamimi", (), "ana", "proposed", ()),
    "a4": (("Warning",), "Al-Zaydi", (("Syrian opposition", "neutral"),), "ben", "disputed", ()),
    "a5": (("Accusation",), "Shibl Al-Zaydi", (("international elements", "against"),), "ana",
           "rejected", ()),
    "h1": (("Betrayal",), None, (), "ana", "accepted", ("1",)),
    "h2": (("Quote", "Criticism"), "Varga", (), "ben", "proposed", ()),
    "h3": (("Betrayal", "Quote"), "Idris Varga", (("Iran", "against"),), "ana", "proposed", ()),
    "h4": (("Event", "Quote"), None, (), "ana", "proposed", ()),
    "r1": (("Praise", "Quote"), "Mirela Dascu", (), "ana", "accepted", ()),
    "r2": (("Criticism",), "Orhan Belisz", (), "ben", "proposed", ()),
    "r3": (("Accusation",), "Orhan Belisz", (), "ben", "proposed", ()),
    "b1": (("Quote",), None, (("Iran", "favor"),), "ana", "proposed", ()),
}


@dataclass(frozen=True)
class Planted:
    ids: dict[str, str]  # key -> annotation UUID
    spans: dict[str, tuple[int, int]]
    reports: dict[str, int]  # "A", "H", "R", "B" -> report id
    texts: dict[int, str]

    def keys_of(self, uuids: list[str]) -> list[str]:
        back = {v: k for k, v in self.ids.items()}
        return [back[u] for u in uuids]


def plant(ws: Workspace) -> Planted:
    """Import the seeds (with their codebook), add three speakers and the annotations."""
    ws.ensure_seeded(SEEDS)
    for name, aliases, affiliation in (
        ("Idris Varga", ("Varga",), "Coastal League"),
        ("Mirela Dascu", (), "Talvar River Council"),
        ("Orhan Belisz", ("Belisz",), "Talvar River Council"),
    ):
        ws.run(SaveEntry(SPEAKERS, EntryFields(name, aliases, affiliation=affiliation)))
    tags = {t.name: t.id for t in ws.tags()}
    reports = {s.title.split()[0]: s.id for s in ws.reports()}
    by_prefix = {"A": reports["Following"], "H": reports["Port"], "R": reports["River"],
                 "B": reports["Border"]}
    texts = {rid: ws.report(rid).text for rid in by_prefix.values()}
    ids, spans = {}, {}
    reviewer = ws.reviewer
    for key, (title, quote) in QUOTES.items():
        rid = next(r for k, r in by_prefix.items() if k == key[0].upper())
        assert ws.report(rid).title.startswith(title)
        text = texts[rid]
        start = text.index(quote)
        assert text.find(quote, start + 1) == -1, f"{key}: the quote occurs twice"
        names, speaker, stances, author, status, cites = CODING[key]
        ws.reviewer = author
        command = AddAnnotation(
            rid, start, start + len(quote), tag_ids=[tags[n] for n in names], speaker=speaker,
            stances=[(t, label, None) for t, label in stances], status=status, cites=cites,
        )
        ws.run(command)
        ids[key], spans[key] = command.uuid, (start, start + len(quote))
    ws.reviewer = reviewer
    return Planted(ids, spans, by_prefix, texts)
