"""Registering the trigger families imports none of their drivers, and a driver that
is missing fails only the evaluation of its trigger, naming the package."""
import subprocess
import sys

import pytest

from plugins.amqp.triggers import Trigger
from plugins.api.trigger_events import TriggerFailed

DRIVERS = ("psycopg", "pymysql", "redis", "pika", "paho", "nats", "httpx")


def test_the_registry_loads_every_family_without_a_driver():
    code = ("import sys; from plugins.api import registry; "
            "names = registry.all_types('trigger'); "
            "assert 'io.kestra.plugin.nats.core.Trigger' in names; "
            f"print(sorted(d for d in {DRIVERS!r} if d in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_missing_driver_fails_the_evaluation_by_name(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "pika", None)  # what Python does for a package that is not installed
    from plugins.conftest import MinimalTriggerContext
    watch = Trigger({"id": "watch", "type": Trigger.type, "host": "localhost", "queue": "q", "maxRecords": 1})
    with pytest.raises(TriggerFailed, match="the pika package is not installed"):
        watch.poll(MinimalTriggerContext(tmp_path))
