"""The Toggle task (io.kestra.plugin.core.trigger.Toggle, old
io.kestra.core.tasks.trigger.Toggle) enables or disables a trigger of a flow, its own by
default, as Kestra's ToggleTest does; an unknown flow or trigger fails the task with
Kestra's message and changes nothing."""
import pytest

from executions.models import TriggerState
from flows.spec import validate_source
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)

SCHEDULED = """
    id: scheduled
    namespace: tests.toggle
    triggers:
      - id: daily
        type: io.kestra.plugin.core.trigger.Schedule
        cron: "@daily"
    tasks:
      - id: hello
        type: io.kestra.plugin.core.log.Log
        message: hello
"""


def toggle(extra: str, type_name: str = "io.kestra.plugin.core.trigger.Toggle"):
    return run_flow(f"""
        id: toggler
        namespace: tests.toggle
        tasks:
          - id: toggle
            type: {type_name}
            namespace: tests.toggle
            flowId: scheduled
{extra}
    """)


def test_it_disables_then_enables_a_trigger_of_another_flow():
    save(SCHEDULED)
    run = toggle("            trigger: daily")
    assert run.state == "SUCCESS", run.logs()
    assert TriggerState.objects.get(namespace="tests.toggle", flow_id="scheduled", trigger_id="daily").disabled
    run = toggle("            trigger: daily\n            enabled: true", "io.kestra.core.tasks.trigger.Toggle")
    assert run.state == "SUCCESS", run.logs()
    assert not TriggerState.objects.get(namespace="tests.toggle", flow_id="scheduled", trigger_id="daily").disabled


def test_it_toggles_a_trigger_of_its_own_flow_by_default():
    run = run_flow("""
        id: self_toggle
        namespace: tests.toggle
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: abc
        tasks:
          - id: toggle
            type: io.kestra.plugin.core.trigger.Toggle
            trigger: "{{ 'ho' ~ 'ok' }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert TriggerState.objects.get(namespace="tests.toggle", flow_id="self_toggle", trigger_id="hook").disabled


def test_an_unknown_trigger_or_flow_fails_the_task_and_changes_nothing():
    save(SCHEDULED)
    run = toggle("            trigger: weekly")
    assert run.state == "FAILED"
    assert "Unable to find trigger weekly for the flow tests.toggle.scheduled" in run.logs()
    run = run_flow("""
        id: toggler
        namespace: tests.toggle
        tasks:
          - id: toggle
            type: io.kestra.plugin.core.trigger.Toggle
            flowId: missing
            trigger: daily
    """)
    assert run.state == "FAILED"
    assert any("Unable to find flow tests.toggle.missing." in m for m in run.logs())
    assert not TriggerState.objects.exists()


def test_the_trigger_property_is_required():
    errors = validate_source("id: t\nnamespace: n\ntasks:\n  - id: toggle\n"
                             "    type: io.kestra.plugin.core.trigger.Toggle\n")
    assert [(e.path, e.line) for e in errors] == [("tasks[0].trigger", 4)]
