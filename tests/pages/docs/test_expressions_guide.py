"""/ui/docs/expressions lists every filter, function and test the expressions package
registers (and the run context's functions), each with a note."""
import pytest
from django.utils.html import escape

from executions.expression_catalog import filter_names, function_names
from expressions.predicates import TESTS
from kestraweb.pages.docs import expression_notes

pytestmark = pytest.mark.django_db


def test_it_lists_every_registered_filter_function_and_test(admin_client):
    html = admin_client.get("/ui/docs/expressions").content.decode()
    for name in filter_names():
        assert f'id="filter-{name}"' in html, name
    for name in function_names():
        assert f'id="function-{name}"' in html, name
    for name in TESTS:
        assert f'id="test-{name}"' in html, name


def test_every_registered_name_has_a_note():
    """A new filter or function shows on the guide at once; this says it still needs its sentence."""
    assert set(filter_names()) - set(expression_notes.FILTERS) == set()
    assert set(function_names()) - set(expression_notes.FUNCTIONS) == set()
    assert set(TESTS) - set(expression_notes.TESTS) == set()


def test_a_note_names_nothing_unregistered():
    assert set(expression_notes.FILTERS) <= set(filter_names())
    assert set(expression_notes.FUNCTIONS) <= set(function_names())
    assert set(expression_notes.TESTS) <= set(TESTS)


def test_it_shows_each_usage(admin_client):
    html = admin_client.get("/ui/docs/expressions").content.decode()
    usage, _ = expression_notes.FILTERS["jq"]
    assert escape(usage) in html
