"""Inputs with `dependsOn` are shown only when they apply."""
import pytest

from executions.models import Execution
from tests.flow_runs import save

from .flows import CONDITIONAL

pytestmark = pytest.mark.django_db
URL = "/ui/flows/edit/company.team/conditional/execute"


def test_it_hides_an_input_whose_condition_is_false(admin_client):
    save(CONDITIONAL)
    html = admin_client.get(URL).content.decode()
    assert 'data-input-id="table" hidden' in html
    assert "data-conditions-url" in html


def test_it_says_which_inputs_apply_for_the_values_given(admin_client):
    save(CONDITIONAL)
    assert admin_client.post(f"{URL}/conditions", {"kind": "table"}).json() == {
        "enabled": {"kind": True, "table": True}}
    assert admin_client.post(f"{URL}/conditions", {"kind": "file"}).json()["enabled"]["table"] is False


def test_it_leaves_out_the_value_of_an_input_that_does_not_apply(admin_client):
    save(CONDITIONAL)
    admin_client.post(URL, {"kind": "file", "table": "ignored"})
    assert "table" not in Execution.objects.get().inputs
