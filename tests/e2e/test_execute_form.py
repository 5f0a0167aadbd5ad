"""Executing a flow with a FILE input from its Execute form in a real browser: the file
is uploaded, the cluster runs the execution, which reads the file, and the browser
lands on the execution's page."""
import re

import pytest

from executions.models import Execution, LogEntry
from flows.services import save_flow
from storage.backends import internal_storage
from tests.cluster.cluster_process import wait_for_end

from .conftest import log_in

pytestmark = pytest.mark.django_db(transaction=True)

FLOW = """
id: with_file
namespace: company.team
inputs:
  - id: data
    type: FILE
    description: A CSV to read
  - id: greeting
    type: STRING
    defaults: hello
tasks:
  - id: show
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.greeting }} {{ read(inputs.data) }}"
"""
EXECUTION_PAGE = re.compile(r".*/ui/executions/company\.team/with_file/(\w+)(?:/gantt)?$")


def test_it_starts_an_execution_with_an_uploaded_file(page, admin, cluster, tmp_path):
    save_flow(FLOW)
    upload = tmp_path / "numbers.csv"
    upload.write_text("a,b\n1,2\n")
    log_in(page, "admin", then="/ui/flows/edit/company.team/with_file/execute")

    page.set_input_files("input[name=data]", str(upload))
    page.get_by_label("greeting").fill("hi")
    page.get_by_role("button", name="Execute").click()
    page.wait_for_url(EXECUTION_PAGE)

    execution_id = EXECUTION_PAGE.match(page.url).group(1)
    execution = wait_for_end(execution_id, cluster, tmp_path)
    assert execution.state == "SUCCESS"
    assert execution.inputs["greeting"] == "hi"
    with internal_storage().open(execution.inputs["data"]) as stored:
        assert stored.read() == b"a,b\n1,2\n"
    assert LogEntry.objects.filter(execution_id=execution_id, message="hi a,b\n1,2\n").exists()
    assert Execution.objects.count() == 1

    page.goto(f"/ui/executions/company.team/with_file/{execution_id}/topology")
    assert page.locator('.topology-node[data-task-id="show"]').get_attribute("data-state") == "SUCCESS"


def test_it_shows_a_bad_value_beside_its_input(page, admin):
    save_flow(FLOW)
    log_in(page, "admin", then="/ui/flows/edit/company.team/with_file/execute")
    page.get_by_role("button", name="Execute").click()
    assert "Invalid input for `data`" in page.locator('[data-input-id="data"] .input-error').inner_text()
    assert not Execution.objects.exists()


CONDITIONAL = """
id: conditional
namespace: company.team
inputs:
  - id: kind
    type: SELECT
    values: [file, table]
    defaults: file
  - id: table
    type: STRING
    dependsOn:
      inputs: [kind]
      condition: "{{ inputs.kind == 'table' }}"
  - id: doc
    type: JSON
    required: false
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: "{{ inputs.kind }}"
"""


def test_it_shows_an_input_once_its_condition_holds_and_checks_json(page, admin):
    save_flow(CONDITIONAL)
    log_in(page, "admin", then="/ui/flows/edit/company.team/conditional/execute")
    table = page.locator('[data-input-id="table"]')
    assert table.is_hidden()
    page.get_by_label("kind").select_option("table")
    table.wait_for(state="visible")
    page.get_by_label("kind").select_option("file")
    table.wait_for(state="hidden")

    page.get_by_label("doc").fill("{not json")
    json_error = page.locator('[data-input-id="doc"] .json-error')
    assert "not valid JSON" in json_error.inner_text()
    page.get_by_role("button", name="Execute").click()  # held back: the JSON is not valid
    assert page.evaluate("document.activeElement.name") == "doc"
    assert not Execution.objects.exists()
    page.get_by_label("doc").fill('{"ok": true}')
    assert json_error.is_hidden()
