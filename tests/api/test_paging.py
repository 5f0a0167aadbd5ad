"""Kestra's paging (PageableUtils): `page` 1-based, `size` at most 1000 (else 422),
`sort=field:asc|desc` on the endpoint's fields; `{results, total}` (PagedResults)."""
import pytest

from .conftest import assert_problem
from .factories import execution

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.probe_urls")]

URL = "/api/v1/probe/executions/search"


@pytest.fixture(autouse=True)
def rows():
    for i in range(25):
        execution(f"e{i:02}", minutes=i)


def test_it_pages_without_overlap_and_counts_the_total(client):
    seen = []
    for page in (1, 2, 3):
        body = client.get(f"{URL}?page={page}&size=10&sort=id:asc").json()
        assert body["total"] == 25
        seen += [row["id"] for row in body["results"]]
    assert seen == [f"e{i:02}" for i in range(25)]


def test_it_sorts_by_a_whitelisted_field(client):
    body = client.get(f"{URL}?size=3&sort=state.startDate:desc").json()
    assert [row["id"] for row in body["results"]] == ["e24", "e23", "e22"]


def test_it_gives_an_empty_page_past_the_end(client):
    assert client.get(f"{URL}?page=9&size=10").json() == {"results": [], "total": 25}


def test_it_rejects_a_size_over_1000(client):
    body = assert_problem(client.get(f"{URL}?size=1001"), 422)
    assert body["errors"][0]["pointer"] == "size"
    assert client.get(f"{URL}?size=1000").status_code == 200


def test_it_rejects_bad_page_and_sort(client):
    assert_problem(client.get(f"{URL}?page=0"), 422)
    assert_problem(client.get(f"{URL}?page=two"), 422)
    assert "secret" in assert_problem(client.get(f"{URL}?sort=secret:asc"), 422)["detail"]
    assert_problem(client.get(f"{URL}?sort=id:sideways"), 422)
