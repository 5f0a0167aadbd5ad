"""A ForEach costs each round what changed in it, not all its values: the work of a
whole run grows linearly with the number of values (3,000 values used to take 5.6 s,
10,000 took 81 s). Counted in calls, never timed: how often an iteration's progress is
evaluated and how often a taskrun's outputs are merged into the `outputs` variable.

The limit on the number of values is the setting KESTRAWEB_LOOP_MAX_VALUES, and the
error names it (Kestra bounds a loop's values in the same way, as an error of the task)."""
import pytest

from executions.engine import branches, view
from tests.flow_runs import run_flow

pytestmark = pytest.mark.django_db(transaction=True)


def foreach(n: int, limit: int) -> str:
    return f"""
        id: many_{n}_{limit}
        namespace: tests.scale
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: "{{{{ range(1, {n}) }}}}"
            concurrencyLimit: {limit}
            tasks:
              - id: item
                type: io.kestra.plugin.core.debug.Return
                format: "{{{{ taskrun.value }}}}"
        """


@pytest.fixture
def counted(monkeypatch):
    """Counts calls of the engine's own functions, which still do their work."""
    counts = {"iterations evaluated": 0, "outputs merged": 0}

    def counting(name, original):
        def wrapper(*args, **kwargs):
            counts[name] += 1
            return original(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(branches.BranchRuntime, "sequential",
                        counting("iterations evaluated", branches.BranchRuntime.sequential))
    monkeypatch.setattr(view, "merge_outputs", counting("outputs merged", view.merge_outputs))
    return counts


def work_for(counted, n: int, limit: int) -> dict:
    for key in counted:
        counted[key] = 0
    run = run_flow(foreach(n, limit), timeout=300)
    assert run.state == "SUCCESS", run.logs()
    assert len(run.of("item")) == n
    return dict(counted)


@pytest.mark.parametrize("limit", [1, 0])
def test_the_work_of_a_foreach_grows_linearly_with_its_values(counted, limit):
    small, large = work_for(counted, 60, limit), work_for(counted, 120, limit)
    for what in small:
        # Linear: twice the values, about twice the work (quadratic would be four times).
        assert large[what] <= 2.5 * small[what], (what, small[what], large[what])


def test_more_values_than_the_setting_allows_fail_the_loop_naming_it(settings):
    settings.LOOP_MAX_VALUES = 5
    run = run_flow(foreach(6, 0))
    assert run.state == "FAILED"
    assert run.one("each").state == "FAILED"
    assert not run.of("item")
    assert "'each': 6 values are more than the 5 a loop may take (setting KESTRAWEB_LOOP_MAX_VALUES)" in run.logs()
