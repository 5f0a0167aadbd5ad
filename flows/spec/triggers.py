"""A flow's triggers: each a map with an id (unique among triggers) and a type. A
Schedule's properties and cron are checked here (flows.spec.schedule); other types'
properties are their own business."""
from __future__ import annotations

from .errors import SpecError
from .ids import TRIGGER_ID, listed_id_errors
from .schedule import is_schedule, schedule_problems
from .yaml_lines import line_of


def check_triggers(data: dict) -> tuple[list, list[SpecError]]:
    triggers = data.get("triggers")
    if triggers is None:
        return [], []
    if not isinstance(triggers, list):
        return [], [SpecError("triggers", "must be a list of triggers", line_of(data, "triggers"))]
    errors, seen = [], {}
    for index, trigger in enumerate(triggers):
        path, line = f"triggers[{index}]", line_of(triggers, index)
        if not isinstance(trigger, dict):
            errors.append(SpecError(path, "a trigger must be a map with an id and a type", line))
            continue
        trigger_id = trigger.get("id")
        errors += listed_id_errors(trigger, path, line, TRIGGER_ID, "trigger", seen)
        trigger_type = trigger.get("type")
        if not isinstance(trigger_type, str) or not trigger_type:
            named = f" (trigger '{trigger_id}')" if isinstance(trigger_id, str) else ""
            errors.append(SpecError(f"{path}.type", f"required property missing{named}", line_of(trigger, "type")))
        elif is_schedule(trigger):
            errors += schedule_problems(trigger, path)
    return triggers, errors
