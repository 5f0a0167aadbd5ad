"""A Schedule trigger's cron is checked when the flow is saved, as Kestra's
ScheduleValidator does ("invalid cron expression '<cron>': ..."): 5 fields, 6 (seconds
first) with `withSeconds: true`, or one of cron-utils' nicknames Kestra enables; its
other properties are Schedule's and AbstractTrigger's only."""
import pytest

from .helpers import errors_of, parse, with_tasks


def schedule(cron: str, with_seconds: bool = False) -> str:
    return with_tasks(f"""
        id: scheduled
        namespace: company.team
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "{cron}"
            withSeconds: {str(with_seconds).lower()}
        """)


@pytest.mark.parametrize("cron", ["0 9 * * *", "*/15 * * * 1-5", "0 0 1 JAN MON", "@daily", "@hourly", "@annually",
                                  "0 9 * * 7"])
def test_it_accepts_kestras_crons_and_nicknames(cron):
    parse(schedule(cron))


@pytest.mark.parametrize("cron", ["61 * * * *", "* * * *", "not a cron", "0 9 * * * *", "@reboot", "0 25 * * *"])
def test_it_refuses_an_invalid_cron_with_its_line(cron):
    errors = errors_of(schedule(cron))
    assert [(e.path, e.line) for e in errors] == [("triggers[0].cron", 6)]
    assert errors[0].message.startswith(f"invalid cron expression '{cron}': ")
    assert errors[0].message.endswith("(trigger 'daily')")


def test_with_seconds_takes_six_fields_seconds_first():
    parse(schedule("*/10 0 9 * * *", with_seconds=True))
    errors = errors_of(schedule("0 9 * * *", with_seconds=True))
    assert [e.path for e in errors] == ["triggers[0].cron"]
    assert "expected 6 fields (seconds first) with withSeconds: true, got 5" in errors[0].message


def test_a_schedule_refuses_unknown_properties_and_bad_time_zones():
    errors = errors_of(with_tasks("""
        id: scheduled
        namespace: company.team
        triggers:
          - id: daily
            type: io.kestra.core.models.triggers.types.Schedule
            cron: "@daily"
            timezone: Mars/Olympus
            crons: "@hourly"
        """))
    assert [(e.path, e.line) for e in errors] == [("triggers[0].timezone", 7), ("triggers[0].crons", 8)]
