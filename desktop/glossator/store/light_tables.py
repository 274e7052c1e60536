"""The few tables and columns the library's list reads, as plain Core clauses.

Listing the reports (`glossator reports`, the window's first paint) must not wait for the
ORM and every row class to be imported, which costs as much again as SQLAlchemy itself.
These clauses name the same tables and columns as `models.py`, with the same types where a
value is converted (dates, times, JSON); a test keeps the two in step.
"""

from __future__ import annotations

from sqlalchemy import JSON, Date, DateTime, Integer, String, column, table

REPORTS = table(
    "reports",
    column("id", Integer),
    column("uuid", String),
    column("title", String),
    column("date", Date),
    column("source_name", String),
    column("source_format", String),
    column("imported_at", DateTime(timezone=True)),
    column("meta", JSON),
    column("version", Integer),
)
FOOTNOTES = table(
    "footnotes",
    column("id", Integer),
    column("report_id", Integer),
    column("label", String),
    column("start", Integer),
)
FOOTNOTE_REFS = table(
    "footnote_refs",
    column("id", Integer),
    column("report_id", Integer),
    column("label", String),
    column("start", Integer),
    column("footnote_id", Integer),
)
ANNOTATIONS = table(
    "annotations",
    column("id", Integer),
    column("report_id", Integer),
    column("author_id", Integer),
    column("status", String),
)
SETTINGS = table(
    "settings",
    column("key", String),
    column("value", JSON),
)
