"""A parent flow whose Subflow task starts a child flow (tests.api.parent -> tests.api.child),
for the endpoints that act on an execution's lineage (kill cascade, follow-dependencies)."""
import textwrap

from executions.engine.create import create_execution
from executions.models import Execution
from tests.flow_runs import save

PARENT = """
    id: parent
    namespace: tests.api
    tasks:
      - id: sub
        type: io.kestra.plugin.core.flow.Subflow
        namespace: tests.api
        flowId: child
"""


def create_parent_of(child_tasks: str) -> Execution:
    """Save `child` with `child_tasks` (a YAML list) and `parent`; a created execution of `parent`."""
    save("id: child\nnamespace: tests.api\ntasks:\n" + textwrap.dedent(child_tasks))
    return create_execution(save(PARENT))
