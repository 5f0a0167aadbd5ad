"""Fixtures of the Executions pages' tests: executions written straight to the database
(for lists) and flows really run to their end (for one execution's tabs)."""
import pytest

from tests.api.factories import execution  # noqa: F401 - re-exported for the tests
from tests.flow_runs import run_flow

from ..conftest import PASSWORD, grant  # noqa: F401


def page_of(run) -> str:
    e = run.execution if hasattr(run, "execution") else run
    return f"/ui/executions/{e.namespace}/{e.flow_id}/{e.id}"


@pytest.fixture
def viewer_client(plain_user):
    """alice, viewer of namespace `company`."""
    from django.test import Client

    grant(plain_user, "viewer", "company")
    client = Client()
    client.force_login(plain_user)
    return client


@pytest.fixture
def hello_run():
    return run_flow("""
        id: hello
        namespace: company.team
        labels:
          env: dev
        inputs:
          - id: who
            type: STRING
            defaults: World
        tasks:
          - id: hello
            type: io.kestra.plugin.core.log.Log
            message: "Hello {{ inputs.who }}"
          - id: debug
            type: io.kestra.plugin.core.log.Log
            level: DEBUG
            message: "a detail"
        outputs:
          - id: greeting
            type: STRING
            value: "{{ inputs.who }}"
        """)
