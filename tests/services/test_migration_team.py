"""Migration 0006 upgrades a workspace that already holds work (SQLite and PostgreSQL):
every row keeps its values and starts at version 1, nobody has a role (so everything stays
allowed), the history and the search index keep working, and the new version checks apply
at once."""

from __future__ import annotations

import datetime as dt

import pytest
from alembic import command
from sqlalchemy import create_engine, text

from glossator.services import Workspace
from glossator.services.annotations import AnnotationFields, EditAnnotation
from glossator.services.conflicts import ConflictError
from glossator.services.review import DecideAnnotations
from glossator.store.migrate import alembic_config
from glossator.store.schema import HEAD_REVISION

WHEN = dt.datetime(2025, 3, 1, 12, 0, tzinfo=dt.UTC)
TEXT = "The minister said Iran backs the militias. Others disagreed sharply."
UUID_A = "aaaaaaaa-0000-4000-8000-000000000001"
UUID_R = "bbbbbbbb-0000-4000-8000-000000000001"


def _old_workspace(url: str) -> None:
    """A workspace at schema 0005 (before versions and roles) with some work in it."""
    engine = create_engine(url)
    try:
        with engine.begin() as conn:
            cfg = alembic_config()
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "0005")
        with engine.begin() as conn:
            run = lambda sql, **p: conn.execute(text(sql), p)  # noqa: E731
            run("INSERT INTO reviewers (id, name, created_at) VALUES (1, 'ana', :t), "
                "(2, 'ben', :t)", t=WHEN)
            run("INSERT INTO reports (id, uuid, title, date, source_name, source_format, "
                "encoding, encoding_guessed, text, sha256, original, body_end, footnote_style, "
                "meta, imported_at, modified_at) VALUES (1, 'r-1', 'Militias report', NULL, "
                "'m.txt', 'text', 'utf-8', false, :body, :sha, :raw, :end, 'none', '{}', :t, :t)",
                body=TEXT, sha="0" * 64, raw=TEXT.encode(), end=len(TEXT), t=WHEN)
            run("INSERT INTO tags (id, uuid, name, parent_id, color, shortcut, description, "
                "sort_order) VALUES (1, 't-1', 'Claim', NULL, '#ffd966', '1', '', 1)")
            run("INSERT INTO stance_labels (id, name, description, has_intensity, sort_order) "
                "VALUES (1, 'favor', '', false, 1)")
            run('INSERT INTO annotations (id, uuid, report_id, author_id, start, "end", quote, '
                "prefix, suffix, speaker_id, note, status, orphaned, created_at, modified_at) "
                "VALUES (1, :u, 1, 1, 4, 12, 'minister', 'The ', ' said', NULL, 'old note', "
                "'proposed', false, :t, :t)", u=UUID_A, t=WHEN)
            run("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (1, 1)")
            run("INSERT INTO reviews (id, uuid, annotation_id, reviewer_id, parent_id, "
                "decision, body, created_at) VALUES (1, :u, 1, 2, NULL, NULL, 'why?', :t)",
                u=UUID_R, t=WHEN)
            run("INSERT INTO history (at, reviewer, command, action, entity, entity_id, old, "
                "new) VALUES (:t, 'ana', 'AddAnnotation', 'apply', 'annotation', :u, NULL, "
                "'{}')", t=WHEN, u=UUID_A)
    finally:
        engine.dispose()


def test_a_workspace_with_work_upgrades_and_versions_start_at_one(db_location: str) -> None:
    url = db_location if "://" in db_location else f"sqlite:///{db_location}"
    _old_workspace(url)
    ws = Workspace.open(db_location, reviewer="ben", default_codebook=False)
    try:
        assert ws.schema_revision() == HEAD_REVISION
        (view,) = ws.annotations(1)
        assert (view.quote, view.note, view.tags, view.author) == (
            "minister", "old note", ("Claim",), "ana")
        assert view.version == 1
        assert ws.reports()[0].version == 1 and ws.tags()[0].version == 1
        thread = ws.review_thread(UUID_A)
        assert thread is not None and thread.entries[0].version == 1
        assert ws.search("militias")[0].report_id == 1  # the search index survived the upgrade
        team = ws.team()
        assert not team.roles_in_use and team.role is None  # nobody has a role: all allowed
        assert {m.role for m in team.members} == {None}
        # the version checks work at once on the old rows
        stale = view
        ws.run(EditAnnotation(UUID_A, AnnotationFields(note="ben's note")).based_on(view))
        with pytest.raises(ConflictError) as refused:
            ws.run(DecideAnnotations([UUID_A], "accepted").based_on(stale))
        (conflict,) = refused.value.conflicts
        assert (conflict.expected, conflict.current, conflict.by) == (1, 2, "ben")
        assert ws.annotation(UUID_A).note == "ben's note"  # type: ignore[union-attr]
    finally:
        ws.close()
