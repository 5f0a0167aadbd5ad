"""POST /flows/validate/task?section=TASKS|TRIGGERS and /flows/validate/trigger (Kestra's
FlowController.validateTask, validateTrigger): one JSON task or trigger, 200 with one
ValidateConstraintViolation whose `constraints` names the bad property."""
import pytest

from ..conftest import assert_problem

pytestmark = pytest.mark.django_db

LOG = {"id": "log", "type": "io.kestra.plugin.core.log.Log", "message": "hi"}
SCHEDULE = {"id": "daily", "type": "io.kestra.plugin.core.trigger.Schedule", "cron": "0 9 * * *"}


def verdict(client, url, body):
    response = client.post(url, body, format="json")
    assert response.status_code == 200, response.content
    return response.json()["constraints"]


def test_it_validates_a_task(client):
    assert verdict(client, "/api/v1/main/flows/validate/task?section=TASKS", LOG) is None
    problem = verdict(client, "/api/v1/main/flows/validate/task", {**LOG, "mesage": "x"})
    assert "mesage" in problem and "tasks[0]" not in problem
    assert verdict(client, "/api/v1/main/flows/validate/task", ["not", "a", "task"])


def test_it_validates_a_trigger(client):
    assert verdict(client, "/api/v1/main/flows/validate/trigger", SCHEDULE) is None
    assert verdict(client, "/api/v1/main/flows/validate/task?section=TRIGGERS", SCHEDULE) is None
    assert "cron" in verdict(client, "/api/v1/main/flows/validate/trigger", {**SCHEDULE, "cron": None})
    assert_problem(client.post("/api/v1/main/flows/validate/task?section=NOPE", LOG, format="json"), 422)
