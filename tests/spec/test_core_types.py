"""The same checks against the project's real core types, old and new names mixed."""
import pytest

from plugins.api import registry

from .helpers import errors_of, only_error, parse

CORE = ("io.kestra.plugin.core.log.Log", "io.kestra.core.tasks.debugs.Return", "io.kestra.plugin.core.flow.Switch")
pytestmark = pytest.mark.skipif(any(registry.resolve(name) is None for name in CORE),
                                reason="core task types are not registered yet")


def test_a_flow_mixing_old_and_new_core_names_is_valid():
    spec = parse("""
        id: mixed
        namespace: company.team
        inputs:
          - name: flag
            type: BOOL
        tasks:
          - id: hello
            type: io.kestra.core.tasks.log.Log
            message: hello
          - id: lines
            type: io.kestra.plugin.core.log.Log
            message:
              - one
              - two
          - id: switch
            type: io.kestra.core.tasks.flows.Switch
            value: "{{ inputs.flag }}"
            cases:
              "true":
                - id: yes_branch
                  type: io.kestra.plugin.core.debug.Return
                  format: "yes"
            defaults:
              - id: no_branch
                type: io.kestra.core.tasks.debugs.Return
                format: "no"
        """)
    ids = {task["id"] for task, _ in spec.all_tasks()}
    assert ids == {"hello", "lines", "switch", "yes_branch", "no_branch"}


def test_a_required_core_property_from_task_defaults_validates():
    assert errors_of("""
        id: defaults
        namespace: company.team
        tasks:
          - id: uses_default
            type: io.kestra.plugin.core.debug.Return
          - id: log_default
            type: io.kestra.plugin.core.log.Log
        taskDefaults:
          - type: io.kestra.plugin.core.debug.Return
            values:
              format: "from defaults in {{ flow.id }}"
          - type: io.kestra.plugin.core.log
            values:
              message: log default
        """) == []


def test_a_duplicate_id_inside_a_switch_case_is_found():
    error = only_error("""
        id: duplicate
        namespace: company.team
        tasks:
          - id: twice_here
            type: io.kestra.plugin.core.debug.Return
            format: a
          - id: switch
            type: io.kestra.plugin.core.flow.Switch
            value: x
            cases:
              x:
                - id: twice_here
                  type: io.kestra.plugin.core.debug.Return
                  format: b
        """)
    assert (error.path, error.line) == ("tasks[1].cases.x[0].id", 12)


def test_an_unknown_core_type_is_named():
    error = only_error("""
        id: unknown-type
        namespace: company.team
        tasks:
          - id: t
            type: io.kestra.plugin.core.debug.DoesNotExist
        """)
    assert "io.kestra.plugin.core.debug.DoesNotExist" in str(error) and error.line == 5
