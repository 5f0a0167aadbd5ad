"""currentEachOutput(outputs.task) inside loops, as Kestra's
io.kestra.core.runners.pebble.functions.CurrentEachOutputFunction reads it: down the
values of the parent taskruns (outermost first), then this taskrun's value."""
import pytest

from expressions import ExpressionError, render
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_it_picks_the_output_of_the_current_values_of_nested_loops():
    run = run_flow("""
        id: current-each-nested
        namespace: tests.expressions
        tasks:
          - id: outer
            type: io.kestra.plugin.core.flow.ForEach
            values: ["a", "b"]
            tasks:
              - id: inner
                type: io.kestra.plugin.core.flow.ForEach
                values: ["1", "2"]
                tasks:
                  - id: make
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ parents[0].taskrun.value }}-{{ taskrun.value }}"
                  - id: read
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ currentEachOutput(outputs.make).value }}"
    """)
    assert run.state == "SUCCESS"
    assert [(t.value, t.outputs["value"]) for t in run.of("read")] == [("1", "a-1"), ("2", "a-2"),
                                                                        ("1", "b-1"), ("2", "b-2")]


def test_it_reads_the_deprecated_each_loops_too():
    run = run_flow("""
        id: current-each-deprecated
        namespace: tests.expressions
        tasks:
          - id: outer
            type: io.kestra.core.tasks.flows.EachSequential
            value: ["x", "y"]
            tasks:
              - id: inner
                type: io.kestra.core.tasks.flows.EachParallel
                value: ["1"]
                tasks:
                  - id: make
                    type: io.kestra.plugin.core.debug.Return
                    format: "made {{ parent.taskrun.value }}{{ taskrun.value }}"
                  - id: read
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ currentEachOutput(outputs.make).value }}"
    """)
    assert run.state == "SUCCESS"
    assert sorted(t.outputs["value"] for t in run.of("read")) == ["made x1", "made y1"]


def test_it_needs_a_map_of_outputs():
    with pytest.raises(ExpressionError, match="expects an argument 'outputs'"):
        render("{{ currentEachOutput() }}", {"taskrun": {"value": "a"}})
    with pytest.raises(ExpressionError, match="with type map"):
        render("{{ currentEachOutput('text') }}", {"taskrun": {"value": "a"}})


def test_a_missing_loop_value_is_named():
    variables = {"taskrun": {"value": "1"}, "parents": [{"taskrun": {"value": "zz"}}], "outputs": {"make": {}}}
    with pytest.raises(ExpressionError, match="loop value 'zz'"):
        render("{{ currentEachOutput(outputs.make) }}", variables)
