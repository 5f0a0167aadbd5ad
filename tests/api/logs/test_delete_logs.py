"""DELETE /logs/{executionId} (same filters as the list) and DELETE /logs/{ns}/{flowId}
?triggerId (Kestra's LogController.deleteLogsFromExecution, deleteLogsFromFlow)."""
import pytest

from executions.models import LogEntry
from kestraweb.models import RoleBinding

from ..conftest import assert_problem
from .conftest import write_lines

pytestmark = pytest.mark.django_db


def test_it_deletes_the_lines_the_filters_keep(client, logged):
    assert client.delete(f"/api/v1/main/logs/{logged}?minLevel=WARN").status_code == 204
    assert list(LogEntry.objects.values_list("message", flat=True)) == ["starting", "hello world"]
    assert client.delete(f"/api/v1/main/logs/{logged}").status_code == 204
    assert not LogEntry.objects.exists()


def test_it_deletes_a_flows_trigger_logs(client):
    write_lines("schedule", lines=[("x", "INFO", "trigger")])
    LogEntry.objects.filter(execution_id="schedule").update(trigger_id="schedule")
    write_lines("exec2", flow_id="other")
    assert client.delete("/api/v1/main/logs/company/hello?triggerId=schedule").status_code == 204
    assert not LogEntry.objects.filter(flow_id="hello").exists()
    assert LogEntry.objects.filter(flow_id="other").count() == 4


def test_a_viewer_cannot_delete_logs(alice, plain_user, logged):
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert_problem(alice.delete(f"/api/v1/main/logs/{logged}"), 403)
    assert_problem(alice.delete("/api/v1/main/logs/company/hello"), 403)
    assert LogEntry.objects.count() == 4
