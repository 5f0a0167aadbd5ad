"""SECRET input values are masked in task logs, as Kestra masks secrets it used."""
import json

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


def test_a_secret_input_is_stored_and_shown_encrypted_but_tasks_read_it():
    from executions.encryption import ENCRYPTED_TYPE
    from executions.serializers import execution_json

    run = run_flow("""
        id: secret_stored
        namespace: tests.core
        inputs:
          - id: password
            type: SECRET
        tasks:
          - id: length
            type: io.kestra.plugin.core.debug.Return
            format: "{{ inputs.password | length }}"
    """, inputs={"password": "s3cr3t-value"})
    assert run.state == "SUCCESS", run.logs()
    assert run.one("length").outputs == {"value": "12"}
    stored = run.execution.inputs["password"]
    assert stored["type"] == ENCRYPTED_TYPE and "s3cr3t" not in stored["value"]
    assert "s3cr3t-value" not in json.dumps(execution_json(run.execution))


def test_an_execution_stored_under_another_key_says_so(settings):
    from executions.encryption import decrypt, encrypt

    sealed = encrypt("s3cr3t-value")
    settings.ENCRYPTION_SECRET_KEY = "I6EGNzRESu3X3pKZidrqCGOHQFUFC0yK"
    with pytest.raises(ValueError, match="another SECRET_KEY"):
        decrypt(sealed)
