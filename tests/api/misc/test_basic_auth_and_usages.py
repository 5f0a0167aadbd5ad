"""POST /basicAuth (Kestra's MiscController#addBasicAuth) and GET /usages/all, /usages
(MiscController#usages, CollectorService): superusers only; the login works at once; the
usage counts flows, the types they use and the day's executions."""
import base64

import pytest
from rest_framework.test import APIClient

from flows.services import save_flow

from ..conftest import assert_problem
from ..factories import execution
from ..flows.sources import flow_yaml

pytestmark = pytest.mark.django_db


def test_basic_auth_creates_a_superuser_that_can_log_in(client):
    response = client.post("/api/v1/main/basicAuth", {"uid": "x", "username": "ops@example.com",
                                                      "password": "Secret123"}, format="json")
    assert response.status_code == 204
    ops = APIClient()
    ops.credentials(HTTP_AUTHORIZATION="Basic " + base64.b64encode(b"ops@example.com:Secret123").decode())
    assert ops.get("/api/v1/me").json()["username"] == "ops@example.com"


def test_basic_auth_refuses_a_weak_password_and_non_superusers(client, alice):
    body = assert_problem(client.post("/api/v1/main/basicAuth", {"username": "ops", "password": "short"},
                                      format="json"), 422)
    assert body["errors"][0]["pointer"] == "password"
    assert_problem(alice.post("/api/v1/main/basicAuth", {"username": "alice", "password": "Secret123"},
                              format="json"), 403)


def test_basic_auth_through_kestrapy(kestra_client, django_user_model):
    from kestrapy.models.basic_auth_credentials import BasicAuthCredentials
    kestra_client.misc.create_basic_auth("main", BasicAuthCredentials(uid="u", username="ci", password="Secret123"))
    assert django_user_model.objects.get(username="ci").is_superuser


def test_usages_count_flows_and_types(client):
    save_flow(flow_yaml("one", "company"))
    save_flow(flow_yaml("two", "company.team"))
    execution("e1", namespace="company", flow_id="one")
    body = client.get("/api/v1/main/usages/all").json()
    assert body["flows"]["count"] == 2 and body["flows"]["namespacesCount"] == 2
    assert sum(body["flows"]["taskTypeCount"].values()) >= 2
    assert body["uuid"] and body["version"] and body["serverType"] == "STANDALONE"
    assert isinstance(body["executions"]["dailyExecutionsCount"], list)
    assert client.get("/api/v1/usages/all").json()["flows"] == body["flows"]
    assert client.get("/api/v1/main/usages").json()["flows"] == body["flows"]


def test_usages_are_for_superusers_only(alice):
    assert_problem(alice.get("/api/v1/main/usages/all"), 403)
    assert_problem(alice.get("/api/v1/main/usages"), 403)
