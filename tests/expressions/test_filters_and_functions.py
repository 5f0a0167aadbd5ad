"""Kestra's filters and functions."""
import pytest

from expressions import render, render_value

V = {"taskrun": {"value": "abc"}, "data": {"a": [1, 2, 3], "b": "x"}, "when": "2024-01-15T10:30:45.123456Z"}


@pytest.mark.parametrize("template, expected", [
    ("{{ ['x', 'y', 'z'] | join(',') | upper }}|{{ 'Hello World' | slugify }}|{{ 'abc' | length }}",
     "X,Y,Z|hello-world|3"),
    ("{{ taskrun.value | upper }}", "ABC"),
    ("{{ 'a-b-c' | split('-') | last }}", "c"),
    ("{{ 'hello' | replace({'l': 'L'}) }}", "heLLo"),
    ("{{ 'file.tar.gz' | substringBefore('.') }}|{{ 'file.tar.gz' | substringAfterLast('.') }}", "file|gz"),
    ("{{ none_value | default('d') }}|{{ '' | default('e') }}", "d|e"),
    ("{{ data | keys | join }}|{{ data.a | first }}|{{ data.a | reverse | join }}", "ab|1|321"),
    ("{{ data | jq('.a | add') | first }}", "6"),
    ("{{ '{\"k\": [1]}' | fromJson | toJson }}", '{"k":[1]}'),
    ("{{ fromJson('[1,2]') | length }}", "2"),
    ("{{ 3.14159 | numberFormat('#.##') }}|{{ 2 | numberFormat('0.00') }}", "3.14|2.00"),
    # java.net.URLEncoder, as Pebble's urlencode (Kestra's docs: "The+string+%C3%BC%40foo-bar")
    ("{{ 'a b' | urlencode }}|{{ 'hi' | base64encode }}", "a+b|aGk="),
    ("{{ range(1, 5, 2) | join(',') }}", "1,3,5"),
    ("{{ max(3, 9, 4) }}{{ min(3, 9, 4) }}", "93"),
])
def test_filters(template, expected):
    assert render(template, {**V, "none_value": None}) == expected


@pytest.mark.parametrize("template, expected", [
    ("{{ when | date(\"yyyy-MM-dd'T'HH:mm:ss\") }}", "2024-01-15T10:30:45"),
    ("{{ when | date('dd/MM/yy HH:mm:ss.SSS') }}", "15/01/24 10:30:45.123"),
    ("{{ when | date('EEEE d MMMM yyyy', timeZone='Europe/Paris') }}", "Monday 15 January 2024"),
    ("{{ when | date('HH:mm XXX', timeZone='Europe/Paris') }}", "11:30 +01:00"),
    ("{{ when | dateAdd(1, 'DAYS') | date('yyyy-MM-dd') }}", "2024-01-16"),
    ("{{ when | dateAdd(-1, 'MONTHS') | date('yyyy-MM-dd') }}", "2023-12-15"),
    ("{{ '2024-01-15' | date('yyyy') }}", "2024"),
    ("{{ when | timestamp }}", "1705314645"),
])
def test_dates_use_java_patterns(template, expected, monkeypatch):
    monkeypatch.setenv("TZ", "UTC")
    assert render(template, V) == expected


def test_render_renders_variables_recursively():
    variables = {"vars": {"first": "1", "second": "{{ vars.first }} > 2", "third": "{{ vars.second }} > 3"}}
    assert render("{{ render(vars.third) }}", variables) == "1 > 2 > 3"
    assert render("{{ render(vars.third, recursive=false) }}", variables) == "{{ vars.first }} > 2 > 3"


def test_runtime_functions_are_injected():
    logs = [{"taskId": "failing", "message": "disk quota exceeded"}]
    template = "{% for log in errorLogs() %}report {{ log.taskId }}: {{ log.message }};{% endfor %}"
    assert render(template, {}, {"errorLogs": lambda: logs}) == "report failing: disk quota exceeded;"


def test_render_value_renders_nested_strings_only():
    value = {"a": ["{{ x }}", 2, {"{{ k }}": "{{ x ~ '!' }}"}], "b": None}
    assert render_value(value, {"x": "X", "k": "key"}) == {"a": ["X", 2, {"key": "X!"}], "b": None}
