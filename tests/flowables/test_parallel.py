import pytest

from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_limits_how_many_children_run_at_once():
    run = run_flow("""
        id: parallel-limit
        namespace: tests.flowables
        tasks:
          - id: fan
            type: io.kestra.plugin.core.flow.Parallel
            concurrent: 1
            tasks:
              - id: s1
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.2S
              - id: s2
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.2S
    """)
    s1, s2 = run.one("s1"), run.one("s2")
    assert run.state == "SUCCESS"
    assert s2.start_date >= s1.end_date


def test_without_a_limit_children_overlap():
    run = run_flow("""
        id: parallel-all
        namespace: tests.flowables
        tasks:
          - id: fan
            type: io.kestra.core.tasks.flows.Parallel
            tasks:
              - id: s1
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.5S
              - id: s2
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.5S
    """)
    s1, s2 = run.one("s1"), run.one("s2")
    assert s2.start_date < s1.end_date and s1.start_date < s2.end_date


def test_a_failure_ends_the_parallel_without_waiting_for_running_siblings():
    """Kestra 1.x (Execution.findTaskDependingFlowState, FlowableUtils.resolveState): the
    failure decides at once; the sibling still running takes the Parallel's state, then
    its worker writes its own result when it ends (kestra-io/kestra#10747, #12922)."""
    run = run_flow("""
        id: parallel-failure
        namespace: tests.flowables
        tasks:
          - id: fan
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: slow
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.8S
              - id: later
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: first
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT0.2S
                  - id: boom
                    type: io.kestra.plugin.core.execution.Fail
          - id: after
            type: io.kestra.plugin.core.debug.Return
            format: never
    """)
    assert run.state == "FAILED"
    assert run.states() == {"fan": ["FAILED"], "slow": ["SUCCESS"], "later": ["FAILED"], "first": ["SUCCESS"],
                            "boom": ["FAILED"]}
    assert run.one("fan").end_date < run.one("slow").end_date
    assert run.execution.end_date < run.one("slow").end_date


def test_errors_start_as_soon_as_a_child_fails():
    """Kestra 1.x: the errors branch starts at the failure and, once it ended, the
    Parallel ends FAILED without waiting for the sibling still running."""
    run = run_flow("""
        id: parallel-errors-early
        namespace: tests.flowables
        tasks:
          - id: fan
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: slow
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT0.8S
              - id: later
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: first
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT0.2S
                  - id: boom
                    type: io.kestra.plugin.core.execution.Fail
            errors:
              - id: handler
                type: io.kestra.plugin.core.debug.Return
                format: handled
    """)
    assert run.state == "FAILED"
    assert run.states() == {"fan": ["FAILED"], "slow": ["SUCCESS"], "later": ["FAILED"], "first": ["SUCCESS"],
                            "boom": ["FAILED"], "handler": ["SUCCESS"]}
    assert run.one("handler").end_date < run.one("slow").end_date
    assert run.one("fan").end_date < run.one("slow").end_date


def test_an_unfinished_branch_takes_the_parallel_state_and_goes_no_further():
    """Kestra 1.x's executor gives an ended flowable's state to its unfinished children
    (kestra-io/kestra#10747): the branch still running ends FAILED with the Parallel, and
    nothing after its running task starts."""
    run = run_flow("""
        id: parallel-branch-ended
        namespace: tests.flowables
        tasks:
          - id: fan
            type: io.kestra.plugin.core.flow.Parallel
            tasks:
              - id: branch
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: nap
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT0.8S
                  - id: never
                    type: io.kestra.plugin.core.debug.Return
                    format: never
              - id: later
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: first
                    type: io.kestra.plugin.core.flow.Sleep
                    duration: PT0.2S
                  - id: boom
                    type: io.kestra.plugin.core.execution.Fail
    """)
    assert run.state == "FAILED"
    assert run.one("branch").state == "FAILED"
    assert run.one("nap").state == "SUCCESS"  # its worker wrote its own result
    assert run.of("never") == []
