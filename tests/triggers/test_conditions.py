"""Each core condition's test(), with the values Kestra's own condition tests use
(io.kestra.plugin.core.condition.*Test)."""
from datetime import UTC, datetime, timedelta

import pytest

from plugins.api.condition import ConditionError, build

from .helpers import context, execution

C = "io.kestra.plugin.core.condition."


def holds(spec, ctx=None) -> bool:
    return build(spec).test(ctx or context(execution()))


@pytest.mark.parametrize("date,day,expected", [("2013-09-08", "SUNDAY", True), ("2013-09-08", "MONDAY", False)])
def test_day_week(date, day, expected):
    """DayWeekTest."""
    assert holds({"type": C + "DayWeek", "date": date, "dayOfWeek": day}) is expected


@pytest.mark.parametrize("date,day,which,expected", [
    ("2021-04-01", "MONDAY", "FIRST", False), ("2021-04-05", "MONDAY", "FIRST", True),
    ("2021-04-01", "THURSDAY", "FIRST", True), ("2021-04-01", "MONDAY", "LAST", False),
    ("2021-04-26", "MONDAY", "LAST", True), ("2021-04-12", "MONDAY", "SECOND", True),
    ("2021-04-19", "MONDAY", "THIRD", True), ("2021-04-26", "MONDAY", "FOURTH", True),
])
def test_day_week_in_month(date, day, which, expected):
    """DayWeekInMonthTest."""
    spec = {"type": C + "DayWeekInMonth", "date": date, "dayOfWeek": day, "dayInMonth": which}
    assert holds(spec) is expected


@pytest.mark.parametrize("date,expected", [
    ("2013-09-08", True), ("2013-09-07", True), ("2013-09-09", False),
    ('{{ "2013-09-08T15:19:12.000000+02:00" | date("iso_local_date") }}', True),
])
def test_weekend(date, expected):
    """WeekendTest."""
    assert holds({"type": C + "Weekend", "date": date}) is expected


@pytest.mark.parametrize("before,after,expected", [
    (None, "16:19:11+02:00", True), (None, "17:19:12+02:00", False),
    ("16:20:12+02:00", "16:18:12+02:00", True), ("16:20:12+02:00", None, True), ("16:18:12+02:00", None, False),
    (None, "14:19:11Z", True),
])
def test_time_between(before, after, expected):
    """TimeBetweenTest: the date 2024-02-21T16:19:12+02:00, compared with offsets."""
    spec = {"type": C + "TimeBetween", "date": "2024-02-21T16:19:12+02:00", "before": before, "after": after}
    assert holds({k: v for k, v in spec.items() if v is not None}) is expected


def test_date_time_between():
    """DateTimeBetweenTest, `{{ now() }}` included; no bound at all cannot be evaluated."""
    now = datetime.now(UTC)
    iso = datetime.isoformat
    cases = [
        (iso(now), None, "2013-09-08T16:19:12+02:00", True),
        ("2013-09-08T16:19:12+02:00", None, iso(now), False),
        ("2013-09-08T16:19:12+02:00", "2013-09-08T16:20:12+02:00", "2013-09-08T16:18:12+02:00", True),
        ("2013-09-08T16:19:12+02:00", "2013-09-08T16:20:12+02:00", None, True),
        ("{{ now() }}", iso(now + timedelta(hours=1)), iso(now - timedelta(hours=1)), True),
        ("{{ now() }}", iso(now - timedelta(hours=1)), None, False),
    ]
    for date, before, after, expected in cases:
        spec = {"type": C + "DateTimeBetween", "date": date, "before": before, "after": after}
        assert holds({k: v for k, v in spec.items() if v is not None}) is expected, (date, before, after)
    with pytest.raises(ConditionError, match="no before nor after"):
        holds({"type": C + "DateTimeBetween", "date": "2013-09-08T16:19:12+02:00"})


def test_public_holiday():
    """PublicHolidayTest: New Year's Day (default calendar), Bastille Day in France,
    Women's Day in Berlin only."""
    assert holds({"type": C + "PublicHoliday", "date": "2023-01-01"})
    assert holds({"type": C + "PublicHoliday", "date": "2023-07-14", "country": "FR"})
    assert holds({"type": C + "PublicHoliday", "date": "2023-03-08", "country": "DE", "subDivision": "BE"})
    assert not holds({"type": C + "PublicHoliday", "date": "2023-01-02", "country": "FR"})
    assert not holds({"type": C + "PublicHoliday", "date": "2023-03-08", "country": "DE"})


def test_execution_flow_and_namespace():
    """ExecutionFlowTest and ExecutionNamespaceTest (EQUALS, PREFIX, SUFFIX, prefix: true)."""
    ctx = context(execution(namespace="io.kestra.tests", flow_id="upstream"))
    assert holds({"type": C + "ExecutionFlow", "namespace": "io.kestra.tests", "flowId": "upstream"}, ctx)
    assert not holds({"type": C + "ExecutionFlow", "namespace": "io.kestra.tests", "flowId": "other"}, ctx)
    namespace = {"type": C + "ExecutionNamespace"}
    assert holds({**namespace, "namespace": "io.kestra.tests"}, ctx)
    assert not holds({**namespace, "namespace": "io.kestra"}, ctx)
    assert holds({**namespace, "namespace": "io.kestra", "prefix": True}, ctx)
    assert holds({**namespace, "namespace": "io.kestra", "comparison": "PREFIX"}, ctx)
    assert holds({**namespace, "namespace": "tests", "comparison": "SUFFIX"}, ctx)
    with pytest.raises(ConditionError, match="null execution"):
        holds({**namespace, "namespace": "io.kestra.tests"}, context())


def test_execution_status():
    """ExecutionStatusTest: `in` and `notIn`."""
    ctx = context(execution(state="SUCCESS"))
    assert holds({"type": C + "ExecutionStatus", "in": ["SUCCESS"]}, ctx)
    assert not holds({"type": C + "ExecutionStatus", "notIn": ["SUCCESS"]}, ctx)
    assert holds({"type": C + "ExecutionStatus", "in": ["SUCCESS", "FAILED"], "notIn": ["FAILED"]}, ctx)


def test_execution_labels_as_a_map_or_a_list():
    """ExecutionLabelsTest."""
    ctx = context(execution(labels=[("env", "prod"), ("team", "data")]))
    assert holds({"type": C + "ExecutionLabels", "labels": {"env": "prod"}}, ctx)
    assert holds({"type": C + "ExecutionLabels", "labels": [{"key": "team", "value": "data"}]}, ctx)
    assert not holds({"type": C + "ExecutionLabels", "labels": {"env": "prod", "team": "web"}}, ctx)


def test_execution_outputs():
    """ExecutionOutputsTest: `trigger.outputs` of the upstream execution; no outputs is false."""
    spec = {"type": C + "ExecutionOutputs", "expression": "{{ trigger.outputs.test == 'value' }}"}
    assert holds(spec, context(execution(outputs={"test": "value"})))
    assert not holds({**spec, "expression": "{{ unknown is defined }}"}, context(execution(outputs={"test": "v"})))
    assert not holds({**spec, "expression": "{{ not evaluated }}"}, context(execution()))


def test_expression_under_its_old_name():
    """ExpressionTest (VariableCondition)."""
    ctx = context(execution(), {"flow": {"id": "flow-with-trigger"}})
    assert holds({"type": "io.kestra.core.models.conditions.types.VariableCondition",
                  "expression": "{{ flow.id == 'flow-with-trigger' }}"}, ctx)
    assert not holds({"type": C + "ExpressionCondition", "expression": "{{ flow.id == 'x' }}"}, ctx)


def test_not_and_or():
    """NotTest and OrTest, on DayWeek of a Sunday."""
    sunday = {"type": C + "DayWeek", "date": "2013-09-08", "dayOfWeek": "SUNDAY"}
    monday = {"type": C + "DayWeek", "date": "2013-09-08", "dayOfWeek": "MONDAY"}
    assert not holds({"type": C + "Not", "conditions": [sunday]})
    assert holds({"type": C + "Not", "conditions": [monday]})
    assert not holds({"type": C + "Not", "conditions": [monday, sunday]})
    assert holds({"type": C + "Or", "conditions": [monday, sunday]})
    assert not holds({"type": "io.kestra.core.models.conditions.types.OrCondition", "conditions": [monday]})


def test_has_retry_attempt():
    """HasRetryAttemptTest: a taskrun with more than one attempt, in `in`."""
    retried = context(execution(attempt_states=[("FAILED", "SUCCESS")]))
    assert holds({"type": C + "HasRetryAttempt", "in": ["FAILED"]}, retried)
    assert not holds({"type": C + "HasRetryAttempt"}, context(execution(attempt_states=[("SUCCESS",)])))


def test_flow_condition_reads_the_triggered_flow():
    """FlowCondition (deprecated) compares the flow being triggered, not the execution."""
    assert holds({"type": "io.kestra.core.models.conditions.types.FlowCondition",
                  "namespace": "io.kestra.tests", "flowId": "flow-with-trigger"})


def test_execution_outputs_keeps_the_other_trigger_variables():
    """ExecutionOutputs merges `trigger.outputs` into the context's variables."""
    spec = {"type": C + "ExecutionOutputs",
            "expression": "{{ trigger.flowId == 'upstream' and trigger.outputs.n == 1 }}"}
    ctx = context(execution(outputs={"n": 1}), {"trigger": {"flowId": "upstream"}})
    assert holds(spec, ctx)
