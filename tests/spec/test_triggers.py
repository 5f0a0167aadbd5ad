from .helpers import errors_of, parse, with_tasks


def test_triggers_are_kept_as_written():
    spec = parse(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 9 * * *"
            inputs: {n: 1}
        """))
    assert spec.triggers == [{"id": "daily", "type": "io.kestra.plugin.core.trigger.Schedule",
                              "cron": "0 9 * * *", "inputs": {"n": 1}}]


def test_a_trigger_needs_an_id_and_a_type_and_ids_are_unique():
    errors = errors_of(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - {type: io.kestra.plugin.core.trigger.Schedule, cron: "@daily"}
          - id: no_type
          - {id: same, type: io.kestra.plugin.core.trigger.Webhook, key: a}
          - {id: same, type: io.kestra.core.models.triggers.types.Webhook, key: b}
          - {id: has.dot, type: io.kestra.plugin.core.trigger.Webhook, key: c}
        """))
    assert {(e.path, e.line) for e in errors} == {
        ("triggers[0].id", 4), ("triggers[1].type", 5), ("triggers[3].id", 7), ("triggers[4].id", 8),
    }


def test_a_trigger_may_share_an_id_with_a_task():
    parse(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - id: t
            type: io.kestra.plugin.core.trigger.Webhook
            key: abc
        """))
