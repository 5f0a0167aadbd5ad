from .helpers import errors_of, only_error, parse


def tasks_by_id(spec) -> dict:
    return {task["id"]: task for task, _path in spec.all_tasks()}


def test_a_default_fills_what_a_task_leaves_out_and_the_tasks_own_value_wins():
    spec = parse("""
        id: defaults
        namespace: company.team
        tasks:
          - id: uses_default
            type: test.spec.Echo
          - id: own_value
            type: test.spec.Echo
            format: mine
        pluginDefaults:
          - type: test.spec.Echo
            values:
              format: "from defaults in {{ flow.id }}"
        """)
    tasks = tasks_by_id(spec)
    assert tasks["uses_default"]["format"] == "from defaults in {{ flow.id }}"
    assert tasks["own_value"]["format"] == "mine"


def test_a_forced_default_overrides_the_tasks_value():
    spec = parse("""
        id: forced
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: mine
        pluginDefaults:
          - type: test.spec.Echo
            forced: true
            values:
              format: forced
        """)
    assert spec.tasks[0]["format"] == "forced"


def test_the_legacy_task_defaults_and_plugin_defaults_merge():
    spec = parse("""
        id: both
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
        taskDefaults:
          - type: test.spec.Echo
            values: {format: from task defaults, count: 1}
        pluginDefaults:
          - type: test.spec.Echo
            values: {format: from plugin defaults}
        """)
    assert spec.tasks[0]["format"] == "from plugin defaults"
    assert spec.tasks[0]["count"] == 1
    assert [d["values"]["format"] for d in spec.plugin_defaults] == ["from plugin defaults", "from task defaults"]


def test_a_package_prefix_applies_to_every_type_under_it_at_any_depth():
    spec = parse("""
        id: prefix
        namespace: company.team
        tasks:
          - id: group
            type: test.spec.Group
            tasks:
              - id: get
                type: test.spec.http.Get
              - id: post
                type: test.spec.http.Post
        pluginDefaults:
          - type: test.spec.http
            values:
              uri: https://example.com
              body: only Post has a body
        """)
    tasks = tasks_by_id(spec)
    assert tasks["get"]["uri"] == tasks["post"]["uri"] == "https://example.com"
    assert tasks["post"]["body"] == "only Post has a body"
    assert "body" not in tasks["get"]  # ignored where the type has no such property, as Kestra does


def test_a_default_written_with_the_old_name_applies_to_the_new_one_and_back():
    spec = parse("""
        id: names
        namespace: company.team
        tasks:
          - id: new
            type: test.spec.Echo
          - id: old
            type: test.legacy.Echo
        pluginDefaults:
          - type: test.legacy.Echo
            values: {format: from the old name}
        """)
    assert [t["format"] for t in spec.tasks] == ["from the old name", "from the old name"]


def test_maps_merge_key_by_key_and_lists_are_joined():
    spec = parse("""
        id: deep
        namespace: company.team
        tasks:
          - id: post
            type: test.spec.http.Post
            uri: https://example.com
            headers: {X-Own: mine, X-Both: mine}
            tags: [own]
        pluginDefaults:
          - type: test.spec.http.Post
            values:
              headers: {X-Default: default, X-Both: default}
              tags: [default]
        """)
    post = spec.tasks[0]
    assert post["headers"] == {"X-Own": "mine", "X-Both": "mine", "X-Default": "default"}
    assert post["tags"] == ["default", "own"]


def test_when_several_defaults_match_the_first_listed_wins():
    spec = parse("""
        id: order
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
        pluginDefaults:
          - type: test.spec.Echo
            values: {format: first}
          - type: test.spec
            values: {format: second}
          - type: test.spec.Echo
            forced: true
            values: {count: 1}
          - type: test.spec.Echo
            forced: true
            values: {count: 2}
        """)
    assert spec.tasks[0]["format"] == "first"
    assert spec.tasks[0]["count"] == 1


def test_defaults_reach_errors_finally_nested_cases_and_triggers():
    spec = parse("""
        id: everywhere
        namespace: company.team
        tasks:
          - id: switch
            type: test.spec.Branches
            value: a
            cases:
              a:
                - id: in_case
                  type: test.spec.Echo
        errors:
          - id: in_errors
            type: test.spec.Echo
        finally:
          - id: in_finally
            type: test.spec.Echo
        triggers:
          - id: schedule
            type: io.kestra.plugin.core.trigger.Schedule
        pluginDefaults:
          - type: test.spec.Echo
            values: {format: defaulted}
          - type: io.kestra.core.models.triggers.types.Schedule
            values: {cron: "0 9 * * *"}
        """)
    tasks = tasks_by_id(spec)
    assert {tasks[i]["format"] for i in ("in_case", "in_errors", "in_finally")} == {"defaulted"}
    assert spec.triggers[0]["cron"] == "0 9 * * *"


def test_a_required_property_may_come_only_from_a_default():
    assert errors_of("""
        id: required
        namespace: company.team
        tasks:
          - id: get
            type: test.spec.http.Get
        pluginDefaults:
          - type: test.spec.http.Get
            values: {uri: https://example.com}
        """) == []


def test_a_wrong_value_from_a_default_is_reported_at_the_defaults_line():
    error = only_error("""
        id: wrong
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        pluginDefaults:
          - type: test.spec.Echo
            values:
              count: many
        """)
    assert (error.path, error.line) == ("tasks[0].count", 10)


def test_a_default_naming_a_property_its_type_lacks_is_refused():
    error = only_error("""
        id: unknown
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        pluginDefaults:
          - type: test.spec.Echo
            values:
              fromat: typo
        """)
    assert (error.path, error.line) == ("pluginDefaults[0].values.fromat", 10)
    assert "fromat" in error.message


def test_a_default_needs_a_type_and_values_without_nulls():
    errors = errors_of("""
        id: shape
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        pluginDefaults:
          - values: {format: y}
          - type: test.spec.Echo
          - type: test.spec.Echo
            values: {format: ~}
            force: true
        """)
    assert {(e.path, e.line) for e in errors} == {
        ("pluginDefaults[0].type", 8),
        ("pluginDefaults[1].values", 9),
        ("pluginDefaults[2].values.format", 11),
        ("pluginDefaults[2].force", 12),
    }


def test_the_flow_data_keeps_the_defaults_applied():
    spec = parse("""
        id: data
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
        pluginDefaults:
          - type: test.spec.Echo
            values: {format: x}
        """)
    assert spec.data["tasks"][0]["format"] == "x"
    assert spec.data["pluginDefaults"] == [{"type": "test.spec.Echo", "values": {"format": "x"}}]
