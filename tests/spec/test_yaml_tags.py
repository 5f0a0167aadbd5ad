"""YAML tags for values JSON has no word for are refused with their line: a flow's data
is JSON, as Kestra's Jackson reader gives it (no bytes from `!!binary`, no sets)."""
from .helpers import errors_of, parse, with_tasks


def test_it_refuses_binary_and_set_where_a_string_is_expected():
    errors = errors_of(with_tasks("""
        id: tags
        namespace: company.team
        variables:
          blob: !!binary aGVsbG8=
          names: !!set {a, b}
          pairs: !!omap [{a: 1}]
        """))
    assert [(e.line, e.message.split(":")[0]) for e in errors] == [
        (4, "the YAML tag !!binary is not supported"),
        (5, "the YAML tag !!set is not supported"),
        (6, "the YAML tag !!omap is not supported"),
    ]


def test_an_explicit_timestamp_stays_text_and_json_tags_are_read():
    spec = parse(with_tasks("""
        id: tags
        namespace: company.team
        variables:
          when: !!timestamp 2024-01-31
          count: !!int "3"
          text: !!str 42
        """))
    assert spec.variables == {"when": "2024-01-31", "count": 3, "text": "42"}
