"""Registering the trigger families imports none of their drivers, and a driver that
is missing fails only the evaluation of its trigger, naming the package."""
import subprocess
import sys

import pytest

from plugins.amqp.triggers import Trigger
from plugins.api.trigger_events import TriggerFailed

DRIVERS = ("psycopg", "pymysql", "redis", "pika", "paho", "nats")


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


# A family on the import path whose task module imports a driver that is not installed,
# beside a module that loads; registered as a family for one interpreter only.
BROKEN_FAMILY = {
    "__init__.py": 'TYPE_PREFIXES = ("io.kestra.plugin.broken.",)\n',
    "needs_driver.py": "import kestraweb_driver_that_is_not_installed  # noqa: F401\n",
    "fine.py": (
        "from plugins.api.registry import register\n"
        "from plugins.api.task import RunnableTask\n\n"
        "@register\n"
        "class Fine(RunnableTask):\n"
        "    type = 'io.kestra.plugin.broken.Fine'\n"
        "    def run(self, ctx):\n"
        "        return {}\n"),
}

CHECK_FLOWS = """
import json, os, sys
import django
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kestraweb.settings")
django.setup()
from plugins.api import registry
registry.FAMILIES = ("brokenfamily", *registry.FAMILIES)
from flows.spec.parse import validate_source

def errors(task_type):
    source = f"id: f\\nnamespace: tests.lazy\\ntasks:\\n  - id: t\\n    type: {task_type}\\n"
    return [e.message for e in validate_source(source)]

print(json.dumps({
    "core_first": errors("io.kestra.plugin.core.debug.Return"),
    "families_tried": sorted(registry._loaded),
    "broken_type": errors("io.kestra.plugin.broken.NeedsDriver"),
    "fine_type": errors("io.kestra.plugin.broken.Fine"),
    "other_unknown": errors("io.kestra.plugin.nothing.Here"),
    "failures": registry.load_failures(),
    "jdbc_still_there": registry.resolve_trigger("io.kestra.plugin.jdbc.postgresql.Trigger") is not None,
}))
"""


def test_a_family_that_fails_to_import_is_reported_for_its_own_types_only(tmp_path):
    """Kestra's PluginScanner likewise logs a plugin that fails to load and goes on with
    the others; its flows then fail validation on their unknown type."""
    import json
    import os

    package = tmp_path / "brokenfamily"
    package.mkdir()
    for name, text in BROKEN_FAMILY.items():
        (package / name).write_text(text)
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), root])}
    result = subprocess.run([sys.executable, "-c", CHECK_FLOWS], capture_output=True, text=True, env=env,
                            cwd=root, check=True)
    seen = json.loads(result.stdout.strip().splitlines()[-1])

    assert seen["core_first"] == []  # a core flow validates, loading core alone
    assert seen["families_tried"] == ["plugins.core"]
    broken = seen["broken_type"]
    assert len(broken) == 1 and "unknown type io.kestra.plugin.broken.NeedsDriver" in broken[0]
    assert "brokenfamily.needs_driver" in broken[0] and "kestraweb_driver_that_is_not_installed" in broken[0]
    assert seen["fine_type"] == []  # the family's module that loads still gives its type
    assert seen["other_unknown"] == ["unknown type io.kestra.plugin.nothing.Here (task 't')"]
    assert list(seen["failures"]) == ["brokenfamily"]
    assert seen["jdbc_still_there"]


def test_every_type_is_under_its_familys_prefixes():
    """The registry imports a family only for the names its TYPE_PREFIXES announce: a
    type outside them would be found only once every family is loaded."""
    import importlib

    from plugins.api import registry

    for name, cls in registry.all_types("task").items() | registry.all_types("trigger").items() \
            | registry.all_types("condition").items():
        family = next((f for f in registry.FAMILIES if cls.__module__.startswith(f + ".")), None)
        if family is None:  # a test-only type registered by a test module
            continue
        prefixes = getattr(importlib.import_module(family), registry.PREFIXES, None)
        assert prefixes, f"{family}/__init__.py declares no {registry.PREFIXES}: it is imported for any name"
        for alias in cls.names():
            assert alias.startswith(prefixes), f"{alias} ({name}) is outside {family}'s {prefixes}"
