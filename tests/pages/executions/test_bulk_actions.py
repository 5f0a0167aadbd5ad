"""Bulk kill, restart and delete from the list: each selected execution the user may
change and whose state allows it gets the action; the page says how many, and which
were refused and why."""
import pytest
from django.contrib.messages import get_messages

from executions.models import Execution

from .conftest import execution, grant

pytestmark = pytest.mark.django_db


def said(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_it_deletes_the_ended_and_refuses_the_running(admin_client):
    execution("done1", state="SUCCESS")
    execution("done2", state="FAILED")
    execution("busy", state="RUNNING")
    response = admin_client.post("/ui/executions/bulk", {"action": "delete", "ids": ["done1", "done2", "busy"],
                                                        "next": "/ui/executions?namespace=company"})
    assert response.status_code == 302 and response["Location"] == "/ui/executions?namespace=company"
    assert set(Execution.objects.values_list("id", flat=True)) == {"busy"}
    messages = said(response)
    assert messages[0] == "Deleted 2 executions."
    assert messages[1].startswith("Refused 1: busy: kill the execution before deleting it")


def test_it_kills_the_running(admin_client):
    execution("busy", state="RUNNING")
    response = admin_client.post("/ui/executions/bulk", {"action": "kill", "ids": ["busy"]})
    assert said(response) == ["Killed 1 execution."]
    assert Execution.objects.get(pk="busy").state == "KILLING"


def test_it_refuses_executions_the_user_may_not_change(alice_client, plain_user):
    grant(plain_user, "editor", "company")
    grant(plain_user, "viewer", "readonly")
    execution("mine", namespace="company.team")
    execution("seen", namespace="readonly")
    execution("hidden", namespace="secret")
    response = alice_client.post("/ui/executions/bulk", {"action": "delete", "ids": ["mine", "seen", "hidden"]})
    assert set(Execution.objects.values_list("id", flat=True)) == {"seen", "hidden"}
    done, refused = said(response)
    assert done == "Deleted 1 execution."
    assert "seen: your role in namespace readonly does not allow changes" in refused
    assert "hidden: not found" in refused and "secret" not in refused


def test_an_unknown_action_is_a_400(admin_client):
    assert admin_client.post("/ui/executions/bulk", {"action": "explode", "ids": ["x"]}).status_code == 400


def test_it_goes_back_to_the_list_only(admin_client):
    response = admin_client.post("/ui/executions/bulk", {"action": "kill", "ids": [], "next": "https://evil.example/"})
    assert response["Location"] == "/ui/executions"
