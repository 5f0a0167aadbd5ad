"""Every registered type's `examples` (plugins.api.properties.Example) are real flows:
each is validated, and each that needs no outside service is run to its end.

Kestra's plugin docs show the `@Example`s of each type; a user copies them, so they
must load and run as written. A task snippet is wrapped into a flow's `tasks`, a
trigger snippet into its `triggers`, a condition snippet into a Flow trigger's
`conditions`; a `full` example is a whole flow. A type's full examples are saved
together before any runs, so one may call another (a Subflow's parent and child).
An example that names `services` ("postgres", "redis"...) is validated only here; its
family's own tests run it against the real server."""
from __future__ import annotations

import textwrap

import pytest
import yaml

from executions.engine.create import create_execution
from executions.engine.runner import run_to_end
from executions.models import LogEntry, TaskRun
from flows.services import save_flow
from flows.spec import validate_source
from plugins.api.properties import Example
from plugins.api.registry import all_types

NAMESPACE = "examples.types"
KINDS = ("task", "trigger", "condition")
# What a snippet of each kind is wrapped into.
WRAPPERS = {
    "task": "id: {id}\nnamespace: " + NAMESPACE + "\ntasks:\n{snippet}",
    "trigger": "id: {id}\nnamespace: " + NAMESPACE + "\ntasks:\n  - id: hello\n"
               "    type: io.kestra.plugin.core.log.Log\n    message: hello\ntriggers:\n{snippet}",
    "condition": "id: {id}\nnamespace: " + NAMESPACE + "\ntasks:\n  - id: hello\n"
                 "    type: io.kestra.plugin.core.log.Log\n    message: hello\ntriggers:\n  - id: upstream\n"
                 "    type: io.kestra.plugin.core.trigger.Flow\n    conditions:\n{snippet}",
}
INDENT = {"task": "  ", "trigger": "  ", "condition": "      "}
# Final states an example may end in when it runs: a task that warns on purpose says so in its title.
ENDED_WELL = ("SUCCESS", "WARNING")


def examples() -> list:
    found = []
    for kind in KINDS:
        for name, cls in all_types(kind).items():
            for index, example in enumerate(cls.examples):
                found.append(pytest.param(kind, cls, index, example, id=f"{name}[{index}]"))
    return found


def flow_source(kind: str, name: str, index: int, example: Example) -> str:
    code = textwrap.dedent(example.code).strip("\n")
    if example.full:
        return code + "\n"
    flow_id = f"{name.rsplit('.', 1)[-1].lower()}-{index}"
    snippet = textwrap.indent("- " + code.replace("\n", "\n  "), INDENT[kind])
    return WRAPPERS[kind].format(id=flow_id, snippet=snippet) + "\n"


def given_inputs(flow, example: Example, folder) -> dict:
    """The example's inputs; a FILE input's text is written to a file uploaded as a user's would be."""
    files = {item.get("id") for item in yaml.safe_load(flow.source).get("inputs") or []
             if str(item.get("type")).upper() == "FILE"}
    values = {}
    for key, value in example.inputs.items():
        if key in files:
            path = folder / f"{key}.txt"
            path.write_text(value)
            value = str(path)
        values[key] = value
    return values


def runs(kind: str, example: Example, source: str) -> bool:
    """Whether the test runs it: no outside service, and tasks of its own to run (a
    trigger's example runs its flow's tasks once, as a manual execution would)."""
    return not example.services and bool(yaml.safe_load(source).get("tasks"))


@pytest.mark.parametrize("kind, cls, index, example", examples())
def test_each_example_is_a_valid_flow(kind, cls, index, example):
    source = flow_source(kind, cls.type, index, example)
    assert validate_source(source) == [], source


@pytest.mark.parametrize("name, cls", [(name, cls) for kind in KINDS for name, cls in all_types(kind).items()
                                       if cls.examples])
def test_the_examples_of_a_type_use_it(name, cls):
    """One of a type's examples may be a flow the other calls (a Subflow's child)."""
    assert any(cls.type in example.code or any(alias in example.code for alias in cls.aliases)
               for example in cls.examples)


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("kind, cls, index, example", [
    param for param in examples() if not param.values[3].services])
def test_each_example_that_needs_no_service_runs(kind, cls, index, example, tmp_path):
    for other in cls.examples:  # the flows it may call
        if other.full and other is not example:
            save_flow(textwrap.dedent(other.code))
    source = flow_source(kind, cls.type, index, example)
    if not runs(kind, example, source):
        pytest.skip("an example without tasks of its own")
    flow, _ = save_flow(source)
    execution = run_to_end(create_execution(flow, given_inputs(flow, example, tmp_path)).id, timeout=60)
    logs = list(LogEntry.objects.filter(execution_id=execution.id).values_list("message", flat=True))
    assert execution.state in ENDED_WELL, f"{execution.state}: {logs}\n{source}"
    assert TaskRun.objects.filter(execution=execution).exists()


def test_every_visible_core_task_has_an_example():
    """A type's page starts with its examples, as Kestra's do."""
    missing = [name for name, cls in all_types("task").items()
               if name.startswith("io.kestra.plugin.core.") and not cls.internal and not cls.deprecated
               and not cls.examples]
    assert missing == []
