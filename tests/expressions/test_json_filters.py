"""toJson (and legacy json), fromJson (filter and function) and jq."""
import pytest

from expressions import ExpressionError, render


def test_to_json_is_compact():
    assert render("{{ {'a': 1, 'b': [true, null]} | toJson }}", {}) == '{"a":1,"b":[true,null]}'
    assert render("{{ [1, 2, 3] | toJson }}|{{ true | toJson }}|{{ 'foo' | toJson }}|{{ none | toJson }}", {}) \
        == '[1,2,3]|true|"foo"|null'


def test_legacy_json_filter_is_to_json():
    assert render("{{ {'a': 'é'} | json }}", {}) == '{"a":"é"}'


def test_from_json_function_and_filter():
    assert render("{{ fromJson('[1, 2, 3]')[0] }}|{{ fromJson('{\"foo\": [666, 1, 2]}').foo[0] }}", {}) == "1|666"
    assert render("{{ (payload | fromJson).a }}|{{ json('{\"b\": 2}').b }}", {"payload": '{"a": 1}'}) == "1|2"


def test_from_json_reports_invalid_json():
    with pytest.raises(ExpressionError, match="Invalid json"):
        render("{{ fromJson('{nope') }}", {})


def test_jq_gives_every_result_as_a_list():
    outputs = {"task1": {"value": 1, "text": "awesome1"}, "task2": {"value": 2, "text": "awesome2"}}
    assert render("{{ outputs | jq('.task1.value') | first }}", {"outputs": outputs}) == "1"
    assert render("{{ [1, 2, 3] | jq('.') }}|{{ [1, 2, 3] | jq('.[]') }}", {}) == "[[1,2,3]]|[1,2,3]"
    assert render("{{ scores | values | jq('reduce .[] as $num (0; .+$num)') | first }}",
                  {"scores": {"English": 72, "Maths": 88}}) == "160"


def test_jq_reads_json_text():
    assert render("{{ body | jq('.items[].id') }}", {"body": '{"items": [{"id": "a"}, {"id": "b"}]}'}) == '["a","b"]'


def test_jq_reports_a_bad_program():
    with pytest.raises(ExpressionError, match="jq"):
        render("{{ [1] | jq('.[') }}", {})


def test_to_ion():
    assert render("{{ {'a': 1, 'b': [true, null, 'x', 2.5]} | toIon }}", {}) == '{a:1,b:[true,null,"x",2.5e0]}'
