import pytest

from .helpers import errors_of, only_error


def echo(extra: str) -> str:
    return f"""
        id: kinds
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
            {extra}
        """


@pytest.mark.parametrize("extra, path", [
    ("count: many", "tasks[0].count"),
    ("count: 1.5", "tasks[0].count"),
    ("ratio: lots", "tasks[0].ratio"),
    ("flag: maybe", "tasks[0].flag"),
    ("wait: five minutes", "tasks[0].wait"),
    ("wait: P", "tasks[0].wait"),
    ("level: MEDIUM", "tasks[0].level"),
    ("options: [a, b]", "tasks[0].options"),
    ("numbers: {a: 1}", "tasks[0].numbers"),
    ("numbers: [1, two]", "tasks[0].numbers[1]"),  # the item itself, with its line
    ("message: {a: 1}", "tasks[0].message"),
    ("timeout: soon", "tasks[0].timeout"),
    ("disabled: sometimes", "tasks[0].disabled"),
    ("logLevel: LOUD", "tasks[0].logLevel"),
])
def test_it_refuses_a_value_of_the_wrong_kind(extra, path):
    error = only_error(echo(extra))
    assert error.path == path
    assert error.line == 7
    assert "'t'" in error.message


@pytest.mark.parametrize("extra", [
    "count: 3", "count: '3'", "ratio: 0.5", "ratio: 2", "flag: true", "flag: 'false'",
    "wait: PT5M", "wait: PT0.5S", "wait: P1D", "level: HIGH", "options: {a: 1}",
    "numbers: [1, 2]", "anything: [1, {a: b}]", "timeout: PT1H", "allowFailure: true",
    "runIf: \"{{ true }}\"", "description: words", "logLevel: DEBUG", "message: 42",
])
def test_it_accepts_values_of_the_right_kind(extra):
    assert errors_of(echo(extra)) == []


@pytest.mark.parametrize("extra", [
    "count: \"{{ inputs.n }}\"", "wait: \"{{ vars.wait }}\"", "level: \"{{ inputs.level }}\"",
    "numbers: [1, \"{{ inputs.n }}\"]", "options: \"{{ inputs.options }}\"",
])
def test_an_expression_in_a_dynamic_property_is_checked_at_run_time(extra):
    assert errors_of(echo(extra)) == []


def test_an_expression_in_a_non_dynamic_property_is_refused():
    error = only_error(echo("flag: \"{{ inputs.flag }}\""))
    assert (error.path, error.line) == ("tasks[0].flag", 7)
