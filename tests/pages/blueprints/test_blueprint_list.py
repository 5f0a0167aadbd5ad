"""/ui/blueprints: the catalog by category, with a search and a category filter."""
import pytest

from kestraweb.pages.blueprints.catalog import CATEGORIES, all_blueprints

pytestmark = pytest.mark.django_db


def test_it_lists_every_blueprint_under_its_category(admin_client):
    response = admin_client.get("/ui/blueprints")
    assert response.status_code == 200
    html = response.content.decode()
    for title in CATEGORIES.values():
        assert title in html
    for blueprint in all_blueprints():
        assert f'href="/ui/blueprints/{blueprint.id}"' in html


def test_it_answers_under_the_tenant_too(admin_client):
    assert admin_client.get("/ui/main/blueprints").status_code == 200


def test_it_searches_title_description_and_yaml(admin_client):
    html = admin_client.get("/ui/blueprints", {"q": "kv.Set"}).content.decode()
    assert 'href="/ui/blueprints/kv-set-get"' in html
    assert 'href="/ui/blueprints/hello-world"' not in html


def test_it_filters_by_category(admin_client):
    html = admin_client.get("/ui/blueprints", {"category": "error-handling"}).content.decode()
    assert 'href="/ui/blueprints/retries"' in html
    assert 'href="/ui/blueprints/sqlite-in-memory"' not in html


def test_it_says_when_nothing_matches(admin_client):
    response = admin_client.get("/ui/blueprints", {"q": "no-such-thing-anywhere"})
    assert response.status_code == 200
    assert "No blueprint matches" in response.content.decode()


def test_it_ignores_an_unknown_category(admin_client):
    html = admin_client.get("/ui/blueprints", {"category": "<script>"}).content.decode()
    assert "<script>" not in html.split('id="blueprint-results"')[1]
    assert 'href="/ui/blueprints/hello-world"' in html
