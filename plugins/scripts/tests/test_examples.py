"""Every example of the script types is a real flow that runs to SUCCESS."""
import pytest

from plugins.api.registry import all_types
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLES = [(name, example) for name, cls in all_types().items() if name.startswith("io.kestra.plugin.scripts.")
            for example in cls.examples]


def test_every_script_type_has_an_example():
    assert {name for name, _ in EXAMPLES} == {
        "io.kestra.plugin.scripts.shell.Commands", "io.kestra.plugin.scripts.shell.Script",
        "io.kestra.plugin.scripts.python.Commands", "io.kestra.plugin.scripts.python.Script"}


@pytest.mark.parametrize("name,example", EXAMPLES, ids=[f"{n.rsplit('.', 2)[-2]}.{n.rsplit('.', 1)[-1]}"
                                                        for n, _ in EXAMPLES])
def test_the_example_runs(name, example):
    assert example.full
    run = run_flow(example.code)
    assert run.state == "SUCCESS", run.log_entries()
