from flows.spec import FlowInvalid
from flows.spec.yaml_lines import line_of, load, plain

from .helpers import flow, invalid, parse


def test_it_reports_a_syntax_error_with_its_line():
    error = invalid("""
        id: broken
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
              format: "bad indent"
           - id: u
        """)
    assert len(error.errors) == 1
    assert error.errors[0].line == 6
    assert "line 6" in str(error)
    assert "mapping values are not allowed here" in str(error)
    assert str(error).startswith("YAML syntax error at line 6")


def test_it_reports_an_unclosed_quote_with_a_line():
    error = invalid("""
        id: broken
        namespace: company.team
        tasks:
          - id: "t
            type: test.spec.Echo
        """)
    assert error.errors[0].line is not None
    assert "line" in str(error)


def test_it_refuses_a_key_given_twice():
    error = invalid("""
        id: twice
        namespace: company.team
        tasks:
          - id: t
            type: test.spec.Echo
            format: a
            format: b
        """)
    [problem] = error.errors
    assert problem.line == 7
    assert problem.path == "format"
    assert "duplicate key 'format' (first at line 6)" in str(error)


def test_it_records_the_line_of_every_key_and_item():
    data = load(flow("""
        id: lines
        namespace: company.team
        tasks:
          - id: first
            type: test.spec.Echo

          - id: second
            type: test.spec.Echo
        """))
    assert line_of(data, "tasks") == 3
    assert line_of(data["tasks"], 0) == 4
    assert line_of(data["tasks"], 1) == 7
    assert line_of(data["tasks"][1], "type") == 8


def test_it_reads_scalars_as_kestra_does():
    data = load(flow("""
        a: on
        b: yes
        c: 2024-01-31
        d: 10:30
        e: true
        f: 1e3
        g: 0.5
        h: 42
        1: one
        true: yes
        """))
    assert data["a"] == "on" and data["b"] == "yes"
    assert data["c"] == "2024-01-31"
    assert data["d"] == "10:30"
    assert data["e"] is True
    assert data["f"] == 1000.0 and data["g"] == 0.5 and data["h"] == 42
    assert data["1"] == "one" and data["true"] == "yes"


def test_anchors_and_merge_keys_work():
    spec = parse("""
        id: anchors
        namespace: company.team
        variables:
          base: &base {a: 1, b: 2}
          more:
            <<: *base
            b: 3
        tasks:
          - id: t
            type: test.spec.Echo
            format: x
        """)
    assert spec.variables["more"] == {"a": 1, "b": 3}


def test_plain_gives_ordinary_dicts_and_lists():
    data = plain(load("a: [ {b: 1} ]"))
    assert type(data) is dict and type(data["a"]) is list and type(data["a"][0]) is dict


def test_a_document_that_is_not_a_map_is_invalid():
    error = invalid("- just\n- a list\n")
    assert error.errors[0].line == 1
    assert isinstance(error, FlowInvalid)
