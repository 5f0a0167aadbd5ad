"""A Flow trigger's match of an ended execution, as Kestra's FlowTriggerService and
io.kestra.plugin.core.trigger.Flow decide it (FlowTest, MultipleConditionTriggerCaseTest
with flow-trigger-preconditions-flow-listen.yaml, AbstractMultipleConditionStorageTest)."""
from datetime import datetime, timedelta, timezone

from expressions import render_value
from plugins.core.trigger.flow import conditions_hold, execution_inputs, listens_to, multiple_conditions, \
    trigger_variables
from plugins.core.trigger.preconditions import Window, window_for

from .helpers import context, execution

NS = "io.kestra.tests.trigger.preconditions"
UTC = timezone.utc
LISTEN = {
    "id": "flow", "type": "io.kestra.plugin.core.trigger.Flow",
    "preconditions": {
        "id": "flow",
        "flows": [{"namespace": NS, "flowId": "flow-trigger-preconditions-flow-a", "states": ["SUCCESS", "WARNING",
                                                                                             "FAILED"]},
                  {"namespace": NS, "flowId": "flow-trigger-preconditions-flow-b", "states": ["SUCCESS"]}],
        "where": [
            {"id": "flow1", "filters": [
                {"field": "NAMESPACE", "type": "STARTS_WITH", "value": "io.kestra.tests.trigger"},
                {"field": "FLOW_ID", "type": "EQUAL_TO", "value": "flow-trigger-preconditions-flow-a"},
                {"field": "EXPRESSION", "type": "IS_TRUE", "value": "{{labels.some == 'label'}}"}]},
            {"id": "flow2", "filters": [
                {"field": "NAMESPACE", "type": "ENDS_WITH", "value": "trigger.preconditions"},
                {"field": "FLOW_ID", "type": "EQUAL_TO", "value": "flow-trigger-preconditions-flow-b"}]},
        ],
    },
}


def ended(flow_id, state="SUCCESS", labels=()):
    facts = execution(state=state, namespace=NS, flow_id=flow_id, labels=labels)
    return context(facts, {"labels": dict(labels)})


def test_it_listens_to_terminal_states_of_other_flows_only():
    """Flow's `states` default to the terminated ones; a flow never triggers itself."""
    trigger = {"id": "f", "type": "io.kestra.plugin.core.trigger.Flow"}
    assert listens_to(trigger, "company", "downstream", execution(state="WARNING"))
    assert not listens_to(trigger, "company", "downstream", execution(state="RUNNING"))
    assert not listens_to(trigger, "io.kestra.tests", "upstream", execution(state="SUCCESS"))
    assert listens_to({**trigger, "states": ["PAUSED"]}, "company", "downstream", execution(state="PAUSED"))
    assert not listens_to({**trigger, "disabled": True}, "company", "downstream", execution())


def test_plain_conditions_must_all_hold():
    trigger = {"id": "f", "type": "io.kestra.plugin.core.trigger.Flow", "conditions": [
        {"type": "io.kestra.plugin.core.condition.ExecutionStatusCondition", "in": ["SUCCESS"]},
        {"type": "io.kestra.plugin.core.condition.ExecutionNamespace", "namespace": "io.kestra", "prefix": True}]}
    assert conditions_hold(trigger, context(execution(state="SUCCESS")))
    assert not conditions_hold(trigger, context(execution(state="FAILED")))


def test_a_condition_that_cannot_be_evaluated_does_not_hold():
    """ConditionService logs the failure and refuses the condition."""
    trigger = {"id": "f", "type": "io.kestra.plugin.core.trigger.Flow", "conditions": [
        {"type": "io.kestra.plugin.core.condition.Expression", "expression": "{{ missing.variable }}"}]}
    assert not conditions_hold(trigger, context(execution()))


def test_preconditions_fire_once_every_one_has_held_in_the_window_then_reset():
    """MultipleConditionTriggerCaseTest#flowTriggerPreconditions: flow-a (labelled),
    then flow-b; the window forgets once it fired (resetOnSuccess)."""
    now = datetime.now(UTC)
    (preconditions,) = multiple_conditions(LISTEN)
    assert set(preconditions.conditions) == {"condition_1", "condition_2", "condition_3_flow1", "condition_4_flow2"}
    window, fired = preconditions.evaluate(None, ended("flow-trigger-preconditions-flow-a", labels=[("some", "label")]),
                                           now)
    assert not fired and window.results == {"condition_1": True, "condition_3_flow1": True}
    window, fired = preconditions.evaluate(window, ended("flow-trigger-preconditions-flow-b"), now)
    assert fired and window is None


def test_a_precondition_needs_its_filters_and_states():
    now = datetime.now(UTC)
    (preconditions,) = multiple_conditions(LISTEN)
    window, fired = preconditions.evaluate(None, ended("flow-trigger-preconditions-flow-a"), now)
    assert window.results == {"condition_1": True}  # the label filter failed
    window, fired = preconditions.evaluate(window, ended("flow-trigger-preconditions-flow-b", state="FAILED"), now)
    assert not fired and window.results == {"condition_1": True, "condition_4_flow2": True}


def test_without_reset_each_later_match_fires_again():
    now = datetime.now(UTC)
    spec = {**LISTEN, "preconditions": {**LISTEN["preconditions"], "resetOnSuccess": False,
                                        "where": [], "flows": LISTEN["preconditions"]["flows"][:1]}}
    (preconditions,) = multiple_conditions(spec)
    window, fired = preconditions.evaluate(None, ended("flow-trigger-preconditions-flow-a"), now)
    assert fired and window.results == {"condition_1": True}
    assert preconditions.evaluate(window, ended("flow-trigger-preconditions-flow-b"), now)[1]


def test_an_ended_window_starts_afresh():
    now = datetime(2024, 5, 6, 10, 0, tzinfo=UTC)
    (preconditions,) = multiple_conditions(LISTEN)
    stale = Window("flow", now - timedelta(days=2), now - timedelta(days=1), {"condition_2": True})
    window, _ = preconditions.evaluate(stale, ended("flow-trigger-preconditions-flow-a"), now)
    assert window.start == datetime(2024, 5, 6, tzinfo=UTC) and window.results == {"condition_1": True}


def test_time_windows():
    """AbstractMultipleConditionStorageTest: allDefault, dailyAdvance, minutely; and the
    daily time window and deadline."""
    now = datetime(2024, 5, 6, 10, 17, 42, tzinfo=UTC)
    day = datetime(2024, 5, 6, tzinfo=UTC)
    ms = timedelta(milliseconds=1)
    assert window_for(None, now) == (day, day + timedelta(days=1) - ms)
    assert window_for({"window": "P1D", "windowAdvance": "-PT4H"}, now) == (day - timedelta(hours=4),
                                                                           day + timedelta(hours=20) - ms)
    start, end = window_for({"window": "PT15M", "windowAdvance": "-PT5M"}, now)
    assert (start.minute, end.minute) == (10, 24)
    assert window_for({"type": "SLIDING_WINDOW", "window": "PT1H"}, now) == (now.replace(microsecond=0),
                                                                            now + timedelta(hours=1))
    assert window_for({"type": "DAILY_TIME_WINDOW", "startTime": "06:00:00", "endTime": "09:00:00"}, now) == \
        (day + timedelta(hours=6), day + timedelta(hours=9))
    assert window_for({"type": "DAILY_TIME_DEADLINE", "deadline": "09:00:00"}, now) == (day, day + timedelta(hours=9))


def test_a_window_already_over_evaluates_nothing():
    """A deadline passed today: Kestra skips windows that are not valid now."""
    now = datetime(2024, 5, 6, 10, 0, tzinfo=UTC)
    spec = {**LISTEN, "preconditions": {**LISTEN["preconditions"],
                                        "timeWindow": {"type": "DAILY_TIME_DEADLINE", "deadline": "09:00:00"}}}
    (preconditions,) = multiple_conditions(spec)
    assert preconditions.evaluate(None, ended("flow-trigger-preconditions-flow-a"), now) == (None, False)


def test_the_deprecated_multiple_condition_is_judged_with_windows():
    now = datetime.now(UTC)
    spec = {"id": "f", "type": "io.kestra.plugin.core.trigger.Flow", "conditions": [
        {"type": "io.kestra.core.models.conditions.types.MultipleCondition", "id": "both", "window": "PT1H",
         "conditions": {
             "a": {"type": "io.kestra.plugin.core.condition.ExecutionFlowCondition", "namespace": NS, "flowId": "a"},
             "b": {"type": "io.kestra.plugin.core.condition.ExecutionFlowCondition", "namespace": NS, "flowId": "b"}}}]}
    assert conditions_hold(spec, ended("a"))  # judged apart, not as a plain condition
    (multiple,) = multiple_conditions(spec)
    window, fired = multiple.evaluate(None, ended("a"), now)
    assert not fired and multiple.evaluate(window, ended("b"), now)[1]


def test_trigger_variables_and_inputs_from_upstream_outputs():
    """Flow.Output and Flow#evaluate: inputs may read {{ trigger.outputs }}."""
    upstream = execution(state="SUCCESS", outputs={"rows": 3})
    assert trigger_variables(upstream) == {"executionId": "exec1", "namespace": "io.kestra.tests",
                                           "flowId": "upstream", "flowRevision": 3, "state": "SUCCESS"}

    def render(value, extra):
        return render_value(value, extra)
    spec = {"inputs": {"count": "{{ trigger.outputs.rows }}"}}
    assert execution_inputs(spec, upstream, render) == {"count": "3"}
    assert execution_inputs({}, upstream, render) == {}
