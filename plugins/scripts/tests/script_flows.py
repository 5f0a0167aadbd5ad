"""The flow most script tests run: one script task on the Process runner (the worker's
host, no container), so that each test writes only the properties it is about."""
import textwrap


def script_flow(flow_id: str, script_type: str, body: str, *, task_id: str = "sh", after: str = "") -> str:
    """The flow `tests.scripts.<flow_id>`: its task `task_id`, an io.kestra.plugin.scripts.`script_type`
    (e.g. `shell.Commands`) with the properties `body` (YAML), then the tasks `after` (a YAML list)."""
    task = textwrap.indent(textwrap.dedent(body).strip("\n"), " " * 4)
    rest = textwrap.indent(textwrap.dedent(after).strip("\n"), " " * 2)
    return (f"id: {flow_id}\nnamespace: tests.scripts\ntasks:\n"
            f"  - id: {task_id}\n    type: io.kestra.plugin.scripts.{script_type}\n"
            f"    taskRunner:\n      type: io.kestra.plugin.core.runner.Process\n{task}\n{rest}\n")
