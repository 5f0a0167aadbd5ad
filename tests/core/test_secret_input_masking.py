"""SECRET input values are masked in task logs, as Kestra masks secrets it used."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_secret_input_never_shows_in_a_log_line():
    run = run_flow("""
        id: secret_input
        namespace: tests.core
        inputs:
          - id: password
            type: SECRET
          - id: user
            type: STRING
            defaults: ada
        tasks:
          - id: log
            type: io.kestra.plugin.core.log.Log
            message: "{{ inputs.user }} uses {{ inputs.password }}"
          - id: fail
            type: io.kestra.plugin.core.execution.Fail
            errorMessage: "bad password {{ inputs.password }}"
    """, inputs={"password": "s3cr3t-value"})
    assert run.logs() == ["ada uses ******", "bad password ******"]
