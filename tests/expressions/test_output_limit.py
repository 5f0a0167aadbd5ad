"""No render builds a string (or list) past KESTRAWEB_EXPRESSION_MAX_OUTPUT: the
filters and operators that can multiply a size check it before building, and the
output of a template is counted as it is joined. Kestra's IndentFilter would build
`indent(1000000000)`'s padding (a gigabyte) and run out of memory."""
import pytest

from expressions import Budget, LimitExceeded, Limits, render


def refused(template, variables=None, limits=None):
    with pytest.raises(LimitExceeded, match="KESTRAWEB_EXPRESSION_MAX_OUTPUT") as stopped:
        render(template, variables or {}, budget=Budget(limits) if limits else None)
    assert stopped.value.limit == "max_output"
    return str(stopped.value)


def test_indent_is_refused_before_building_its_padding():
    assert "1000000000 characters" in refused("{{ 'a\nb' | indent(1000000000) }}")
    refused("{{ 'a\nb' | nindent(1000000000) }}")


def test_size_multiplying_filters_and_methods_are_refused():
    limits = Limits(max_output=1000)
    refused("{{ text | replace({'': sep}) }}", {"text": "a" * 100, "sep": "-" * 20}, limits)
    refused("{{ text.replace('a', sep) }}", {"text": "a" * 100, "sep": "-" * 20}, limits)
    refused("{{ range(1, 100) | join(sep) }}", {"sep": "-" * 20}, limits)
    refused("{{ text.replaceAll('', sep) }}", {"text": "a" * 100, "sep": "-" * 20}, limits)
    refused("{{ text | regexReplace('(a)', '$1$1$1$1$1$1$1$1$1$1$1$1$1$1$1') }}", {"text": "a" * 100}, limits)


def test_doubling_in_a_recursive_macro_is_refused():
    refused("{% macro f(s, n) %}{{ n > 0 ? f(s ~ s, n - 1) : s | length }}{% endmacro %}{{ f('ab', 40) }}")
    refused("{% macro f(s, n) %}{{ n > 0 ? f(s + s, n - 1) : s | length }}{% endmacro %}{{ f([1, 2], 40) }}")


def test_a_value_printed_from_shared_references_is_refused_before_printing():
    """A list of a list of a list ...: small in memory, gigabytes as text."""
    nested = ("{% set l1 = [big, big, big, big, big, big, big, big, big, big] %}"
              "{% set l2 = [l1, l1, l1, l1, l1, l1, l1, l1, l1, l1] %}"
              "{% set l3 = [l2, l2, l2, l2, l2, l2, l2, l2, l2, l2] %}")
    variables = {"big": "x" * 100}
    limits = Limits(max_output=50_000)
    refused(nested + "{{ l3 }}", variables, limits)
    refused(nested + "{{ l3 | toJson }}", variables, limits)
    refused(nested + "{{ l3 | yaml }}", variables, limits)
    refused(nested + "{{ l3 ~ '' }}", variables, limits)


def test_a_yaml_alias_bomb_is_refused_when_printed():
    bomb = "a: &a [x,x,x,x,x,x,x,x,x,x]\n" + "".join(
        f"{b}: &{b} [{', '.join(['*' + a] * 10)}]\n" for a, b in zip("abcdefg", "bcdefgh"))
    # read under YAML bounds loose enough to let it through (tests/expressions/test_yaml_function_bounds.py
    # shows the default ones refusing it while it is read): printing it is refused anyway
    refused("{{ yaml(bomb) }}", {"bomb": bomb}, Limits(yaml_aliases=10**6, yaml_values=10**12))


def test_the_output_of_a_loop_is_counted_as_it_is_joined():
    limits = Limits(max_output=1000)
    refused("{% for i in range(1, 200) %}xxxxxxxxxx{% endfor %}", {}, limits)
    assert len(render("{% for i in range(1, 100) %}xxxxxxxxxx{% endfor %}", {}, budget=Budget(limits))) == 1000


def test_ordinary_renders_are_untouched():
    assert render("{{ 'a\nb' | indent(2) }}", {}) == "a\n  b"
    assert render("{{ [1, 2] | join(', ') }} {{ 'ab' ~ 'c' }}", {}) == "1, 2 abc"


def test_the_error_names_the_expression_that_hit_the_limit():
    message = refused("{{ render(inner) }}", {"inner": "{{ 'a\nb' | indent(1000000000) }}"})
    assert message.startswith("Unable to render `{{ render(inner) }}`: ")
