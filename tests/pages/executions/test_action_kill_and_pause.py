"""Kill and pause from the execution's page; a state that refuses the action is said
on the page (no 500, nothing changed)."""
import pytest
from django.contrib.messages import get_messages

from executions.models import Execution

from .conftest import execution

pytestmark = pytest.mark.django_db

BASE = "/ui/executions/company/f/live"


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_it_kills_a_running_execution(admin_client):
    execution("live", flow_id="f", state="RUNNING")
    response = admin_client.post(BASE + "/actions/kill", {"tab": "logs"})
    assert response.status_code == 302 and response["Location"] == BASE + "/logs"
    assert Execution.objects.get(pk="live").state == "KILLING"
    assert said(response) == ["Killing the execution."]


def test_it_pauses_a_running_execution(admin_client):
    execution("live", flow_id="f", state="RUNNING")
    content = admin_client.get(BASE + "/gantt").content.decode()
    assert "/actions/kill" in content and "/actions/pause" in content
    admin_client.post(BASE + "/actions/pause")
    assert Execution.objects.get(pk="live").state == "PAUSED"


def test_a_refused_action_is_said(admin_client):
    execution("live", flow_id="f", state="SUCCESS")
    response = admin_client.post(BASE + "/actions/kill")
    assert response.status_code == 302 and Execution.objects.get(pk="live").state == "SUCCESS"
    assert said(response)[0].startswith("kill: ")


def test_an_unknown_action_is_a_404(admin_client):
    execution("live", flow_id="f", state="RUNNING")
    assert admin_client.post(BASE + "/actions/explode").status_code == 404


def test_actions_are_posts_only(admin_client):
    execution("live", flow_id="f", state="RUNNING")
    assert admin_client.get(BASE + "/actions/kill").status_code == 405
    assert Execution.objects.get(pk="live").state == "RUNNING"
