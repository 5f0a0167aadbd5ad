"""A flow's Execute page in the admin: a form built from the flow's typed inputs that
creates an execution and hands it to the cluster, as Kestra's Execute dialog and its
ExecutionController#createExecution do (inputs read by FlowInputOutput, errors per
input, a disabled flow refused with "Requested Flow is disabled.")."""
import re

import pytest
from django.contrib.auth.models import Permission, User
from django.test import Client
from django.urls import reverse
from django_q.models import OrmQ

from executions.encryption import is_encrypted
from executions.models import Execution
from flows.models import Flow
from flows.services import save_flow
from storage import internal_storage

pytestmark = pytest.mark.django_db

TYPED = """
id: typed
namespace: tests.admin
inputs:
  - id: who
    type: STRING
    defaults: World
    description: Who to greet
  - id: count
    type: INT
  - id: ratio
    type: FLOAT
    required: false
  - id: loud
    type: BOOLEAN
    defaults: true
  - id: color
    type: SELECT
    values: [red, green]
    defaults: green
  - id: sizes
    type: MULTISELECT
    values: [S, M, L]
  - id: day
    type: DATE
    required: false
  - id: at
    type: DATETIME
    required: false
  - id: clock
    type: TIME
    required: false
  - id: wait
    type: DURATION
    required: false
  - id: doc
    type: JSON
    required: false
  - id: conf
    type: YAML
    required: false
  - id: items
    type: ARRAY
    itemType: INT
    required: false
  - id: site
    type: URI
    required: false
  - id: mail
    type: EMAIL
    required: false
  - id: token
    type: SECRET
    required: false
  - id: data
    type: FILE
    required: false
tasks:
  - id: hello
    type: io.kestra.plugin.core.log.Log
    message: "Hello {{ inputs.who }}"
"""


@pytest.fixture
def flow():
    return save_flow(TYPED)[0]


def _execute_url(flow):
    return reverse("admin:flows_flow_execute", args=[flow.pk])


def _row(html: str, input_id: str) -> str:
    """The form row of one input."""
    match = re.search(rf'<div class="form-row[^"]*field-{re.escape(input_id)}">(.*?)<div class="help">', html, re.S)
    assert match, f"no row for {input_id}"
    return match.group(1)


def test_it_builds_a_field_for_each_typed_input(admin_client, flow):
    page = admin_client.get(_execute_url(flow)).content.decode()
    assert 'enctype="multipart/form-data"' in page and "novalidate" in page
    assert 'name="who" value="World"' in _row(page, "who")
    assert 'class="required"' in _row(page, "count") and 'class="required"' not in _row(page, "who")
    assert "Who to greet" in page
    assert '<option value="true" selected>' in _row(page, "loud")
    assert '<option value="green" selected>' in _row(page, "color")
    assert "<select" in _row(page, "sizes") and "multiple" in _row(page, "sizes")
    assert 'type="date"' in _row(page, "day") and 'type="time"' in _row(page, "clock")
    assert "<textarea" in _row(page, "doc") and "<textarea" in _row(page, "conf") and "<textarea" in _row(page, "items")
    assert 'type="email"' in _row(page, "mail") and 'type="url"' in _row(page, "site")
    assert 'type="password"' in _row(page, "token") and 'type="file"' in _row(page, "data")


def test_the_flow_page_links_to_execute(admin_client, flow):
    page = admin_client.get(reverse("admin:flows_flow_change", args=[flow.pk])).content.decode()
    assert f'href="{_execute_url(flow)}"' in page


def test_input_errors_come_back_next_to_their_field_in_kestras_words(admin_client, flow):
    response = admin_client.post(_execute_url(flow), {"count": "many", "items": '[1, "x"]', "token": "s3cr3t-value"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Invalid input for `count`, &#x27;many&#x27; is not an INT" in _row(page, "count")
    assert "Invalid input for `items`, item 1: &#x27;x&#x27; is not an INT" in _row(page, "items")
    assert "s3cr3t-value" not in page  # a SECRET is never sent back
    assert not Execution.objects.exists() and not OrmQ.objects.exists()


def test_a_required_input_left_empty_is_reported_missing(admin_client, flow):
    page = admin_client.post(_execute_url(flow), {"who": ""}).content.decode()
    assert "Invalid input for `count`, missing required input, but received `null`" in _row(page, "count")
    assert not Execution.objects.exists()


def test_submitting_creates_the_execution_queues_it_and_opens_its_page(admin_client, flow, tmp_path):
    upload = tmp_path / "rows.csv"
    upload.write_text("a,b\n1,2\n")
    with open(upload, "rb") as data:
        response = admin_client.post(_execute_url(flow), {
            "count": "41", "ratio": "0.5", "loud": "false", "sizes": ["S", "L"], "day": "2024-01-31",
            "at": "2024-01-31T10:00:00Z", "clock": "10:30:00", "wait": "PT5M", "doc": '{"a": 1}', "conf": "b: 2",
            "items": "[1, 2]", "site": "https://example.com/a", "mail": "ada@example.com", "token": "s3cr3t",
            "data": data})
    execution = Execution.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:executions_execution_change", args=[execution.id])
    inputs = execution.inputs
    assert inputs["who"] == "World" and inputs["count"] == 41 and inputs["ratio"] == 0.5 and inputs["loud"] is False
    assert inputs["color"] == "green" and inputs["sizes"] == ["S", "L"] and inputs["day"] == "2024-01-31"
    assert inputs["wait"] == "PT5M" and inputs["doc"] == {"a": 1} and inputs["conf"] == {"b": 2}
    assert inputs["items"] == [1, 2] and inputs["mail"] == "ada@example.com"
    assert is_encrypted(inputs["token"])
    assert inputs["data"].startswith("kestra:///tests/admin/typed/executions/") and inputs["data"].endswith("/rows.csv")
    with internal_storage().open(inputs["data"]) as stored:
        assert stored.read() == b"a,b\n1,2\n"
    queued = OrmQ.objects.get().task
    assert queued["args"] == (execution.id,) and queued["func"] == "executions.engine.cluster.advance"


def test_a_disabled_flow_is_not_executed(admin_client):
    flow = save_flow(TYPED.replace("id: typed\n", "id: typed\ndisabled: true\n"))[0]
    response = admin_client.post(_execute_url(flow), {"count": "1"})
    assert response.status_code == 409 and "Requested Flow is disabled." in response.content.decode()
    assert not Execution.objects.exists()


def test_it_takes_a_staff_login(client, flow):
    response = client.get(_execute_url(flow))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))
    User.objects.create_user("visitor", password="pw")
    client.login(username="visitor", password="pw")
    response = client.get(_execute_url(flow))
    assert response.status_code == 302 and response["Location"].startswith(reverse("admin:login"))


def test_it_takes_the_permission_to_create_executions(client, flow):
    staff = User.objects.create_user("viewer", password="pw", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_flow"))
    client.login(username="viewer", password="pw")
    assert client.get(_execute_url(flow)).status_code == 403
    staff.user_permissions.add(Permission.objects.get(codename="add_execution"))
    assert client.get(_execute_url(flow)).status_code == 200


def test_a_post_without_the_csrf_token_is_refused(admin_user, flow):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(_execute_url(flow), {"count": "1"}).status_code == 403
    assert not Execution.objects.exists()


def test_a_flow_whose_source_no_longer_validates_is_not_executed(admin_client):
    """A flow saved while a task type existed that this server no longer has."""
    flow = Flow.objects.create(namespace="tests.admin", flow_id="stale", source=TYPED.replace(
        "id: typed", "id: stale").replace("io.kestra.plugin.core.log.Log", "io.kestra.plugin.gone.Task"))
    page = admin_client.get(_execute_url(flow)).content.decode()
    assert "Requested Flow is not valid. Error: " in page and "io.kestra.plugin.gone.Task" in page
    response = admin_client.post(_execute_url(flow), {"count": "1"})
    assert response.status_code == 409 and not Execution.objects.exists()
