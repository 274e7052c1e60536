"""W3C Web Annotation JSON-LD: an `AnnotationCollection` whose `first` page holds the items.

Each annotation targets its report (`urn:uuid:` of the report) through two alternative
selectors, a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (code
points, end exclusive); on a report read from a PDF, a third, a FragmentSelector naming
the page of the original (`page=12`, RFC 3778) refined by the same TextQuoteSelector.
Tags are `tagging` bodies, the note a `commenting` body, the speaker an `identifying`
body and each stance a `classifying` body ("Iran=against"), so other tools show them.
What only Glossator uses lives under the `glossator:` prefix (speaker details, stances,
cited notes, status, the report's title and SHA-256, the codebook), which makes our own
import lossless. A memo is a `commenting` Annotation whose target is its subject (the
report, the tag's or speaker's GUID, or the collection), marked `glossator:memo`. Reading
lives in `w3c_reader`.
"""

from __future__ import annotations

import hashlib
import json
import uuid as uuidlib
from pathlib import Path
from typing import Any

from glossator.core.exchange import ExchangeAnnotation, ExchangeMemo, ExchangeSet
from glossator.formats.csv_export import stance_text
from glossator.formats.exchange_json import (
    codebook_to_dict,
    format_time,
    speaker_to_dict,
    stance_to_dict,
)
from glossator.formats.qdpx_meta import guid
from glossator.safe_files import atomic_text

ANNO_CONTEXT = "http://www.w3.org/ns/anno.jsonld"
NAMESPACE = "urn:glossator:"
PREFIX = "glossator:"
CONTEXT: list[Any] = [ANNO_CONTEXT, {"glossator": NAMESPACE}]
VERSION = 1
PDF_FRAGMENT = "http://tools.ietf.org/rfc/rfc3778"
_ID_NAMESPACE = uuidlib.UUID("8f6a0d43-52d4-4b8e-9d3a-6c1f0e7b2a95")


def urn(uuid: str) -> str:
    return f"urn:uuid:{uuid}"


def _motivation(a: ExchangeAnnotation) -> str:
    if a.note:
        return "commenting"
    if a.tags:
        return "tagging"
    if a.speaker is not None or a.stances:
        return "classifying"
    return "highlighting"


def _bodies(a: ExchangeAnnotation) -> list[dict[str, Any]]:
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "tagging", "value": t} for t in a.tags
    ]
    if a.speaker is not None:
        bodies.append({"type": "TextualBody", "purpose": "identifying", "value": a.speaker.name})
    bodies.extend(
        {"type": "TextualBody", "purpose": "classifying", "value": stance_text(s)}
        for s in a.stances
    )
    if a.note:
        bodies.append(
            {
                "type": "TextualBody",
                "purpose": "commenting",
                "value": a.note,
                "format": "text/plain",
            }
        )
    return bodies


def annotation_jsonld(a: ExchangeAnnotation) -> dict[str, Any]:
    """One annotation as a self-contained JSON-LD object."""
    out: dict[str, Any] = {
        "@context": CONTEXT,
        "id": urn(a.uuid),
        "type": "Annotation",
        "motivation": _motivation(a),
        "created": format_time(a.created),
        "modified": format_time(a.modified),
        "creator": {"type": "Person", "name": a.author},
    }
    bodies = _bodies(a)
    if bodies:
        out["body"] = bodies
    quote = {"type": "TextQuoteSelector", "exact": a.quote, "prefix": a.prefix,
             "suffix": a.suffix}
    selectors: list[dict[str, Any]] = [
        quote, {"type": "TextPositionSelector", "start": a.start, "end": a.end}
    ]
    if a.page is not None:  # the quote on its page of the original PDF (RFC 3778 fragment)
        selectors.append({"type": "FragmentSelector", "conformsTo": PDF_FRAGMENT,
                          "value": f"page={a.page}", "refinedBy": quote})
    out["target"] = {
        "type": "SpecificResource",
        "source": urn(a.report_uuid),
        "selector": selectors,
        "glossator:title": a.report_title,
        "glossator:sha256": a.report_sha256,
    }
    out["glossator:status"] = a.status
    out["glossator:speaker"] = speaker_to_dict(a.speaker) if a.speaker is not None else None
    out["glossator:stances"] = [stance_to_dict(s) for s in a.stances]
    out["glossator:cites"] = list(a.cites)
    return out


def memo_target(m: ExchangeMemo, collection: str) -> str:
    """What a memo is about, as an IRI: the report, the tag's or speaker's stable GUID (the
    same as in a .qdpx project), or the collection itself for a memo on the workspace."""
    if m.kind == "report":
        return urn(m.subject)
    if m.kind in ("tag", "speaker"):
        return urn(guid(m.kind, m.subject))
    return collection


def memo_jsonld(m: ExchangeMemo, collection: str) -> dict[str, Any]:
    """A memo as a commenting Annotation on its subject (Markdown text)."""
    bodies: list[dict[str, Any]] = [
        {"type": "TextualBody", "purpose": "commenting", "value": m.text,
         "format": "text/markdown"}
    ]
    if m.title:
        bodies.append({"type": "TextualBody", "purpose": "describing", "value": m.title})
    return {
        "@context": CONTEXT,
        "id": urn(m.uuid),
        "type": "Annotation",
        "motivation": "commenting",
        "created": format_time(m.created),
        "modified": format_time(m.modified),
        "creator": {"type": "Person", "name": m.author},
        "body": bodies,
        "target": memo_target(m, collection),
        "glossator:memo": {"kind": m.kind, "subject": m.subject, "title": m.title},
    }


def collection_id(s: ExchangeSet) -> str:
    """A stable id for the collection: the same annotations give the same id."""
    digest = hashlib.sha256("\n".join(sorted(a.uuid for a in s.annotations)).encode()).hexdigest()
    return urn(str(uuidlib.uuid5(_ID_NAMESPACE, digest)))


def write_w3c(s: ExchangeSet, path: Path) -> None:
    """The collection, one annotation per line inside its page (the C JSON encoder, no indent,
    keeps a 100,000-annotation export quick)."""
    dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
    cid = collection_id(s)
    page_id = f"{cid}#page1"
    head = {
        "@context": CONTEXT,
        "id": cid,
        "type": "AnnotationCollection",
        "label": s.label,
        "total": len(s.annotations) + len(s.memos),
        "last": page_id,
        "glossator:version": VERSION,
        "glossator:codebook": codebook_to_dict(s.codebook),
        "glossator:reports": [
            {"uuid": r.uuid, "title": r.title, "sha256": r.sha256, "source_name": r.source_name}
            for r in s.reports
        ],
    }
    page_head = {"id": page_id, "type": "AnnotationPage", "partOf": cid, "startIndex": 0}
    with atomic_text(path, newline="\n") as out:
        out.write(dumps(head)[:-1] + ',\n"first":' + dumps(page_head)[:-1] + ',"items":[\n')
        out.write(",\n".join(
            [dumps(annotation_jsonld(a)) for a in s.annotations]
            + [dumps(memo_jsonld(m, cid)) for m in s.memos]
        ))
        out.write("\n]}}\n")
