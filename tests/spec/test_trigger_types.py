"""Triggers are validated by their registered type, as tasks are: Kestra reads a flow's
triggers with its plugin registry (AbstractTrigger and each type's properties, with
FAIL_ON_UNKNOWN_PROPERTIES), so an unknown type or property is refused with its line."""
from .helpers import errors_of, parse, with_tasks


def test_it_refuses_an_unknown_trigger_type_with_its_line():
    errors = errors_of(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - id: nightly
            type: io.kestra.plugin.core.trigger.Cron
        """))
    assert [(e.path, e.line, e.message) for e in errors] == [
        ("triggers[0].type", 5, "unknown trigger type io.kestra.plugin.core.trigger.Cron (trigger 'nightly')")]


def test_a_task_type_is_not_a_trigger_type():
    errors = errors_of(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - id: log
            type: io.kestra.plugin.core.log.Log
        """))
    assert [e.path for e in errors] == ["triggers[0].type"]


def test_it_refuses_an_unknown_property_of_each_core_trigger():
    errors = errors_of(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: abc
            secret: xyz
          - id: upstream
            type: io.kestra.core.models.triggers.types.Flow
            state: [SUCCESS]
          - id: dates
            type: io.kestra.plugin.core.trigger.ScheduleOnDates
            dates: ["2025-01-01T09:00:00+01:00"]
            date: "2025-01-01T09:00:00+01:00"
        """))
    assert [(e.path, e.line) for e in errors] == [
        ("triggers[0].secret", 7), ("triggers[1].state", 10), ("triggers[2].date", 14)]
    assert errors[0].message == "unknown property 'secret' for type io.kestra.plugin.core.trigger.Webhook " \
                                "(trigger 'hook')"


def test_it_accepts_abstract_triggers_common_properties():
    parse(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: "{{ secret('WEBHOOK_KEY') }}"
            description: called by the CRM
            disabled: false
            logLevel: WARN
            logToFile: false
            workerGroup: {key: gpu}
            labels: {team: data}
            stopAfter: [FAILED]
        """))


def test_it_requires_a_webhook_key_and_refuses_a_wrong_kind():
    errors = errors_of(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "@daily"
            withSeconds: maybe
            stopAfter: [DONE]
        """))
    assert [(e.path, e.line) for e in errors] == [
        ("triggers[0].key", 4), ("triggers[1].withSeconds", 9), ("triggers[1].stopAfter[0]", 10)]
    assert errors[0].message == "required property missing (trigger 'hook')"


def test_a_webhook_key_is_at_most_256_characters():
    errors = errors_of(with_tasks(f"""
        id: triggers
        namespace: company.team
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: {"k" * 257}
        """))
    assert [(e.path, e.line) for e in errors] == [("triggers[0].key", 6)]


def test_plugin_defaults_reach_triggers_and_a_prefix_default_brings_only_what_each_type_declares():
    """Kestra's PluginDefaultService applies defaults to triggers too; a prefix default's
    keys that a type does not declare are ignored."""
    spec = parse(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
          - id: daily
            type: io.kestra.core.models.triggers.types.Schedule
            cron: "@daily"
        pluginDefaults:
          - type: io.kestra.plugin.core.trigger
            values: {key: from-default, timezone: Europe/Paris}
        """))
    assert spec.triggers[0] == {"id": "hook", "type": "io.kestra.plugin.core.trigger.Webhook", "key": "from-default"}
    assert spec.triggers[1]["timezone"] == "Europe/Paris"


def test_a_default_naming_a_trigger_type_refuses_a_property_it_does_not_have():
    errors = errors_of(with_tasks("""
        id: triggers
        namespace: company.team
        pluginDefaults:
          - type: io.kestra.plugin.core.trigger.Webhook
            values: {cron: "@daily"}
        """))
    assert [(e.path, e.line) for e in errors] == [("pluginDefaults[0].values.cron", 5)]


def test_a_trigger_may_not_set_system_labels():
    """Kestra's NoSystemLabelValidation on AbstractTrigger's labels."""
    errors = errors_of(with_tasks("""
        id: triggers
        namespace: company.team
        triggers:
          - id: hook
            type: io.kestra.plugin.core.trigger.Webhook
            key: abc
            labels:
              system.correlationId: forged
        """))
    assert [(e.path, e.line, e.message) for e in errors] == [
        ("triggers[0].labels.system.correlationId", 8, "System labels can only be set by Kestra itself, offending "
                                                       "label: system.correlationId=forged. (trigger 'hook')")]
