"""The value of an annotation a command has just written, built from what it wrote.

A window repaints a new highlight from its `Change`; reading the row back would cost four
queries on the keypress path. The value built here is the one `queries.annotation_views`
reads (a test holds them equal).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import select

from glossator.services.commands import Context
from glossator.services.queries import DEFAULT_COLOR
from glossator.services.values import AnnotationView
from glossator.store.models import TagRow


def author_name(reviewer: str | None) -> str:
    """The name an annotation is stored under (the reviewer, else "anonymous")."""
    return (reviewer or "").strip() or "anonymous"


def new_annotation_view(
    ctx: Context,
    *,
    uuid: str,
    report_id: int,
    span: tuple[int, int],
    context: tuple[str, str, str],
    tag_ids: Sequence[int],
    note: str,
    cites: Sequence[str],
    status: str,
    when: dt.datetime,
) -> AnnotationView:
    """A just-inserted annotation with no speaker and no stances (`cites` in text order)."""
    tags = ctx.core.execute(
        select(TagRow.id, TagRow.name, TagRow.color)
        .where(TagRow.id.in_(list(dict.fromkeys(tag_ids))))
        .order_by(TagRow.sort_order, TagRow.id)
    ).all() if tag_ids else []
    quote, prefix, suffix = context
    return AnnotationView(
        uuid,
        report_id,
        span[0],
        span[1],
        quote,
        prefix,
        suffix,
        tuple(t[1] for t in tags),
        tuple(t[0] for t in tags),
        tags[0][2] if tags else DEFAULT_COLOR,
        author_name(ctx.reviewer),
        status,
        None,
        (),
        tuple(cites),
        note,
        False,
        when,
        when,
        1,
    )
