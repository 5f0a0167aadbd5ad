"""GET /logs/{executionId} and its download (Kestra's LogController.listLogsFromExecution,
downloadLogsFromExecution; ExecutionLogService.getExecutionLogsAsStream joins
LogEntry.toPrettyString lines: `<Instant> <LEVEL> <message>`)."""
import pytest

from kestraweb.models import RoleBinding

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db


def test_it_lists_an_executions_logs_in_order(client, logged):
    body = client.get(f"/api/v1/main/logs/{logged}").json()
    assert [line["message"] for line in body] == ["starting", "hello world", "careful", "it broke"]
    assert {"namespace", "flowId", "executionId", "taskRunId", "taskId", "timestamp", "level"} <= set(body[0])
    assert body[0]["namespace"] == "company" and body[0]["flowId"] == "hello"


def test_it_filters_by_min_level_task_taskrun_and_attempt(client, logged):
    def messages(query):
        return [line["message"] for line in client.get(f"/api/v1/main/logs/{logged}?{query}").json()]

    assert messages("minLevel=WARN") == ["careful", "it broke"]
    assert messages("taskId=bye") == ["it broke"]
    assert messages("taskRunId=tr-hello&minLevel=INFO") == ["hello world", "careful"]
    assert messages("attempt=1") == []


def test_it_refuses_an_unknown_level_or_attempt(client, logged):
    assert "minLevel" in str(assert_problem(client.get(f"/api/v1/main/logs/{logged}?minLevel=LOUD"), 422))
    assert_problem(client.get(f"/api/v1/main/logs/{logged}?attempt=x"), 422)


def test_an_unknown_execution_has_no_logs(client):
    assert client.get("/api/v1/main/logs/nope").json() == []
    assert_problem(client.get("/api/v1/main/logs/nope/download"), 404)


def test_it_downloads_lines_as_kestra_prints_them(client, logged):
    response = client.get(f"/api/v1/main/logs/{logged}/download?minLevel=INFO", HTTP_ACCEPT="text/plain")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().split("\n") == [
        "2026-01-01T00:00:01.120Z INFO hello world",
        "2026-01-01T00:00:02.120Z WARN careful",
        "2026-01-01T00:00:03.120Z ERROR it broke",
    ]


def test_the_in_script_library_downloads_without_tenant(client, logged):
    """kestra 2.0.0's Flow() fetches `/api/v1/logs/{id}/download` (api-contract §5)."""
    response = client.get(f"/api/v1/logs/{logged}/download")
    assert response.status_code == 200
    assert response.content.decode().endswith("ERROR it broke")


def test_a_user_without_a_role_reads_nothing(alice, plain_user, logged):
    assert_problem(alice.get(f"/api/v1/main/logs/{logged}"), 403)
    assert_problem(alice.get(f"/api/v1/main/logs/{logged}/download"), 403)
    RoleBinding.objects.create(user=plain_user, role="viewer", namespace="company")
    assert len(alice.get(f"/api/v1/main/logs/{logged}").json()) == 4
