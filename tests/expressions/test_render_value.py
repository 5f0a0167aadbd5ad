"""render_value renders strings anywhere in nested values; plain text is returned as is."""
from expressions import is_expression, render, render_value


def test_it_renders_nested_dicts_and_lists_keys_included():
    value = {"a": ["{{ x }}", 1, None], "{{ key }}": {"b": "{{ x + 1 }}"}, "plain": True}
    assert render_value(value, {"x": 1, "key": "k"}) == {"a": ["1", 1, None], "k": {"b": "2"}, "plain": True}


def test_it_passes_injected_functions_down():
    assert render_value(["{{ kv('a') }}"], {}, {"kv": lambda key: key.upper()}) == ["A"]


def test_text_without_expressions_is_returned_unchanged():
    text = "no {braces} here, 50% off #1"
    assert render(text, {}) is text


def test_is_expression():
    assert is_expression("{{ x }}") and is_expression("{% if x %}{% endif %}") and is_expression("{# c #}")
    assert not is_expression("plain { text }") and not is_expression(42)
