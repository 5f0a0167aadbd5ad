"""Warnings and errors are searched with SQLite's unlikely() hint (executions.planner_hints),
the other levels without; the lines found are the same either way."""
from datetime import timedelta

import pytest
from django.db import connection
from django.http import QueryDict

from api.filters import filter_q
from api.logs.views import FIELDS
from executions.models import LogEntry

from ..factories import BASE

pytestmark = pytest.mark.django_db


class Params:
    def __init__(self, query: str):
        self.query_params = QueryDict(query)


def searched(query: str):
    return LogEntry.objects.filter(filter_q(Params(query), FIELDS)).order_by("-timestamp")


@pytest.fixture
def lines():
    for n, level in enumerate(("TRACE", "DEBUG", "INFO", "INFO", "WARN", "ERROR")):
        LogEntry.objects.create(execution_id="e1", namespace="company", flow_id="hello", level=level,
                                timestamp=BASE + timedelta(seconds=n), message=f"{level} {n}")


@pytest.mark.parametrize(("query", "hinted", "levels"), [
    ("minLevel=WARN", True, ["ERROR", "WARN"]),
    ("minLevel=ERROR", True, ["ERROR"]),
    ("filters[level][EQUALS]=INFO", False, ["INFO", "INFO"]),
    ("minLevel=DEBUG", False, ["ERROR", "WARN", "INFO", "INFO", "DEBUG"]),
])
def test_only_the_rare_levels_are_hinted(lines, query, hinted, levels):
    rows = searched(query)
    assert [row.level for row in rows] == levels
    sql = str(rows.query).lower()
    assert ("unlikely(" in sql) == (hinted and connection.vendor == "sqlite")
