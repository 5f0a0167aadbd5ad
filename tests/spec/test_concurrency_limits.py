"""Concurrency settings out of range are refused when the flow is saved: ForEach's
`concurrencyLimit` is @PositiveOrZero in Kestra's ForEach, a flow's `concurrency.limit`
@Positive and an integer in Kestra's Concurrency."""
import pytest

from .helpers import errors_of, only_error, parse, with_tasks


def test_a_negative_concurrency_limit_of_foreach_is_refused():
    error = only_error("""
        id: each
        namespace: company.team
        tasks:
          - id: each
            type: io.kestra.plugin.core.flow.ForEach
            values: [1, 2]
            concurrencyLimit: -3
            tasks:
              - id: t
                type: test.spec.Echo
                format: x
        """)
    assert (error.path, error.line) == ("tasks[0].concurrencyLimit", 7)
    assert error.message == "must be at least 0, not -3 (task 'each')"


@pytest.mark.parametrize("limit, message", [
    ("-3", "must be at least 1, not -3"), ("0", "must be at least 1, not 0"),
    ("many", "must be an integer, not 'many'"), ("true", "must be an integer, not True"),
    ("[1]", "must be an integer, not a list"), ("1.5", "must be an integer, not 1.5"),
])
def test_a_flow_concurrency_limit_must_be_a_positive_integer(limit, message):
    """Kestra's Concurrency: `@Min(1) Integer limit`, declared in flows.spec.flow_properties."""
    errors = errors_of(with_tasks(f"""
        id: flow
        namespace: company.team
        concurrency:
          limit: {limit}
        """))
    assert [(e.path, e.line, e.message) for e in errors] == [("concurrency.limit", 4, message)]


def test_the_engine_gets_the_concurrency_in_one_spelling():
    """Jackson reads `limit: "2"` as 2 and the declaration reads `behavior` in any case:
    the flow spec hands the engine the declared kinds."""
    spec = parse(with_tasks("""
        id: flow
        namespace: company.team
        concurrency:
          limit: "2"
          behavior: cancel
        """))
    assert spec.concurrency == {"limit": 2, "behavior": "CANCEL"}
