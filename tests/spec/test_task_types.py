from plugins.api import registry

from .helpers import only_error, parse


def test_it_rejects_an_unknown_type_naming_it():
    error = only_error("""
        id: unknown-type
        namespace: company.team
        tasks:
          - id: t
            type: io.kestra.plugin.core.debug.DoesNotExist
        """)
    assert error.path == "tasks[0].type"
    assert error.line == 5
    assert str(error) == "line 5: tasks[0].type: unknown type io.kestra.plugin.core.debug.DoesNotExist (task 't')"


def test_an_unknown_type_deep_inside_names_its_path():
    error = only_error("""
        id: nested-unknown
        namespace: company.team
        tasks:
          - id: group
            type: test.spec.Group
            tasks:
              - id: inner
                type: test.spec.Nope
        """)
    assert (error.path, error.line) == ("tasks[0].tasks[0].type", 8)


def test_old_and_new_names_mix_in_one_flow():
    spec = parse("""
        id: mixed
        namespace: company.team
        tasks:
          - id: new
            type: test.spec.Echo
            format: a
          - id: old
            type: test.legacy.Echo
            format: b
        """)
    assert [t["type"] for t in spec.tasks] == ["test.spec.Echo", "test.legacy.Echo"]


def test_the_types_own_check_runs_with_its_line():
    error = only_error("""
        id: checked
        namespace: company.team
        tasks:
          - id: range
            type: test.spec.Range
            low: 5
            high: 2
        """)
    assert (error.path, error.line) == ("tasks[0].low", 6)
    assert "must not be above high" in error.message and "range" in error.message


def test_the_types_own_check_waits_for_declared_properties():
    error = only_error("""
        id: checked
        namespace: company.team
        tasks:
          - id: range
            type: test.spec.Range
            low: 5
        """)
    assert error.path == "tasks[0].high"


def test_registry_knows_the_test_types_by_both_names():
    assert registry.resolve("test.legacy.Echo") is registry.resolve("test.spec.Echo")
