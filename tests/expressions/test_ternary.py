"""`cond ? a : b`: lowest precedence, right-associative, nestable, usable anywhere."""
from expressions import render


def test_it_renders_ternary():
    assert render("{{ inputs.mode == 'prod' ? 'live' : 'dry' }}", {"inputs": {"mode": "prod"}}) == "live"
    assert render("{{ inputs.mode == 'prod' ? 'live' : 'dry' }}", {"inputs": {"mode": "test"}}) == "dry"


def test_it_nests_ternaries_to_the_right():
    template = "{{ n > 50 ? 'big' : n > 40 ? 'mid' : 'small' }}"
    assert [render(template, {"n": n}) for n in (60, 45, 1)] == ["big", "mid", "small"]


def test_it_nests_a_ternary_in_the_true_branch():
    assert render("{{ a ? b ? 'ab' : 'a' : 'none' }}", {"a": True, "b": False}) == "a"


def test_it_renders_a_ternary_inside_a_filter_argument():
    template = "{{ name | default(flag ? 'yes' : 'no') }}"
    assert render(template, {"name": "", "flag": True}) == "yes"
    assert render(template, {"name": "", "flag": False}) == "no"


def test_it_filters_a_parenthesised_ternary():
    assert render("{{ (n > 1 ? 'hi' : 'lo') | upper }}", {"n": 2}) == "HI"


def test_it_binds_the_ternary_lowest():
    assert render("{{ 1 + 1 == 2 ? 'x' ~ 'y' : 'z' }}", {}) == "xy"


def test_it_keeps_question_marks_and_colons_inside_strings():
    assert render("{{ flag ? 'a?b' : 'c:d' }}", {"flag": True}) == "a?b"
    assert render("{{ 'what?: no ?? yes' }}", {}) == "what?: no ?? yes"
    assert render('{{ "x ? y : z" }}', {}) == "x ? y : z"
