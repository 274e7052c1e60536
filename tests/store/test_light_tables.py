"""The plain table clauses the library's list reads name real tables and columns, with the
types the ORM's rows give them where a value is converted (dates, times, JSON)."""

from __future__ import annotations

from sqlalchemy import JSON, Date, DateTime

from glossator.store import light_tables
from glossator.store.models import Base

CLAUSES = (light_tables.REPORTS, light_tables.FOOTNOTES, light_tables.FOOTNOTE_REFS,
           light_tables.ANNOTATIONS)


def test_every_clause_column_is_a_column_of_the_schema_with_its_type():
    for clause in CLAUSES:
        real = Base.metadata.tables[clause.name]
        for column in clause.c:
            assert column.name in real.c, f"{clause.name}.{column.name}"
            declared = real.c[column.name].type
            for converted in (Date, DateTime, JSON):
                if isinstance(declared, converted):
                    assert isinstance(column.type, converted), f"{clause.name}.{column.name}"
            if isinstance(declared, DateTime):
                assert column.type.timezone == declared.timezone
