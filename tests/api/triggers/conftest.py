"""Flows with triggers, their states written by one scheduler tick, as in Kestra where
the scheduler writes a trigger's context once it has seen the flow."""
import pytest

from executions.models import TriggerState
from executions.scheduler.tick import Tick
from flows.services import save_flow

SCHEDULE = """
id: {flow}
namespace: {namespace}
tasks:
  - id: log
    type: io.kestra.plugin.core.log.Log
    message: hi
triggers:
  - id: hourly
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 * * * *"
  - id: daily
    type: io.kestra.plugin.core.trigger.Schedule
    cron: "0 6 * * *"
"""


def schedule_flow(namespace="company.team", flow="nightly") -> list[TriggerState]:
    save_flow(SCHEDULE.format(namespace=namespace, flow=flow))
    Tick().run()
    return list(TriggerState.objects.filter(namespace=namespace, flow_id=flow).order_by("trigger_id"))


@pytest.fixture
def states(db):
    """company.team.nightly (daily, hourly) and other.nightly (daily, hourly)."""
    return schedule_flow() + schedule_flow("other")


def key(state) -> dict:
    return {"namespace": state.namespace, "flowId": state.flow_id, "triggerId": state.trigger_id}
