"""Roles per namespace prefix (issue 15, "Team accounts and access"): a viewer reads, an
editor also writes, an admin does all; a binding covers its namespace and the children
on namespace boundaries (`company` covers `company.team`, not `companyx`), to a user or
to a group; searches never show another namespace's rows."""
import pytest
from django.contrib.auth.models import Group

from kestraweb.access import ADMIN, READ, WRITE, can
from kestraweb.models import RoleBinding

from .conftest import assert_problem
from .factories import execution

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.api.probe_urls")]


def ids(response):
    assert response.status_code == 200, response.content
    return sorted(row["id"] for row in response.json()["results"])


def test_it_grants_by_role(plain_user):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert can(plain_user, READ, "company.team")
    assert not can(plain_user, WRITE, "company.team")
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="company.team")
    plain_user = type(plain_user).objects.get(pk=plain_user.pk)  # bindings are read once per user object
    assert can(plain_user, WRITE, "company.team.sub")
    assert not can(plain_user, WRITE, "company")
    assert not can(plain_user, ADMIN, "company.team")


def test_it_matches_prefixes_on_namespace_boundaries(plain_user):
    RoleBinding.objects.create(user=plain_user, role="admin", namespace="company")
    assert can(plain_user, ADMIN, "company")
    assert not can(plain_user, READ, "companyx")
    assert not can(plain_user, READ, "Company.team")


def test_it_grants_through_a_group(plain_user):
    team = Group.objects.create(name="team")
    plain_user.groups.add(team)
    RoleBinding.objects.create(group=team, role="editor", namespace="*")
    assert can(plain_user, WRITE, "anything.at.all")


def test_a_viewer_cannot_write(alice, plain_user):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    body = assert_problem(alice.post("/api/v1/probe/namespaces/company/write"), 403)
    assert "company" in body["detail"]
    RoleBinding.objects.create(user=plain_user, role="editor", namespace="company")
    assert alice.post("/api/v1/probe/namespaces/company/write").status_code == 200


def test_a_search_shows_only_visible_namespaces(alice, client, plain_user):
    for i, namespace in enumerate(["company", "company.team", "companyx", "Company.team", "other"]):
        execution(f"e{i}", namespace=namespace)
    assert ids(alice.get("/api/v1/probe/executions/search")) == []
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert ids(alice.get("/api/v1/probe/executions/search")) == ["e0", "e1"]
    assert ids(alice.get("/api/v1/probe/executions/search?filters[namespace][EQUALS]=other")) == []
    assert len(ids(client.get("/api/v1/probe/executions/search"))) == 5  # a superuser sees all
