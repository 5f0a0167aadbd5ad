"""GET /kv (Kestra's list of all keys, paged, filtered), GET /namespaces/{ns}/kv
(0.x listKeys) and /namespaces/{ns}/kv/inheritance (KVController.listKeysWithInheritence:
the namespace then its parents, collapseNamespace)."""
from datetime import timedelta

import pytest
from django.utils import timezone

from executions.models import KVEntry
from kestraweb.models import RoleBinding

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db


@pytest.fixture
def keys():
    for namespace, key in [("company", "a"), ("company.team", "b"), ("company.team", "c"), ("other", "d")]:
        KVEntry.objects.create(namespace=namespace, key=key, value=1, description=f"about {key}")
    KVEntry.objects.create(namespace="company", key="gone", value=1, expiration=timezone.now() - timedelta(1))


def pairs(rows):
    return [(row["namespace"], row["key"]) for row in rows]


def test_it_lists_all_unexpired_keys_paged(client, keys):
    body = client.get("/api/v1/main/kv?size=3").json()
    assert body["total"] == 4
    assert pairs(body["results"]) == [("company", "a"), ("company.team", "b"), ("company.team", "c")]
    assert {"revision", "description", "creationDate", "updateDate", "expirationDate"} <= set(body["results"][0])


def test_it_filters_all_keys(client, keys):
    assert pairs(client.get("/api/v1/main/kv?filters[namespace][EQUALS]=company.team&sort=key:desc").json()[
        "results"]) == [("company.team", "c"), ("company.team", "b")]
    assert pairs(client.get("/api/v1/main/kv?q=about d").json()["results"]) == [("other", "d")]
    assert_problem(client.get("/api/v1/main/kv?sort=value:asc"), 422)


def test_it_lists_a_namespaces_keys_and_inherited_ones(client, keys):
    assert pairs(client.get("/api/v1/main/namespaces/company.team/kv").json()) == [
        ("company.team", "b"), ("company.team", "c")]
    assert pairs(client.get("/api/v1/main/namespaces/company.team/kv/inheritance").json()) == [
        ("company.team", "b"), ("company.team", "c"), ("company", "a")]


def test_lists_show_only_visible_namespaces(alice, plain_user, keys):
    assert alice.get("/api/v1/main/kv").json()["total"] == 0
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company.team")
    assert pairs(alice.get("/api/v1/main/kv").json()["results"]) == [("company.team", "b"), ("company.team", "c")]
    assert pairs(alice.get("/api/v1/main/namespaces/company.team/kv/inheritance").json()) == [
        ("company.team", "b"), ("company.team", "c")]
    assert_problem(alice.get("/api/v1/main/namespaces/company/kv"), 403)
