"""The list's pages: a page of rows, the next page, newest first across pages."""
import pytest

from .conftest import execution

pytestmark = pytest.mark.django_db


def test_it_pages_newest_first(admin_client):
    for i in range(30):
        execution(f"p{i:02d}", minutes=i)
    first = admin_client.get("/ui/executions", {"size": 25})
    second = admin_client.get("/ui/executions", {"size": 25, "page": 2})
    assert [e.id for e in first.context["executions"]] == [f"p{i:02d}" for i in range(29, 4, -1)]
    assert [e.id for e in second.context["executions"]] == [f"p{i:02d}" for i in range(4, -1, -1)]
    assert "Page 1 of 2 · 30 in all" in first.content.decode()
    assert 'rel="next"' in first.content.decode()


def test_a_page_past_the_end_shows_the_last(admin_client):
    execution("only")
    assert [e.id for e in admin_client.get("/ui/executions", {"page": 9}).context["executions"]] == ["only"]
