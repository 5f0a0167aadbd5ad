"""GET /triggers/export/by-query/csv (Kestra's TriggerController#exportTriggers): one
CSV row per visible trigger the filters select."""
import csv
import io

import pytest

from kestraweb.models import RoleBinding

pytestmark = pytest.mark.django_db


def rows(response):
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def test_it_exports_the_selected_triggers(client, states):
    found = rows(client.get("/api/v1/main/triggers/export/by-query/csv?filters[triggerId][EQUALS]=daily"))
    assert [(row["namespace"], row["triggerId"], row["disabled"]) for row in found] == [
        ("company.team", "daily", "false"), ("other", "daily", "false")]
    assert all(row["nextExecutionDate"] for row in found)


def test_it_exports_only_visible_namespaces(alice, plain_user, states):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="other")
    assert {row["namespace"] for row in rows(alice.get("/api/v1/main/triggers/export/by-query/csv"))} == {"other"}
