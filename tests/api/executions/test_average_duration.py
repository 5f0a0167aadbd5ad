"""GET /executions/namespaces/{ns}/flows/{flowId}/average-duration (Kestra's
ExecutionController#averageDuration, the progress bar's estimate): the count-weighted
average of the flow's runs that ended in the last 30 days, whatever their final state."""
from datetime import timedelta

import pytest
from django.utils import timezone

from executions.models import Execution
from kestraweb.models import RoleBinding

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db
URL = "/api/v1/main/executions/namespaces/{}/flows/{}/average-duration"


def ran(id, seconds, namespace="team.a", flow_id="f", state="SUCCESS", days_ago=0):
    start = timezone.now() - timedelta(days=days_ago, hours=1)
    end = None if state == "RUNNING" else start + timedelta(seconds=seconds)
    Execution.objects.create(id=id, namespace=namespace, flow_id=flow_id, flow_revision=1, state=state,
                             start_date=start, end_date=end)


def test_it_averages_every_ended_run_of_the_flow(client):
    ran("a", 1.0)
    ran("b", 2.0)
    ran("c", 3.0, state="FAILED")
    assert client.get(URL.format("team.a", "f")).json() == {"avgDurationMs": 2000, "count": 3}


def test_it_leaves_out_running_old_and_other_flows_runs(client):
    ran("a", 1.5)
    ran("running", 0, state="RUNNING")
    ran("old", 99, days_ago=60)
    ran("other-flow", 99, flow_id="g")
    ran("other-namespace", 99, namespace="team.b")
    assert client.get(URL.format("team.a", "f")).json() == {"avgDurationMs": 1500, "count": 1}


def test_a_flow_that_never_ran_has_no_estimate(client):
    assert client.get(URL.format("team.a", "never")).json() == {"avgDurationMs": None, "count": 0}


def test_it_is_served_without_the_tenant_too(client):
    ran("a", 0.25)
    assert client.get("/api/v1/executions/namespaces/team.a/flows/f/average-duration").json() == {
        "avgDurationMs": 250, "count": 1}


def test_it_needs_read_access_to_the_namespace(alice, plain_user):
    ran("a", 1.0)
    assert_problem(alice.get(URL.format("team.a", "f")), 403)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="team.a")
    assert alice.get(URL.format("team.a", "f")).json() == {"avgDurationMs": 1000, "count": 1}
