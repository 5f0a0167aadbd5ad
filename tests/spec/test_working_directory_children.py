"""A WorkingDirectory's children all run in its one folder: as Kestra's
WorkingDirectoryTaskValidator (and its WorkingDirectoryTest), the flow is refused when
it is saved if `tasks` is empty, holds a task that is not runnable (a flowable, a Pause,
a Subflow) or a task with its own workerGroup, with the child's line."""
from .helpers import errors_of, parse


def test_it_rejects_a_flowable_and_a_pause_inside():
    errors = errors_of("""
        id: wd
        namespace: company.team
        tasks:
          - id: dir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            tasks:
              - id: pause
                type: io.kestra.plugin.core.flow.Pause
                pauseDuration: PT1S
              - id: seq
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: t
                    type: test.spec.Echo
                    format: x
        """)
    assert [(e.path, e.line) for e in errors] == [("tasks[0].tasks[0].type", 8), ("tasks[0].tasks[1].type", 11)]
    assert errors[0].message == ("Only runnable tasks are allowed as children of a WorkingDirectory task "
                                 "(task 'dir')")


def test_it_rejects_a_worker_group_on_a_child():
    errors = errors_of("""
        id: wd
        namespace: company.team
        tasks:
          - id: dir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
                workerGroup: {key: gpu}
        """)
    assert [(e.path, e.line) for e in errors] == [("tasks[0].tasks[0].workerGroup", 10)]
    assert errors[0].message == ("Cannot set a Worker Group in any WorkingDirectory sub-tasks, it is only "
                                 "supported at the WorkingDirectory level (task 'dir')")


def test_it_rejects_empty_tasks():
    errors = errors_of("""
        id: wd
        namespace: company.team
        tasks:
          - id: dir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            tasks: []
        """)
    assert [(e.path, e.line, e.message) for e in errors] == [
        ("tasks[0].tasks", 6, "The 'tasks' property cannot be empty (task 'dir')")]


def test_runnable_children_and_flowable_handlers_are_accepted():
    """The rule is on `tasks` only: Kestra's validator does not look at errors/finally."""
    parse("""
        id: wd
        namespace: company.team
        workerGroup: {key: gpu}
        tasks:
          - id: dir
            type: io.kestra.plugin.core.flow.WorkingDirectory
            workerGroup: {key: gpu}
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
            errors:
              - id: seq
                type: io.kestra.plugin.core.flow.Sequential
                tasks:
                  - id: e
                    type: test.spec.Echo
                    format: x
        """)
