"""A trigger's conditions are registered condition types, validated when the flow is
saved (Kestra's io.kestra.plugin.core.condition.*, under their old
io.kestra.core.models.conditions.types.*Condition names and with the Condition suffix
too), nested ones included; a Flow trigger's preconditions follow Kestra's
TimeWindowValidator and PreconditionFilterValidator."""
import pytest

from .helpers import errors_of, parse, with_tasks


@pytest.mark.parametrize("name", [
    "io.kestra.plugin.core.condition.ExecutionStatus",
    "io.kestra.plugin.core.condition.ExecutionStatusCondition",
    "io.kestra.core.models.conditions.types.ExecutionStatusCondition",
])
def test_a_condition_is_known_under_its_three_names(name):
    parse(with_tasks(f"""
        id: downstream
        namespace: company.team
        triggers:
          - id: upstream
            type: io.kestra.plugin.core.trigger.Flow
            conditions:
              - type: {name}
                in: [SUCCESS]
        """))


def test_expression_keeps_its_old_variable_condition_name():
    parse(with_tasks("""
        id: downstream
        namespace: company.team
        triggers:
          - id: upstream
            type: io.kestra.plugin.core.trigger.Flow
            conditions:
              - type: io.kestra.core.models.conditions.types.VariableCondition
                expression: "{{ true }}"
        """))


def test_it_refuses_unknown_conditions_and_properties_at_any_depth():
    errors = errors_of(with_tasks("""
        id: downstream
        namespace: company.team
        triggers:
          - id: weekdays
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 9 * * *"
            conditions:
              - type: io.kestra.plugin.core.condition.Not
                conditions:
                  - type: io.kestra.plugin.core.condition.Weekend
                    day: SATURDAY
                  - type: io.kestra.plugin.core.condition.Holiday
              - type: io.kestra.plugin.core.condition.DayWeek
        """))
    assert [(e.path, e.line) for e in errors] == [
        ("triggers[0].conditions[0].conditions[0].day", 11),
        ("triggers[0].conditions[0].conditions[1].type", 12),
        ("triggers[0].conditions[1].dayOfWeek", 13),
    ]
    assert errors[1].message == "unknown condition type io.kestra.plugin.core.condition.Holiday (trigger 'weekdays')"


def test_it_checks_condition_values():
    errors = errors_of(with_tasks("""
        id: downstream
        namespace: company.team
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 9 * * *"
            conditions:
              - type: io.kestra.plugin.core.condition.DayWeekInMonth
                dayOfWeek: MONDAYS
                dayInMonth: FIRST
              - type: io.kestra.plugin.core.condition.TimeBetween
                after: "25:00:00+02:00"
              - type: io.kestra.plugin.core.condition.PublicHoliday
                country: FR
                subDivision: XX
              - type: io.kestra.plugin.core.condition.Or
                conditions: []
        """))
    assert [(e.path, e.line) for e in errors] == [
        ("triggers[0].conditions[0].dayOfWeek", 9), ("triggers[0].conditions[1].after", 12),
        ("triggers[0].conditions[2].subDivision", 15), ("triggers[0].conditions[3].conditions", 17)]


def test_a_flow_triggers_preconditions_are_checked_field_by_field():
    errors = errors_of(with_tasks("""
        id: downstream
        namespace: company.team
        triggers:
          - id: upstream
            type: io.kestra.plugin.core.trigger.Flow
            preconditions:
              id: both
              timeWindow:
                type: DAILY_TIME_DEADLINE
                window: PT1H
              flows:
                - namespace: company.team
                  flow: a
              where:
                - id: failed
                  filters:
                    - field: STATE
                      type: IN
                      value: FAILED
        """))
    found = {(e.path, e.line, e.message.split(" (trigger")[0]) for e in errors}
    assert found == {
        ("triggers[0].preconditions.timeWindow", 8, "Time window of type `DAILY_TIME_DEADLINE` cannot have a window."),
        ("triggers[0].preconditions.timeWindow", 8, "Time window of type `DAILY_TIME_DEADLINE` must have a deadline."),
        ("triggers[0].preconditions.flows[0].flow", 13,
         "unknown property 'flow' of flows; known: namespace, flowId, states, labels"),
        ("triggers[0].preconditions.where[0].filters[0]", 17, "`value` must be null for type IN"),
        ("triggers[0].preconditions.where[0].filters[0]", 17, "`values` cannot be null for type IN"),
    }


def test_a_webhook_refuses_a_multiple_condition():
    """Kestra's WebhookValidator."""
    errors = errors_of(with_tasks("""
        id: downstream
        namespace: company.team
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: abc
            conditions:
              - type: io.kestra.core.models.conditions.types.MultipleCondition
                id: both
                conditions:
                  a: {type: io.kestra.plugin.core.condition.ExecutionFlow, namespace: n, flowId: a}
        """))
    assert [e.message for e in errors] == [
        "invalid webhook: conditions of type MultipleCondition are not supported (trigger 'hook')"]


def test_a_multiple_conditions_map_is_validated_by_each_conditions_type():
    errors = errors_of(with_tasks("""
        id: downstream
        namespace: company.team
        triggers:
          - id: upstream
            type: io.kestra.plugin.core.trigger.Flow
            conditions:
              - type: io.kestra.plugin.core.condition.MultipleCondition
                id: both
                window: PT1H
                conditions:
                  a: {type: io.kestra.plugin.core.condition.ExecutionFlow, namespace: n}
        """))
    assert [(e.path, e.line) for e in errors] == [("triggers[0].conditions[0].conditions.a.flowId", 11)]


def test_schedule_conditions_must_be_schedule_conditions():
    """Schedule's deprecated scheduleConditions is a List<ScheduleCondition>."""
    errors = errors_of(with_tasks("""
        id: downstream
        namespace: company.team
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 9 * * *"
            scheduleConditions:
              - type: io.kestra.plugin.core.condition.Weekend
              - type: io.kestra.plugin.core.condition.ExecutionStatus
                in: [SUCCESS]
        """))
    assert [(e.path, e.line) for e in errors] == [("triggers[0].scheduleConditions[1]", 9)]
