"""Every place a flow gives a duration reads it one way: java.time.Duration.parse, after
Kestra's io.kestra.core.serializers.DurationDeserializer for task properties (retry,
timeout, Sleep, Pause, LoopUntil's checkFrequency, KV ttl) and Duration.parse alone for
DURATION inputs (io.kestra.core.runners.FlowInputOutput)."""
from datetime import timedelta

import pytest

from executions import operations
from executions.engine.create import create_execution
from executions.models import Execution, KVEntry, TaskRun
from flows.spec import FlowInvalid, InputInvalid
from tests.background import run_in_background, wait_for
from tests.flow_runs import run_flow, save

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_retry_interval_in_lower_case_retries():
    run = run_flow("""
        id: retry-lower-case
        namespace: tests.durations
        tasks:
          - id: flaky
            type: io.kestra.plugin.core.execution.Fail
            retry:
              type: constant
              interval: pt0.01s
              maxAttempt: 2
    """)
    assert [a["state"]["current"] for a in run.one("flaky").attempts] == ["FAILED", "FAILED"]


def test_a_retry_interval_in_weeks_is_refused_naming_it():
    with pytest.raises(FlowInvalid) as caught:
        save("""
            id: retry-weeks
            namespace: tests.durations
            tasks:
              - id: flaky
                type: io.kestra.plugin.core.execution.Fail
                retry:
                  type: constant
                  interval: P1W
                  maxAttempt: 2
        """)
    assert "retry.interval" in str(caught.value) and "'P1W' cannot be parsed to a Duration" in str(caught.value)


def test_a_timeout_with_a_fraction_of_seconds_stops_the_task():
    run = run_flow("""
        id: timeout-fraction
        namespace: tests.durations
        tasks:
          - id: slow
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT20S
            timeout: pt0,2s
    """)
    assert run.one("slow").state == "FAILED"
    assert any("Timeout after 00:00:00.200" in m for m in run.logs())


def test_a_timeout_too_long_for_a_duration_is_refused_naming_it():
    with pytest.raises(FlowInvalid) as caught:
        save("""
            id: timeout-overflow
            namespace: tests.durations
            tasks:
              - id: slow
                type: io.kestra.plugin.core.flow.Sleep
                duration: PT1S
                timeout: P99999999999D
        """)
    assert "timeout" in str(caught.value) and "'P99999999999D' is out of range" in str(caught.value)


def test_a_sleep_duration_rendered_as_seconds_sleeps():
    run = run_flow("""
        id: sleep-seconds
        namespace: tests.durations
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: "{{ '0.01' }}"
    """)
    assert run.state == "SUCCESS"
    assert "Waiting for PT0.01S" in run.logs()


def test_a_sleep_duration_rendered_in_years_fails_the_task_naming_it():
    run = run_flow("""
        id: sleep-years
        namespace: tests.durations
        tasks:
          - id: nap
            type: io.kestra.plugin.core.flow.Sleep
            duration: "{{ 'P1Y' }}"
    """)
    assert run.one("nap").state == "FAILED"
    assert any(m.startswith("Invalid property 'duration' of task 'nap'") and
               "Text 'P1Y' cannot be parsed to a Duration" in m for m in run.logs())


def test_a_pause_delay_in_lower_case_resumes_by_itself():
    run = run_flow("""
        id: pause-lower-case
        namespace: tests.durations
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
            delay: pt0.01s
    """)
    assert run.state == "SUCCESS"
    assert "PAUSED" in [h["state"] for h in run.execution.state_history]


def test_a_pause_longer_than_a_datetime_waits_for_a_resume():
    flow = save("""
        id: pause-forever
        namespace: tests.durations
        tasks:
          - id: wait
            type: io.kestra.plugin.core.flow.Pause
            pauseDuration: P999999999D
    """)
    execution = create_execution(flow)
    thread, result = run_in_background(execution.id)
    wait_for(lambda: Execution.objects.get(pk=execution.id).state == "PAUSED")
    assert TaskRun.objects.get(execution=execution, task_id="wait").wait_until.year == 9999
    operations.resume(execution.id, {})
    thread.join(30)
    assert result["execution"].state == "SUCCESS"


def test_a_loop_until_interval_with_signs_on_its_parts_loops():
    run = run_flow("""
        id: loop-signed-parts
        namespace: tests.durations
        tasks:
          - id: loop
            type: io.kestra.plugin.core.flow.LoopUntil
            condition: "{{ outputs.loop.iterationCount >= 2 }}"
            checkFrequency:
              interval: PT1M-59.99S
            tasks:
              - id: step
                type: io.kestra.plugin.core.debug.Return
                format: "{{ outputs.loop.iterationCount }}"
    """)
    assert run.state == "SUCCESS"
    assert run.one("loop").outputs == {"iterationCount": 2}


def test_a_loop_until_interval_in_months_is_refused_naming_it():
    with pytest.raises(FlowInvalid) as caught:
        save("""
            id: loop-months
            namespace: tests.durations
            tasks:
              - id: loop
                type: io.kestra.plugin.core.flow.LoopUntil
                condition: "{{ true }}"
                checkFrequency:
                  interval: P1M
                tasks:
                  - id: step
                    type: io.kestra.plugin.core.debug.Return
                    format: x
        """)
    assert "checkFrequency.interval" in str(caught.value) and "'P1M'" in str(caught.value)


DURATION_INPUT = """
    id: duration-input
    namespace: tests.durations
    inputs:
      - id: wait
        type: DURATION
    tasks:
      - id: show
        type: io.kestra.plugin.core.debug.Return
        format: "{{ inputs.wait }}"
"""


@pytest.mark.parametrize("given, shown", [("P2d", "PT48H"), ("PT-0.5S", "PT-0.5S"), ("-PT6H3M", "PT-6H-3M")])
def test_a_duration_input_reads_as_duration_parse(given, shown):
    run = run_flow(DURATION_INPUT, {"wait": given})
    assert run.one("show").outputs == {"value": shown}


@pytest.mark.parametrize("given, message", [("P1W", "cannot be parsed to a Duration"),
                                            ("P99999999999D", "is out of range"),
                                            ("3600", "cannot be parsed to a Duration")])
def test_a_duration_input_refuses_what_duration_parse_refuses(given, message):
    flow = save(DURATION_INPUT)
    with pytest.raises(InputInvalid) as caught:
        create_execution(flow, {"wait": given})
    assert "wait" in str(caught.value) and message in str(caught.value)
    assert not Execution.objects.exists()


def test_a_kv_ttl_as_a_number_of_seconds_sets_an_expiry():
    run = run_flow("""
        id: kv-ttl
        namespace: tests.durations
        tasks:
          - id: put
            type: io.kestra.plugin.core.kv.Set
            key: greeting
            value: hello
            ttl: "3600"
          - id: get
            type: io.kestra.plugin.core.debug.Return
            format: "{{ kv('greeting') }}"
    """)
    assert run.one("get").outputs == {"value": "hello"}
    expiration = KVEntry.objects.get(namespace="tests.durations", key="greeting").expiration
    assert timedelta(minutes=59) < expiration - run.one("put").start_date < timedelta(minutes=61)
