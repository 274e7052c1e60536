"""SQLAlchemy rows of a workspace. One database file is one workspace.

Offsets (`start`, `end`) are Unicode code points into `ReportRow.text`, end exclusive.

Rows several people may change at once (reports, annotations, reviews, codebook entries)
carry a `version` (SQLAlchemy's `version_id_col`): it grows by one with every committed
change of the row or of the rows that belong to it (an annotation's tags, stances and cited
notes; a speaker's or target's aliases; a report's notes and markers). See `versions.py`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        dict[str, Any]: JSON,
        dt.datetime: DateTime(timezone=True),
    }


class ReportRow(Base):
    __tablename__ = "reports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    title: Mapped[str] = mapped_column(String(500))
    date: Mapped[dt.date | None] = mapped_column(Date)
    source_name: Mapped[str] = mapped_column(String(1000))
    source_format: Mapped[str] = mapped_column(String(20))
    encoding: Mapped[str] = mapped_column(String(40))
    encoding_guessed: Mapped[bool] = mapped_column(Boolean, default=False)
    text: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    original: Mapped[bytes] = mapped_column(LargeBinary, deferred=True)  # kept to re-run imports
    body_end: Mapped[int] = mapped_column(Integer)
    footnote_style: Mapped[str] = mapped_column(String(20))
    meta: Mapped[dict[str, Any]] = mapped_column(default=dict)
    imported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    modified_at: Mapped[dt.datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (declarative reads it)

    footnotes: Mapped[list[FootnoteRow]] = relationship(
        back_populates="report",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="FootnoteRow.start",
    )
    refs: Mapped[list[FootnoteRefRow]] = relationship(
        back_populates="report",
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="FootnoteRefRow.start",
    )


class FootnoteRow(Base):
    """A note of the notes list: its label, the note paragraph's span and the note text."""

    __tablename__ = "footnotes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(50))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text_start: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)

    report: Mapped[ReportRow] = relationship(back_populates="footnotes")


class FootnoteRefRow(Base):
    """A marker in the text; `footnote_id` is None when its note is missing."""

    __tablename__ = "footnote_refs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    label: Mapped[str] = mapped_column(String(50))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    footnote_id: Mapped[int | None] = mapped_column(
        ForeignKey("footnotes.id", ondelete="SET NULL"), index=True
    )

    report: Mapped[ReportRow] = relationship(back_populates="refs")


class ReviewerRow(Base):
    """Someone who works in the workspace; `role` is annotator, curator or manager (None:
    not given; see core/permissions.py for what that means)."""

    __tablename__ = "reviewers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    role: Mapped[str | None] = mapped_column(String(20))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class TagRow(Base):
    __tablename__ = "tags"
    __table_args__ = (UniqueConstraint("parent_id", "name", name="parent_name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("tags.id", ondelete="CASCADE"))
    color: Mapped[str] = mapped_column(String(9), default="#ffd966")
    shortcut: Mapped[str | None] = mapped_column(String(10))
    description: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (declarative reads it)


class SpeakerRow(Base):
    __tablename__ = "speakers"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20), default="person")
    affiliation: Mapped[str] = mapped_column(String(500), default="")
    role: Mapped[str] = mapped_column(String(300), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (declarative reads it)


class SpeakerAliasRow(Base):
    __tablename__ = "speaker_aliases"
    __table_args__ = (UniqueConstraint("speaker_id", "alias", name="speaker_alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    speaker_id: Mapped[int] = mapped_column(
        ForeignKey("speakers.id", ondelete="CASCADE"), index=True
    )
    alias: Mapped[str] = mapped_column(String(300))


class TargetRow(Base):
    __tablename__ = "targets"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(String(300), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (declarative reads it)


class TargetAliasRow(Base):
    __tablename__ = "target_aliases"
    __table_args__ = (UniqueConstraint("target_id", "alias", name="target_alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(String(300))


class StanceLabelRow(Base):
    __tablename__ = "stance_labels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    description: Mapped[str] = mapped_column(Text, default="")
    has_intensity: Mapped[bool] = mapped_column(Boolean, default=False)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (declarative reads it)


class AnnotationRow(Base):
    __tablename__ = "annotations"
    __table_args__ = (
        CheckConstraint('start >= 0 AND "end" >= start', name="span"),
        Index("ix_annotations_report_span", "report_id", "start", "end"),
        Index("ix_annotations_report_status", "report_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    author_id: Mapped[int] = mapped_column(
        ForeignKey("reviewers.id", ondelete="RESTRICT"), index=True
    )
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    quote: Mapped[str] = mapped_column(Text)
    prefix: Mapped[str] = mapped_column(String(200), default="")
    suffix: Mapped[str] = mapped_column(String(200), default="")
    speaker_id: Mapped[int | None] = mapped_column(
        ForeignKey("speakers.id", ondelete="SET NULL"), index=True
    )
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(20), default="proposed")
    orphaned: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    modified_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (declarative reads it)


class AnnotationTagRow(Base):
    __tablename__ = "annotation_tags"

    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True
    )
    tag_id: Mapped[int] = mapped_column(
        ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class AnnotationStanceRow(Base):
    __tablename__ = "annotation_stances"
    __table_args__ = (UniqueConstraint("annotation_id", "target_id", name="one_per_target"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotations.id", ondelete="CASCADE"), index=True
    )
    target_id: Mapped[int] = mapped_column(ForeignKey("targets.id", ondelete="CASCADE"), index=True)
    label_id: Mapped[int] = mapped_column(ForeignKey("stance_labels.id", ondelete="RESTRICT"))
    intensity: Mapped[int | None] = mapped_column(Integer)


class AnnotationFootnoteRow(Base):
    __tablename__ = "annotation_footnotes"

    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotations.id", ondelete="CASCADE"), primary_key=True
    )
    footnote_id: Mapped[int] = mapped_column(
        ForeignKey("footnotes.id", ondelete="CASCADE"), primary_key=True, index=True
    )


class ReviewRow(Base):
    """A reviewer's decision or comment on an annotation; `parent_id` threads replies."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    annotation_id: Mapped[int] = mapped_column(
        ForeignKey("annotations.id", ondelete="CASCADE"), index=True
    )
    reviewer_id: Mapped[int] = mapped_column(ForeignKey("reviewers.id", ondelete="RESTRICT"))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("reviews.id", ondelete="CASCADE"))
    decision: Mapped[str | None] = mapped_column(String(20))
    body: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    __mapper_args__ = {"version_id_col": version}  # noqa: RUF012 (declarative reads it)


class HistoryRow(Base):
    """One change: which command, by whom, when, and the values before and after; for a
    versioned row, the `version` the change made (None: the row was deleted)."""

    __tablename__ = "history"
    __table_args__ = (Index("ix_history_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow, index=True)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    command: Mapped[str] = mapped_column(String(100))
    action: Mapped[str] = mapped_column(String(20))
    entity: Mapped[str] = mapped_column(String(50))
    entity_id: Mapped[str] = mapped_column(String(64))
    old: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    new: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    version: Mapped[int | None] = mapped_column(Integer)


class ChangeLogRow(Base):
    """One committed transaction, as the `Change` it made: what another window reads to
    follow it (`services/feed.py`). `origin` names the Workspace that wrote it."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    origin: Mapped[str] = mapped_column(String(36))
    change: Mapped[dict[str, Any]] = mapped_column(JSON)


class SuggestionDismissalRow(Base):
    """A suggestion a reviewer rejected, so it is not proposed again."""

    __tablename__ = "suggestion_dismissals"
    __table_args__ = (
        UniqueConstraint("report_id", "kind", "start", "end", name="one_per_span"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(20))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    reviewer: Mapped[str | None] = mapped_column(String(200))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MemoRow(Base):
    """A researcher's memo (Markdown) on a report, tag or speaker (by its UUID, so that a
    memo outlives a deletion of its subject and is found again when it is undone) or on the
    workspace (`subject_uuid` None)."""

    __tablename__ = "memos"
    __table_args__ = (
        CheckConstraint(
            "subject_kind IN ('report', 'tag', 'speaker', 'workspace')", name="subject_kind"
        ),
        Index("ix_memos_subject", "subject_kind", "subject_uuid"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)
    subject_kind: Mapped[str] = mapped_column(String(20))
    subject_uuid: Mapped[str | None] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(300), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    author_id: Mapped[int] = mapped_column(
        ForeignKey("reviewers.id", ondelete="RESTRICT"), index=True
    )
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    modified_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    value: Mapped[dict[str, Any]] = mapped_column(JSON)


def table_of(model: type[Base]) -> Table:
    """The Core table of a row class, for bulk statements."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
