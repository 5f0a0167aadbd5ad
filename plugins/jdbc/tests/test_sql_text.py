"""Statements and `:name` parameters found outside quotes and comments. Kestra's
AbstractJdbcQueries splits on `;[^']` and AbstractJdbcBaseQuery#prepareStatement finds
`:\\w+`; the same SQL gives the same statements here, and literals stay whole."""
import pytest

from plugins.jdbc.errors import JdbcError
from plugins.jdbc.sql_text import bind_named, split_statements


def test_statements_are_split_on_semicolons_outside_quotes_and_comments():
    sql = """CREATE TABLE t (a text);
    INSERT INTO t VALUES ('x;y'), ("q;"); -- a comment; still a comment
    /* a block; comment */ SELECT $$body; here$$, $f$ ; $f$;
    ;
    """
    assert split_statements(sql) == [
        "CREATE TABLE t (a text)",
        """INSERT INTO t VALUES ('x;y'), ("q;")""",
        "-- a comment; still a comment\n    /* a block; comment */ SELECT $$body; here$$, $f$ ; $f$",
    ]


def test_a_single_statement_with_a_trailing_semicolon_is_one():
    assert split_statements("CREATE DATABASE IF NOT EXISTS KESTRA;\n") == ["CREATE DATABASE IF NOT EXISTS KESTRA"]
    assert split_statements("  ;  -- nothing\n") == []


def test_named_parameters_are_bound_in_order_and_literals_and_casts_are_left_alone():
    sql, values = bind_named("SELECT :a, ':b', x::text, :a || '10:30' FROM t WHERE c = :c", {"a": 1, "c": "z"}, "?")
    assert sql == "SELECT ?, ':b', x::text, ? || '10:30' FROM t WHERE c = ?"
    assert values == [1, 1, "z"]


def test_a_percent_is_doubled_for_drivers_that_format_with_percent_s():
    sql, values = bind_named("SELECT '%' || :a WHERE b LIKE 'x%'", {"a": 2}, "%s")
    assert sql == "SELECT '%%' || %s WHERE b LIKE 'x%%'" and values == [2]


def test_without_parameters_the_sql_is_untouched():
    assert bind_named("SELECT '%', :a", None, "%s") == ("SELECT '%', :a", [])


def test_a_parameter_the_map_does_not_give_is_named():
    with pytest.raises(JdbcError, match="':missing'"):
        bind_named("SELECT :missing", {"a": 1}, "?")
