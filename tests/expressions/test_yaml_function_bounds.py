"""The `yaml()` function reads a user's YAML within the same bounds as a flow's text
(expressions.yaml_bounds, Kestra's SnakeYAML LoaderOptions: maxAliasesForCollections,
nestingDepthLimit), measured before anything is built: an alias bomb or a deep
nesting ends with a LimitExceeded naming the setting, and the process renders on."""
import pytest

from expressions import Budget, LimitExceeded, Limits, render

BOMB = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{b}: &{b} [{', '.join(['*' + a] * 10)}]\n" for a, b in zip("abcdefg", "bcdefgh"))


def stopped(text: str, limits: Limits | None = None) -> LimitExceeded:
    with pytest.raises(LimitExceeded) as caught:
        render("{{ yaml(text) | length }}", {"text": text}, budget=Budget(limits) if limits else None)
    return caught.value


def test_it_refuses_an_alias_bomb_before_expanding_it():
    error = stopped(BOMB)
    assert error.limit == "yaml_values"
    assert "KESTRAWEB_YAML_MAX_VALUES=200000" in str(error)
    assert "at line 6" in str(error)  # the line of `f`, where the count passes the limit


def test_it_refuses_too_many_aliases_to_lists():
    many = "a: &a [x]\nb: [" + ", ".join(["*a"] * 60) + "]\n"
    error = stopped(many)
    assert error.limit == "yaml_aliases"
    assert "KESTRAWEB_YAML_MAX_ALIASES=50" in str(error)


def test_it_refuses_nesting_past_the_limit_as_the_budget_sets_it():
    error = stopped("[" * 30 + "]" * 30, Limits(nesting_depth=20))
    assert error.limit == "nesting_depth"
    assert "KESTRAWEB_MAX_NESTING_DEPTH=20" in str(error)


def test_the_process_renders_on_and_small_yaml_is_read():
    stopped(BOMB)
    assert render("{{ yaml(text).b[1] }}", {"text": "a: &a [1, 2]\nb: *a\n"}) == "2"
