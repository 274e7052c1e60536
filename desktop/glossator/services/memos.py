"""Memos: add, edit and delete, each an undoable command with a history entry.

A memo is about a report, a tag, a speaker or the workspace, and holds Markdown text (as
long as a few pages) with an optional title. Its author is the reviewer who wrote it; any
reviewer may edit or delete it (history says who did). The subject is kept by UUID, so
deleting a tag keeps its memos, and undoing the deletion finds them again.
"""

from __future__ import annotations

import uuid as uuidlib
from typing import Any

from sqlalchemy import delete, insert, select, update

from glossator.core.analysis import MEMO_KINDS
from glossator.services.annotation_rows import reviewer_id
from glossator.services.commands import Change, Command, CommandError, Context
from glossator.services.registry import SPEAKERS, resolve
from glossator.store.models import MemoRow, ReportRow, TagRow, table_of, utcnow

MAX_MEMO = 200_000  # characters of text
MAX_TITLE = 300
Subject = int | str | None  # an id, a name (tags, speakers) or a UUID; None: the workspace


def _clean_title(title: str) -> str:
    title = " ".join(title.split())
    if len(title) > MAX_TITLE:
        raise CommandError(f"A memo's title is limited to {MAX_TITLE} characters")
    return title


def _clean_text(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip("\n")
    text = text if text.strip() else ""
    if len(text) > MAX_MEMO:
        raise CommandError(f"A memo is limited to {MAX_MEMO:,} characters")
    return text


def _subject_uuid(ctx: Context, kind: str, subject: Subject) -> str | None:
    """The UUID of the memo's subject, which must exist."""
    s = ctx.session
    if kind == "workspace":
        return None
    if subject is None or subject == "":
        raise CommandError(f"Say which {kind} the memo is about")
    if kind == "report":
        column = ReportRow.id if isinstance(subject, int) else ReportRow.uuid
        found = s.scalar(select(ReportRow.uuid).where(column == subject))
        if found is None:
            raise CommandError(f"Report {subject} does not exist")
        return str(found)
    if kind == "tag":
        if isinstance(subject, int):
            found = s.scalar(select(TagRow.uuid).where(TagRow.id == subject))
        else:
            key = subject.casefold()
            found = next(
                (u for u, n in s.execute(select(TagRow.uuid, TagRow.name))
                 if n.casefold() == key or u == subject),
                None,
            )
        if found is None:
            raise CommandError(f"No tag is called \u201c{subject}\u201d")
        return str(found)
    row = s.get(SPEAKERS.model, subject) if isinstance(subject, int) else resolve(
        s, SPEAKERS, subject
    )
    if row is None:
        raise CommandError(f"No speaker is called \u201c{subject}\u201d")
    return str(row.uuid)


def _row(ctx: Context, uuid: str) -> dict[str, Any]:
    table = table_of(MemoRow)
    found = ctx.session.execute(select(table).where(table.c.uuid == uuid)).first()
    if found is None:
        raise CommandError(f"Memo {uuid} does not exist")
    return dict(found._mapping)


def _change(message: str, row: dict[str, Any], report_id: int | None) -> Change:
    reports = frozenset({report_id}) if report_id is not None else frozenset()
    return Change(message, reports=reports, memos=frozenset({str(row["uuid"])}))


def _report_id(ctx: Context, row: dict[str, Any]) -> int | None:
    if row["subject_kind"] != "report":
        return None
    found = ctx.session.scalar(select(ReportRow.id).where(ReportRow.uuid == row["subject_uuid"]))
    return int(found) if found is not None else None


def _brief(row: dict[str, Any]) -> dict[str, Any]:
    return {"kind": row["subject_kind"], "subject": row["subject_uuid"],
            "title": row["title"], "text": row["body"][:500]}


class AddMemo(Command):
    """A new memo on a report (id or UUID), a tag (id or name), a speaker (id, name or
    alias) or the workspace (subject None)."""

    label = "add memo"

    def __init__(self, kind: str, subject: Subject, text: str, title: str = "") -> None:
        if kind not in MEMO_KINDS:
            raise CommandError(f"A memo is about one of: {', '.join(MEMO_KINDS)}")
        self.kind, self.subject = kind, subject
        self.text, self.title = _clean_text(text), _clean_title(title)
        if not self.text and not self.title:
            raise CommandError("Write something first")
        self.uuid = str(uuidlib.uuid4())
        self._row: dict[str, Any] | None = None

    def apply(self, ctx: Context) -> Change:
        table = table_of(MemoRow)
        if self._row is None:
            now = utcnow()
            row: dict[str, Any] = {
                "uuid": self.uuid,
                "subject_kind": self.kind,
                "subject_uuid": _subject_uuid(ctx, self.kind, self.subject),
                "title": self.title,
                "body": self.text,
                "author_id": reviewer_id(ctx, ctx.reviewer),
                "created_at": now,
                "modified_at": now,
            }
            row["id"] = ctx.session.scalar(insert(table).values(**row).returning(table.c.id))
            self._row = row
        else:
            ctx.session.execute(insert(table), [dict(self._row)])
        ctx.record("AddMemo", "memo", self.uuid, None, _brief(self._row))
        return _change("Memo saved", self._row, _report_id(ctx, self._row))

    def revert(self, ctx: Context) -> Change:
        assert self._row is not None
        ctx.session.execute(delete(MemoRow).where(MemoRow.uuid == self.uuid))
        ctx.record("AddMemo", "memo", self.uuid, _brief(self._row), None)
        return _change("Memo removed", self._row, _report_id(ctx, self._row))


class EditMemo(Command):
    """Change a memo's text and/or title (None: leave as it is)."""

    label = "edit memo"

    def __init__(self, uuid: str, text: str | None = None, title: str | None = None) -> None:
        if text is None and title is None:
            raise CommandError("Nothing to change: give a new text or title")
        self.uuid = uuid
        self.text = None if text is None else _clean_text(text)
        self.title = None if title is None else _clean_title(title)
        self._old: dict[str, Any] | None = None
        self._new: dict[str, Any] | None = None
        self._where: dict[str, Any] = {}

    def _set(self, ctx: Context, values: dict[str, Any]) -> None:
        ctx.session.execute(update(MemoRow).where(MemoRow.uuid == self.uuid).values(**values))

    def apply(self, ctx: Context) -> Change:
        if self._old is None:
            row = _row(ctx, self.uuid)
            self._old = {k: row[k] for k in ("title", "body", "modified_at")}
            new = {
                "title": self.title if self.title is not None else row["title"],
                "body": self.text if self.text is not None else row["body"],
            }
            if not new["title"] and not new["body"]:
                raise CommandError("A memo cannot be emptied; delete it instead")
            self._new = {**new, "modified_at": utcnow()}
            self._where = row
        assert self._new is not None
        self._set(ctx, self._new)
        ctx.record("EditMemo", "memo", self.uuid, _brief({**self._where, **self._old}),
                   _brief({**self._where, **self._new}))
        return _change("Memo saved", self._where, _report_id(ctx, self._where))

    def revert(self, ctx: Context) -> Change:
        assert self._old is not None and self._new is not None
        self._set(ctx, self._old)
        ctx.record("EditMemo", "memo", self.uuid, _brief({**self._where, **self._new}),
                   _brief({**self._where, **self._old}))
        return _change("Memo restored", self._where, _report_id(ctx, self._where))


class DeleteMemo(Command):
    label = "delete memo"

    def __init__(self, uuid: str) -> None:
        self.uuid = uuid
        self._row: dict[str, Any] | None = None

    def apply(self, ctx: Context) -> Change:
        if self._row is None:
            self._row = _row(ctx, self.uuid)
        elif ctx.session.scalar(select(MemoRow.id).where(MemoRow.uuid == self.uuid)) is None:
            raise CommandError(f"Memo {self.uuid} does not exist")
        ctx.session.execute(delete(MemoRow).where(MemoRow.uuid == self.uuid))
        ctx.record("DeleteMemo", "memo", self.uuid, _brief(self._row), None)
        return _change("Memo deleted", self._row, _report_id(ctx, self._row))

    def revert(self, ctx: Context) -> Change:
        assert self._row is not None
        ctx.session.execute(insert(table_of(MemoRow)), [dict(self._row)])
        ctx.record("DeleteMemo", "memo", self.uuid, None, {"restored": True})
        return _change("Memo restored", self._row, _report_id(ctx, self._row))
