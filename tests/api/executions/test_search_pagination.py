"""Paging through 10,000 executions (Kestra's PagedResults over searchExecutions):
pages never overlap nor skip a row, even when many share a start date (the id breaks
ties), and every page states the same total. Run on SQLite and PostgreSQL."""
from datetime import UTC, datetime, timedelta

import pytest

from executions.models import Execution
from executions.models.state_history import iso

pytestmark = pytest.mark.django_db
COUNT, SIZE = 10_000, 1000
BASE = datetime(2026, 1, 1, tzinfo=UTC)


def row(i: int) -> Execution:
    start, end = BASE + timedelta(minutes=i // 7), BASE + timedelta(minutes=i // 7 + 1)
    return Execution(id=f"e{i:05d}", namespace=f"ns{i % 3}", flow_id="f", flow_revision=1, state="SUCCESS",
                     state_history=[{"state": "CREATED", "date": iso(start)}, {"state": "SUCCESS", "date": iso(end)}],
                     start_date=start, end_date=end)


@pytest.fixture
def many():
    Execution.objects.bulk_create([row(i) for i in range(COUNT)], batch_size=2000)


@pytest.mark.parametrize("sort", ["state.startDate:desc", "state.startDate:asc"])
def test_pages_cover_every_execution_once_in_a_stable_order(client, many, sort):
    seen, totals, starts = [], set(), []
    for page in range(1, COUNT // SIZE + 2):
        body = client.get("/api/v1/main/executions/search", {"page": page, "size": SIZE, "sort": sort}).json()
        seen += [row["id"] for row in body["results"]]
        starts += [row["state"].get("startDate") for row in body["results"]]
        totals.add(body["total"])
    assert len(seen) == len(set(seen)) == COUNT
    assert totals == {COUNT}
    assert starts == sorted(starts, reverse=sort.endswith("desc"))
    again = client.get("/api/v1/main/executions/search", {"page": 4, "size": SIZE, "sort": sort}).json()
    assert [row["id"] for row in again["results"]] == seen[3 * SIZE:4 * SIZE]
