"""The Gantt tab: a bar per taskrun placed from its state history, flowable children
nested under their parent, loop values and attempts shown; its fragment polls itself
(and updates the header's state badge) until the execution is terminal."""
import re

import pytest

from executions.models import Execution
from tests.flow_runs import run_flow

from .conftest import execution, page_of

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def loop_run():
    return run_flow("""
        id: loop
        namespace: company.team
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: ["apple", "pear"]
            tasks:
              - id: say
                type: io.kestra.plugin.core.log.Log
                message: "{{ taskrun.value }}"
          - id: flaky
            type: io.kestra.plugin.core.execution.Fail
            retry:
              type: constant
              interval: PT0.05S
              maxAttempt: 2
        """)


def rows(content: str) -> list[tuple[str, str]]:
    """(depth, task id) of each Gantt row, in order."""
    return re.findall(r'class="gantt-row" style="--depth: (\d+)" data-task="([\w-]+)"', content)


def test_children_are_nested_under_their_parent_with_loop_values(admin_client, loop_run):
    content = admin_client.get(page_of(loop_run) + "/gantt").content.decode()
    assert rows(content) == [("0", "each"), ("1", "say"), ("1", "say"), ("0", "flaky")]
    assert '<span class="loop-value" title="loop value">apple</span>' in content
    assert '<span class="loop-value" title="loop value">pear</span>' in content


def test_attempts_are_counted_with_each_ones_state(admin_client, loop_run):
    content = admin_client.get(page_of(loop_run) + "/gantt").content.decode()
    assert 'title="attempt 1: FAILED, attempt 2: FAILED">2 attempts</summary>' in content


def test_bars_are_placed_within_the_chart(admin_client, loop_run):
    chart = admin_client.get(page_of(loop_run) + "/gantt").context["chart"]
    for bar in chart.bars:
        assert bar.offset >= 0 and bar.offset + bar.wait + bar.run <= 100.01
    first, last = chart.bars[0], chart.bars[-1]
    assert last.offset >= first.offset  # flaky starts after each


def test_the_fragment_polls_while_running_and_stops_once_terminal(admin_client):
    execution("live", namespace="company", flow_id="f", state="RUNNING")
    base = "/ui/executions/company/f/live"
    running = admin_client.get(base + "/gantt/live").content.decode()
    assert 'hx-trigger="every 1s"' in running and f'hx-get="{base}/gantt/live"' in running
    assert 'id="execution-state" hx-swap-oob="true"' in running and "RUNNING" in running
    Execution.objects.filter(pk="live").update(state="SUCCESS")
    ended = admin_client.get(base + "/gantt/live").content.decode()
    assert "hx-trigger" not in ended and 'class="state state-SUCCESS"' in ended
    assert 'id="execution-actions" hx-swap-oob="true"' in ended and "/actions/restart" in ended
    assert "/actions/kill" not in ended
