"""`parent` and `parents` hold what Kestra's Execution#parents puts there (read by
RunVariables.Builder): per parent taskrun, `taskrun: {value}` when it has a value and
`outputs` when it has some; a parent with neither is left out, so `parent` is the
closest one that has either. `parents` is there (empty) at the top level too."""
import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_parent_entry_has_only_the_value_and_outputs():
    """The Sequential carries the loop value; the ForEach itself has neither and is left out."""
    run = run_flow("""
        id: parent_keys
        namespace: tests.parents
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.ForEach
            values: ["x"]
            tasks:
              - id: group
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: show
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ parent | toJson }}|{{ parents | length }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("show").outputs["value"] == '{"taskrun":{"value":"x"}}|1'


def test_a_parent_without_value_or_outputs_is_left_out():
    run = run_flow("""
        id: parent_skipped
        namespace: tests.parents
        tasks:
          - id: outer
            type: io.kestra.plugin.core.flow.Sequential
            tasks:
              - id: inner
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: show
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ parents | toJson }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("show").outputs["value"] == "[]"


def test_the_parent_is_the_closest_one_with_something_to_give():
    run = run_flow("""
        id: parent_closest
        namespace: tests.parents
        tasks:
          - id: check
            type: io.kestra.plugin.core.flow.If
            condition: "{{ true }}"
            then:
              - id: group
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: show
                    type: io.kestra.plugin.core.debug.Return
                    format: "{{ parent.outputs.evaluationResult }} {{ parent.taskrun ?? 'none' }}"
    """)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("show").outputs["value"] == "true none"
