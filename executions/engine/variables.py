"""Kestra's expression context: flow, execution, task, taskrun, parent(s), inputs,
outputs, vars, labels, trigger, envs, globals, and `workerTaskrun` inside a
WorkingDirectory."""
from __future__ import annotations

import os

from executions.encryption import decrypt_inputs
from executions.labels import labels_map
from executions.models.state_history import iso
from flows.spec import nest_dotted


def env_variables() -> dict:
    """Environment variables prefixed ENV_ are exposed as `envs.<name>` in lower case."""
    return {k[4:].lower(): v for k, v in os.environ.items() if k.startswith("ENV_")}


def input_variables(inputs: dict) -> dict:
    """Dotted input ids read both ways: `inputs.db.host` (as Kestra nests them) and
    `inputs['db.host']`."""
    inputs = decrypt_inputs(inputs)
    if not any("." in key for key in inputs):
        return inputs
    return {**nest_dotted(inputs), **{k: v for k, v in inputs.items() if "." in k}}


def _lasting(view) -> dict:
    """The variables that stay the same while a view lives, built once: its execution's
    inputs and trigger change only with its version, and then a new view is loaded;
    the process's environment is read once an execution."""
    if view.lasting is None:
        ex = view.execution
        view.lasting = {"inputs": input_variables(ex.inputs or {}),
                        "trigger": (ex.trigger or {}).get("variables", {}),
                        "envs": env_variables()}
    return view.lasting


def execution_variables(view, spec) -> dict:
    ex = view.execution
    lasting = _lasting(view)
    return {
        "flow": {"id": ex.flow_id, "namespace": ex.namespace, "revision": ex.flow_revision},
        "execution": {
            "id": ex.id,
            "startDate": iso(ex.start_date or ex.created),
            "originalId": ex.original_id or ex.id,
            "state": view.outcome.value if view.outcome else ex.state,
        },
        "inputs": lasting["inputs"],
        "vars": spec.variables or {},
        "labels": labels_map(ex.labels),
        "trigger": lasting["trigger"],
        "envs": lasting["envs"],
        "globals": {},
    }


def attempts_before(tr) -> int:
    """`taskrun.attemptsCount` as Kestra gives it: the attempts made before the one now
    running (0 on the first try, 1 on the first retry), because Kestra's worker builds
    the task's variables before it adds the new attempt. Finished attempts all count."""
    attempts = tr.attempts or []
    running = bool(attempts) and (attempts[-1].get("state") or {}).get("current") == "RUNNING"
    return len(attempts) - 1 if running else len(attempts)


def _taskrun_variables(tr) -> dict:
    variables = {
        "id": tr.id,
        "startDate": iso(tr.start_date) if tr.start_date else None,
        "attemptsCount": attempts_before(tr),
        "parentId": tr.parent_id,
        "value": tr.value,
    }
    if tr.iteration is not None:
        variables["iteration"] = tr.iteration
    return variables


def taskrun_variables(view, spec, tr, task) -> dict:
    variables = execution_variables(view, spec)
    variables["outputs"] = view.outputs()
    if tr is None:
        return variables
    variables["task"] = {"id": task.id, "type": task.spec.get("type")}
    variables["taskrun"] = _taskrun_variables(tr)
    owner = view.shared_folder_owner(tr)
    if owner is not None:  # Kestra's RunContextInitializer.forWorkingDirectory: the directory's own taskrun
        variables["workerTaskrun"] = _taskrun_variables(owner)
    parents = [entry for entry in map(_parent_entry, view.ancestors(tr)) if entry]
    variables["parents"] = parents
    if parents:
        variables["parent"] = parents[0]
    return variables


def _parent_entry(parent) -> dict:
    """What Kestra's Execution#parents keeps of a parent taskrun: its `taskrun.value`
    (when it has one) and its outputs (when not empty). A parent with neither is left
    out, so `parent` is the closest one that has something to give."""
    entry = {}
    if parent.value is not None:
        entry["taskrun"] = {"value": parent.value}
    if parent.outputs:
        entry["outputs"] = parent.outputs
    return entry
