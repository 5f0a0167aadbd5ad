"""`a ?? b` (b when a is null or undefined) and `a ??? b` (b only when undefined)."""
import pytest

from expressions import ExpressionError, render


def test_it_falls_back_when_the_value_is_null():
    assert render("{{ inputs.maybe ?? 'fallback' }}", {"inputs": {"maybe": None}}) == "fallback"


def test_it_falls_back_on_a_null_nested_value():
    assert render("{{ parent.taskrun.value ?? 'route' }}", {"parent": {"taskrun": {"value": None}}}) == "route"


def test_it_falls_back_when_a_whole_path_is_undefined():
    assert render("{{ nothing.at.all ?? 'x' }}", {}) == "x"


def test_it_keeps_a_defined_value():
    assert render("{{ inputs.maybe ?? 'fallback' }}", {"inputs": {"maybe": "set"}}) == "set"


def test_it_chains_to_the_first_defined_non_null_value():
    assert render("{{ foo ?? bar ?? baz }}", {"bar": None, "baz": "baz"}) == "baz"


def test_it_fails_when_every_side_is_undefined():
    with pytest.raises(ExpressionError, match="raise"):
        render("{{ foo ?? bar ?? raise }}", {})


def test_it_does_not_evaluate_the_fallback_when_not_needed():
    calls = []
    functions = {"kv": lambda key: calls.append(key) or "from kv"}
    assert render("{{ inputs.x ?? kv('default') }}", {"inputs": {"x": "given"}}, functions) == "given"
    assert calls == []
    assert render("{{ inputs.y ?? kv('default') }}", {"inputs": {}}, functions) == "from kv"


def test_it_falls_back_when_a_filter_fails_on_a_missing_variable():
    assert render("{{ (missing | upper) ?? 'd' }}", {}) == "d"


def test_it_binds_tighter_than_comparison_and_filters():
    assert render("{{ x ?? 'a' == 'a' }}", {}) == "true"
    assert render("{{ x ?? 'a' | upper }}", {}) == "A"
    assert render("{{ x ?? 'a' | upper }}", {"x": "b"}) == "B"


def test_triple_question_mark_only_replaces_undefined():
    assert render("{{ maybe ??? 'undef' }}", {"maybe": None}) == ""
    assert render("{{ missing ??? 'undef' }}", {}) == "undef"
    assert render("{{ a.b.c ??? 'undef' }}", {"a": {}}) == "undef"
