"""Hints for SQLite's query planner where its statistics cannot know better.

SQLite as Debian builds it keeps per-index averages only (no STAT4 histograms): over a
million lines of which nearly all are INFO, it takes `level IN ('WARN', 'ERROR')` to
keep half a million, reads the whole log newest first for 25 warnings that are not
there (600 ms) instead of looking them up in the level index (under 1 ms). PostgreSQL
keeps the most common values of a column and needs no hint."""
from __future__ import annotations

from django.db.models import BooleanField, ExpressionWrapper, Func, Q


class Unlikely(Func):
    """`condition`, which the planner is told holds for few rows (SQLite's unlikely())."""

    function = "unlikely"
    output_field = BooleanField()

    def __init__(self, condition: Q):
        super().__init__(ExpressionWrapper(condition, output_field=BooleanField()))

    def as_sql(self, compiler, connection, **extra):
        return compiler.compile(self.source_expressions[0])

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, **extra)


def unlikely(condition: Q) -> Q:
    return Q(Unlikely(condition))
