"""A task past its `timeout` logs Kestra's message, "Timeout after HH:mm:ss.SSS"."""
from datetime import timedelta

import pytest

from plugins.api.durations import format_hms
from tests.flow_runs import run_flow


def test_durations_print_as_hours_minutes_seconds_and_millis():
    assert format_hms(timedelta(milliseconds=500)) == "00:00:00.500"
    assert format_hms(timedelta(hours=1, minutes=2, seconds=3)) == "01:02:03.000"
    assert format_hms(timedelta(days=2)) == "48:00:00.000"


@pytest.mark.django_db(transaction=True)
def test_the_timeout_log_uses_kestras_format():
    run = run_flow("""
        id: timeout_message
        namespace: tests.core
        tasks:
          - id: slow
            type: io.kestra.plugin.core.flow.Sleep
            duration: PT20S
            timeout: PT0.2S
    """)
    assert run.state == "FAILED"
    assert run.logs() == ["Waiting for PT20S", "Timeout after 00:00:00.200"]  # Sleep says how long first
