import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_task_past_its_timeout_fails_and_says_so():
    run = run_flow("""
        id: timeout
        namespace: tests.engine
        tasks:
          - id: slow
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT20S
            timeout: PT0.3S
    """)
    slow = run.one("slow")
    assert run.state == "FAILED" and slow.state == "FAILED"
    assert (slow.end_date - slow.start_date).total_seconds() < 5
    assert any("Timeout after 00:00:00.300" in m for m in run.logs())
