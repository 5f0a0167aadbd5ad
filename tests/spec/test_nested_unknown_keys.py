"""Unknown keys inside nested objects are refused when the flow is saved, with the key
and its line, as Kestra's YamlParser refuses them (FAIL_ON_UNKNOWN_PROPERTIES): LoopUntil's
CheckFrequency, ForEachItem's Batch, WorkerGroup, a Dag's items, Pause's onResume inputs,
labels, listeners, a retry, the flow's concurrency."""
from .helpers import errors_of, parse, with_tasks


def found(text: str) -> set:
    return {(e.path, e.line) for e in errors_of(text)}


def test_a_typo_in_check_frequency_is_refused_with_its_line():
    errors = errors_of("""
        id: loop
        namespace: company.team
        tasks:
          - id: until
            type: io.kestra.plugin.core.flow.LoopUntil
            condition: "{{ true }}"
            checkFrequency:
              maxIterationz: 3
              interval: PT1S
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
        """)
    assert [(e.path, e.line) for e in errors] == [("tasks[0].checkFrequency.maxIterationz", 8)]
    assert errors[0].message == ("unknown property 'maxIterationz' of checkFrequency; known: maxIterations, "
                                 "maxDuration, interval (task 'until')")


def test_non_numeric_check_frequency_values_are_refused():
    assert found("""
        id: loop
        namespace: company.team
        tasks:
          - id: until
            type: io.kestra.plugin.core.flow.WaitFor
            condition: "{{ true }}"
            checkFrequency:
              maxIterations: many
              maxDuration: forever
              interval: soon
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
        """) == {("tasks[0].checkFrequency.maxIterations", 8), ("tasks[0].checkFrequency.maxDuration", 9),
                 ("tasks[0].checkFrequency.interval", 10)}


def test_check_frequency_accepts_kestras_keys_and_expressions():
    parse("""
        id: loop
        namespace: company.team
        tasks:
          - id: until
            type: io.kestra.plugin.core.flow.LoopUntil
            condition: "{{ true }}"
            checkFrequency: {maxIterations: "{{ 2 + 1 }}", maxDuration: PT1H, interval: PT0.5S}
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
        """)


def test_worker_group_batch_and_dag_items_are_strict():
    assert found("""
        id: nested
        namespace: company.team
        workerGroup: {key: gpu, fallbak: FAIL}
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEachItem
            items: "{{ outputs.x.uri }}"
            namespace: company.team
            flowId: child
            batch: {rows: 2, row: 3}
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - task: {id: a, type: test.spec.Echo, format: x}
                dependOn: []
          - id: echo
            type: test.spec.Echo
            format: x
            workerGroup: {key: gpu, fallback: MAYBE}
        """) == {("workerGroup.fallbak", 3), ("tasks[0].batch.row", 10), ("tasks[1].tasks[0].dependOn", 15),
                 ("tasks[2].workerGroup.fallback", 19)}


def test_pause_on_resume_inputs_are_checked_as_the_flows_inputs():
    assert found("""
        id: pause
        namespace: company.team
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
            onResume:
              - id: approved
                type: BOOLEAN
                defualts: true
        """) == {("tasks[0].onResume[0].defualts", 9)}


def test_label_items_listeners_and_retry_are_strict():
    assert found(with_tasks("""
        id: flow
        namespace: company.team
        labels:
          - {key: team, value: data, colour: red}
        listeners:
          - task: []
        retry: {type: constant, interval: PT1S, maxAttempts: 2, maxAtempt: 3}
        """)) == {("labels[0].colour", 4), ("listeners[0].task", 6), ("retry.maxAtempt", 7)}


def test_concurrency_outputs_defaults_and_input_maps_are_strict():
    assert found(with_tasks("""
        id: flow
        namespace: company.team
        concurrency: {limit: 1, behaviour: QUEUE}
        inputs:
          - id: a
            type: STRING
            dependsOn:
              inputs: []
              conditon: "{{ true }}"
        outputs:
          - {id: o, type: STRING, value: x, valeu: y}
        pluginDefaults:
          - {type: test.spec.Echo, values: {format: y}, force: true}
        """)) == {("concurrency.behaviour", 3), ("inputs[0].dependsOn.conditon", 9), ("outputs[0].valeu", 11),
                  ("pluginDefaults[0].force", 13)}
