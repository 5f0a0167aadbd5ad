"""Home's filters: a namespace keeps it and its children; the period keeps the
executions started in it; a bad period is a message, never a 500."""
from datetime import timedelta

import pytest
from django.utils import timezone

from kestraweb.models import Preferences
from tests.pages.records import execution

pytestmark = pytest.mark.django_db


def test_it_keeps_a_namespace_and_its_children(admin_client):
    execution("company.team")
    execution("company.team.sub")
    execution("company.teamx")
    response = admin_client.get("/ui/?namespace=company.team")
    assert response.context["total"] == 2


def test_it_keeps_the_executions_of_the_period(admin_client):
    execution("company.team", started=timezone.now() - timedelta(hours=2))
    execution("company.team", started=timezone.now() - timedelta(days=3))
    assert admin_client.get("/ui/?range=24h").context["total"] == 1
    assert admin_client.get("/ui/?range=7d").context["total"] == 2
    day = (timezone.localtime() - timedelta(days=3)).date().isoformat()
    assert admin_client.get(f"/ui/?range=custom&start={day}&end={day}").context["total"] == 1


@pytest.mark.parametrize("query, named", [("range=forever", "range"), ("range=custom&start=x&end=2026-01-01", "start"),
                                          ("range=custom&start=2026-02-01&end=2026-01-01", "start")])
def test_it_names_a_bad_period(admin_client, query, named):
    response = admin_client.get(f"/ui/?{query}")
    assert response.status_code == 400
    assert response.context["error"].startswith(named)


def test_it_starts_from_the_users_default_namespace(admin_client, admin_user):
    Preferences.objects.create(user=admin_user, default_namespace="company.team")
    execution("company.team")
    execution("other")
    assert admin_client.get("/ui/").context["total"] == 1
    assert admin_client.get("/ui/?namespace=").context["total"] == 2
