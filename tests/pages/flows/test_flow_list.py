"""The flows list: search, the namespace tree, labels, pages, and only what the user may see."""
import pytest

from kestraweb.models import Preferences

from ..conftest import grant
from .sources import saved_flow

pytestmark = pytest.mark.django_db


def ids(response) -> list[str]:
    return [flow.flow_id for flow in response.context["page"].object_list]


@pytest.fixture
def flows():
    saved_flow("alpha", "company.team", extra="labels:\n  env: prod")
    saved_flow("beta", "company.team.sub", extra="description: loads the beta feed")
    saved_flow("gamma", "company2")
    saved_flow("delta", "other")


def test_it_lists_every_flow_to_an_admin_in_namespace_order(admin_client, flows):
    response = admin_client.get("/ui/flows")
    assert response.status_code == 200
    assert ids(response) == ["alpha", "beta", "gamma", "delta"]


def test_it_searches_ids_and_namespaces(admin_client, flows):
    assert ids(admin_client.get("/ui/flows?q=ALP")) == ["alpha"]
    assert ids(admin_client.get("/ui/flows?q=other")) == ["delta"]


def test_a_namespace_keeps_its_children_but_not_its_lookalikes(admin_client, flows):
    assert ids(admin_client.get("/ui/flows?namespace=company")) == ["alpha", "beta"]
    assert ids(admin_client.get("/ui/flows?namespace=company.team.sub")) == ["beta"]


def test_it_filters_by_label_and_links_each_label(admin_client, flows):
    response = admin_client.get("/ui/flows?labels=env:prod")
    assert ids(response) == ["alpha"]
    assert b"?labels=env%3Aprod" in admin_client.get("/ui/flows").content


def test_a_label_without_a_value_is_a_named_error_not_a_crash(admin_client, flows):
    response = admin_client.get("/ui/flows?labels=env")
    assert response.status_code == 200
    assert "labels" in response.context["problem"] and ids(response) == []


def test_the_tree_shows_every_level_of_the_visible_namespaces(admin_client, flows):
    tree = [(node.name, node.depth) for node in admin_client.get("/ui/flows").context["tree"]]
    assert tree == [("company", 0), ("company.team", 1), ("company.team.sub", 2), ("company2", 0), ("other", 0)]


def test_a_user_sees_only_the_namespaces_of_their_roles(alice_client, plain_user, flows):
    grant(plain_user, "viewer", "company.team")
    response = alice_client.get("/ui/flows")
    assert ids(response) == ["alpha", "beta"]
    assert [node.name for node in response.context["tree"]] == ["company", "company.team", "company.team.sub"]
    assert b"delta" not in response.content and b"company2" not in response.content


def test_a_user_with_no_role_sees_no_flow(alice_client, flows):
    assert ids(alice_client.get("/ui/flows")) == []


def test_the_default_namespace_filters_until_another_filter_is_chosen(admin_client, admin_user, flows):
    Preferences.objects.create(user=admin_user, default_namespace="company.team.sub")
    assert ids(admin_client.get("/ui/flows")) == ["beta"]
    assert ids(admin_client.get("/ui/flows?namespace=")) == ["alpha", "beta", "gamma", "delta"]
    assert ids(admin_client.get("/ui/flows?q=gamma")) == ["gamma"]


def test_create_is_offered_only_to_who_may_write_somewhere(alice_client, plain_user, admin_client, flows):
    grant(plain_user, "viewer", "company")
    assert b'href="/ui/flows/new"' not in alice_client.get("/ui/flows").content
    assert b'href="/ui/flows/new"' in admin_client.get("/ui/flows").content
    grant(plain_user, "editor", "other")
    assert b'href="/ui/flows/new"' in alice_client.get("/ui/flows").content


def test_it_pages_the_list(admin_client, flows):
    response = admin_client.get("/ui/flows?size=2&page=2")
    assert ids(response) == ["gamma", "delta"]
    assert response.context["page"].paginator.count == 4


def test_deleted_flows_are_not_listed(admin_client, flows):
    from flows.flow_changes import delete_flow, live_flow

    delete_flow(live_flow("other", "delta"))
    assert "delta" not in ids(admin_client.get("/ui/flows"))
