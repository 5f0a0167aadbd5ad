import base64

import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_secrets_render_but_never_reach_the_logs(monkeypatch):
    monkeypatch.setenv("SECRET_DB_PASSWORD", base64.b64encode(b"hunter2").decode())
    monkeypatch.setenv("ENV_REGION", "eu-west")
    run = run_flow("""
        id: secrets
        namespace: tests.engine
        tasks:
          - id: use
            type: io.kestra.plugin.core.debug.Return
            format: "{{ secret('DB_PASSWORD') | length }}"
          - id: leak
            type: io.kestra.plugin.core.log.Log
            message: "password is {{ secret('DB_PASSWORD') }} in {{ envs.region }}"
    """)
    assert run.state == "SUCCESS"
    assert run.one("use").outputs == {"value": "7"}
    assert run.logs() == ["password is ****** in eu-west"]


def test_a_missing_secret_fails_the_task_naming_it():
    run = run_flow("""
        id: no-secret
        namespace: tests.engine
        tasks:
          - id: use
            type: io.kestra.plugin.core.log.Log
            message: "{{ secret('NOPE_NOT_SET') }}"
    """)
    assert run.state == "FAILED"
    assert any("NOPE_NOT_SET" in m for m in run.logs())
