"""Literals, `.` and `[]` access, and string literals kept exactly as written."""
from expressions import render


def test_it_reads_map_keys_with_dots_and_brackets():
    assert render("{{ outputs.upper['b'].value }}", {"outputs": {"upper": {"b": {"value": "B"}}}}) == "B"


def test_it_reads_keys_with_dashes():
    assert render("{{ outputs['my-task'].value }}", {"outputs": {"my-task": {"value": 7}}}) == "7"


def test_it_reads_list_items():
    assert render("{{ rows[1].id }}|{{ rows[0]['id'] }}", {"rows": [{"id": 1}, {"id": 2}]}) == "2|1"


def test_it_builds_lists_and_maps():
    assert render("{{ [1, 'a', [true]] }}|{{ {'k': 1 + 1, 'n': none} }}", {}) == '[1,"a",[true]]|{"k":2,"n":null}'


def test_boolean_and_null_literals():
    assert render("{{ true }}|{{ false }}|{{ TRUE }}|[{{ null }}]|[{{ NONE }}]", {}) == "true|false|true|[]|[]"


def test_it_keeps_operators_inside_strings():
    assert render("{{ 'a ?? b' }}|{{ \"c ? d : e\" }}|{{ 'f ~ g | h' }}|{{ '{{ x }}' }}|{{ '}}' }}", {}) == \
        "a ?? b|c ? d : e|f ~ g | h|{{ x }}|}}"


def test_it_only_unescapes_quotes_in_strings():
    assert render("{{ 'it\\'s' }}|{{ \"say \\\"hi\\\"\" }}|{{ 'a\\nb' }}", {}) == 'it\'s|say "hi"|a\\nb'


def test_an_expression_can_span_lines():
    assert render("{{ {\n  'title': t,\n  'n': 1\n} | toJson }}", {"t": "x"}) == '{"title":"x","n":1}'


def test_context_gives_every_variable():
    assert render("{{ _context.inputs.a }}", {"inputs": {"a": 1}}) == "1"
