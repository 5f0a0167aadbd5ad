"""A taskrun's state, the labels and delete, from the page."""
import pytest
from django.contrib.messages import get_messages

from executions.models import Execution, ExecutionLabel, TaskRun

from .conftest import page_of

pytestmark = pytest.mark.django_db


def test_it_changes_a_taskruns_state(admin_client, hello_run):
    hello = hello_run.one("hello")
    admin_client.post(page_of(hello_run) + "/actions/taskrun-state", {"taskrun": hello.id, "state": "FAILED"})
    assert TaskRun.objects.get(pk=hello.id).state == "FAILED"
    assert Execution.objects.get(pk=hello_run.execution.id).state == "RESTARTED"


def test_a_bad_state_is_said(admin_client, hello_run):
    response = admin_client.post(page_of(hello_run) + "/actions/taskrun-state",
                                 {"taskrun": hello_run.one("hello").id, "state": "ASLEEP"})
    assert [str(m) for m in get_messages(response.wsgi_request)] == ["taskrun-state: state: 'ASLEEP' is not a state"]


def test_it_sets_labels_and_keeps_the_others(admin_client, hello_run):
    content = admin_client.get(page_of(hello_run) + "/overview").content.decode()
    assert "env:dev" in content and 'action="' + page_of(hello_run) + '/actions/labels"' in content
    response = admin_client.post(page_of(hello_run) + "/actions/labels", {"labels": "team: data\n\nenv:prod",
                                                                         "tab": "overview"})
    assert response["Location"] == page_of(hello_run) + "/overview"
    rows = dict(ExecutionLabel.objects.filter(execution_id=hello_run.execution.id).values_list("key", "value"))
    assert rows["team"] == "data" and rows["env"] == "prod"


def test_a_bad_label_line_is_named(admin_client, hello_run):
    response = admin_client.post(page_of(hello_run) + "/actions/labels", {"labels": "ok:1\nnot a label"})
    assert [str(m) for m in get_messages(response.wsgi_request)] == \
        ["labels: labels, line 2: 'not a label' is not key:value"]
    assert "ok" not in dict(ExecutionLabel.objects.filter(execution_id=hello_run.execution.id)
                            .values_list("key", "value"))


def test_it_deletes_an_ended_execution(admin_client, hello_run):
    response = admin_client.post(page_of(hello_run) + "/actions/delete")
    assert response["Location"] == "/ui/executions"
    assert not Execution.objects.filter(pk=hello_run.execution.id).exists()


def test_an_unknown_taskrun_is_said_not_a_500(admin_client, hello_run):
    for action in ("taskrun-state", "replay"):
        response = admin_client.post(page_of(hello_run) + f"/actions/{action}", {"taskrun": "nope", "state": "FAILED"})
        assert response.status_code == 302, action
        assert [str(m) for m in get_messages(response.wsgi_request)][-1].startswith(f"{action}: "), action
