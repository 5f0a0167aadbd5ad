"""An execution's Topology tab: the revision it ran, each task coloured by its runs."""
import re

import pytest

from tests.flow_runs import run_flow, save
from tests.pages.conftest import grant

from .flows import LOOP

pytestmark = pytest.mark.django_db


def _node_state(html: str, task_id: str) -> str | None:
    found = re.search(rf'class="topology-node[^"]*" data-task-id="{task_id}"(?: data-state="(\w+)")?', html)
    assert found, f"no node for {task_id}"
    return found.group(1)


def _url(execution) -> str:
    return f"/ui/executions/{execution.namespace}/{execution.flow_id}/{execution.id}/topology"


def test_it_colours_each_task_by_its_task_runs(admin_client):
    run = run_flow(LOOP)
    response = admin_client.get(_url(run.execution))
    assert response.status_code == 200
    html = response.content.decode()
    assert _node_state(html, "each") == "SUCCESS"
    assert _node_state(html, "say") == "SUCCESS" and "×2" in html
    assert _node_state(html, "boom") == "FAILED"
    assert _node_state(html, "never") is None
    assert 'aria-current="page">Topology' in html


def test_it_draws_the_revision_the_execution_ran(admin_client):
    run = run_flow(LOOP)
    save(LOOP.replace("id: never", "id: added_later"))
    html = admin_client.get(_url(run.execution)).content.decode()
    assert 'data-task-id="never"' in html and "added_later" not in html


def test_it_hides_the_execution_from_a_user_without_a_role_there(alice_client, plain_user):
    run = run_flow(LOOP)
    assert alice_client.get(_url(run.execution)).status_code == 404
    grant(plain_user, "viewer", "company.team")
    assert alice_client.get(_url(run.execution)).status_code == 200


def test_it_answers_404_for_an_execution_of_another_flow(admin_client):
    run = run_flow(LOOP)
    assert admin_client.get(f"/ui/executions/company.team/other/{run.execution.id}/topology").status_code == 404
