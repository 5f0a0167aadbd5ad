"""String filters, with Kestra's and Pebble's semantics."""
import pytest

from expressions import ExpressionError, render


def r(template, **variables):
    return render(template, variables)


def test_it_chains_join_upper_slugify_and_length():
    assert r("{{ ['x', 'y', 'z'] | join(',') | upper }}|{{ 'Hello World' | slugify }}|{{ 'abc' | length }}") \
        == "X,Y,Z|hello-world|3"


def test_it_upper_cases_a_taskrun_value():
    assert render("{{ taskrun.value | upper }}", {"taskrun": {"value": "b"}}) == "B"


def test_case_filters_leave_other_letters_alone():
    assert r("{{ 'article TITLE' | title }}|{{ 'article TITLE' | capitalize }}|{{ 'LOUD' | lower }}") \
        == "Article TITLE|Article TITLE|loud"


def test_trim_and_abbreviate():
    assert r("[{{ '  padded  ' | trim }}]|{{ 'this is a long sentence.' | abbreviate(7) }}|"
             "{{ 'abc' | abbreviate(7) }}") \
        == "[padded]|this...|abc"


def test_replace_takes_a_map_or_a_pair():
    assert r("{{ 'I like %this% and %that%.' | replace({'%this%': 'foo', '%that%': 'bar'}) }}") \
        == "I like foo and bar."
    assert r("{{ 'a-b-c' | replace('-', '+') }}") == "a+b+c"
    assert r("{{ 'a1b22' | replace({'[0-9]+': '#'}, regexp=true) }}") == "a#b#"


def test_split_takes_a_java_regex_and_a_limit():
    assert r("{{ 'apple,banana,cherry' | split(',') }}") == '["apple","banana","cherry"]'
    assert r("{{ 'apple,banana,cherry,grape' | split(',', 2) }}") == '["apple","banana,cherry,grape"]'
    assert r("{{ 'a,b,,' | split(',') }}|{{ 'a,b,,' | split(',', -1) }}") == '["a","b"]|["a","b","",""]'
    # Pebble keeps backslashes in string literals: the regex is \. (YAML "\\." gives that)
    assert r("{{ value | split('\\.') }}", value="a.b") == '["a","b"]'


def test_slugify_keeps_ascii_words_and_single_dashes():
    assert r("{{ 'Hello World!' | slugify }}|{{ '  Éléphant -- rose_bleu ' | slugify }}") \
        == "hello-world|elephant-rose-bleu"


def test_substring_filters():
    assert r("{{ 'a.b.c' | substringBefore('.') }}|{{ 'a.b.c' | substringBeforeLast('.') }}|"
             "{{ 'a.b.c' | substringAfter('.') }}|{{ 'a.b.c' | substringAfterLast('.') }}") == "a|a.b|b.c|c"
    assert r("{{ 'abc' | substringBefore('x') }}|{{ 'abc' | substringAfter('x') }}|") == "abc||"


def test_starts_with_and_ends_with():
    assert r("{{ 'hello world' | startsWith('hello') }}|{{ 'hello world' | endsWith('x') }}") == "true|false"


def test_escape_char():
    assert r("{{ \"Can't be here\" | escapeChar('single') }}") == "Can\\'t be here"
    assert r("{{ value | escapeChar('double') }}", value='say "hi"') == 'say \\"hi\\"'
    assert r("{{ value | escapeChar('shell') }}", value="it's") == "it'\\''s"


def test_escape_char_needs_a_known_type():
    with pytest.raises(ExpressionError, match="single"):
        r("{{ 'x' | escapeChar('other') }}")


def test_indent_and_nindent():
    assert r("{{ value | indent(2) }}", value="a: 1\nb: 2") == "a: 1\n  b: 2"
    assert r("{{ value | nindent(4) }}", value="a: 1\nb: 2") == "\n    a: 1\n    b: 2"
    assert r("{{ value | indent(2, '-') }}", value="a\nb") == "a\n--b"


def test_string_and_length():
    assert r("{{ 123 | string }}|{{ 1.5 | string }}|{{ [1, 2] | length }}|{{ {'a': 1} | length }}|"
             "{{ none | length }}") \
        == "123|1.5|2|1|0"


def test_regex_filters():
    assert r("{{ 'order-12345-done' | regexExtract('\\d+') }}|{{ 'hello world' | regexMatch('wor') }}|"
             "{{ 'hello world' | regexReplace('(o)', '[$1]') }}") == "12345|true|hell[o] w[o]rld"


def test_null_input_gives_null():
    assert r("[{{ none | upper }}][{{ none | trim }}][{{ none | replace({'a': 'b'}) }}]") == "[][][]"
