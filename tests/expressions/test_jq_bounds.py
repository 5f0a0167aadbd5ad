"""A jq program cannot freeze the process: libjq holds the interpreter lock while it
runs, so a program that is not a plain path walk runs in a jq process of its own,
killed at the render's deadline or the task's kill. Kestra's JqFilter runs jackson-jq
in the worker's thread, which the task timeout stops."""
import threading

import pytest

from expressions import Budget, ExpressionError, LimitExceeded, Limits, RenderInterrupted, render
from expressions.jq_bounded import PATH_ONLY


@pytest.mark.parametrize("program", ["[range(1e9)] | length", "def f: f; f", "[limit(1e9; repeat(1))]"])
def test_a_runaway_program_is_stopped_naming_the_limit(program):
    with pytest.raises(LimitExceeded, match="KESTRAWEB_EXPRESSION_TIMEOUT=0.5"):
        render("{{ data | jq(program) }}", {"data": [1], "program": program}, budget=Budget(Limits(timeout=0.5)))
    assert render("{{ data | jq('reduce .[] as $n (0; . + $n)') | first }}", {"data": [1, 2]}) == "3"


def test_killing_the_task_stops_the_program():
    killed = threading.Event()
    threading.Timer(0.2, killed.set).start()
    with pytest.raises(RenderInterrupted, match="was killed"):
        render("{{ 1 | jq('def f: f; f') }}", {}, budget=Budget(Limits(), cancelled=killed))


def test_results_too_large_are_refused():
    with pytest.raises(LimitExceeded, match="KESTRAWEB_EXPRESSION_MAX_OUTPUT"):
        render("{{ 1 | jq('[range(100000)]') }}", {}, budget=Budget(Limits(max_output=1000)))


def test_programs_run_out_of_process_give_jq_s_results_and_errors():
    assert render("{{ data | jq('map(.id) | join(\",\")') | first }}", {"data": [{"id": "a"}, {"id": "b"}]}) == "a,b"
    assert render("{{ 'text' | jq('ascii_upcase') | first }}", {}) == "TEXT"  # not JSON: jq sees the string
    with pytest.raises(ExpressionError, match="boom"):
        render("{{ 1 | jq('error(\"boom\")') }}", {})


@pytest.mark.parametrize("program", [".", ".a.b", ".items[].id", ".[0]", '.["a b"] | length', ".a | keys", ".[]?"])
def test_path_walks_run_in_process(program):
    assert PATH_ONLY.fullmatch(program)


@pytest.mark.parametrize("program", ["..", "[.[]]", "range(3)", ".a | map(.)", "def f: f; f", ". as $x | $x"])
def test_anything_else_is_not_a_path_walk(program):
    assert not PATH_ONLY.fullmatch(program)


def test_a_program_eating_memory_ends_its_process_not_ours():
    """A string doubled thirty times is a gigabyte: the jq process ends at its memory bound."""
    with pytest.raises(ExpressionError, match="ended its process"):  # the memory bound, not the timeout
        render("{{ 1 | jq('\"a\" | until(length > 1e10; . + .) | length') }}", {}, budget=Budget(Limits(timeout=300)))
    assert render("{{ 1 | jq('[range(5)] | add') | first }}", {}) == "10"
