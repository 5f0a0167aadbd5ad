"""A flow's triggers as its Triggers tab lists them: each declaration of the flow's
current revision beside the state the scheduler keeps for it (none yet for a trigger
the scheduler has not seen)."""
from __future__ import annotations

from dataclasses import dataclass

from executions.models import TriggerState
from executions.scheduler.timetables import TIMETABLES, ScheduleTimetable
from executions.trigger_actions import is_realtime
from plugins.api.registry import resolve_trigger


@dataclass
class TriggerRow:
    spec: dict
    state: TriggerState | None

    @property
    def trigger_id(self) -> str:
        return str(self.spec.get("id"))

    @property
    def type(self) -> str:
        return str(self.spec.get("type", ""))

    @property
    def short_type(self) -> str:
        return self.type.rsplit(".", 1)[-1]

    @property
    def disabled(self) -> bool:
        """Off in its flow (`disabled: true`) or switched off here."""
        return bool(self.spec.get("disabled")) or bool(self.state and self.state.disabled)

    @property
    def locked(self) -> bool:
        return bool(self.state and (self.state.execution_id or self.state.evaluating_since))

    @property
    def backfillable(self) -> bool:
        """Only a Schedule has a backfill (Kestra's ScheduleBackfill)."""
        return TIMETABLES.get(resolve_trigger(self.type)) is ScheduleTimetable

    @property
    def realtime(self) -> bool:
        """A realtime trigger is switched on and off in its flow only, as in Kestra."""
        return is_realtime(self.spec)


def trigger_rows(flow, triggers: list[dict]) -> list[TriggerRow]:
    states = {state.trigger_id: state
              for state in TriggerState.objects.filter(namespace=flow.namespace, flow_id=flow.flow_id)}
    return [TriggerRow(spec, states.get(str(spec.get("id")))) for spec in triggers]
