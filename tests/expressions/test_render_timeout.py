"""A render runs at most KESTRAWEB_EXPRESSION_TIMEOUT seconds, and never past the
deadline or the kill of the task that runs it: loops and calls check the clock, so
nested loops or a macro calling itself twice stop with a named error and the process
renders on. (Kestra's Pebble renders without a bound; its task timeout stops the
worker thread, which is what the deadline here does.)"""
import threading
import time

import pytest

from expressions import Budget, LimitExceeded, Limits, RenderInterrupted, render

NESTED_LOOPS = "{% for a in range(1, 100000) %}{% for b in range(1, 100000) %}{% endfor %}{% endfor %}"
FORK_MACRO = "{% macro f(n) %}{% if n > 0 %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(60) }}"


@pytest.mark.parametrize("template", [NESTED_LOOPS, FORK_MACRO])
def test_a_render_that_runs_too_long_is_stopped_naming_the_limit(template):
    with pytest.raises(LimitExceeded, match="KESTRAWEB_EXPRESSION_TIMEOUT=0.2") as stopped:
        render(template, {}, budget=Budget(Limits(timeout=0.2)))
    assert stopped.value.limit == "timeout"
    assert render("{{ 1 + 1 }}", {}) == "2"


def test_the_task_deadline_stops_the_render():
    with pytest.raises(RenderInterrupted, match="ran past its timeout"):
        render(NESTED_LOOPS, {}, budget=Budget(Limits(), deadline=time.monotonic() + 0.2))


def test_killing_the_task_stops_the_render():
    killed = threading.Event()
    threading.Timer(0.2, killed.set).start()
    with pytest.raises(RenderInterrupted, match="was killed"):
        render(NESTED_LOOPS, {}, budget=Budget(Limits(), cancelled=killed))


def test_a_nested_render_shares_its_callers_budget():
    with pytest.raises(LimitExceeded, match="KESTRAWEB_EXPRESSION_TIMEOUT"):
        render("{{ render(loops) }}", {"loops": NESTED_LOOPS}, budget=Budget(Limits(timeout=0.2)))
