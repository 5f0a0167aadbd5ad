"""A task's `timeout` bounds the rendering of its properties too: a render past it is
stopped, the task fails with Kestra's timeout message (the Worker's "Timeout after"),
and nothing keeps running once the execution has ended."""
import threading
import time

import pytest

from tests.flow_runs import run_flow
from tests.test_commands import cli

pytestmark = pytest.mark.django_db(transaction=True)

HEAVY = "{% for a in range(1, 100000) %}{% for b in range(1, 100000) %}{% endfor %}{% endfor %}done"


def wait_until_gone(name: str, within: float = 60) -> bool:
    """Wait for the task's thread to end (a state, not a time window: the bound only
    keeps a broken build from hanging)."""
    end = time.monotonic() + within
    while time.monotonic() < end:
        if not any(thread.name == name for thread in threading.enumerate()):
            return True
        time.sleep(0.05)
    return False


def test_a_render_past_the_task_timeout_fails_the_task_and_stops():
    run = run_flow(f"""
        id: heavy-render
        namespace: tests.engine
        tasks:
          - id: heavy
            type: io.kestra.plugin.core.log.Log
            timeout: PT1S
            message: "{HEAVY}"
    """)
    heavy = run.one("heavy")
    assert run.state == "FAILED" and heavy.state == "FAILED"
    assert any("Timeout after 00:00:01.000" in m for m in run.logs())
    assert wait_until_gone(f"task-{heavy.id}"), "the render went on after the task timed out"


def test_without_a_task_timeout_the_render_timeout_names_its_setting(settings):
    settings.EXPRESSION_TIMEOUT = 0.5
    run = run_flow(f"""
        id: heavy-render-untimed
        namespace: tests.engine
        tasks:
          - id: heavy
            type: io.kestra.plugin.core.log.Log
            message: "{HEAVY}"
    """)
    assert run.state == "FAILED"
    assert any("KESTRAWEB_EXPRESSION_TIMEOUT=0.5" in m for m in run.logs())


def test_runflow_ends_on_a_heavy_render_and_on_a_catastrophic_pattern(tmp_path):
    """The process that renders stays usable: `runflow` reports and exits (a regular
    expression that held the interpreter froze it before)."""
    flow = tmp_path / "hostile.yaml"
    flow.write_text(f"""id: hostile
namespace: tests.engine
tasks:
  - id: heavy
    type: io.kestra.plugin.core.log.Log
    timeout: PT1S
    message: "{HEAVY}"
errors:
  - id: pattern-in-errors
    type: io.kestra.plugin.core.log.Log
    message: "{{{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!'.matches('(a|aa)+$') }}}}"
""")
    proc = cli("runflow", str(flow), data_dir=tmp_path)
    assert proc.returncode == 1, proc.stderr
    assert "Timeout after 00:00:01.000" in proc.stdout
    assert "KESTRAWEB_REGEX_TIMEOUT" in proc.stdout
