"""The yaml filter writes YAML as Kestra's Jackson mapper does; yaml() parses it."""
from expressions import render


def test_it_writes_maps_and_lists():
    value = {"key": "value", "list": [1, 2.5, "x"], "nested": {"a": True}}
    assert render("{{ value | yaml }}", {"value": value}) == \
        "key: value\nlist:\n - 1\n - 2.5\n - x\nnested:\n  a: true\n"


def test_it_quotes_strings_that_would_read_as_something_else():
    value = {"s1": "true", "s3": "", "s4": "a: b", "s7": "#c", "s6": "- x", "y": "plain text"}
    assert render("{{ value | yaml }}", {"value": value}) == (
        's1: "true"\ns3: ""\ns4: "a: b"\ns7: "#c"\ns6: \'- x\'\n"y": plain text\n')


def test_it_writes_multi_line_strings_as_blocks():
    assert render("{{ value | yaml }}", {"value": {"text": "line1\nline2"}}) == "text: |-\n  line1\n  line2\n"


def test_it_writes_lists_of_maps():
    assert render("{{ value | yaml }}", {"value": [{"a": 1, "b": 2}]}) == " -\n  a: 1\n  b: 2\n"


def test_yaml_function_parses():
    assert render("{{ yaml('foo: [666, 1, 2]').foo[0] }}", {}) == "666"
