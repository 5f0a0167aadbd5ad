"""Each execution (and each step on it) gets a flow index of its own: the tasks a
Template inlines at run time go into that execution's index, never into the index
other executions of the flow get, as in Kestra each execution resolves its own
Template (Template.getFlowTasks is per execution, not a flow-wide cache)."""
import pytest

from executions.engine.flow_index import index_for_source
from executions.engine.flow_source import flow_source
from flows.services import save_template
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

USES_TEMPLATE = """
    id: uses-template-index
    namespace: tests.engine
    tasks:
      - id: tpl
        type: io.kestra.plugin.core.flow.Template
        namespace: tests.templates
        templateId: inlined
"""


def test_a_templates_inlined_tasks_stay_in_their_executions_index():
    save_template("""id: inlined
namespace: tests.templates
tasks:
  - id: from_template
    type: io.kestra.plugin.core.debug.Return
    format: inlined
""")
    run = run_flow(USES_TEMPLATE)
    assert run.state == "SUCCESS", run.logs()
    assert run.one("from_template").outputs == {"value": "inlined"}
    fresh = index_for_source(flow_source(run.execution))
    assert "from_template" not in fresh.tasks
    assert set(fresh.tasks) == {"tpl"}


def test_two_indexes_of_one_source_do_not_share_their_tasks():
    run = run_flow(USES_TEMPLATE.replace("templateId: inlined", "templateId: other"))  # fails: no such template
    source = flow_source(run.execution)
    one, two = index_for_source(source), index_for_source(source)
    one.add([{"id": "added_here", "type": "io.kestra.plugin.core.debug.Return", "format": "x"}])
    assert "added_here" in one.tasks and "added_here" not in two.tasks
    assert one.task("tpl") is two.task("tpl")  # the flow's own tasks are shared, read-only
