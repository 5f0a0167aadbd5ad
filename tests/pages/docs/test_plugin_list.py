"""/ui/docs/plugins: every task, trigger and condition type, by family and package."""
import pytest

from plugins.api.catalog import visible_types

pytestmark = pytest.mark.django_db


def test_it_links_every_visible_type(admin_client):
    html = admin_client.get("/ui/docs/plugins").content.decode()
    for name in visible_types():
        assert f'href="/ui/docs/plugins/{name}"' in html, name
    for heading in ("io.kestra.plugin.core", "io.kestra.plugin.jdbc", "Tasks", "Triggers", "Conditions"):
        assert heading in html


def test_it_searches_names_and_descriptions(admin_client):
    html = admin_client.get("/ui/docs/plugins", {"q": "snowflake"}).content.decode()
    assert 'href="/ui/docs/plugins/io.kestra.plugin.jdbc.snowflake.Query"' in html
    assert 'href="/ui/docs/plugins/io.kestra.plugin.core.log.Log"' not in html


def test_it_says_when_nothing_matches(admin_client):
    assert "No plugin type matches" in admin_client.get("/ui/docs/plugins", {"q": "zzz-nothing"}).content.decode()


def test_the_index_links_the_guides_and_the_families(admin_client):
    html = admin_client.get("/ui/docs").content.decode()
    for slug in ("concepts", "expressions", "inputs", "triggers", "api"):
        assert f'href="/ui/docs/{slug}"' in html
    assert 'href="/ui/docs/plugins#family-core"' in html
