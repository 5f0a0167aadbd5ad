"""The engine passes runtime functions (kv, secret, errorLogs ...) per render."""
import pytest

from expressions import ExpressionError, render


def test_it_iterates_over_error_logs():
    logs = [{"taskId": "fail", "message": "disk quota exceeded"}, {"taskId": "other", "message": "boom"}]
    template = "{% for log in errorLogs() %}report {{ log.taskId }}: {{ log.message }};{% endfor %}"
    assert render(template, {}, {"errorLogs": lambda: logs}) == \
        "report fail: disk quota exceeded;report other: boom;"


def test_it_calls_with_positional_and_named_arguments():
    def kv(key, namespace=None, errorOnMissing=True):  # noqa: N803
        return f"{namespace or 'ns'}/{key}/{'strict' if errorOnMissing is True else 'lenient'}"

    assert render("{{ kv('k') }}|{{ kv('k', namespace='other', errorOnMissing=false) }}", {}, {"kv": kv}) == \
        "ns/k/strict|other/k/lenient"


def test_injected_functions_override_built_ins():
    assert render("{{ now() }}", {}, {"now": lambda: "frozen"}) == "frozen"


def test_an_undefined_argument_fails_before_the_call():
    calls = []
    with pytest.raises(ExpressionError, match="missing"):
        render("{{ kv(missing) }}", {}, {"kv": calls.append})
    assert calls == []


def test_an_error_inside_a_function_is_an_expression_error():
    def secret(name):
        raise ValueError(f"no secret {name}")

    with pytest.raises(ExpressionError, match="no secret X"):
        render("{{ secret('X') }}", {}, {"secret": secret})
