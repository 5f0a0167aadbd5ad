"""Collection filters; they never change the list they are given."""
import pytest

from expressions import ExpressionError, render


def r(template, **variables):
    return render(template, variables)


def test_first_last_keys_values():
    assert r("{{ ['apple', 'banana'] | first }}|{{ 'Kestra' | first }}|{{ [1, 2] | last }}|{{ 'Kestra' | last }}") \
        == "apple|K|2|a"
    assert r("{{ {'foo': 'bar', 'baz': 'qux'} | keys }}|{{ {'foo': 'bar'} | values }}|{{ ['a', 'b'] | keys }}") \
        == '["foo","baz"]|["bar"]|[0,1]'


def test_sort_rsort_reverse():
    assert r("{{ [3, 1, 2] | sort }}|{{ [3, 1, 2] | rsort }}|{{ ['a', 'b'] | reverse }}") \
        == "[1,2,3]|[3,2,1]|[\"b\",\"a\"]"


def test_slice():
    assert r("{{ ['apple', 'banana', 'cherry'] | slice(1, 2) }}|{{ 'Mitch' | slice(1, 3) }}|"
             "{{ [1, 2, 3] | slice(1) }}") \
        == '["banana"]|it|[2,3]'


def test_slice_refuses_an_end_past_the_input():
    with pytest.raises(ExpressionError, match="toIndex"):
        r("{{ [1] | slice(0, 5) }}")


def test_merge():
    assert r("{{ [1, 2] | merge([3, 4]) }}|{{ {'a': 1} | merge({'b': 2}) }}") == '[1,2,3,4]|{"a":1,"b":2}'


def test_chunk_distinct_uniq_flatten():
    assert r("{{ [1, 2, 3, 4, 5] | chunk(2) }}") == "[[1,2],[3,4],[5]]"
    assert r("{{ ['1', '1', '2', '3'] | distinct }}|{{ [1, 1] | uniq }}") == '["1","2","3"]|[1]'
    assert r("{{ [[1, 2], [3, [4]]] | flatten }}") == "[1,2,3,[4]]"


def test_join_writes_java_text():
    assert r("{{ [1, true, none, 2.0] | join(', ') }}|{{ ['a', 'b'] | join }}") == "1, true, null, 2.0|ab"


def test_length():
    assert r("{{ ['apple', 'banana'] | length }}|{{ 'Mitch' | length }}|{{ {'a': 1, 'b': 2} | length }}") == "2|5|2"
