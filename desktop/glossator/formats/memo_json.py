"""Memos as plain JSON, shared by JSON Lines (`{"type": "memo", ...}` lines) and JSON-LD
(where a memo is a commenting Annotation whose target is its subject)."""

from __future__ import annotations

from typing import Any

from glossator.core.analysis import MEMO_KINDS
from glossator.core.exchange import ExchangeMemo
from glossator.formats.exchange_errors import ExchangeFormatError
from glossator.formats.exchange_json import Fields, check_uuid, format_time


def memo_to_dict(m: ExchangeMemo) -> dict[str, Any]:
    return {
        "type": "memo",
        "uuid": m.uuid,
        "kind": m.kind,
        "subject": m.subject,
        "title": m.title,
        "text": m.text,
        "author": m.author,
        "created": format_time(m.created),
        "modified": format_time(m.modified),
    }


def check_kind(kind: str, subject: str, where: str) -> str:
    if kind not in MEMO_KINDS:
        raise ExchangeFormatError(
            f"{where}: a memo is about one of {', '.join(MEMO_KINDS)}, not {kind[:40]!r}"
        )
    if kind == "report":
        return check_uuid(subject, where)
    if kind != "workspace" and not subject.strip():
        raise ExchangeFormatError(f"{where}: the memo does not say which {kind} it is about")
    return subject if kind != "workspace" else ""


def memo_from_dict(raw: Any, where: str) -> ExchangeMemo:
    f = Fields(raw, where)
    kind = f.text("kind")
    created = f.time("created")
    return ExchangeMemo(
        uuid=check_uuid(f.text("uuid"), where),
        kind=kind,
        subject=check_kind(kind, f.text("subject", ""), where),
        title=f.text("title", ""),
        text=f.text("text", ""),
        author=f.text("author", ""),
        created=created,
        modified=f.time("modified") if f.has("modified") else created,
    )
