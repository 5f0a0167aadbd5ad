"""A Dag item without its `task` is refused when the flow is saved, as Kestra's
Dag.DagTask declares `task` @NotNull."""
from .helpers import errors_of


def test_a_dag_item_without_its_task_is_refused_with_its_line():
    errors = errors_of("""
        id: dag
        namespace: company.team
        tasks:
          - id: dag
            type: io.kestra.plugin.core.flow.Dag
            tasks:
              - dependsOn: []
        """)
    assert [(e.path, e.line) for e in errors] == [("tasks[0].tasks[0].task", 7)]
    assert "required property missing" in errors[0].message
